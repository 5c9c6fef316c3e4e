package monthend

import (
	"encoding/json"
	"testing"
)

// DecodeOrganiser never panics: it returns a valid Organiser or an error,
// and what it accepts encodes to JSON it accepts again.
func FuzzDecodeOrganiser(f *testing.F) {
	// Small seeds, so that each execution is quick: the shared part's
	// house rules decode as in a case file (FuzzReadCase).
	f.Add([]byte(`{"locations": [{"id": "OO-Els", "name": "Els", "file_number": "123456789", "organiser": "Zorg Leuven", "responsible": "An", "open_weekdays": [1, 2, 3]}]}`))
	f.Add([]byte(`{"children": [{"code": "230612-118-01", "invoice_code": "K-118", "first_name": "Noor", "last_name": "Peeters"}, {"code": "K-118"}]}`))
	f.Add([]byte(`{"locations": [{"id": "a"}, {"id": "a"}]}`))
	f.Add([]byte(`{"shared": {"month": "2025-03", "calendar": {}, "rules": {}}}`))
	f.Add([]byte(`{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := DecodeOrganiser(data)
		if err != nil {
			if o.Locations != nil || o.Children != nil || o.Shared != nil {
				t.Fatal("an organiser beside an error")
			}
			return
		}
		if err := o.Validate(); err != nil {
			t.Fatalf("DecodeOrganiser accepted an invalid organiser: %v", err)
		}
		b, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := DecodeOrganiser(b); err != nil {
			t.Fatalf("re-decoding what was accepted: %v\n%s", err, b)
		}
	})
}

// DecodePaid, YearEnd and CertificatesCSV never panic on any data; every
// child comes back once, with certificates or problems.
func FuzzYearEnd(f *testing.F) {
	f.Add([]byte(`{"children": [{"code": "K-1", "name": "Noor", "birth": "2023-06-12"}], "paid": []}`), 2025)
	f.Add([]byte(`{"children": [{"code": "K-1", "name": "Noor", "birth": "2023-06-12"}, {"code": "K-1"}, {"code": ""}],
		"paid": [{"invoice": {"number": "1", "family": {"id": "F"}, "lines": [{"child": "K-1", "kind": "care", "count": "2", "unit_price": "24.10",
		"amount": "48.20", "dates": ["2025-03-03", "2025-03-04"], "tariff": "24.10", "deductible": true, "rule": {"id": "x", "source": "y"},
		"label_nl": "", "label_en": ""}, {"child": "K-2", "kind": "care", "count": "1", "unit_price": "1.00", "amount": "1.00",
		"dates": ["2025-03-05"], "deductible": true, "rule": {"id": "", "source": ""}, "label_nl": "", "label_en": ""}]}, "paid_on": "2025-04-01"},
		{"invoice": {"number": "1"}, "paid_on": "2025-04-02"}, {"invoice": {"number": "2"}}], "caps": [{"year": 2025, "per_day": "1.00", "confirmed": true, "source": "t"}]}`), 2025)
	f.Add([]byte(`{"children": null, "paid": null}`), 0)
	f.Fuzz(func(t *testing.T, data []byte, year int) {
		p, err := DecodePaid(data)
		if err != nil {
			return
		}
		res := YearEnd(year, p)
		if len(res.Children) != len(p.Children) {
			t.Fatalf("%d children, %d results", len(p.Children), len(res.Children))
		}
		for i, c := range res.Children {
			if c.Code != p.Children[i].Code {
				t.Fatalf("children[%d] is %q, not %q", i, c.Code, p.Children[i].Code)
			}
			if len(c.Problems) > 0 && len(c.Certificates) > 0 {
				t.Fatalf("children[%d]: certificates beside problems", i)
			}
		}
		for _, h := range res.Households {
			if len(h.Problems) > 0 && !h.Reduction.Total.IsZero() {
				t.Fatal("a reduction beside problems")
			}
		}
		_ = CertificatesCSV(res.Children)
	})
}

// ReadCase never panics: a case, or problems and no case.
func FuzzReadCase(f *testing.F) {
	f.Add([]byte(`{"month": "2025-03", "number": "2025-03-00001", "invoice_date": "2025-04-03", "family": {"id": "F-1", "name": "Peeters"},
		"children": [{"name": "Noor Peeters", "child": {"code": "100000-001", "birth": "2023-06-12"}, "location": {"id": "OO-Els"},
		"sessions": [{"in": "2025-03-03T07:45:00+01:00", "out": "2025-03-03T17:00:00+01:00"}]}], "calendar": {}, "rules": {"name": "x"}}`))
	f.Add([]byte(`{"month": "2025-03"}`))
	f.Add([]byte(`{"number": 1}`))
	f.Add([]byte(`{}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := ReadCase("f.json", data)
		if c.Source != "f.json" {
			t.Fatal("source lost")
		}
		if len(c.Problems) > 0 {
			if len(c.Case.Children) > 0 || c.Case.Number != "" || !c.Case.Month.IsZero() {
				t.Fatal("a case beside problems")
			}
			return
		}
		if _, err := json.Marshal(c.Case); err != nil {
			t.Fatal(err)
		}
	})
}
