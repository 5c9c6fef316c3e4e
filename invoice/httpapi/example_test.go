package httpapi_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/httpapi"
)

// A Go service mounts the API; a portal posts a plan and a daily tariff
// and reads the month's total and the year's.
func ExampleNew() {
	api, err := httpapi.New(httpapi.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/", api)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	rules, _ := json.Marshal(invoice.Seed004HouseRules())
	body := `{"month": "2025-03", "child": {"birth": "2023-06-12"}, "daily": "24.10",
	  "plan": {"kind": "regular", "start": "2024-09-02", "schedule": {"weeks": [{
	    "monday": [{"start": "07:45", "end": "17:15"}], "tuesday": [{"start": "07:45", "end": "17:15"}],
	    "thursday": [{"start": "07:45", "end": "17:15"}]}]}},
	  "rules": ` + string(rules) + `}`
	resp, err := http.Post(srv.URL+"/v1/estimates", "application/json", strings.NewReader(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var est invoice.Estimate
	if err := json.NewDecoder(resp.Body).Decode(&est); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Status)
	for _, l := range est.Invoice.Lines {
		fmt.Printf("%3s  %-50s %7s\n", l.Count, l.LabelNL, l.Amount)
	}
	fmt.Println("March:", est.Invoice.Total, "— the year:", est.YearTotal)
	// Output:
	// 200 OK
	//  13  opvang volle dag (baby/peuter): 100 % van € 24,10   313.30
	//  13  afvalverwerking, volle dag                            1.69
	//   1  administratie- en facturatiekosten (per gezin per maand)    3.50
	// March: 318.49 — the year: 3652.27
}

// Every error is a problem document with each problem's code, JSON path
// and position.
func ExampleProblemDetails() {
	api, err := httpapi.New(httpapi.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	body := `{"month": "2025-03",
  "plan": {"kind": "regular", "start": "2025-03-01",
           "schedule": {"weeks": [{"monday": [{"start": "07:45", "end": "25:00"}]}]}}}`
	req := httptest.NewRequest("POST", "/v1/estimates", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	var p httpapi.ProblemDetails
	_ = json.Unmarshal(rec.Body.Bytes(), &p)
	for _, pr := range p.Problems {
		fmt.Printf("%s at %s, line %d, column %d\n", pr.Code, pr.Field, pr.Line, pr.Column)
	}
	// Output:
	// 400 application/problem+json
	// invalid_clock at plan.schedule.weeks[0].monday[0].end, line 3, column 73
}

// The Dutch text of an invoice, for Accept: text/plain.
func ExampleHandler_text() {
	api, err := httpapi.New(httpapi.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := json.Marshal(invoice.SampleCase())
	req := httptest.NewRequest("POST", httpapi.PathInvoices, strings.NewReader(string(c)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/plain")
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, req)
	text, _ := io.ReadAll(rec.Body)
	fmt.Println(strings.SplitN(string(text), "\n", 2)[0])
	// Output:
	// FACTUUR 2025-05-0042 — mei 2025
}
