package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/httpapi"
)

// The estimate of the OpenAPI document's example: the whole request
// (decoding, limits, EstimateMonth, encoding) and its parts, to see what
// dominates.
func estimateBody(b *testing.B) []byte {
	ex, err := httpapi.Examples()
	if err != nil {
		b.Fatal(err)
	}
	body, err := json.Marshal(ex[httpapi.PathEstimates][0].Body)
	if err != nil {
		b.Fatal(err)
	}
	return body
}

func BenchmarkEstimateRequest(b *testing.B) {
	h := newHandler(b, httpapi.Options{})
	body := estimateBody(b)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", httpapi.PathEstimates, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

func BenchmarkEstimateMonth(b *testing.B) {
	var in invoice.EstimateInput
	if err := json.Unmarshal(estimateBody(b), &in); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := invoice.EstimateMonth(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEstimateEncode(b *testing.B) {
	var in invoice.EstimateInput
	if err := json.Unmarshal(estimateBody(b), &in); err != nil {
		b.Fatal(err)
	}
	est, err := invoice.EstimateMonth(in)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(est); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInvoiceRequest(b *testing.B) {
	h := newHandler(b, httpapi.Options{})
	body, _ := json.Marshal(invoice.SampleCase())
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", httpapi.PathInvoices, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
