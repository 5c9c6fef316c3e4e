package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/httpapi"
	"github.com/kinderopvang/regels/plan"
)

// The page "Bereken je prijs": plain HTML, CSS and JavaScript, no build
// step, no external assets.
//
//go:embed page/index.html page/app.js page/style.css
var page embed.FS

// preset is a set of house rules the page offers.
type preset struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// PriceList is true for house rules with a price list (no daily tariff
	// asked); false for the income tariff.
	PriceList bool `json:"price_list"`
	// PlanKind is the kind of care plan the page sends.
	PlanKind plan.Kind          `json:"plan_kind"`
	Rules    invoice.HouseRules `json:"rules"`
}

// presets returns the house rules of cfg: the income tariff's and each
// price list.
func presets(cfg config) ([]preset, error) {
	income := invoice.Seed004HouseRules()
	if cfg.rules != "" {
		r, err := readRules(cfg.rules)
		if err != nil {
			return nil, err
		}
		if r.Pricing.IsPriceList() {
			return nil, fmt.Errorf("-rules %s: these house rules have a price list: give them with -pricelist", cfg.rules)
		}
		income = r
	}
	out := []preset{{ID: "inkomenstarief", Name: income.Name, PlanKind: plan.KindRegular, Rules: income}}
	lists := []invoice.HouseRules{invoice.ExampleAfterSchoolHouseRules()}
	if len(cfg.priceLists) > 0 {
		lists = lists[:0]
		for _, f := range cfg.priceLists {
			r, err := readRules(f)
			if err != nil {
				return nil, err
			}
			if !r.Pricing.IsPriceList() {
				return nil, fmt.Errorf("-pricelist %s: these house rules have no price list (pricing.model price_list)", f)
			}
			lists = append(lists, r)
		}
	}
	for i, r := range lists {
		out = append(out, preset{ID: "prijslijst-" + strconv.Itoa(i+1), Name: r.Name, PriceList: true, PlanKind: plan.KindAfterSchool, Rules: r})
	}
	return out, nil
}

// readRules reads a house rules file: JSON, no unknown field, valid.
func readRules(path string) (invoice.HouseRules, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return invoice.HouseRules{}, err
	}
	var r invoice.HouseRules
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return invoice.HouseRules{}, fmt.Errorf("%s: %v", path, err)
	}
	if dec.More() {
		return invoice.HouseRules{}, fmt.Errorf("%s: data after the house rules", path)
	}
	if err := r.Validate(); err != nil {
		return invoice.HouseRules{}, fmt.Errorf("%s:\n%v", path, err)
	}
	return r, nil
}

// newServer returns the server of cfg: the API, the page and its presets,
// each request logged, every timeout set.
func newServer(cfg config, log *slog.Logger) (*http.Server, error) {
	api, err := httpapi.New(httpapi.Options{MaxBodyBytes: cfg.maxBody, AllowedOrigins: cfg.cors, Logger: log})
	if err != nil {
		return nil, err
	}
	ps, err := presets(cfg)
	if err != nil {
		return nil, err
	}
	presetsJSON, err := json.Marshal(ps)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/", api)
	mux.Handle(httpapi.PathOpenAPI, api)
	for _, f := range []struct{ path, file, ct string }{
		{"/{$}", "page/index.html", "text/html; charset=utf-8"},
		{"/app.js", "page/app.js", "text/javascript; charset=utf-8"},
		{"/style.css", "page/style.css", "text/css; charset=utf-8"},
	} {
		b, err := page.ReadFile(f.file)
		if err != nil {
			return nil, err
		}
		mux.Handle("GET "+f.path, static(b, f.ct))
	}
	mux.Handle("GET /presets.json", static(presetsJSON, "application/json"))
	return &http.Server{
		Addr:              cfg.addr,
		Handler:           logRequests(mux, log, cfg.now),
		ReadHeaderTimeout: cfg.readHeaderTimeout,
		ReadTimeout:       cfg.readTimeout,
		WriteTimeout:      cfg.writeTimeout,
		IdleTimeout:       cfg.idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}, nil
}

// static serves a fixed file with the page's security headers.
func static(b []byte, ct string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", ct)
		h.Set("Content-Length", strconv.Itoa(len(b)))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("Cache-Control", "no-cache")
		if r.Method == http.MethodHead {
			return
		}
		_, _ = w.Write(b)
	})
}

// routeOf returns the route a request's path names, for the log: an API
// route, a file of the page, or "other" — never the raw path, which may
// carry anything.
func routeOf(path string) string {
	switch {
	case slices.Contains(httpapi.Routes(), path):
		return path
	case slices.Contains([]string{"/", "/app.js", "/style.css", "/presets.json"}, path):
		return path
	}
	return "other"
}

// methodOf returns the request's method when it is a standard one.
func methodOf(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions,
		http.MethodConnect, http.MethodTrace:
		return m
	}
	return "other"
}

// recorder captures a response's status and size.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// counter counts the bytes of a request body read.
type counter struct {
	io.ReadCloser
	n int64
}

func (c *counter) Read(b []byte) (int, error) {
	n, err := c.ReadCloser.Read(b)
	c.n += int64(n)
	return n, err
}

// logRequests logs one line per request: method, route, status, duration
// (read from now; 0 when now is nil) and the sizes of the request and
// response bodies.
func logRequests(next http.Handler, log *slog.Logger, now func() time.Time) http.Handler {
	if now == nil {
		now = func() time.Time { return time.Time{} }
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := now()
		rec := &recorder{ResponseWriter: w}
		body := &counter{ReadCloser: r.Body}
		r.Body = body
		defer func() {
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", methodOf(r.Method)), slog.String("route", routeOf(r.URL.Path)), slog.Int("status", status),
				slog.Int64("duration_us", now().Sub(start).Microseconds()), slog.Int64("request_bytes", body.n), slog.Int64("response_bytes", rec.bytes))
		}()
		next.ServeHTTP(rec, r)
	})
}
