package monthend

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Bands is a number of days per band: third (under 3 hours, after-school
// care), half (under 5 hours), full (5 to 11 hours) and flex (11 hours or
// more), as on the invoices.
type Bands struct {
	Third int `json:"third"`
	Half  int `json:"half"`
	Full  int `json:"full"`
	Flex  int `json:"flex"`
}

// Total returns the days of all bands.
func (b Bands) Total() int { return b.Third + b.Half + b.Full + b.Flex }

// Add returns b + c.
func (b Bands) Add(c Bands) Bands {
	return Bands{b.Third + c.Third, b.Half + c.Half, b.Full + c.Full, b.Flex + c.Flex}
}

func bandsOf(b invoice.Bucket) Bands {
	return Bands{Third: b.Min3u, Half: b.Min5u, Full: b.Min11u, Flex: b.Min11uFlex}
}

// Days are days per band present, absent with justification and absent
// without: the counting of invoice.AttendanceReport — a day of care in the
// band attended (a day partly attended too), a reserved day wholly absent
// in the band reserved under its kind of absence; a flex day stays flex
// (the FO-SU-05 report counts it as full at a location without flex
// permission).
type Days struct {
	Present     Bands `json:"present"`
	Justified   Bands `json:"justified"`
	Unjustified Bands `json:"unjustified"`
}

// Add returns d + e.
func (d Days) Add(e Days) Days {
	return Days{d.Present.Add(e.Present), d.Justified.Add(e.Justified), d.Unjustified.Add(e.Unjustified)}
}

// daysOf counts the days of one invoice: as the report counts them, but
// with every location taken as one with flex permission, so that a day
// billed flex (160 %) stays flex where the report registers it as min11u.
func daysOf(inv invoice.Invoice) Days {
	inv.Children = slices.Clone(inv.Children)
	for i := range inv.Children {
		inv.Children[i].Location.Flex = true
	}
	// AttendanceReport refuses only invoices of another month than the one
	// asked, and this one is asked for the invoice's own month.
	r, _ := invoice.AttendanceReport(inv.Month, []invoice.Invoice{inv})
	var d Days
	for _, c := range r.Children {
		d = d.Add(Days{bandsOf(c.Present), bandsOf(c.Justified), bandsOf(c.Unjustified)})
	}
	return d
}

// Summary is what a month end adds up to.
type Summary struct {
	// Month is the month billed and Organiser the house rules' name.
	Month     plan.Month `json:"month"`
	Organiser string     `json:"organiser"`
	// SharedFrom says where the organiser's month, calendar, house rules
	// and amounts came from: "organiser" (given) or the cases that agree.
	SharedFrom string `json:"shared_from"`
	// Families counts the cases; Billed those with an invoice, NotBilled the
	// others (Billed + NotBilled = Families).
	Families  int `json:"families"`
	Billed    int `json:"billed"`
	NotBilled int `json:"not_billed"`
	// Children counts the children on the invoices.
	Children int `json:"children"`
	// Days is the sum of the invoices' days per band.
	Days Days `json:"days"`
	// Total is exactly the sum of the invoices' totals.
	Total tariff.Money `json:"total"`
	// Problems are the organiser's own (its month, calendar, house rules or
	// amounts, under "shared."); the families' are in PerFamily.
	Problems plan.Problems `json:"problems,omitempty"`
	// PerFamily is each family, in the input's order.
	PerFamily []FamilySummary `json:"per_family"`
	// Locations is each location's report, by location id.
	Locations []LocationSummary `json:"locations"`
	// Rule names where the month end comes from.
	Rule plan.Rule `json:"rule"`
}

// OK reports whether every family was billed and every location's report
// is ready (a location without data or without children is no failure).
func (s Summary) OK() bool {
	if s.NotBilled > 0 || len(s.Problems) > 0 {
		return false
	}
	for _, l := range s.Locations {
		if l.Status == ReportFailed || l.Status == ReportIncomplete {
			return false
		}
	}
	return true
}

func (r *runner) summary(res Result) Summary {
	s := Summary{Month: r.shared.Month, Organiser: r.shared.Rules.Name, SharedFrom: r.sharedFrom,
		Families: len(res.Families), Problems: r.omProblems,
		PerFamily: make([]FamilySummary, len(res.Families)), Locations: make([]LocationSummary, len(res.Reports)),
		Rule: plan.Rule{ID: "monthend.run", Source: srcSeed004Invoice + "; " + srcFOSU05}}
	for i, f := range res.Families {
		s.PerFamily[i] = f.FamilySummary
		if !f.Billed {
			s.NotBilled++
			continue
		}
		s.Billed++
		s.Children += len(f.Invoice.Children)
		s.Days = s.Days.Add(f.Days)
		total, err := s.Total.Add(f.Total)
		if err != nil {
			s.Problems = append(s.Problems, plan.Problem{Code: tariff.CodeInvalidMoney, Field: fmt.Sprintf("cases[%d]", i),
				Message: "the month's total: " + err.Error()})
			continue
		}
		s.Total = total
	}
	for i, rep := range res.Reports {
		s.Locations[i] = rep.LocationSummary
	}
	return s
}

// Text renders the summary for the organiser's office, in English like the
// problems it lists: the counts, the days per band, the total, each
// location's report and each family not billed with every problem.
func (s Summary) Text() string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("Month end %s — %s\n", s.Month, s.Organiser)
	w("organiser's month, calendar, house rules and amounts: %s\n", s.SharedFrom)
	w("families: %d (%d billed, %d not billed); children on the invoices: %d\n", s.Families, s.Billed, s.NotBilled, s.Children)
	w("total billed: %s (the sum of the %d invoices)\n\n", s.Total, s.Billed)
	w("%-12s %6s %6s %6s %6s %6s\n", "days", "third", "half", "full", "flex", "total")
	for _, row := range []struct {
		name string
		b    Bands
	}{{"present", s.Days.Present}, {"justified", s.Days.Justified}, {"unjustified", s.Days.Unjustified}} {
		w("%-12s %6d %6d %6d %6d %6d\n", row.name, row.b.Third, row.b.Half, row.b.Full, row.b.Flex, row.b.Total())
	}
	if len(s.Problems) > 0 {
		w("\nThe organiser's month (no family billed):\n")
		for _, p := range s.Problems {
			w("  %s\n", p.Error())
		}
	}
	w("\nFO-SU-05 reports:\n")
	if len(s.Locations) == 0 {
		w("  none: no child has a location\n")
	}
	for _, l := range s.Locations {
		id := l.Location
		if id == "" {
			id = `""`
		}
		w("  %s: %s — %s\n", id, l.Status, l.Note)
		for _, p := range l.Problems {
			w("    %s\n", p.Error())
		}
	}
	unread := 0
	for _, f := range s.PerFamily {
		if f.Unread {
			unread++
		}
	}
	if unread > 0 {
		w("  note: %d case(s) could not be read, so no report knows where their children are: any report may lack them\n", unread)
	}
	if s.NotBilled > 0 {
		w("\nNot billed:\n")
		for _, f := range s.PerFamily {
			if f.Billed {
				continue
			}
			w("  cases[%d]%s: invoice %q, family %q, %d problem(s)\n", f.Index, sourceNote(f.Source), f.Number, f.Family, len(f.Problems))
			for _, p := range f.Problems {
				w("    %s\n", p.Error())
			}
		}
	}
	return b.String()
}
