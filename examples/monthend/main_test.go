package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/invoice/monthend"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// sampleDir writes n sample families and the sample organiser file into a
// temporary directory with the command itself.
func sampleDir(t *testing.T, n int) (cases, organiser string) {
	t.Helper()
	dir := t.TempDir()
	cases, organiser = filepath.Join(dir, "cases"), filepath.Join(dir, "organiser.json")
	var out bytes.Buffer
	if err := run(&out, &out, options{writeSample: n, cases: cases, organiser: organiser}); err != nil {
		t.Fatal(err)
	}
	return cases, organiser
}

// bands counts an invoice's days per band from its children's days: the
// oracle of the summary's days.
func bands(inv invoice.Invoice) monthend.Days {
	var d monthend.Days
	add := func(b *monthend.Bands, band tariff.Band) {
		switch band {
		case tariff.BandThird:
			b.Third++
		case tariff.BandHalf:
			b.Half++
		case tariff.BandFull:
			b.Full++
		case tariff.BandFlex:
			b.Flex++
		}
	}
	for _, ch := range inv.Children {
		for _, c := range ch.Care {
			add(&d.Present, c.Band)
		}
		for _, o := range ch.Reserved {
			if o.Attended != tariff.BandNone || o.Absent.IsZero() {
				continue
			}
			switch o.Kind {
			case absence.KindJustified:
				add(&d.Justified, o.Reserved)
			case absence.KindUnjustified:
				add(&d.Unjustified, o.Reserved)
			}
		}
	}
	return d
}

// readSummary reads summary.json of a month end.
func readSummary(t *testing.T, out string) monthend.Summary {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s monthend.Summary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A 1,000-family month end from the command: 1,000 case files of varied
// families (the March 2025 scenarios with their own numbers, children
// codes, locations and attendance), every invoice written, three FO-SU-05
// reports, and a summary that adds up to the invoices written: the total is
// the sum of their totals, the days per band the sum of their days.
func TestMonthEnd1000(t *testing.T) {
	n := 1000
	if testing.Short() || raceEnabled {
		n = 200 // the race detector makes a run ten times slower
	}
	cases, organiser := sampleDir(t, n)
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	start := time.Now()
	if err := run(&stdout, &stderr, options{cases: cases, organiser: organiser, out: out}); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	t.Logf("%d families on %d cores: %s\n%s", n, runtime.GOMAXPROCS(0), time.Since(start), stderr.String())
	s := readSummary(t, out)
	if s.Families != n || s.Billed != n || !s.OK() {
		t.Fatalf("%d families, %d billed:\n%s", s.Families, s.Billed, stdout.String())
	}
	if lines := strings.Count(stderr.String(), "families billed"); lines < n/progressEvery {
		t.Errorf("%d progress lines for %d families:\n%s", lines, n, stderr.String())
	}
	var total tariff.Money
	var days monthend.Days
	children := 0
	for _, f := range s.PerFamily {
		base := strings.TrimSuffix(f.Source, ".json")
		b, err := os.ReadFile(filepath.Join(out, "invoices", base+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var inv invoice.Invoice
		if err := json.Unmarshal(b, &inv); err != nil {
			t.Fatal(err)
		}
		if inv.Number != f.Number || !inv.Total.Equal(f.Total) {
			t.Fatalf("%s: invoice %s total %s, the summary says %s %s", base, inv.Number, inv.Total, f.Number, f.Total)
		}
		if text, err := os.ReadFile(filepath.Join(out, "invoices", base+".txt")); err != nil || !bytes.HasPrefix(text, []byte("FACTUUR "+inv.Number)) {
			t.Fatalf("%s.txt: %v", base, err)
		}
		if total, err = total.Add(inv.Total); err != nil {
			t.Fatal(err)
		}
		days = days.Add(bands(inv))
		children += len(inv.Children)
	}
	if !s.Total.Equal(total) || s.Days != days || s.Children != children {
		t.Fatalf("the summary (%s, %+v, %d children) does not add up to the invoices (%s, %+v, %d)", s.Total, s.Days, s.Children, total, days, children)
	}
	// The reports read back and count the same days (the sample has no
	// flex day and no hospital day, where the countings differ).
	present := 0
	for _, id := range monthend.SampleLocations() {
		b, err := os.ReadFile(filepath.Join(out, "fosu05", id+".xml"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := fosu05.Parse(b)
		if err != nil {
			t.Fatalf("%s.xml: %v", id, err)
		}
		for _, e := range doc.Children {
			present += e.Present.Total()
		}
	}
	if present != days.Present.Total() {
		t.Errorf("the reports count %d days present, the invoices %d", present, days.Present.Total())
	}
	if txt, err := os.ReadFile(filepath.Join(out, "summary.txt")); err != nil || !strings.Contains(string(txt), "total billed: "+total.String()) {
		t.Errorf("summary.txt: %v\n%s", err, txt)
	}
	if !strings.Contains(stdout.String(), "total "+total.String()) {
		t.Errorf("stdout: %s", stdout.String())
	}
}

// Exit codes: 2 for bad flags or unreadable input, 1 when some families
// have problems (the others are still written), 0 otherwise; no progress
// for a small run.
func TestExitCodes(t *testing.T) {
	cases, organiser := sampleDir(t, 6)
	tmp := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := filepath.Join(tmp, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "out")
	usage := []struct {
		name string
		o    options
	}{
		{"no flags", options{}},
		{"no -out", options{cases: cases}},
		{"a missing directory", options{cases: filepath.Join(tmp, "nope"), out: out}},
		{"no case file", options{cases: empty, out: out}},
		{"negative workers", options{cases: cases, out: out, workers: -1}},
		{"-out the -cases directory", options{cases: cases, out: cases + "/."}},
		{"a missing organiser file", options{cases: cases, out: out, organiser: filepath.Join(tmp, "nope.json")}},
		{"an organiser file that does not decode", options{cases: cases, out: out, organiser: write("bad.json", `{"locations": [{"idd": "x"}]}`)}},
		{"an organiser file with a location twice", options{cases: cases, out: out, organiser: write("twice.json", `{"locations": [{"id": "x"}, {"id": "x"}]}`)}},
		{"-paid without -certificates", options{cases: cases, out: out, paid: "p.json"}},
		{"-certificates with -cases", options{certificates: 2025, paid: "p.json", out: out, cases: cases}},
		{"-certificates without -paid", options{certificates: 2025, out: out}},
		{"a missing paid file", options{certificates: 2025, paid: filepath.Join(tmp, "nope.json"), out: out}},
		{"a paid file that does not decode", options{certificates: 2025, paid: write("paid.json", `{"children": 1}`), out: out}},
		{"-write-sample with -out", options{writeSample: 3, cases: empty, out: out}},
		{"-write-sample without -cases", options{writeSample: 3}},
	}
	for _, tt := range usage {
		var b bytes.Buffer
		if err := run(&b, &b, tt.o); !errors.Is(err, errUsage) {
			t.Errorf("%s: %v, want a usage error (exit 2)", tt.name, err)
		}
	}

	// All good: exit 0, nothing on stderr for six families.
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr, options{cases: cases, organiser: organiser, out: out, workers: 3}); err != nil || stderr.Len() > 0 {
		t.Fatalf("%v\n%s", err, stderr.String())
	}

	// One case file that does not decode and one under other house rules:
	// exit 1, the other four billed and written, both in the summary.
	if err := os.WriteFile(filepath.Join(cases, "family-00003.json"), []byte(`{"month": "2025-03"`), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(cases, "family-00005.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := invoice.DecodeCaseBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	c.Rules.AdminPerMonth = invoice.Flat("4.00")
	if b, err = json.Marshal(c); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cases, "family-00005.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	out2 := filepath.Join(tmp, "out2")
	stdout.Reset()
	stderr.Reset()
	if err := run(&stdout, &stderr, options{cases: cases, organiser: organiser, out: out2}); err != errProblems {
		t.Fatalf("%v, want exit 1", err)
	}
	s := readSummary(t, out2)
	if s.Billed != 4 || s.NotBilled != 2 {
		t.Fatalf("%d billed, %d not", s.Billed, s.NotBilled)
	}
	for _, f := range s.PerFamily {
		_, err := os.Stat(filepath.Join(out2, "invoices", strings.TrimSuffix(f.Source, ".json")+".json"))
		if f.Billed != (err == nil) {
			t.Errorf("%s: billed %v, invoice file %v", f.Source, f.Billed, err)
		}
	}
	if f := s.PerFamily[2]; !f.Unread || len(f.Problems) != 1 {
		t.Errorf("family-00003: %v", f.Problems)
	}
	if p := s.PerFamily[4].Problems; len(p) != 1 || p[0].Field != "rules.admin_per_month[0].amount" {
		t.Errorf("family-00005: %v", p)
	}
	txt, _ := os.ReadFile(filepath.Join(out2, "summary.txt"))
	if !strings.Contains(string(txt), "family-00003.json") || !strings.Contains(string(txt), "1 case(s) could not be read") || !strings.Contains(stderr.String(), "summary.txt") {
		t.Errorf("summary.txt:\n%s\nstderr: %s", txt, stderr.String())
	}
	// A location whose families were not all billed is written as
	// incomplete, never as a report to send.
	xmls, _ := filepath.Glob(filepath.Join(out2, "fosu05", "*.xml"))
	if !slices.ContainsFunc(xmls, func(p string) bool { return strings.HasSuffix(p, ".incomplete.xml") }) {
		t.Errorf("no incomplete report among %v", xmls)
	}
}

// The year end from the command: the certificates of the sample families'
// March invoices paid in April, per child as JSON and CSV, all in one CSV,
// and the whole year end as JSON.
func TestYearEnd(t *testing.T) {
	cases, organiser := sampleDir(t, 7)
	tmp := t.TempDir()
	out := filepath.Join(tmp, "month")
	var b bytes.Buffer
	if err := run(&b, &b, options{cases: cases, organiser: organiser, out: out}); err != nil {
		t.Fatal(err)
	}
	var paid monthend.Paid
	for _, c := range monthend.SampleCases(7) {
		for _, ch := range c.Children {
			paid.Children = append(paid.Children, monthend.PaidChild{Code: ch.Child.Code, Name: ch.Name, Birth: ch.Child.Birth})
		}
	}
	files, _ := filepath.Glob(filepath.Join(out, "invoices", "*.json"))
	for _, f := range files {
		j, _ := os.ReadFile(f)
		var inv invoice.Invoice
		if err := json.Unmarshal(j, &inv); err != nil {
			t.Fatal(err)
		}
		paid.Paid = append(paid.Paid, invoice.PaidInvoice{Invoice: inv, PaidOn: plan.MustParseDate("2025-04-20")})
	}
	j, _ := json.Marshal(paid)
	paidFile := filepath.Join(tmp, "paid.json")
	if err := os.WriteFile(paidFile, j, 0o644); err != nil {
		t.Fatal(err)
	}
	yearOut := filepath.Join(tmp, "year")
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr, options{certificates: 2025, paid: paidFile, out: yearOut}); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	want := monthend.YearEnd(2025, paid)
	all, err := os.ReadFile(filepath.Join(yearOut, "certificates-2025.csv"))
	if err != nil || !bytes.Equal(all, monthend.CertificatesCSV(want.Children)) || !bytes.HasPrefix(all, []byte("\uFEFFkindcode;")) {
		t.Fatalf("certificates-2025.csv: %v\n%q", err, all)
	}
	for _, c := range want.Children {
		one, err := os.ReadFile(filepath.Join(yearOut, "certificates", c.Code+".csv"))
		if err != nil || !bytes.Equal(one, monthend.CertificatesCSV([]monthend.ChildCertificates{c})) {
			t.Errorf("%s.csv: %v", c.Code, err)
		}
		var got monthend.ChildCertificates
		j, err := os.ReadFile(filepath.Join(yearOut, "certificates", c.Code+".json"))
		if err != nil || json.Unmarshal(j, &got) != nil || len(got.Certificates) != len(c.Certificates) {
			t.Errorf("%s.json: %v", c.Code, err)
		}
	}
	var got monthend.YearEndResult
	if j, err := os.ReadFile(filepath.Join(yearOut, "year-end-2025.json")); err != nil || json.Unmarshal(j, &got) != nil || len(got.Households) != 7 {
		t.Errorf("year-end-2025.json: %v", err)
	}
	if !strings.Contains(stdout.String(), "tax reduction") {
		t.Errorf("stdout: %s", stdout.String())
	}
	// Paid in 2026, whose tax cap is unknown: the certificates are written,
	// the reductions are problems (exit 1).
	for i := range paid.Paid {
		paid.Paid[i].PaidOn = plan.MustParseDate("2026-01-15")
	}
	j, _ = json.Marshal(paid)
	if err := os.WriteFile(paidFile, j, 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if err := run(&stdout, &stderr, options{certificates: 2026, paid: paidFile, out: yearOut}); err != errProblems || !strings.Contains(stderr.String(), "2026") {
		t.Errorf("2026: %v\n%s", err, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(yearOut, "certificates-2026.csv")); err != nil {
		t.Error(err)
	}
}

// The sample input: case files, an organiser file and a paid file the
// month end and the year end take as they are.
func TestWriteSample(t *testing.T) {
	dir := t.TempDir()
	cases, organiser, paid := filepath.Join(dir, "cases"), filepath.Join(dir, "organiser.json"), filepath.Join(dir, "paid.json")
	var b bytes.Buffer
	if err := run(&b, &b, options{writeSample: 3, cases: cases, organiser: organiser, paid: paid}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(cases, "*.json"))
	if len(files) != 3 {
		t.Fatalf("%v", files)
	}
	if err := run(&b, &b, options{cases: cases, organiser: organiser, out: filepath.Join(dir, "out")}); err != nil {
		t.Fatalf("month end: %v\n%s", err, b.String())
	}
	if err := run(&b, &b, options{certificates: 2025, paid: paid, out: filepath.Join(dir, "year")}); err != nil {
		t.Fatalf("year end: %v\n%s", err, b.String())
	}
	certs, _ := filepath.Glob(filepath.Join(dir, "year", "certificates", "*.csv"))
	if len(certs) != 3 {
		t.Errorf("%d certificate files: %v", len(certs), certs)
	}
}

func TestFileNames(t *testing.T) {
	u := fileNames{}
	got := []string{u.of("OO-Els"), u.of("oo-els"), u.of("a/b"), u.of("a_b"), u.of(""), u.of(".."), u.of("Zoë")}
	want := []string{"OO-Els", "oo-els-2", "a_b", "a_b-2", "_", "_", "Zo__"}
	// ".." loses its dots; "_" is then taken: the second is "_-2".
	want[5] = "_-2"
	if !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}
