package monthend

import (
	"encoding/json"
	"fmt"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/tariff"
)

// inputs wraps cases as the month end's input, each with a source name.
func inputs(cases []invoice.Case) []Case {
	out := make([]Case, len(cases))
	for i, c := range cases {
		out[i] = Case{Source: fmt.Sprintf("family-%05d.json", i+1), Case: c}
	}
	return out
}

// countDays counts an invoice's days per band from its children's days of
// care and reserved days: the oracle of the summary's days.
func countDays(inv invoice.Invoice) Days {
	var d Days
	add := func(b *Bands, band tariff.Band) {
		switch band {
		case tariff.BandThird:
			b.Third++
		case tariff.BandHalf:
			b.Half++
		case tariff.BandFull:
			b.Full++
		case tariff.BandFlex:
			b.Flex++
		}
	}
	for _, ch := range inv.Children {
		for _, c := range ch.Care {
			add(&d.Present, c.Band)
		}
		for _, o := range ch.Reserved {
			if o.Attended != tariff.BandNone || o.Absent.IsZero() {
				continue
			}
			switch o.Kind {
			case absence.KindJustified:
				add(&d.Justified, o.Reserved)
			case absence.KindUnjustified:
				add(&d.Unjustified, o.Reserved)
			}
		}
	}
	return d
}

// tb is what the checks need of a *testing.T or a *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// checkAddsUp checks that every family appears once, in input order,
// billed or with problems, and that the summary adds up to the invoices.
func checkAddsUp(t tb, in []Case, res Result) {
	t.Helper()
	if len(res.Families) != len(in) || len(res.Summary.PerFamily) != len(in) {
		t.Fatalf("%d cases, %d families, %d in the summary", len(in), len(res.Families), len(res.Summary.PerFamily))
	}
	var total tariff.Money
	var days Days
	billed, children := 0, 0
	for i, f := range res.Families {
		if f.Index != i || f.Source != in[i].Source || res.Summary.PerFamily[i].Index != i {
			t.Fatalf("families[%d] is case %d (%s), not %s", i, f.Index, f.Source, in[i].Source)
		}
		if f.Billed == (len(f.Problems) > 0) {
			t.Fatalf("families[%d]: billed %v with %d problems", i, f.Billed, len(f.Problems))
		}
		if !f.Billed {
			continue
		}
		billed++
		children += len(f.Invoice.Children)
		var err error
		if total, err = total.Add(f.Invoice.Total); err != nil {
			t.Fatal(err)
		}
		if !f.Total.Equal(f.Invoice.Total) {
			t.Fatalf("families[%d]: total %s, invoice %s", i, f.Total, f.Invoice.Total)
		}
		days = days.Add(countDays(f.Invoice))
	}
	s := res.Summary
	if s.Families != len(in) || s.Billed != billed || s.NotBilled != len(in)-billed || s.Children != children {
		t.Fatalf("summary counts %d families, %d billed, %d not, %d children; want %d, %d, %d, %d",
			s.Families, s.Billed, s.NotBilled, s.Children, len(in), billed, len(in)-billed, children)
	}
	if !s.Total.Equal(total) {
		t.Fatalf("summary total %s, the invoices' %s", s.Total, total)
	}
	if s.Days != days {
		t.Fatalf("summary days %+v, the invoices' %+v", s.Days, days)
	}
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
