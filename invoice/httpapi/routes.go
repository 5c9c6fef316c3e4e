package httpapi

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

func marshal(v any) ([]byte, error) { return json.Marshal(v) }

// decode decodes body strictly into v, the fields of required types
// required; on a problem it writes the 400 and returns false.
func (h *Handler) decode(w http.ResponseWriter, body []byte, v any, required map[reflect.Type][]string) bool {
	if err := strictjson.Decode(body, v, h.spec.spec(required)); err != nil {
		malformed(w, err, body)
		return false
	}
	return true
}

// invoices answers POST /v1/invoices: the case's invoice, as JSON or, for
// Accept: text/plain, the Dutch text.
func (h *Handler) invoices(w http.ResponseWriter, r *http.Request) {
	text, ok := negotiate(w, r)
	if !ok {
		return
	}
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	c, err := invoice.DecodeCaseBytes(body)
	if err != nil {
		malformed(w, err, body)
		return
	}
	if !h.checkCase(w, body, "", c) {
		return
	}
	inv, err := invoice.Build(c)
	if err != nil {
		refused(w, err, body, "", nil)
		return
	}
	if text {
		writeBytes(w, "text/plain; charset=utf-8", []byte(inv.Text()))
		return
	}
	writeJSON(w, inv)
}

// estimates answers POST /v1/estimates: invoice.EstimateMonth.
func (h *Handler) estimates(w http.ResponseWriter, r *http.Request) {
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	var in invoice.EstimateInput
	if !h.decode(w, body, &in, nil) {
		return
	}
	if !h.checkEstimate(w, body, in) {
		return
	}
	est, err := invoice.EstimateMonth(in)
	if err != nil {
		refused(w, err, body, "", nil) // the fields are the EstimateInput's (invoice.EstimateMonth)
		return
	}
	writeJSON(w, est)
}

// verifications answers POST /v1/verifications: the case's invoice built
// and the external one verified against it.
func (h *Handler) verifications(w http.ResponseWriter, r *http.Request) {
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	var req VerificationRequest
	if !h.decode(w, body, &req, map[reflect.Type][]string{reflect.TypeFor[VerificationRequest](): {"case", "invoice"}}) {
		return
	}
	if !h.checkCase(w, body, "case", req.Case) {
		return
	}
	if n := len(req.Invoice.Lines); n > h.opt.MaxLines {
		h.limit(w, body, "invoice.lines", "max_lines", h.opt.MaxLines, "an external invoice has at most "+strconv.Itoa(h.opt.MaxLines)+" lines")
		return
	}
	opt := invoice.VerifyOptions{Tolerance: req.Options.Tolerance}
	if req.Options.Rounding != "" {
		// The decoder checked the name against the constants.
		rd, err := invoice.ParseRounding(string(req.Options.Rounding))
		if err != nil {
			refused(w, err, body, "options", nil)
			return
		}
		opt.Rounding = rd
	}
	if err := opt.Validate(); err != nil {
		refused(w, err, body, "options", nil)
		return
	}
	computed, err := invoice.Build(req.Case)
	if err != nil {
		refused(w, err, body, "case", nil)
		return
	}
	diffs, err := invoice.VerifyWith(computed, req.Invoice, opt)
	if err != nil {
		refused(w, err, body, "options", nil)
		return
	}
	res := VerificationResult{Verdict: VerdictMatch, Number: computed.Number, ComputedTotal: computed.Total, Differences: diffs}
	if len(diffs) > 0 {
		res.Verdict = VerdictDifferences
	} else {
		res.Differences = []invoice.Difference{}
	}
	writeJSON(w, res)
}

// attendanceReports answers POST /v1/attendance-reports: the FO-SU-05 XML
// of the month's invoices (fosu05.New, Document.XML).
func (h *Handler) attendanceReports(w http.ResponseWriter, r *http.Request) {
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	var in fosu05.Input
	if !h.decode(w, body, &in, nil) {
		return
	}
	if !h.checkReport(w, body, in) {
		return
	}
	doc, err := fosu05.New(in)
	if err != nil {
		refused(w, err, body, "", nil)
		return
	}
	x, err := doc.XML()
	if err != nil {
		refused(w, err, body, "", nil)
		return
	}
	writeBytes(w, "application/xml; charset=utf-8", x)
}

// cancellations answers POST /v1/cancellations: the reservation's
// cancellation quote (reservation.Book.CancelQuote) in a book of the one
// reservation at its location.
func (h *Handler) cancellations(w http.ResponseWriter, r *http.Request) {
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	var req CancellationRequest
	if !h.decode(w, body, &req, map[reflect.Type][]string{reflect.TypeFor[CancellationRequest](): {"reservation", "location", "policy", "at"}}) {
		return
	}
	if !h.checkCalendar(w, body, "location.calendar", req.Location.Calendar) {
		return
	}
	book := reservation.Book{Locations: []reservation.Location{req.Location}, Reservations: []reservation.Reservation{req.Reservation}}
	c, err := book.CancelQuote(req.Reservation.ID, req.At, req.Policy)
	if err != nil {
		refused(w, err, body, "", cancellationField)
		return
	}
	res := CancellationResult{Verdict: CancellationFree, Cancellation: c}
	if c.Cost.Sign() > 0 {
		res.Verdict = CancellationFee
	}
	writeJSON(w, res)
}

// cancellationField turns a field of the book a cancellation is quoted in
// into the request's.
func cancellationField(f string) string {
	for _, m := range []struct{ from, to string }{{"reservations[0]", "reservation"}, {"locations[0]", "location"}} {
		if tail, ok := strings.CutPrefix(f, m.from); ok {
			return m.to + tail
		}
	}
	switch top, _, _ := strings.Cut(f, "."); top {
	case "", "reservation", "location", "policy", "at":
		return f
	}
	// A problem of the policy's own validation names the policy's field.
	return joinPath("policy", f)
}

// amounts answers GET /v1/amounts.
func (h *Handler) amounts(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, AmountsResult{Amounts: tariff.StatutoryAmounts()})
}

// openAPI answers GET /openapi.json.
func (h *Handler) openAPI(w http.ResponseWriter, r *http.Request) {
	writeBytes(w, "application/json", h.openapi)
}

// negotiate decides between JSON and the Dutch text by the Accept header;
// it writes the 406 when neither is acceptable.
func negotiate(w http.ResponseWriter, r *http.Request) (text, ok bool) {
	qJSON, qText := acceptQ(r.Header.Values("Accept"))
	if qJSON <= 0 && qText <= 0 {
		writeProblem(w, ProblemDetails{Type: TypeNotAcceptable, Title: "Not acceptable", Status: http.StatusNotAcceptable,
			Detail: "this route answers application/json or text/plain"})
		return false, false
	}
	return qText > qJSON, true
}

// acceptQ returns the quality the Accept header gives application/json
// and text/plain (RFC 9110 §12.5.1: the most specific range decides); no
// header accepts anything, JSON first.
func acceptQ(values []string) (qJSON, qText int) {
	if len(values) == 0 {
		return 1000, 999
	}
	type best struct{ spec, q int }
	j, t := best{-1, 0}, best{-1, 0}
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			mt, params, _ := strings.Cut(part, ";")
			mt = strings.ToLower(strings.TrimSpace(mt))
			q := 1000
			for _, p := range strings.Split(params, ";") {
				k, val, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(strings.TrimSpace(k), "q") {
					q = parseQ(strings.TrimSpace(val))
				}
			}
			match := func(b *best, typ, sub string) {
				spec := -1
				switch mt {
				case typ + "/" + sub:
					spec = 2
				case typ + "/*":
					spec = 1
				case "*/*":
					spec = 0
				}
				if spec > b.spec {
					b.spec, b.q = spec, q
				}
			}
			match(&j, "application", "json")
			match(&t, "text", "plain")
		}
	}
	// Equal quality: JSON.
	return j.q, t.q
}

// parseQ reads a quality value, 0 to 1 with up to three decimals, as
// thousandths; anything else is 0.
func parseQ(s string) int {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 3 || (whole != "0" && whole != "1") {
		return 0
	}
	n := 0
	if whole == "1" {
		n = 1000
	}
	for i := 0; i < 3; i++ {
		d := 0
		if i < len(frac) {
			if frac[i] < '0' || frac[i] > '9' {
				return 0
			}
			d = int(frac[i] - '0')
		}
		n += d * []int{100, 10, 1}[i]
	}
	if n > 1000 { // "1.5": above 1 is no quality (RFC 9110 §12.4.2)
		return 0
	}
	return n
}
