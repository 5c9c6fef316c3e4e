// Command loadgen sends a bounded load of mixed requests to a running
// examples/serve on loopback and reports requests per second, p50 and p99
// latency, the errors, its own CPU share, and — with -debug, the address of
// the server's -pprof — the server's goroutines and heap before and after.
//
//	go run ./examples/serve -pprof 127.0.0.1:6060 &
//	go run ./examples/serve/loadgen -clients 4 -duration 10s -debug http://127.0.0.1:6060
//	go run ./examples/serve/loadgen -mix estimates=1 -duration 10s       # estimates only
//
// It stops by itself after -duration (and after at most -max-requests) and
// refuses any address that is not on loopback. Exit status: 0 with no error
// and no leak, 1 on an error or a leak (goroutines above their count
// before, or a heap after collection more than -heap-slack above it), 2 on
// bad flags.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/kinderopvang/regels/invoice/httpapi"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now)) }

// kind is one kind of request of the mix.
type kind struct {
	name, method, path string
	body               []byte
	weight             int
}

// kinds returns the requests a mix may hold: the OpenAPI document's example
// requests (the toddler's estimate, the sample invoice, a verification
// that matches) and the amounts.
func kinds() ([]kind, error) {
	ex, err := httpapi.Examples()
	if err != nil {
		return nil, err
	}
	body := func(path, name string) ([]byte, error) {
		for _, e := range ex[path] {
			if e.Name == name {
				return json.Marshal(e.Body)
			}
		}
		return nil, fmt.Errorf("no example %s of %s", name, path)
	}
	est, err := body(httpapi.PathEstimates, "income_tariff")
	if err != nil {
		return nil, err
	}
	inv, err := body(httpapi.PathInvoices, "sample")
	if err != nil {
		return nil, err
	}
	ver, err := body(httpapi.PathVerifications, "match")
	if err != nil {
		return nil, err
	}
	return []kind{
		{name: "estimates", method: "POST", path: httpapi.PathEstimates, body: est},
		{name: "invoices", method: "POST", path: httpapi.PathInvoices, body: inv},
		{name: "verifications", method: "POST", path: httpapi.PathVerifications, body: ver},
		{name: "amounts", method: "GET", path: httpapi.PathAmounts},
	}, nil
}

// parseMix reads "estimates=6,invoices=2,verifications=1,amounts=1".
func parseMix(s string, all []kind) ([]kind, error) {
	var out []kind
	for _, part := range strings.Split(s, ",") {
		name, w, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(w)
		if !ok || err != nil || n < 0 || n > 100 {
			return nil, fmt.Errorf("-mix: %q is not name=weight (0 to 100)", part)
		}
		i := slices.IndexFunc(all, func(k kind) bool { return k.name == name })
		if i < 0 {
			return nil, fmt.Errorf("-mix: no request %q", name)
		}
		if n > 0 {
			k := all[i]
			k.weight = n
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("-mix: no request")
	}
	return out, nil
}

// loopback reports whether a URL's host is on loopback.
func loopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("%q is not an http:// URL", raw)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%s is not on loopback: this load generator sends traffic only to 127.0.0.0/8 or ::1", host)
}

// sample is one request's outcome.
type sample struct {
	kind int
	d    time.Duration
	err  bool
}

// serverStats are the server's goroutines and heap, from its /debug/vars.
type serverStats struct {
	Goroutines int `json:"goroutines"`
	Memstats   struct {
		HeapAlloc uint64 `json:"heap_alloc"`
	} `json:"memstats"`
}

func stats(debug string) (serverStats, error) {
	resp, err := http.Get(debug + "/debug/vars?gc=1")
	if err != nil {
		return serverStats{}, err
	}
	defer resp.Body.Close()
	var s serverStats
	err = json.NewDecoder(resp.Body).Decode(&s)
	return s, err
}

// cpuTime is this process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// permille writes n/d as a percentage with one decimal, in integers.
func percent(n, d int64) string {
	if d == 0 {
		return "0.0 %"
	}
	p := n * 1000 / d
	return fmt.Sprintf("%d.%d %%", p/10, p%10)
}

func quantile(ds []time.Duration, q int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := (len(ds)*q + 99) / 100
	return ds[min(max(i-1, 0), len(ds)-1)]
}

func run(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.String("url", "http://127.0.0.1:8080", "the server (loopback only)")
	debug := fs.String("debug", "", "the server's -pprof address as a URL (http://127.0.0.1:6060), for the leak check")
	clients := fs.Int("clients", 4, "concurrent clients, 1 to 64")
	duration := fs.Duration("duration", 10*time.Second, "how long to send, at most 5m")
	maxRequests := fs.Int("max-requests", 1_000_000, "stop after this many requests")
	mix := fs.String("mix", "estimates=6,invoices=2,verifications=1,amounts=1", "the requests and their weights")
	heapSlack := fs.Int64("heap-slack", 16<<20, "the most the server's heap may grow, in bytes, before it counts as a leak")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	bad := func(err error) int { fmt.Fprintln(stderr, "loadgen:", err); return 2 }
	if fs.NArg() > 0 {
		return bad(fmt.Errorf("unexpected arguments %q", fs.Args()))
	}
	if *clients < 1 || *clients > 64 || *duration <= 0 || *duration > 5*time.Minute || *maxRequests < 1 {
		return bad(errors.New("-clients 1 to 64, -duration up to 5m, -max-requests at least 1"))
	}
	for _, u := range []string{*target, *debug} {
		if u == "" {
			continue
		}
		if err := loopback(u); err != nil {
			return bad(err)
		}
	}
	all, err := kinds()
	if err != nil {
		return bad(err)
	}
	ks, err := parseMix(*mix, all)
	if err != nil {
		return bad(err)
	}
	// A fixed cycle of the weights: every client sends the same sequence.
	var cycle []int
	for i, k := range ks {
		for range k.weight {
			cycle = append(cycle, i)
		}
	}
	base := strings.TrimSuffix(*target, "/")
	var before serverStats
	if *debug != "" {
		if before, err = stats(*debug); err != nil {
			return bad(fmt.Errorf("-debug: %v", err))
		}
	}
	transport := &http.Transport{MaxIdleConns: *clients, MaxIdleConnsPerHost: *clients, IdleConnTimeout: 30 * time.Second}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()
	var sent atomic.Int64
	results := make([][]sample, *clients)
	cpu0, wall0 := cpuTime(), now()
	var wg sync.WaitGroup
	for c := range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out := make([]sample, 0, 1<<16)
			for i := c; ctx.Err() == nil && sent.Add(1) <= int64(*maxRequests); i++ {
				ki := cycle[i%len(cycle)]
				k := ks[ki]
				var body io.Reader
				if k.body != nil {
					body = bytes.NewReader(k.body)
				}
				req, _ := http.NewRequestWithContext(context.Background(), k.method, base+k.path, body)
				if k.body != nil {
					req.Header.Set("Content-Type", "application/json")
				}
				t0 := now()
				resp, err := client.Do(req)
				failed := err != nil
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					failed = err != nil || resp.StatusCode != http.StatusOK
				}
				out = append(out, sample{kind: ki, d: now().Sub(t0), err: failed})
			}
			results[c] = out
		}()
	}
	wg.Wait()
	wall, cpu := now().Sub(wall0), cpuTime()-cpu0
	transport.CloseIdleConnections()

	var all2 []time.Duration
	perKind := make([][]time.Duration, len(ks))
	errs := 0
	for _, rs := range results {
		for _, s := range rs {
			if s.err {
				errs++
				continue
			}
			all2 = append(all2, s.d)
			perKind[s.kind] = append(perKind[s.kind], s.d)
		}
	}
	n := int64(len(all2) + errs)
	fmt.Fprintf(stdout, "loadgen: %d clients for %v to %s, mix %s\n", *clients, wall.Round(time.Millisecond), base, *mix)
	fmt.Fprintf(stdout, "  %-14s %9s %9s %10s %10s\n", "requests", "count", "per s", "p50", "p99")
	line := func(name string, ds []time.Duration) {
		slices.Sort(ds)
		fmt.Fprintf(stdout, "  %-14s %9d %9d %10v %10v\n", name, len(ds), int64(len(ds))*int64(time.Second)/max(wall.Nanoseconds(), 1),
			quantile(ds, 50).Round(time.Microsecond), quantile(ds, 99).Round(time.Microsecond))
	}
	for i, k := range ks {
		line(k.name, perKind[i])
	}
	line("all", all2)
	fmt.Fprintf(stdout, "  errors: %d of %d\n", errs, n)
	fmt.Fprintf(stdout, "  load generator CPU: %v in %v = %s of one core, %s of the machine's %d\n",
		cpu.Round(time.Millisecond), wall.Round(time.Millisecond), percent(int64(cpu), int64(wall)), percent(int64(cpu), int64(wall)*int64(runtime.NumCPU())), runtime.NumCPU())
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(stdout, "  load average: %s\n", strings.Join(strings.Fields(string(b))[:3], " "))
	}
	code := 0
	if errs > 0 {
		code = 1
	}
	if *debug != "" {
		// The server's connections end as the client closes them; give its
		// goroutines a moment to return.
		var after serverStats
		for range 20 {
			time.Sleep(100 * time.Millisecond)
			if after, err = stats(*debug); err != nil {
				fmt.Fprintln(stderr, "loadgen: -debug:", err)
				return 1
			}
			if after.Goroutines <= before.Goroutines {
				break
			}
		}
		fmt.Fprintf(stdout, "  server goroutines: %d before, %d after; heap after GC: %d KiB before, %d KiB after\n",
			before.Goroutines, after.Goroutines, before.Memstats.HeapAlloc>>10, after.Memstats.HeapAlloc>>10)
		if after.Goroutines > before.Goroutines {
			fmt.Fprintln(stdout, "  LEAK: more goroutines than before")
			code = 1
		}
		if int64(after.Memstats.HeapAlloc)-int64(before.Memstats.HeapAlloc) > *heapSlack {
			fmt.Fprintf(stdout, "  LEAK: the heap grew by more than %d KiB\n", *heapSlack>>10)
			code = 1
		}
	}
	return code
}
