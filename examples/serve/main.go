// Command serve serves the HTTP API of the library (package
// invoice/httpapi) and the page "Bereken je prijs", a cost calculator for
// families, on loopback.
//
//	go run ./examples/serve                              # http://127.0.0.1:8080/
//	go run ./examples/serve -addr 127.0.0.1:9090
//	go run ./examples/serve -pricelist rules.json        # a price list of your own (house rules JSON)
//	go run ./examples/serve -cors https://portaal.example.be
//
// The page is at /, the API under /v1/ and its OpenAPI document at
// /openapi.json. The page offers the house rules the server was started
// with: the income tariff under -rules (default: the seed-004 house rules
// of Zorg Leuven) and each -pricelist (default: the example after-school
// price list of BKO De Linde); GET /presets.json lists them.
//
// Every http.Server timeout is set (-read-header-timeout, -read-timeout,
// -write-timeout, -idle-timeout); SIGINT or SIGTERM shuts the server down
// gracefully, waiting at most -shutdown-timeout for requests in flight.
// Each request is logged as one structured line (log/slog, JSON on
// stderr): method, route, status, duration and body sizes — never a path
// beyond the route, a query, a header or a body, so no personal data.
//
// Exit status: 0 after a graceful shutdown, 1 when the server fails, 2 on
// bad flags or files.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// The exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr, time.Now))
}

// config is the command's flags.
type config struct {
	addr                                                      string
	readHeaderTimeout, readTimeout, writeTimeout, idleTimeout time.Duration
	shutdownTimeout                                           time.Duration
	maxBody                                                   int64
	cors                                                      stringList
	rules                                                     string
	priceLists                                                stringList
	pprof                                                     string
	// now reads the clock for the request log's durations; nil reads
	// none (they are 0).
	now func() time.Time
}

// stringList is a flag that may be given more than once.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// defaults returns the configuration without flags.
func defaults() config {
	return config{addr: "127.0.0.1:8080", readHeaderTimeout: 5 * time.Second, readTimeout: 15 * time.Second,
		writeTimeout: 30 * time.Second, idleTimeout: 60 * time.Second, shutdownTimeout: 10 * time.Second, maxBody: 1 << 20}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaults()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.addr, "addr", cfg.addr, "the address to listen on (loopback by default; port 0 picks a free port)")
	fs.DurationVar(&cfg.readHeaderTimeout, "read-header-timeout", cfg.readHeaderTimeout, "http.Server ReadHeaderTimeout: the most a client may take to send its headers")
	fs.DurationVar(&cfg.readTimeout, "read-timeout", cfg.readTimeout, "http.Server ReadTimeout: the most a client may take to send a whole request")
	fs.DurationVar(&cfg.writeTimeout, "write-timeout", cfg.writeTimeout, "http.Server WriteTimeout: the most a response may take, from the end of the headers")
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", cfg.idleTimeout, "http.Server IdleTimeout: how long an idle keep-alive connection stays open")
	fs.DurationVar(&cfg.shutdownTimeout, "shutdown-timeout", cfg.shutdownTimeout, "how long a graceful shutdown waits for requests in flight")
	fs.Int64Var(&cfg.maxBody, "max-body", cfg.maxBody, "the largest request body, in bytes")
	fs.Var(&cfg.cors, "cors", "an origin (https://portaal.example.be) whose pages may call the API; repeatable; none by default")
	fs.StringVar(&cfg.rules, "rules", "", "house rules (JSON, invoice.HouseRules) of the income tariff for the page; default: seed 004 (Zorg Leuven)")
	fs.Var(&cfg.priceLists, "pricelist", "house rules (JSON) with a price list for the page; repeatable; default: the example after-school rules (BKO De Linde)")
	fs.StringVar(&cfg.pprof, "pprof", "", "an address (loopback) to serve net/http/pprof and /debug/vars on, for profiling; off by default")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	for _, d := range []time.Duration{cfg.readHeaderTimeout, cfg.readTimeout, cfg.writeTimeout, cfg.idleTimeout, cfg.shutdownTimeout} {
		if d <= 0 {
			return config{}, errors.New("every timeout must be positive")
		}
	}
	if cfg.maxBody <= 0 {
		return config{}, errors.New("-max-body must be positive")
	}
	return cfg, nil
}

func run(ctx context.Context, args []string, stderr io.Writer, now func() time.Time) int {
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "serve:", err)
		}
		return exitUsage
	}
	cfg.now = now
	srv, err := newServer(cfg, log)
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return exitFail
	}
	if cfg.pprof != "" {
		stopDebug, err := serveDebug(cfg.pprof, log)
		if err != nil {
			ln.Close()
			fmt.Fprintln(stderr, "serve:", err)
			return exitFail
		}
		defer stopDebug()
	}
	log.Info("listening", "addr", ln.Addr().String(), "url", "http://"+ln.Addr().String()+"/")
	return serve(ctx, srv, ln, cfg.shutdownTimeout, log)
}

// serve serves on ln until ctx is done, then shuts down gracefully.
func serve(ctx context.Context, srv *http.Server, ln net.Listener, grace time.Duration, log *slog.Logger) int {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		log.Error("server failed", "err", err.Error())
		return exitFail
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Error("shutdown", "err", err.Error())
		srv.Close()
		return exitFail
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("server failed", "err", err.Error())
		return exitFail
	}
	log.Info("stopped")
	return exitOK
}
