package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/httpapi"
)

// syncBuffer is a log sink several goroutines write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start serves cfg on a free loopback port until the test ends.
func start(t *testing.T, cfg config, log io.Writer) (string, *http.Server) {
	t.Helper()
	srv, err := newServer(cfg, slog.New(slog.NewJSONHandler(log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String(), srv
}

// A client that sends its headers, or its body, one byte a second is cut
// off at the server's timeouts, and the server goes on serving others.
func TestSlowClient(t *testing.T) {
	cfg := defaults()
	cfg.readHeaderTimeout, cfg.readTimeout, cfg.writeTimeout, cfg.idleTimeout = 1*time.Second, 2*time.Second, 2*time.Second, 2*time.Second
	addr, _ := start(t, cfg, io.Discard)
	body := `{"month":"2025-03"}`
	for _, tc := range []struct {
		name    string
		fast    string // sent at once
		slow    string // then one byte a second
		timeout time.Duration
	}{
		{"headers", "", "POST /v1/estimates HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 19\r\n\r\n" + body, cfg.readHeaderTimeout},
		{"body", "POST /v1/estimates HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 19\r\n\r\n", body, cfg.readTimeout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			began := time.Now()
			closed := make(chan time.Duration, 1)
			go func() {
				// The server's answer (a 408, if any) and then the end of
				// the connection.
				_, _ = io.Copy(io.Discard, conn)
				closed <- time.Since(began)
			}()
			if _, err := io.WriteString(conn, tc.fast); err != nil {
				t.Fatal(err)
			}
			// At most timeout + 3 s of trickling: a bounded loop.
			deadline := time.After(tc.timeout + 3*time.Second)
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			sent := 0
			for {
				select {
				case d := <-closed:
					t.Logf("%s: cut off after %v, %d of %d bytes sent one a second", tc.name, d.Round(time.Millisecond), sent, len(tc.slow))
					if d > tc.timeout+1500*time.Millisecond {
						t.Errorf("held for %v past a timeout of %v", d, tc.timeout)
					}
					if sent >= len(tc.slow) {
						t.Error("the whole request went through")
					}
					return
				case <-deadline:
					t.Fatalf("the server still holds the connection after %v (timeout %v)", time.Since(began), tc.timeout)
				case <-tick.C:
					if sent < len(tc.slow) {
						if _, err := conn.Write([]byte{tc.slow[sent]}); err == nil {
							sent++
						}
					}
				}
				// Meanwhile another client is served.
				if sent == 1 {
					resp, err := http.Get("http://" + addr + httpapi.PathAmounts)
					if err != nil || resp.StatusCode != 200 {
						t.Errorf("another client: %v %v", err, resp)
					} else {
						resp.Body.Close()
					}
				}
			}
		})
	}
}

// The command: every timeout set, one log line per request without
// personal data, a graceful shutdown on the signal's context.
func TestRun(t *testing.T) {
	var log syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-read-header-timeout", "2s"}, &log, ticking())
	}()
	var addr string
	for i := 0; i < 200 && addr == ""; i++ {
		time.Sleep(25 * time.Millisecond)
		for _, line := range strings.Split(log.String(), "\n") {
			var l struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "listening" {
				addr = l.Addr
			}
		}
	}
	if addr == "" {
		t.Fatalf("not listening: %s", log.String())
	}
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Errorf("listening on %s", addr)
	}
	base := "http://" + addr
	// A case full of personal data, sent to a route and to a path that
	// carries more of it.
	c := invoice.SampleCase()
	c.Family.Name, c.Family.Address = "Vermeulen-Secret", "Geheimstraat 7, 3000 Leuven"
	c.Children[0].Name = "Kind Geheimnaam 85.07.30-033.61"
	b, _ := json.Marshal(c)
	requests := []struct {
		method, path, ct string
		body             []byte
		status           int
	}{
		{"POST", "/v1/invoices", "application/json", b, 200},
		{"POST", "/v1/invoices?name=Vermeulen-Secret", "application/json", []byte(`{"family":{"name":"Vermeulen-Secret"},"x":1}`), 400},
		{"GET", "/v1/Vermeulen-Secret/85.07.30-033.61", "", nil, 404},
		{"GET", "/", "", nil, 200},
		{"GET", "/presets.json", "", nil, 200},
		{"GET", "/openapi.json", "", nil, 200},
	}
	for _, r := range requests {
		req, _ := http.NewRequest(r.method, base+r.path, bytes.NewReader(r.body))
		if r.ct != "" {
			req.Header.Set("Content-Type", r.ct)
		}
		req.Header.Set("X-Parent", "Vermeulen-Secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != r.status {
			t.Errorf("%s %s: %d, want %d", r.method, r.path, resp.StatusCode, r.status)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after the signal", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no shutdown")
	}
	out := log.String()
	for _, secret := range []string{"Vermeulen", "Geheim", "85.07", "3000 Leuven", "name="} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	type line struct {
		Msg           string `json:"msg"`
		Method, Route string
		Status        int
		DurationUS    *int64 `json:"duration_us"`
		RequestBytes  *int64 `json:"request_bytes"`
		ResponseBytes *int64 `json:"response_bytes"`
	}
	var got []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Errorf("a log line that is not JSON: %s", sc.Text())
			continue
		}
		if l.Msg != "request" {
			continue
		}
		if l.DurationUS == nil || l.RequestBytes == nil || l.ResponseBytes == nil || *l.ResponseBytes <= 0 {
			t.Errorf("a request line without its duration or sizes: %s", sc.Text())
		}
		got = append(got, l.Method+" "+l.Route+" "+http.StatusText(l.Status))
	}
	want := []string{"POST /v1/invoices OK", "POST /v1/invoices Bad Request", "GET other Not Found", "GET / OK", "GET /presets.json OK", "GET /openapi.json OK"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("request lines (-want +got):\n%s", d)
	}
	if !strings.Contains(out, `"msg":"stopped"`) {
		t.Errorf("no graceful stop: %s", out)
	}
}

// The server sets every timeout from the flags.
func TestTimeouts(t *testing.T) {
	cfg, err := parseFlags([]string{"-read-header-timeout", "1s", "-read-timeout", "2s", "-write-timeout", "3s", "-idle-timeout", "4s"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := newServer(cfg, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	got := []time.Duration{srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout}
	if d := cmp.Diff([]time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second}, got); d != "" {
		t.Error(d)
	}
	def := defaults()
	if def.addr != "127.0.0.1:8080" || def.readHeaderTimeout <= 0 || def.readTimeout <= 0 || def.writeTimeout <= 0 || def.idleTimeout <= 0 {
		t.Errorf("defaults %+v", def)
	}
}

// Bad flags and files: exit 2.
func TestUsage(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, v any) string {
		b, _ := json.Marshal(v)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	list := write("list.json", invoice.ExampleAfterSchoolHouseRules())
	income := write("income.json", invoice.Seed004HouseRules())
	bad := filepath.Join(dir, "bad.json")
	_ = os.WriteFile(bad, []byte(`{"name": "x", "surprise": 1}`), 0o644)
	for _, args := range [][]string{
		{"-nope"}, {"extra"}, {"-read-timeout", "0s"}, {"-max-body", "0"}, {"-cors", "*"},
		{"-rules", list}, {"-pricelist", income}, {"-pricelist", bad}, {"-rules", filepath.Join(dir, "missing.json")},
	} {
		if code := run(context.Background(), args, io.Discard, nil); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
	// A price list of one's own becomes the page's.
	cfg := defaults()
	cfg.priceLists = stringList{list}
	ps, err := presets(cfg)
	if err != nil || len(ps) != 2 || !ps[1].PriceList || ps[1].Rules.Name != invoice.ExampleAfterSchoolHouseRules().Name {
		t.Errorf("presets: %v %+v", err, ps)
	}
}

// The page and its files: embedded, with a strict content security
// policy; the presets are the house rules the server was started with.
func TestPage(t *testing.T) {
	addr, _ := start(t, defaults(), io.Discard)
	for _, f := range []struct{ path, ct, has string }{
		{"/", "text/html; charset=utf-8", `<html lang="nl">`},
		{"/app.js", "text/javascript; charset=utf-8", "/v1/estimates"},
		{"/style.css", "text/css; charset=utf-8", "@media"},
	} {
		resp, err := http.Get("http://" + addr + f.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != f.ct || !strings.Contains(string(b), f.has) {
			t.Errorf("%s: %d %q", f.path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", f.path, csp)
		}
		for _, ext := range []string{"http://", "https://", "//cdn"} {
			if f.path != "/" && strings.Contains(string(b), ext) {
				t.Errorf("%s refers to an external asset (%s)", f.path, ext)
			}
		}
	}
	resp, err := http.Get("http://" + addr + "/presets.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var ps []preset
	if err := json.NewDecoder(resp.Body).Decode(&ps); err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].PriceList || !ps[1].PriceList {
		t.Fatalf("presets %+v", ps)
	}
	if d := cmp.Diff(invoice.Seed004HouseRules(), ps[0].Rules); d != "" {
		t.Errorf("income rules:\n%s", d)
	}
	if d := cmp.Diff(invoice.ExampleAfterSchoolHouseRules(), ps[1].Rules); d != "" {
		t.Errorf("price list:\n%s", d)
	}
	_, err = http.Get("http://" + addr + "/nothing")
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
}

// ticking is a clock for the tests that moves a millisecond each time it
// is read: durations come out the same on every run.
func ticking() func() time.Time {
	var n atomic.Int64
	return func() time.Time { return time.Unix(0, n.Add(int64(time.Millisecond))) }
}
