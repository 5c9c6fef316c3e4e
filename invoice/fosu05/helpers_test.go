package fosu05

import (
	"testing"

	"github.com/kinderopvang/regels/invoice"
)

// testLocation is the location of the reference scenarios (OO-Els, the
// seed-004 family daycare), with made-up Opgroeien data.
func testLocation() Location {
	return Location{ID: "OO-Els", Name: "Onthaalouder Els (Zorg Leuven)", FileNumber: "123456789",
		Organiser: "Zorg Leuven", Responsible: "Janssens An", AfterSchool: true}
}

// testChildren are the scenario children with made-up child codes in the
// schema's format.
func testChildren() []ChildInfo {
	return []ChildInfo{
		{Code: "230612-118-01", InvoiceCode: "K-118", FirstName: "Noor", LastName: "Peeters"},
		{Code: "181103-077-02", InvoiceCode: "K-077", FirstName: "Lars", LastName: "Peeters"},
		{Code: "180414-301-01", InvoiceCode: "K-301", FirstName: "Lena", LastName: "Claes"},
		{Code: "200109-302-01", InvoiceCode: "K-302", FirstName: "Milan", LastName: "Claes"},
	}
}

// inputOf builds the invoice of case c and the report input around it,
// with only the children on the invoice.
func inputOf(t testing.TB, c invoice.Case) Input {
	t.Helper()
	inv, err := invoice.Build(c)
	if err != nil {
		t.Fatalf("invoice.Build: %v", err)
	}
	loc := testLocation()
	loc.ID = c.Children[0].Location.ID // the scenario's location
	in := Input{Month: c.Month, Location: loc, Calendar: c.Calendar, Invoices: []invoice.Invoice{inv}}
	for _, ch := range testChildren() {
		for _, cs := range inv.Children {
			if cs.Code == ch.InvoiceCode {
				in.Children = append(in.Children, ch)
			}
		}
	}
	return in
}

// scenarioDocs returns the report of every reference scenario and of the
// sample case, by name.
func scenarioDocs(t testing.TB) map[string]Document {
	t.Helper()
	out := map[string]Document{}
	cases := map[string]invoice.Case{"sample_case": invoice.SampleCase()}
	for _, s := range invoice.Scenarios() {
		cases[s.Name] = s.Case
	}
	for name, c := range cases {
		d, err := New(inputOf(t, c))
		if err != nil {
			t.Fatalf("%s: New: %v", name, err)
		}
		out[name] = d
	}
	return out
}
