package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/invoice/httpapi"
)

// Arbitrary methods, paths, headers and bodies: never a 500, never a
// panic, every error a problem document without internals.
func FuzzHandler(f *testing.F) {
	h, err := httpapi.New(httpapi.Options{MaxBodyBytes: 64 << 10, MaxChildren: 3, MaxSessionsPerChild: 60, MaxPeriodDays: 62, MaxInvoices: 3, MaxLines: 40,
		AllowedOrigins: []string{"https://portaal.example.be"}})
	if err != nil {
		f.Fatal(err)
	}
	examples, err := httpapi.Examples()
	if err != nil {
		f.Fatal(err)
	}
	for path, list := range examples {
		for _, e := range list {
			b, _ := json.Marshal(e.Body)
			if len(b) <= 16<<10 {
				f.Add("POST", path, "application/json", e.Header["Accept"], b)
			}
		}
	}
	f.Add("POST", httpapi.PathEstimates, "application/json", "", []byte(`{"month":"2025-03","plan":{"kind":"regular","start":"2025-03-01","schedule":{"weeks":[{"monday":[{"start":"07:45","end":"25:00"}]}]}},"daily":"24.10"}`))
	f.Add("POST", httpapi.PathCancellations, "application/json; charset=utf-8", "*/*", []byte(`{"at":"2026-03-19T09:00:00+01:00","policy":{"counting":"working"}}`))
	f.Add("GET", "/v1/amounts", "", "text/plain;q=0.5", []byte(nil))
	f.Add("OPTIONS", "/v1/invoices", "text/plain", "", []byte("x"))
	f.Add("PATCH", "/openapi.json", "application/json", "", []byte("{}"))
	f.Add("POST", "/v1/../v1/invoices", "application/json", "text/plain", []byte(`{"children":[{}]}`))
	f.Fuzz(func(t *testing.T, method, path, ct, accept string, body []byte) {
		req, err := http.NewRequest(method, "http://api.test", bytes.NewReader(body))
		if err != nil {
			return // not a request net/http would hand a handler
		}
		req.URL.Path = path
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Accept", accept)
		req.Header.Set("Origin", "https://portaal.example.be")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: %d %s", method, path, rec.Code, rec.Body)
		}
		if rec.Code >= 400 {
			if rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%d with %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			var p httpapi.ProblemDetails
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != rec.Code {
				t.Fatalf("not a problem document: %v %s", err, rec.Body)
			}
			for _, s := range []string{"goroutine ", ".go:", "runtime.", "*invoice.", "httpapi.", "strictjson", "reflect."} {
				if strings.Contains(rec.Body.String(), s) {
					t.Fatalf("the problem mentions %q: %s", s, rec.Body)
				}
			}
			if m := namesGoType(p); m != "" {
				t.Fatalf("the problem names the Go type %s: %s", m, rec.Body)
			}
		}
	})
}
