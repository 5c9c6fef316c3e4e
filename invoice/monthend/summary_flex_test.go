package monthend

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// A day of 11 hours or more at a location without flex permission is billed
// flex (160 %, seed 004 §3.3) and registered min11u in the FO-SU-05 report;
// the summary counts it as the invoice bills it, flex (found by the audit
// of 2026-12-01: it counted it full).
func TestSummaryKeepsFlexDays(t *testing.T) {
	c := SampleCases(1)[0]
	c.Children = []invoice.Child{c.Children[0]}
	ch := &c.Children[0]
	if ch.Location.Flex || len(ch.Sessions) == 0 {
		t.Fatalf("the sample child: flex %v, %d sessions", ch.Location.Flex, len(ch.Sessions))
	}
	s := ch.Sessions[0]
	day := plan.DateOf(s.In.In(plan.Brussels()))
	start := plan.DayStart(day, nil)
	ch.Sessions[0] = plan.Session{In: start.Add(6*time.Hour + 30*time.Minute), Out: start.Add(18 * time.Hour)} // 06:30–18:00
	res := Run(SampleOrganiser(), inputs([]invoice.Case{c}), Options{})
	inv := res.Families[0].Invoice
	flex := 0
	for _, dc := range inv.Children[0].Care {
		if dc.Band == tariff.BandFlex {
			flex++
		}
	}
	if flex != 1 {
		t.Fatalf("the invoice bills %d flex days, want 1", flex)
	}
	if got := res.Summary.Days.Present.Flex; got != 1 {
		t.Errorf("the summary counts %d flex days present (%+v), want 1", got, res.Summary.Days.Present)
	}
	if got := res.Summary.Days.Present.Total(); got != len(inv.Children[0].Care) {
		t.Errorf("the summary counts %d days present, the invoice %d", got, len(inv.Children[0].Care))
	}
}
