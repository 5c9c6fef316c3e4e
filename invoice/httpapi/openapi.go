package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/invoice/schema"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

// The OpenAPI document (3.1) is written once, by New. Its schemas are the
// published ones — components Case and External are schema.Case() and
// schema.External() as they are — and, for the other bodies, schemas
// written by the same generator from the Go types, in which every
// definition that the published schemas hold alike is a $ref to the
// published one ("https://…/case.schema.json#/$defs/plan.Plan").

// SchemaBase is the start of the $id of the API's own schemas.
const SchemaBase = "https://github.com/kinderopvang/regels/invoice/httpapi/schema/"

// component is one schema of the document's components.
type component struct {
	name, id, title string
	root            reflect.Type
	required        map[reflect.Type][]string
}

func components() []component {
	return []component{
		{"EstimateInput", "estimate-input", "regels estimate input (invoice.EstimateInput)", reflect.TypeFor[invoice.EstimateInput](), nil},
		{"Estimate", "estimate", "regels estimate (invoice.Estimate)", reflect.TypeFor[invoice.Estimate](), nil},
		{"Invoice", "invoice", "regels invoice (invoice.Invoice)", reflect.TypeFor[invoice.Invoice](), nil},
		{"VerificationRequest", "verification-request", "regels verification request", reflect.TypeFor[VerificationRequest](),
			map[reflect.Type][]string{reflect.TypeFor[VerificationRequest](): {"case", "invoice"}}},
		{"VerificationResult", "verification-result", "regels verification result", reflect.TypeFor[VerificationResult](), nil},
		{"AttendanceReportInput", "attendance-report-input", "regels attendance report input (fosu05.Input)", reflect.TypeFor[fosu05.Input](), nil},
		{"CancellationRequest", "cancellation-request", "regels cancellation request", reflect.TypeFor[CancellationRequest](),
			map[reflect.Type][]string{reflect.TypeFor[CancellationRequest](): {"reservation", "location", "policy", "at"}}},
		{"CancellationResult", "cancellation-result", "regels cancellation result", reflect.TypeFor[CancellationResult](), nil},
		{"Amounts", "amounts", "regels statutory amounts", reflect.TypeFor[AmountsResult](), nil},
		{"Problem", "problem", "problem details (RFC 9457)", reflect.TypeFor[ProblemDetails](), nil},
	}
}

// componentSchemas returns the document's schemas by component name.
func (h *Handler) componentSchemas() (map[string]json.RawMessage, error) {
	published := map[string]map[string]json.RawMessage{}
	out := map[string]json.RawMessage{"Case": schema.Case(), "External": schema.External()}
	for id, doc := range map[string][]byte{schema.CaseID: schema.Case(), schema.ExternalID: schema.External()} {
		var s struct {
			Defs map[string]json.RawMessage `json:"$defs"`
		}
		if err := json.Unmarshal(doc, &s); err != nil {
			return nil, err
		}
		published[id] = s.Defs
	}
	for _, c := range components() {
		b, err := strictjson.Schema(c.root, h.spec.spec(c.required), strictjson.Meta{ID: SchemaBase + c.id + ".schema.json", Title: c.title,
			Description: "Written from the Go types by the generator of the published schemas; a definition the published schemas hold alike refers to theirs."})
		if err != nil {
			return nil, fmt.Errorf("httpapi: the schema of %s: %w", c.name, err)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, err
		}
		var defs map[string]json.RawMessage
		if err := json.Unmarshal(doc["$defs"], &defs); err != nil {
			return nil, err
		}
		for name, d := range defs {
			for _, id := range []string{schema.CaseID, schema.ExternalID} {
				if p, ok := published[id][name]; ok && jsonEqual(p, d) {
					defs[name] = json.RawMessage(`{"$ref":` + quote(id+"#/$defs/"+name) + `}`)
					break
				}
			}
		}
		if doc["$defs"], err = json.Marshal(defs); err != nil {
			return nil, err
		}
		if out[c.name], err = json.Marshal(doc); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// jsonEqual reports whether two JSON documents are the same value.
func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Example is a named example request of a route, as the OpenAPI document
// carries it.
type Example struct {
	Name, Summary string
	Body          any
	// Header, when set, is a header of the request ("Accept").
	Header map[string]string
}

// operation describes one route in the document.
type operation struct {
	path, method, id, summary, description string
	request                                string // component of the body; "" for none
	responses                              []response
}

type response struct {
	status      int
	description string
	content     map[string]string // media type → component ("" for text)
}

// Examples returns the example requests of each route of the OpenAPI
// document, by path: each is accepted by the handler (a test checks it).
func Examples() (map[string][]Example, error) {
	sample := invoice.SampleCase()
	inv, err := invoice.Build(sample)
	if err != nil {
		return nil, err
	}
	late, err := invoice.ScenarioByName("late_pickup")
	if err != nil {
		return nil, err
	}
	lateInv, err := invoice.Build(late.Case)
	if err != nil {
		return nil, err
	}
	theirs := invoice.ExternalOf(lateInv)
	wrong := theirs
	wrong.Lines = append([]invoice.ExternalLine(nil), theirs.Lines...)
	for i, l := range wrong.Lines {
		if l.Kind == invoice.LineLatePickup {
			wrong.Lines[i].Amount = tariff.MustMoney("4.00")
		}
	}
	d := plan.MustParseDate
	toddler := invoice.EstimateInput{Month: plan.MustMonth(2025, time.March), Child: tariff.Child{Birth: d("2023-06-12")},
		Plan: plan.Plan{Kind: plan.KindRegular, Start: d("2024-09-02"), Schedule: plan.Schedule{Weeks: []plan.Week{{
			Monday: slots("07:45", "17:15"), Tuesday: slots("07:45", "17:15"), Thursday: slots("07:45", "17:15")}}}},
		Daily: tariff.MustTariff("24.10"), Rules: invoice.Seed004HouseRules()}
	afterSchool := invoice.EstimateInput{Month: plan.MustMonth(2026, time.March), Child: tariff.Child{Birth: d("2018-11-03")},
		Plan: plan.Plan{Kind: plan.KindAfterSchool, Start: d("2025-09-01"), Schedule: plan.Schedule{Weeks: []plan.Week{{
			Monday: slots("15:45", "17:30"), Wednesday: slots("12:00", "17:30"), Friday: slots("15:45", "17:30")}}}},
		Rules: invoice.ExampleAfterSchoolHouseRules()}
	report := fosu05.Input{Month: sample.Month,
		Location: fosu05.Location{Name: "Onthaalouder Els", FileNumber: "123456789", Organiser: "Zorg Leuven", Responsible: "Janssens An", AfterSchool: true},
		Calendar: sample.Calendar,
		Children: []fosu05.ChildInfo{
			{Code: "230612-118-01", InvoiceCode: "K-118", FirstName: "Noor", LastName: "Peeters"},
			{Code: "181103-077-02", InvoiceCode: "K-077", FirstName: "Lars", LastName: "Peeters"},
		},
		Invoices: []invoice.Invoice{inv}}
	loc := reservation.Location{ID: "bko-linde", Name: "BKO De Linde", Moments: []reservation.Moment{{ID: "na", Name: "naschools",
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday}, Season: reservation.AllYear,
		Start: plan.MustClock("15:30"), End: plan.MustClock("18:30"), Capacity: 20}}}
	res := reservation.Reservation{ID: "R-1", Child: "K-302", Location: "bko-linde", Moment: "na", Date: d("2026-03-19"),
		Start: plan.MustClock("15:30"), End: plan.MustClock("18:00"), State: reservation.StateApproved}
	bxl := plan.Brussels()
	return map[string][]Example{
		PathInvoices: {
			{Name: "sample", Summary: "the Peeters family, May 2025 (invoice.SampleCase)", Body: sample},
			{Name: "sample_text", Summary: "the same invoice as the family reads it, in Dutch", Body: sample, Header: map[string]string{"Accept": "text/plain"}},
		},
		PathEstimates: {
			{Name: "income_tariff", Summary: "a toddler three days a week at 24.10 a day, March 2025", Body: toddler},
			{Name: "price_list", Summary: "after-school care under a municipal price list, March 2026", Body: afterSchool},
		},
		PathVerifications: {
			{Name: "match", Summary: "an invoice that matches", Body: VerificationRequest{Case: late.Case, Invoice: theirs}},
			{Name: "differences", Summary: "late pick-up billed at 4.00: an arithmetic difference", Body: VerificationRequest{Case: late.Case, Invoice: wrong,
				Options: VerifyOptions{Rounding: Rounding(invoice.PerLine.String())}}},
		},
		PathAttendanceReports: {
			{Name: "may_2025", Summary: "the May 2025 report of the Peeters family's childminder", Body: report},
		},
		PathCancellations: {
			{Name: "in_time", Summary: "cancelled two days before", Body: CancellationRequest{Reservation: res, Location: loc,
				Policy: invoice.ExampleAfterSchoolPolicy(), At: time.Date(2026, 3, 17, 9, 0, 0, 0, bxl)}},
			{Name: "late", Summary: "cancelled the same morning: late, at a cost", Body: CancellationRequest{Reservation: res, Location: loc,
				Policy: invoice.ExampleAfterSchoolPolicy(), At: time.Date(2026, 3, 19, 9, 0, 0, 0, bxl)}},
		},
	}, nil
}

func slots(from, to string) []plan.Slot {
	return []plan.Slot{{Start: plan.MustClock(from), End: plan.MustClock(to)}}
}

// operations lists the routes in the document's order (that of Routes).
func operations() []operation {
	problems := func(statuses ...int) []response {
		var out []response
		for _, s := range statuses {
			out = append(out, response{s, problemDescription(s), map[string]string{"application/problem+json": "Problem"}})
		}
		return out
	}
	post := []int{400, 405, 413, 415, 422, 500}
	return []operation{
		{path: PathInvoices, method: "post", id: "buildInvoice", summary: "The monthly invoice of a case",
			description: "Reads a case file (invoice.DecodeCase, strictly) and answers its invoice (invoice.Build): every line with its count, unit price, amount, Dutch and English label, rule and source. With Accept: text/plain, the Dutch text the family reads (Invoice.Text).",
			request:     "Case",
			responses: append([]response{{200, "the invoice", map[string]string{"application/json": "Invoice", "text/plain": ""}}},
				problems(append(post, 406)...)...)},
		{path: PathEstimates, method: "post", id: "estimateMonth", summary: "The cost estimate of a month and its year",
			description: "The expected invoice of a month when the child attends as planned, and the year's total (invoice.EstimateMonth): a plan, the daily tariff of the attest or house rules with a price list, and the month.",
			request:     "EstimateInput",
			responses:   append([]response{{200, "the estimate", map[string]string{"application/json": "Estimate"}}}, problems(post...)...)},
		{path: PathVerifications, method: "post", id: "verifyInvoice", summary: "Verify an invoice made by other software",
			description: "Builds the case's invoice and compares the external one with it (invoice.VerifyWith): the verdict, match or differences, and every typed difference with the rule behind the expected value.",
			request:     "VerificationRequest",
			responses:   append([]response{{200, "the verdict and the differences", map[string]string{"application/json": "VerificationResult"}}}, problems(post...)...)},
		{path: PathAttendanceReports, method: "post", id: "attendanceReport", summary: "The monthly attendance report FO-SU-05",
			description: "The FO-SU-05 XML of a location's month (fosu05.New, Document.XML) from the month's invoices, as POST /v1/invoices answers them, the location and the children's names as on their attests.",
			request:     "AttendanceReportInput",
			responses:   append([]response{{200, "the report, valid under FO-SU-05.xsd", map[string]string{"application/xml": ""}}}, problems(post...)...)},
		{path: PathCancellations, method: "post", id: "cancellationQuote", summary: "What cancelling a reservation costs",
			description: "Whether cancelling a reservation at a moment is free or costs the policy's fee (reservation.Book.CancelQuote), with the deadline, the rule and its source and the texts the library writes for the family.",
			request:     "CancellationRequest",
			responses:   append([]response{{200, "the verdict", map[string]string{"application/json": "CancellationResult"}}}, problems(post...)...)},
		{path: PathAmounts, method: "get", id: "statutoryAmounts", summary: "The statutory yearly amounts",
			description: "The yearly amounts of the income tariff the library knows (tariff.StatutoryAmounts), each with its source and whether an official text confirms it. A year not listed is unknown: the library never extrapolates.",
			responses:   append([]response{{200, "the amounts", map[string]string{"application/json": "Amounts"}}}, problems(405, 500)...)},
		{path: PathOpenAPI, method: "get", id: "openAPI", summary: "This document",
			responses: append([]response{{200, "the OpenAPI document", map[string]string{"application/json": ""}}}, problems(405, 500)...)},
	}
}

func problemDescription(status int) string {
	switch status {
	case 400:
		return "the body is not JSON or not of the route's format: every problem with its code, JSON path, line and column"
	case 405:
		return "the route does not take this method: see the Allow header"
	case 406:
		return "neither application/json nor text/plain is acceptable"
	case 413:
		return "the body is larger than the server's limit"
	case 415:
		return "the body is not application/json"
	case 422:
		return "the library refuses the input, or it asks for more work than the server's limits: every problem with its code, JSON path, line and column"
	}
	return "the server failed; the response says nothing of why"
}

// openAPIDocument writes the OpenAPI document.
func (h *Handler) openAPIDocument() ([]byte, error) {
	schemas, err := h.componentSchemas()
	if err != nil {
		return nil, err
	}
	examples, err := Examples()
	if err != nil {
		return nil, err
	}
	paths := map[string]any{}
	for _, op := range operations() {
		o := map[string]any{"operationId": op.id, "summary": op.summary}
		if op.description != "" {
			o["description"] = op.description
		}
		if op.request != "" {
			content := map[string]any{"schema": map[string]string{"$ref": "#/components/schemas/" + op.request}}
			if exs := examples[op.path]; len(exs) > 0 {
				m := map[string]any{}
				for _, e := range exs {
					v := map[string]any{"summary": e.Summary, "value": e.Body}
					if len(e.Header) > 0 {
						v["description"] = "sent with " + headerText(e.Header)
					}
					m[e.Name] = v
				}
				content["examples"] = m
			}
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": content}}
		}
		if op.path == PathInvoices {
			o["parameters"] = []map[string]any{{"name": "Accept", "in": "header", "required": false,
				"description": "text/plain for the Dutch text of the invoice; application/json (the default) for the invoice as JSON",
				"schema":      map[string]any{"type": "string"}}}
		}
		rs := map[string]any{}
		for _, r := range op.responses {
			content := map[string]any{}
			for mt, comp := range r.content {
				switch {
				case comp != "":
					content[mt] = map[string]any{"schema": map[string]string{"$ref": "#/components/schemas/" + comp}}
				default:
					content[mt] = map[string]any{"schema": map[string]string{"type": "string"}}
				}
			}
			rs[fmt.Sprint(r.status)] = map[string]any{"description": r.description, "content": content}
		}
		o["responses"] = rs
		paths[op.path] = map[string]any{op.method: o}
	}
	doc := map[string]any{
		"openapi":           "3.1.0",
		"jsonSchemaDialect": strictjson.SchemaDraft,
		"info": map[string]any{"title": "regels — Flemish childcare billing rules", "version": "0.1.0",
			"description": "The library github.com/kinderopvang/regels over HTTP (package invoice/httpapi): invoices, cost estimates, verification of other software's invoices, the FO-SU-05 attendance report, cancellation quotes and the statutory amounts. Stateless; every error is application/problem+json (RFC 9457).",
			"license":     map[string]string{"name": "Apache-2.0", "identifier": "Apache-2.0"}},
		"paths":      paths,
		"components": map[string]any{"schemas": schemas},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func headerText(h map[string]string) string {
	s := ""
	for k, v := range h {
		if s != "" {
			s += ", "
		}
		s += k + ": " + v
	}
	return s
}
