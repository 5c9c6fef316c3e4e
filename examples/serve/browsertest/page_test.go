package browsertest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// preset is an entry of the server's /presets.json.
type preset struct {
	ID        string             `json:"id"`
	Name      string             `json:"name"`
	PriceList bool               `json:"price_list"`
	PlanKind  plan.Kind          `json:"plan_kind"`
	Rules     invoice.HouseRules `json:"rules"`
}

// repoRoot is the repository's root, three levels up.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// server returns the URL of a running examples/serve: BROWSERTEST_URL, or
// one this test builds and starts on a free loopback port.
func server(t *testing.T) string {
	t.Helper()
	if u := os.Getenv("BROWSERTEST_URL"); u != "" {
		return strings.TrimSuffix(u, "/")
	}
	bin := filepath.Join(t.TempDir(), "serve")
	build := exec.Command("go", "build", "-o", bin, "./examples/serve")
	build.Dir = repoRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building examples/serve: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
				addr <- line.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		return "http://" + a
	case <-time.After(30 * time.Second):
		t.Fatal("examples/serve did not start")
	}
	return ""
}

func presets(t *testing.T, base string) map[string]preset {
	t.Helper()
	resp, err := http.Get(base + "/presets.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var ps []preset
	if err := json.Unmarshal(b, &ps); err != nil {
		t.Fatalf("/presets.json: %v", err)
	}
	out := map[string]preset{}
	for _, p := range ps {
		out[p.ID] = p
	}
	return out
}

// euro writes an amount as the page does: "€ 1.234,56".
func euro(m tariff.Money) string {
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	out := "€ " + b.String() + "," + frac
	if neg {
		out = "− " + out
	}
	return out
}

// browser starts headless Chromium with the flags this machine needs.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no Chromium at %s (apt-get install chromium, or set CHROMIUM): %v", path, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "nl-BE"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 1400),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first call starts the browser: no timeout on it (it would stop
	// the browser), each step below has its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// outDir is where the screenshots go.
func outDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BROWSERTEST_OUT")
	if dir == "" {
		dir = filepath.Join(repoRoot(t), ".ci", "out", "browser")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(outDir(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// slotText is one weekday's hours in the form: the inputs' ids and values.
type slotText struct{ day, from, to string }

// fill loads the page and fills in the form: the dates by value (a date
// picker's keys depend on the locale), the rest by typing.
func fill(base, presetID, birth, month, start, daily string, social bool, slots []slotText) chromedp.Action[chromedp.Void] {
	tasks := []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(base + "/"),
		chromedp.WaitVisible(css("#bereken")),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll("#opvang option").length > 0`),
		chromedp.SetValue(css("#opvang"), presetID),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("opvang").dispatchEvent(new Event("change"))`),
		chromedp.SetValue(css("#geboortedatum"), birth),
		chromedp.SetValue(css("#maand"), month),
		chromedp.SetValue(css("#start"), start),
	}
	if daily != "" {
		tasks = append(tasks, chromedp.SendKeys(css("#dagprijs"), daily))
	}
	if social {
		tasks = append(tasks, chromedp.Click(css("#sociaal")))
	}
	moment := map[string]int{}
	for _, s := range slots {
		moment[s.day]++
		id := fmt.Sprintf("#%s-%d-", s.day, moment[s.day])
		tasks = append(tasks, chromedp.SendKeys(css(id+"van"), s.from), chromedp.SendKeys(css(id+"tot"), s.to))
	}
	return chromedp.Steps(tasks...)
}

func css(s string) chromedp.CSS { return chromedp.CSS(s) }

// run runs steps with a timeout of their own.
func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// value runs an action that answers a value.
func value[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// planOf is the plan the page sends for the slots.
func planOf(kind plan.Kind, start string, slots []slotText) plan.Plan {
	var w plan.Week
	for _, s := range slots {
		sl := plan.Slot{Start: plan.MustClock(s.from), End: plan.MustClock(s.to)}
		switch s.day {
		case "ma":
			w.Monday = append(w.Monday, sl)
		case "di":
			w.Tuesday = append(w.Tuesday, sl)
		case "wo":
			w.Wednesday = append(w.Wednesday, sl)
		case "do":
			w.Thursday = append(w.Thursday, sl)
		case "vr":
			w.Friday = append(w.Friday, sl)
		}
	}
	return plan.Plan{Kind: kind, Start: plan.MustParseDate(start), Schedule: plan.Schedule{Weeks: []plan.Week{w}}}
}

// The page shows the estimate the library computes for the same input:
// the month's lines with their Dutch labels and sources, the month's total
// and the year's; an impossible hour gets the field's error; the page fits
// a phone.
func TestPage(t *testing.T) {
	base := server(t)
	ps := presets(t, base)
	income, ok := ps["inkomenstarief"]
	if !ok {
		t.Fatalf("no income-tariff preset in %v", ps)
	}
	list, ok := ps["prijslijst-1"]
	if !ok || !list.PriceList {
		t.Fatalf("no price-list preset in %v", ps)
	}
	ctx := browser(t)

	for _, tc := range []struct {
		name                              string
		p                                 preset
		birth, month, start, daily, typed string
		social                            bool
		slots                             []slotText
		width                             int64
	}{
		{name: "1-inkomenstarief", p: income, birth: "2023-06-12", month: "2025-03", start: "2024-09-02", daily: "24.10", typed: "24,10",
			slots: []slotText{{"ma", "07:45", "17:15"}, {"di", "07:45", "17:15"}, {"do", "07:45", "17:15"}}},
		{name: "2-prijslijst", p: list, birth: "2018-11-03", month: "2026-03", start: "2025-09-01",
			slots: []slotText{{"ma", "07:00", "08:30"}, {"ma", "15:45", "17:30"}, {"wo", "12:00", "17:30"}, {"vr", "15:45", "17:30"}}},
		{name: "3-prijslijst-sociaal-gsm", p: list, birth: "2018-11-03", month: "2026-03", start: "2025-09-01", social: true,
			slots: []slotText{{"di", "15:30", "18:00"}, {"do", "15:30", "18:00"}}, width: 390},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := plan.ParseMonth(tc.month)
			if err != nil {
				t.Fatal(err)
			}
			in := invoice.EstimateInput{Month: m, Child: tariff.Child{Birth: plan.MustParseDate(tc.birth)},
				Plan: planOf(tc.p.PlanKind, tc.start, tc.slots), Social: tc.social, Rules: tc.p.Rules}
			if tc.daily != "" {
				in.Daily = tariff.MustTariff(tc.daily)
			}
			want, err := invoice.EstimateMonth(in)
			if err != nil {
				t.Fatalf("the library: %v", err)
			}
			width := tc.width
			if width == 0 {
				width = 1000
			}
			run(t, ctx,
				chromedp.EmulateViewport(width, 900),
				fill(base, tc.p.ID, tc.birth, tc.month, tc.start, tc.typed, tc.social, tc.slots),
				// Submitted from the keyboard: Enter in a field.
				chromedp.SendKeys(css("#geboortedatum"), kb.Enter),
				chromedp.WaitVisible(css("#maandtotaal")))
			month := value(t, ctx, chromedp.Text(css("#maandtotaal")))
			year := value(t, ctx, chromedp.Text(css("#jaartotaal")))
			labels := value(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".lijnen tbody td:nth-child(2)")].map(td => td.firstChild.textContent)`))
			overflow := value(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			screenshot(t, ctx, tc.name)
			if month != euro(want.Invoice.Total) {
				t.Errorf("month's total shown %q, the library's %q", month, euro(want.Invoice.Total))
			}
			if year != euro(want.YearTotal) {
				t.Errorf("year's total shown %q, the library's %q", year, euro(want.YearTotal))
			}
			var wantLabels []string
			for _, l := range want.Invoice.Lines {
				wantLabels = append(wantLabels, l.LabelNL)
			}
			if strings.Join(labels, "\n") != strings.Join(wantLabels, "\n") {
				t.Errorf("lines shown:\n%s\nthe library's:\n%s", strings.Join(labels, "\n"), strings.Join(wantLabels, "\n"))
			}
			if overflow {
				t.Errorf("the page is wider than a %d px window", width)
			}
			t.Logf("%s: month %s, year %s (%d lines)", tc.name, month, year, len(labels))
		})
	}

	// An impossible hour: the error stands next to the field, the field is
	// marked invalid and described by it, and the focus goes there.
	t.Run("4-onmogelijk-uur", func(t *testing.T) {
		run(t, ctx,
			chromedp.EmulateViewport(1000, 900),
			fill(base, income.ID, "2023-06-12", "2025-03", "", "24,10", false, []slotText{{"ma", "07:45", "25:00"}}),
			chromedp.Click(css("#bereken")),
			chromedp.WaitVisible(css("#ma-1-tot-fout")))
		errText := value(t, ctx, chromedp.Text(css("#ma-1-tot-fout")))
		errVisible := value(t, ctx, chromedp.Evaluate[bool](`!document.getElementById("ma-1-tot-fout").hidden`))
		invalid := value(t, ctx, chromedp.Evaluate[string](`document.getElementById("ma-1-tot").getAttribute("aria-invalid") || ""`))
		describedBy := value(t, ctx, chromedp.Evaluate[string](`document.getElementById("ma-1-tot").getAttribute("aria-describedby") || ""`))
		focused := value(t, ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`))
		screenshot(t, ctx, "4-onmogelijk-uur")
		if !errVisible || !strings.Contains(errText, "geen geldig uur") {
			t.Errorf("error next to the hour: %q (visible %v)", errText, errVisible)
		}
		if invalid != "true" || !strings.Contains(describedBy, "ma-1-tot-fout") || focused != "ma-1-tot" {
			t.Errorf("aria-invalid %q, aria-describedby %q, focus on %q", invalid, describedBy, focused)
		}
	})

	// Labels a screen reader reads: every input and select has a label, the
	// result is a live region.
	t.Run("toegankelijkheid", func(t *testing.T) {
		run(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(css("#ma-1-van")))
		unlabelled := value(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("input, select")].filter(e => e.labels.length === 0).map(e => e.id)`))
		live := value(t, ctx, chromedp.Evaluate[string](`document.getElementById("uitkomst").getAttribute("aria-live") || ""`))
		if len(unlabelled) > 0 || live != "polite" {
			t.Errorf("inputs without a label: %v; aria-live %q", unlabelled, live)
		}
	})
}
