package httpapi

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/invoice"
)

// The spec read from the published schemas decodes a case exactly as
// invoice.DecodeCaseBytes does: the same value for every reference
// scenario and the sample, the same problems for broken documents.
func TestSchemaSpecIsTheLibrarys(t *testing.T) {
	s, err := newSchemaSpec()
	if err != nil {
		t.Fatal(err)
	}
	sample, err := json.MarshalIndent(invoice.SampleCase(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	docs := [][]byte{sample}
	for _, sc := range invoice.Scenarios() {
		b, err := json.Marshal(sc.Case)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	// Broken documents: each replacement made once in the sample.
	for _, r := range [][2]string{
		{`"month": "2025-05"`, `"month": "2025-13"`},
		{`"month": "2025-05"`, `"month": 202505`},
		{`"number": "2025-05-0042"`, `"numbr": "x"`},
		{`"invoice_date": "2025-06-04"`, `"invoice_date": "2025-02-30"`},
		{`"kind": "regular"`, `"kind": "reguliere"`},
		{`"daily": "24.10"`, `"daily": 24.10`},
		{`"daily": "24.10"`, `"daily": "24.105"`},
		{`"start": "07:45"`, `"start": "7:45"`},
		{`"grace_days": 25`, `"grace_days": 25.5`},
		{`"grace_days": 25`, `"grace_days": "25"`},
		{`"rounding": "down"`, `"rounding": "sideways"`},
		{`"family": {`, `"family": {"id": "x", "id": "y",`},
		{`"children": [`, `"children": [null,`},
		{`"in": "2025-05-05T07:45:00+02:00"`, `"in": "2025-05-05T07:45:00"`},
		{`"month": "2025-05",`, `"month": "2025-05"`},
	} {
		if !bytes.Contains(sample, []byte(r[0])) {
			t.Fatalf("the sample has no %s", r[0])
		}
		docs = append(docs, bytes.Replace(sample, []byte(r[0]), []byte(r[1]), 1))
	}
	docs = append(docs, []byte(``), []byte(`[]`), []byte(`{"month": "2025-05"} {}`), sample[:len(sample)/2])
	for i, doc := range docs {
		want, wantErr := invoice.DecodeCaseBytes(doc)
		var got invoice.Case
		gotErr := strictjson.Decode(doc, &got, s.spec(nil))
		if d := cmp.Diff(problemsOf(wantErr), problemsOf(gotErr)); d != "" {
			t.Errorf("document %d: problems (-library +api):\n%s", i, d)
			continue
		}
		if wantErr == nil {
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("document %d: value (-library +api):\n%s", i, d)
			}
		}
	}
}

func problemsOf(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// locate finds the value at a path, or the closest value that holds it.
func TestLocate(t *testing.T) {
	doc := []byte("{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c d\": {\"e\": [true]},\n  \"é\": \"\\\"]\", \"f\": 2\n}")
	for _, tc := range []struct {
		path      string
		line, col int
	}{
		{"", 1, 1},
		{"a", 2, 8},
		{"a[0]", 2, 9},
		{"a[1].b", 2, 18},
		{"a[1].zz", 2, 12},
		{"a[7]", 2, 8},
		{`["c d"].e[0]`, 3, 17},
		{"f", 4, 20},
		{"nope.deeper", 1, 1},
		{"a[x]", 2, 8},
	} {
		l, c := locate(doc, tc.path)
		if l != tc.line || c != tc.col {
			t.Errorf("%q: line %d, column %d; want %d, %d", tc.path, l, c, tc.line, tc.col)
		}
	}
}

// A panic below the handler becomes a 500 that says nothing of it, and
// the log line holds the route and the panic's type, never its value.
func TestPanicRecovered(t *testing.T) {
	var log bytes.Buffer
	h, err := New(Options{Logger: slog.New(slog.NewJSONHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	h.routes[PathAmounts] = route{http.MethodGet, func(*Handler, http.ResponseWriter, *http.Request) {
		panic("Peeters, Naamsesteenweg 12: 85.07.30-033.61")
	}}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", PathAmounts, nil))
	if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	for _, s := range []string{"Peeters", "85.07", "goroutine", ".go:"} {
		if strings.Contains(rec.Body.String(), s) {
			t.Errorf("the response shows %q: %s", s, rec.Body)
		}
	}
	if strings.Contains(log.String(), "Peeters") || !strings.Contains(log.String(), `"route":"/v1/amounts"`) {
		t.Errorf("log: %s", log.String())
	}
	// net/http's own abort goes through.
	h.routes[PathAmounts] = route{http.MethodGet, func(*Handler, http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }}
	func() {
		defer func() {
			if v := recover(); v != http.ErrAbortHandler {
				t.Errorf("recovered %v", v)
			}
		}()
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", PathAmounts, nil))
	}()
}

// The Accept header's qualities.
func TestAcceptQ(t *testing.T) {
	for _, tc := range []struct {
		accept      []string
		json, plain int
	}{
		{nil, 1000, 999},
		{[]string{"text/plain"}, 0, 1000},
		{[]string{"text/plain;q=0.5, application/json;q=0.9"}, 900, 500},
		{[]string{"*/*;q=0.1", "text/*;q=0.3"}, 100, 300},
		{[]string{"image/png"}, 0, 0},
		{[]string{"text/plain;q=1.5"}, 0, 0},
		{[]string{"application/json;q=0"}, 0, 0},
	} {
		j, p := acceptQ(tc.accept)
		if j != tc.json || p != tc.plain {
			t.Errorf("%q: %d %d, want %d %d", tc.accept, j, p, tc.json, tc.plain)
		}
	}
}
