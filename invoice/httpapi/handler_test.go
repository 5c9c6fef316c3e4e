package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/invoice/httpapi"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

func newHandler(t testing.TB, opt httpapi.Options) *httpapi.Handler {
	t.Helper()
	h, err := httpapi.New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// do sends one request to h.
func do(h http.Handler, method, path string, header map[string]string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		if v == "" {
			req.Header.Del(k)
			continue
		}
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// asJSON decodes a JSON document into a generic value for cmp.
func asJSON(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return v
}

func problemOf(t testing.TB, rec *httptest.ResponseRecorder) httpapi.ProblemDetails {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json; body %s", ct, rec.Body)
	}
	var p httpapi.ProblemDetails
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		t.Fatal(err)
	}
	if p.Status != rec.Code || p.Type == "" || p.Title == "" {
		t.Errorf("problem %+v for status %d", p, rec.Code)
	}
	return p
}

// caseWith returns the sample case's JSON changed by edit.
func caseWith(t testing.TB, edit func(*invoice.Case)) []byte {
	c := invoice.SampleCase()
	if edit != nil {
		edit(&c)
	}
	return mustJSON(t, c)
}

func cancellation(at time.Time) httpapi.CancellationRequest {
	loc := reservation.Location{ID: "bko", Name: "BKO", Moments: []reservation.Moment{{ID: "na", Name: "naschools",
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}, Season: reservation.AllYear,
		Start: plan.MustClock("15:30"), End: plan.MustClock("18:30"), Capacity: 20}}}
	r := reservation.Reservation{ID: "R-1", Child: "K-1", Location: "bko", Moment: "na", Date: plan.MustParseDate("2026-03-19"),
		Start: plan.MustClock("15:30"), End: plan.MustClock("18:00"), State: reservation.StateApproved}
	return httpapi.CancellationRequest{Reservation: r, Location: loc, Policy: invoice.ExampleAfterSchoolPolicy(), At: at}
}

// Each route with good requests: the answer is the library's own result,
// as JSON (or text, or XML), field for field.
func TestRoutesGood(t *testing.T) {
	h := newHandler(t, httpapi.Options{})
	sample := invoice.SampleCase()
	inv, err := invoice.Build(sample)
	if err != nil {
		t.Fatal(err)
	}
	est := invoice.EstimateInput{Month: plan.MustMonth(2025, time.March), Child: tariff.Child{Birth: plan.MustParseDate("2023-06-12")},
		Plan: sample.Children[0].Plans[0], Daily: tariff.MustTariff("24.10"), Rules: invoice.Seed004HouseRules()}
	estimate, err := invoice.EstimateMonth(est)
	if err != nil {
		t.Fatal(err)
	}
	ext := invoice.ExternalOf(inv)
	wrong := ext
	wrong.Lines = append([]invoice.ExternalLine(nil), ext.Lines...)
	wrong.Lines[0].Count = wrong.Lines[0].Count.Add(wrong.Lines[0].Count)
	diffs := invoice.Verify(inv, wrong)
	report := fosu05.Input{Month: sample.Month, Calendar: sample.Calendar,
		Location: fosu05.Location{Name: "Onthaalouder Els", FileNumber: "123456789", Organiser: "Zorg Leuven", Responsible: "Janssens An", AfterSchool: true},
		Children: []fosu05.ChildInfo{{Code: "230612-118-01", InvoiceCode: "K-118", FirstName: "Noor", LastName: "Peeters"},
			{Code: "181103-077-02", InvoiceCode: "K-077", FirstName: "Lars", LastName: "Peeters"}},
		Invoices: []invoice.Invoice{inv}}
	doc, err := fosu05.New(report)
	if err != nil {
		t.Fatal(err)
	}
	xml, err := doc.XML()
	if err != nil {
		t.Fatal(err)
	}
	bxl := plan.Brussels()
	inTime, late := cancellation(time.Date(2026, 3, 17, 9, 0, 0, 0, bxl)), cancellation(time.Date(2026, 3, 19, 9, 0, 0, 0, bxl))
	quote := func(req httpapi.CancellationRequest) httpapi.CancellationResult {
		b := reservation.Book{Locations: []reservation.Location{req.Location}, Reservations: []reservation.Reservation{req.Reservation}}
		c, err := b.CancelQuote(req.Reservation.ID, req.At, req.Policy)
		if err != nil {
			t.Fatal(err)
		}
		v := httpapi.CancellationFree
		if c.Cost.Sign() > 0 {
			v = httpapi.CancellationFee
		}
		return httpapi.CancellationResult{Verdict: v, Cancellation: c}
	}
	for _, tc := range []struct {
		name, method, path string
		header             map[string]string
		body               []byte
		wantType           string
		want               []byte // JSON compared as a value, or the exact bytes
	}{
		{"invoice json", "POST", httpapi.PathInvoices, nil, mustJSON(t, sample), "application/json", mustJSON(t, inv)},
		{"invoice text", "POST", httpapi.PathInvoices, map[string]string{"Accept": "text/plain"}, mustJSON(t, sample), "text/plain; charset=utf-8", []byte(inv.Text())},
		{"invoice text preferred", "POST", httpapi.PathInvoices, map[string]string{"Accept": "application/json;q=0.5, text/plain"}, mustJSON(t, sample), "text/plain; charset=utf-8", []byte(inv.Text())},
		{"invoice json preferred", "POST", httpapi.PathInvoices, map[string]string{"Accept": "text/*;q=0.2, */*"}, mustJSON(t, sample), "application/json", mustJSON(t, inv)},
		{"invoice charset", "POST", httpapi.PathInvoices, map[string]string{"Content-Type": "application/json; charset=UTF-8"}, mustJSON(t, sample), "application/json", mustJSON(t, inv)},
		{"estimate", "POST", httpapi.PathEstimates, nil, mustJSON(t, est), "application/json", mustJSON(t, estimate)},
		{"verification match", "POST", httpapi.PathVerifications, nil, mustJSON(t, httpapi.VerificationRequest{Case: sample, Invoice: ext}), "application/json",
			mustJSON(t, httpapi.VerificationResult{Verdict: httpapi.VerdictMatch, Number: inv.Number, ComputedTotal: inv.Total, Differences: []invoice.Difference{}})},
		{"verification differences", "POST", httpapi.PathVerifications, nil, mustJSON(t, httpapi.VerificationRequest{Case: sample, Invoice: wrong}), "application/json",
			mustJSON(t, httpapi.VerificationResult{Verdict: httpapi.VerdictDifferences, Number: inv.Number, ComputedTotal: inv.Total, Differences: diffs})},
		{"attendance report", "POST", httpapi.PathAttendanceReports, nil, mustJSON(t, report), "application/xml; charset=utf-8", xml},
		{"cancellation free", "POST", httpapi.PathCancellations, nil, mustJSON(t, inTime), "application/json", mustJSON(t, quote(inTime))},
		{"cancellation fee", "POST", httpapi.PathCancellations, nil, mustJSON(t, late), "application/json", mustJSON(t, quote(late))},
		{"amounts", "GET", httpapi.PathAmounts, nil, nil, "application/json", mustJSON(t, httpapi.AmountsResult{Amounts: tariff.StatutoryAmounts()})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(h, tc.method, tc.path, tc.header, tc.body)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != tc.wantType {
				t.Errorf("Content-Type %q, want %q", ct, tc.wantType)
			}
			if strings.HasPrefix(tc.wantType, "application/json") {
				if d := cmp.Diff(asJSON(t, tc.want), asJSON(t, rec.Body.Bytes())); d != "" {
					t.Errorf("body (-want +got):\n%s", d)
				}
				return
			}
			if d := cmp.Diff(string(tc.want), rec.Body.String()); d != "" {
				t.Errorf("body (-want +got):\n%s", d)
			}
		})
	}
	// The cancellation's answer carries the library's texts and rule.
	rec := do(h, "POST", httpapi.PathCancellations, nil, mustJSON(t, late))
	var got map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &got)
	if got["verdict"] != "fee" || got["cost"] != "5.00" || got["deadline"] == nil || got["rule"] == nil {
		t.Errorf("late cancellation: %v", got)
	}
}

// Bad requests: every status, with the problem's code, field and
// position.
func TestRoutesBad(t *testing.T) {
	h := newHandler(t, httpapi.Options{MaxChildren: 1, MaxSessionsPerChild: 40, MaxPeriodDays: 31, MaxInvoices: 1, MaxLines: 3})
	small := newHandler(t, httpapi.Options{MaxBodyBytes: 100})
	sample := invoice.SampleCase()
	one := func(c *invoice.Case) { c.Children = c.Children[:1] }
	type want struct {
		status  int
		typ     string
		allow   string
		codes   []plan.Code
		fields  []string
		lineCol [][2]int
		limit   string
	}
	for _, tc := range []struct {
		name, method, path string
		header             map[string]string
		body               []byte
		handler            http.Handler
		want               want
	}{
		{"syntax error", "POST", httpapi.PathInvoices, nil, []byte("{\n  \"month\": \"2025-05\",\n  \"number\" \"x\"\n}"), nil,
			want{status: 400, typ: httpapi.TypeMalformed, codes: []plan.Code{invoice.CodeInvalidJSON}, fields: []string{""}, lineCol: [][2]int{{3, 12}}}},
		{"empty body", "POST", httpapi.PathEstimates, nil, []byte(""), nil,
			want{status: 400, typ: httpapi.TypeMalformed, codes: []plan.Code{invoice.CodeInvalidJSON}, fields: []string{""}, lineCol: [][2]int{{1, 1}}}},
		{"unknown field and bad date", "POST", httpapi.PathInvoices, nil, []byte(`{"month": "2025-05", "numbr": "x",` + "\n" + `"invoice_date": "2025-02-30"}`), nil,
			want{status: 400, typ: httpapi.TypeMalformed, codes: []plan.Code{invoice.CodeUnknownField, plan.CodeInvalidDate}, fields: []string{"numbr", "invoice_date"}, lineCol: [][2]int{{1, 22}, {2, 17}}}},
		{"estimate impossible hour", "POST", httpapi.PathEstimates, nil,
			[]byte(`{"month":"2025-03","plan":{"kind":"regular","start":"2025-03-01","schedule":{"weeks":[{"monday":[{"start":"07:45","end":"25:00"}]}]}},"daily":"24.10"}`), nil,
			want{status: 400, typ: httpapi.TypeMalformed, codes: []plan.Code{plan.CodeInvalidClock}, fields: []string{"plan.schedule.weeks[0].monday[0].end"}, lineCol: [][2]int{{1, 121}}}},
		{"enum, range, unknown field in a nested object", "POST", httpapi.PathEstimates, nil, []byte(`{"plan":{"kind":"weekly","exclusions":[{"x":1}]},"rules":{"payment_term_months":99999999999999999999}}`), nil,
			want{status: 400, typ: httpapi.TypeMalformed, codes: []plan.Code{plan.CodeInvalidValue, invoice.CodeUnknownField, plan.CodeOutOfRange},
				fields: []string{"plan.kind", "plan.exclusions[0].x", "rules.payment_term_months"}}},
		{"estimate amount as number", "POST", httpapi.PathEstimates, nil, []byte(`{"month":"2025-03","daily":24.10}`), nil,
			want{status: 400, typ: httpapi.TypeMalformed, codes: []plan.Code{invoice.CodeWrongType}, fields: []string{"daily"}, lineCol: [][2]int{{1, 28}}}},
		{"verification needs case and invoice", "POST", httpapi.PathVerifications, nil, []byte(`{"options":{"rounding":"per_week"}}`), nil,
			want{status: 400, typ: httpapi.TypeMalformed, codes: []plan.Code{plan.CodeInvalidValue, plan.CodeMissing, plan.CodeMissing},
				fields: []string{"options.rounding", "case", "invoice"}, lineCol: [][2]int{{1, 24}, {1, 1}, {1, 1}}}},
		{"case refused", "POST", httpapi.PathInvoices, nil, caseWith(t, func(c *invoice.Case) { one(c); c.Children[0].Plans[0].Schedule = plan.Schedule{} }), nil,
			want{status: 422, typ: httpapi.TypeRefused, codes: []plan.Code{plan.CodeNoReservedSession}, fields: []string{"children[0].plans[0].schedule"}}},
		{"estimate refused", "POST", httpapi.PathEstimates, nil, []byte(`{"month":"2025-03","plan":{"kind":"regular","start":"2025-03-01","schedule":{"weeks":[{"monday":[{"start":"09:00","end":"08:00"}]}]}}, "rules": {}}`), nil,
			want{status: 422, typ: httpapi.TypeRefused}},
		{"verification case refused", "POST", httpapi.PathVerifications, nil, mustJSON(t, httpapi.VerificationRequest{Case: func() invoice.Case { c := sample; c.Children = nil; return c }()}), nil,
			want{status: 422, typ: httpapi.TypeRefused}},
		{"report refused", "POST", httpapi.PathAttendanceReports, nil, []byte(`{"location":{"name":"X","file_number":"12"}}`), nil,
			want{status: 422, typ: httpapi.TypeRefused}},
		{"cancellation of an unknown location", "POST", httpapi.PathCancellations, nil,
			mustJSON(t, func() httpapi.CancellationRequest {
				r := cancellation(time.Date(2026, 3, 17, 9, 0, 0, 0, plan.Brussels()))
				r.Location.ID = "elders"
				return r
			}()), nil, want{status: 422, typ: httpapi.TypeRefused}},
		{"too many children", "POST", httpapi.PathInvoices, nil, mustJSON(t, sample), nil,
			want{status: 422, typ: httpapi.TypeLimitExceeded, codes: []plan.Code{httpapi.LimitExceeded}, fields: []string{"children"}, limit: "max_children"}},
		{"too many sessions", "POST", httpapi.PathInvoices, nil, caseWith(t, func(c *invoice.Case) {
			one(c)
			for len(c.Children[0].Sessions) <= 40 {
				c.Children[0].Sessions = append(c.Children[0].Sessions, c.Children[0].Sessions[0])
			}
		}), nil, want{status: 422, typ: httpapi.TypeLimitExceeded, codes: []plan.Code{httpapi.LimitExceeded}, fields: []string{"children[0].sessions"}, limit: "max_sessions_per_child"}},
		{"too long an absence", "POST", httpapi.PathVerifications, nil, mustJSON(t, httpapi.VerificationRequest{Case: func() invoice.Case {
			c := sample
			c.Children = append([]invoice.Child(nil), sample.Children[:1]...)
			c.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: plan.MustParseDate("2025-01-01"), End: plan.MustParseDate("2025-12-31")}}}
			return c
		}()}), nil, want{status: 422, typ: httpapi.TypeLimitExceeded, codes: []plan.Code{httpapi.LimitExceeded}, fields: []string{"case.children[0].absences[0].period"}, limit: "max_period_days"}},
		{"lines without their fields", "POST", httpapi.PathVerifications, nil, mustJSON(t, httpapi.VerificationRequest{Case: func() invoice.Case { c := sample; c.Children = c.Children[:1]; return c }(),
			Invoice: invoice.External{Lines: make([]invoice.ExternalLine, 4)}}), nil,
			want{status: 400, typ: httpapi.TypeMalformed}}, // zero lines lack their required fields: refused by the decoder first
		{"too many lines", "POST", httpapi.PathVerifications, nil, mustJSON(t, httpapi.VerificationRequest{Case: func() invoice.Case { c := sample; c.Children = c.Children[:1]; return c }(),
			Invoice: invoice.External{Lines: slices.Repeat([]invoice.ExternalLine{{Kind: invoice.LineAdmin, Count: decimal.NewFromInt(1), UnitPrice: tariff.Cents(350), Amount: tariff.Cents(350)}}, 4)}}), nil,
			want{status: 422, typ: httpapi.TypeLimitExceeded, codes: []plan.Code{httpapi.LimitExceeded}, fields: []string{"invoice.lines"}, limit: "max_lines"}},
		{"too many invoices", "POST", httpapi.PathAttendanceReports, nil, []byte(`{"invoices":[{},{}]}`), nil,
			want{status: 422, typ: httpapi.TypeLimitExceeded, codes: []plan.Code{httpapi.LimitExceeded}, fields: []string{"invoices"}, lineCol: [][2]int{{1, 13}}, limit: "max_invoices"}},
		{"body too large", "POST", httpapi.PathInvoices, nil, mustJSON(t, sample), small, want{status: 413, typ: httpapi.TypeTooLarge, limit: "max_body_bytes"}},
		{"no content type", "POST", httpapi.PathEstimates, map[string]string{"Content-Type": ""}, []byte(`{}`), nil, want{status: 415, typ: httpapi.TypeUnsupportedMediaType}},
		{"form content type", "POST", httpapi.PathEstimates, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, []byte(`a=b`), nil, want{status: 415, typ: httpapi.TypeUnsupportedMediaType}},
		{"latin-1", "POST", httpapi.PathEstimates, map[string]string{"Content-Type": "application/json; charset=iso-8859-1"}, []byte(`{}`), nil, want{status: 415, typ: httpapi.TypeUnsupportedMediaType}},
		{"GET invoices", "GET", httpapi.PathInvoices, nil, nil, nil, want{status: 405, typ: httpapi.TypeMethodNotAllowed, allow: "POST, OPTIONS"}},
		{"DELETE estimates", "DELETE", httpapi.PathEstimates, nil, nil, nil, want{status: 405, typ: httpapi.TypeMethodNotAllowed, allow: "POST, OPTIONS"}},
		{"POST amounts", "POST", httpapi.PathAmounts, nil, []byte(`{}`), nil, want{status: 405, typ: httpapi.TypeMethodNotAllowed, allow: "GET, HEAD, OPTIONS"}},
		{"PUT openapi", "PUT", httpapi.PathOpenAPI, nil, []byte(`{}`), nil, want{status: 405, typ: httpapi.TypeMethodNotAllowed, allow: "GET, HEAD, OPTIONS"}},
		{"not acceptable", "POST", httpapi.PathInvoices, map[string]string{"Accept": "image/png"}, mustJSON(t, sample), nil, want{status: 406, typ: httpapi.TypeNotAcceptable}},
		{"not found", "GET", "/v1/invoice", nil, nil, nil, want{status: 404, typ: httpapi.TypeNotFound}},
		{"not found root", "GET", "/", nil, nil, nil, want{status: 404, typ: httpapi.TypeNotFound}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hh := tc.handler
			if hh == nil {
				hh = h
			}
			rec := do(hh, tc.method, tc.path, tc.header, tc.body)
			if rec.Code != tc.want.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.want.status, rec.Body)
			}
			if got := rec.Header().Get("Allow"); got != tc.want.allow {
				t.Errorf("Allow %q, want %q", got, tc.want.allow)
			}
			p := problemOf(t, rec)
			if p.Type != tc.want.typ {
				t.Errorf("type %q, want %q", p.Type, tc.want.typ)
			}
			if tc.want.limit != "" && (p.Limit == nil || p.Limit.Name != tc.want.limit || p.Limit.Value <= 0) {
				t.Errorf("limit %+v, want %s", p.Limit, tc.want.limit)
			}
			if tc.want.status == 422 || tc.want.status == 400 {
				if len(p.Problems) == 0 {
					t.Fatalf("no problems: %s", rec.Body)
				}
				for _, ip := range p.Problems {
					if ip.Code == "" || ip.Line < 1 || ip.Column < 1 || ip.Message == "" {
						t.Errorf("problem without code or position: %+v", ip)
					}
				}
			}
			if tc.want.codes != nil {
				var codes []plan.Code
				var fields []string
				var pos [][2]int
				for _, ip := range p.Problems {
					codes, fields, pos = append(codes, ip.Code), append(fields, ip.Field), append(pos, [2]int{ip.Line, ip.Column})
				}
				if d := cmp.Diff(tc.want.codes, codes); d != "" {
					t.Errorf("codes (-want +got):\n%s\n%s", d, rec.Body)
				}
				if d := cmp.Diff(tc.want.fields, fields); d != "" {
					t.Errorf("fields (-want +got):\n%s", d)
				}
				if tc.want.lineCol != nil {
					if d := cmp.Diff(tc.want.lineCol, pos); d != "" {
						t.Errorf("positions (-want +got):\n%s", d)
					}
				}
			}
			noInternals(t, rec.Body.String())
		})
	}
}

// noInternals fails when a response reads like Go: a type name, a stack
// trace, a package path.
func noInternals(t testing.TB, body string) {
	t.Helper()
	for _, s := range []string{"goroutine ", ".go:", "panic", "runtime.", "*invoice.", "httpapi.", "strictjson", "reflect", "interface {", "map["} {
		if strings.Contains(body, s) {
			t.Errorf("the response mentions %q:\n%s", s, body)
		}
	}
	var p httpapi.ProblemDetails
	if json.Unmarshal([]byte(body), &p) == nil {
		if m := namesGoType(p); m != "" {
			t.Errorf("the response names the Go type %s:\n%s", m, body)
		}
	}
}

// goTypeName matches a Go type of the library's packages; quoted matches
// what the messages quote of the request (a field name sent, a value),
// which may read like anything.
var (
	goTypeName = regexp.MustCompile(`\b(plan|tariff|invoice|absence|reservation|fosu05|httpapi|strictjson|time|decimal)\.[A-Z][A-Za-z]*`)
	quoted     = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// namesGoType returns a Go type a problem document names in its own words
// (its title, detail and messages, without what they quote of the
// request; a field is the request's own path), or "".
func namesGoType(p httpapi.ProblemDetails) string {
	texts := []string{p.Title, p.Detail}
	for _, ip := range p.Problems {
		texts = append(texts, ip.Message)
	}
	for _, s := range texts {
		if m := goTypeName.FindString(quoted.ReplaceAllString(s, `""`)); m != "" {
			return m
		}
	}
	return ""
}

// A problem the library finds after decoding names the request's field
// and its position in the body.
func TestRefusedPositions(t *testing.T) {
	h := newHandler(t, httpapi.Options{})
	c := invoice.SampleCase()
	c.Children[1].Plans[0].Schedule = plan.Schedule{}
	body, _ := json.MarshalIndent(c, "", "  ")
	rec := do(h, "POST", httpapi.PathInvoices, nil, body)
	p := problemOf(t, rec)
	if rec.Code != 422 || len(p.Problems) == 0 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	ip := p.Problems[0]
	if ip.Field != "children[1].plans[0].schedule" {
		t.Fatalf("field %q", ip.Field)
	}
	// The position is that of the schedule's "{" in the body.
	lines := strings.Split(string(body), "\n")
	if ip.Line > len(lines) || !strings.HasSuffix(strings.TrimRight(lines[ip.Line-1][:ip.Column], " "), "{") {
		t.Errorf("line %d, column %d: %q", ip.Line, ip.Column, lines[ip.Line-1])
	}
	// An estimate's problems name the estimate's fields, not those of the
	// case it builds.
	est := invoice.EstimateInput{Month: plan.MustMonth(2025, time.March), Plan: c.Children[0].Plans[0], Rules: invoice.Seed004HouseRules()}
	rec = do(h, "POST", httpapi.PathEstimates, nil, mustJSON(t, est))
	p = problemOf(t, rec)
	if rec.Code != 422 || len(p.Problems) != 1 || p.Problems[0].Field != "daily" {
		t.Errorf("estimate without a tariff: %s", rec.Body)
	}
}

// CORS: only configured origins, none by default.
func TestCORS(t *testing.T) {
	const origin = "https://portaal.example.be"
	for _, tc := range []struct {
		name    string
		allowed []string
		method  string
		header  map[string]string
		status  int
		acao    string
	}{
		{"none by default", nil, "GET", map[string]string{"Origin": origin}, 200, ""},
		{"allowed origin", []string{origin}, "GET", map[string]string{"Origin": origin}, 200, origin},
		{"other origin", []string{origin}, "GET", map[string]string{"Origin": "https://evil.example"}, 200, ""},
		{"preflight", []string{origin}, "OPTIONS", map[string]string{"Origin": origin, "Access-Control-Request-Method": "POST"}, 204, origin},
		{"preflight of another origin", []string{origin}, "OPTIONS", map[string]string{"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}, 204, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHandler(t, httpapi.Options{AllowedOrigins: tc.allowed})
			rec := do(h, tc.method, httpapi.PathAmounts, tc.header, nil)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tc.acao {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tc.acao)
			}
			if !strings.Contains(rec.Header().Get("Vary"), "Origin") {
				t.Error("no Vary: Origin")
			}
		})
	}
	for _, bad := range []string{"*", "portaal.example.be", "https://portaal.example.be/", ""} {
		if _, err := httpapi.New(httpapi.Options{AllowedOrigins: []string{bad}}); err == nil {
			t.Errorf("origin %q accepted", bad)
		}
	}
	if _, err := httpapi.New(httpapi.Options{MaxChildren: -1}); err == nil {
		t.Error("a negative limit accepted")
	}
}

// HEAD of a GET route answers the headers; OPTIONS lists the methods.
func TestHeadAndOptions(t *testing.T) {
	h := newHandler(t, httpapi.Options{})
	rec := do(h, "HEAD", httpapi.PathAmounts, nil, nil)
	if rec.Code != 200 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d %v", rec.Code, rec.Header())
	}
	rec = do(h, "OPTIONS", httpapi.PathInvoices, nil, nil)
	if rec.Code != 204 || rec.Header().Get("Allow") != "POST, OPTIONS" {
		t.Errorf("OPTIONS: %d %v", rec.Code, rec.Header())
	}
}

// The handler is safe for concurrent use: the same answers from many
// goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	h := newHandler(t, httpapi.Options{})
	body := mustJSON(t, invoice.SampleCase())
	want := do(h, "POST", httpapi.PathInvoices, nil, body).Body.String()
	done := make(chan string, 16)
	for range 16 {
		go func() { done <- do(h, "POST", httpapi.PathInvoices, nil, body).Body.String() }()
	}
	for range 16 {
		if got := <-done; got != want {
			t.Fatal("a concurrent answer differs")
		}
	}
}
