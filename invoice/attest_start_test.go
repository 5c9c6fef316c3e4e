package invoice

import (
	"strings"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// A child whose care starts on 3 March 2025 and whose first attest, given
// to the organiser on 20 February, says it runs from 15 March. The attest
// starts on the first day of the month in which the child first attends
// without the parent (Subsidiebesluit 22 November 2013, as applied by
// Opgroeien; tariff.AttestStart), and the maximum is for a family that
// does not deliver ("Doe je dit niet, zal de dienst een attest met
// maximumtarief aanmaken", seed 004 §3.1). Found by the audit of
// 2026-12-01: the days 3–13 March were billed 6 × 35.89 without a word.
// Now the case is refused at the attest's start; delivered after those
// days, the first attest leaves them without an attest, and the maximum
// applies, as the house rules let it.
func TestFirstAttestStartsAfterCare(t *testing.T) {
	c := baseCase()
	ch := &c.Children[0]
	ch.Plans[0].Start = sd("2025-03-03")
	first := tariff.Attest{ChildCode: "K-118", Kind: tariff.AttestRegular, Daily: tariff.MustTariff("24.10"),
		Valid: plan.Period{Start: sd("2025-03-15"), End: sd("2026-03-14")}, Delivered: sd("2025-02-20")}
	ch.Attests = tariff.Seed004AttestBook(first)
	attend(&c, 0, "07:45", "17:00")

	_, err := Build(c)
	ps := plan.AsProblems(err)
	if !hasField(err, "children[0].attests[0].valid.start") || !strings.Contains(err.Error(), "2025-03-01") {
		t.Fatalf("an attest delivered before care, starting after it: %v, want a problem at children[0].attests[0].valid.start naming 2025-03-01", err)
	}
	for _, p := range ps {
		if p.Code != tariff.CodeNoTariff {
			t.Errorf("problem %v, want only %s", p, tariff.CodeNoTariff)
		}
	}

	// Without the day it was delivered the days before it cannot be
	// decided: a problem at attests[0].delivered (found by the review of
	// 2026-12-01: the maximum was still billed without a word).
	ch.Attests.Attests[0].Delivered = plan.Date{}
	if _, err := Build(c); !hasField(err, "children[0].attests[0].delivered") {
		t.Errorf("no delivery date: %v, want a problem at children[0].attests[0].delivered", err)
	}

	// Delivered on 14 March, after the days before it: those days had no
	// attest; the maximum tariff of 2025 applies to them.
	ch.Attests.Attests[0].Delivered = sd("2025-03-14")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	var maxDays, attestDays int64
	for _, l := range inv.Lines {
		if l.Kind != LineCare {
			continue
		}
		switch l.Basis {
		case string(tariff.BasisMaximum):
			maxDays += l.Count.IntPart()
		case string(tariff.BasisAttest):
			attestDays += l.Count.IntPart()
		}
	}
	// 3–14 March: Monday 3, Tuesday 4, Thursday 6, Monday 10, Tuesday 11,
	// Thursday 13; from 15 March: 17, 18, 20, 24, 25, 27, 31.
	if maxDays != 6 || attestDays != 7 {
		t.Errorf("delivered late: %d days at the maximum, %d on the attest; want 6 and 7", maxDays, attestDays)
	}
	// Friday 14 March, without care, has no tariff to decide (the attest
	// should have started on it): the invoice still names the month's
	// tariffs and the unconfirmed maximum it used (found by the review of
	// 2026-12-01: one such day emptied both, and the text lost its tariff
	// lines).
	sum := inv.Children[0]
	if len(sum.Tariffs) != 2 || sum.Tariffs[0].Basis != tariff.BasisMaximum || sum.Tariffs[0].Period != (plan.Period{Start: sd("2025-03-01"), End: sd("2025-03-13")}) ||
		sum.Tariffs[1].Basis != tariff.BasisAttest || sum.Tariffs[1].Period.Start != sd("2025-03-15") {
		t.Errorf("tariffs %+v, want the maximum for 1–13 March and the attest from 15 March", sum.Tariffs)
	}
	if len(sum.Amounts) != 1 || sum.Amounts[0].Kind != tariff.Maximum || sum.Amounts[0].Year != 2025 {
		t.Errorf("amounts %+v, want the maximum of 2025", sum.Amounts)
	}
	if !strings.Contains(inv.Text(), "35,89") {
		t.Errorf("the text does not name the maximum tariff:\n%s", inv.Text())
	}
	// Delivered on 6 March, between: the days up to it at the maximum; from
	// it on the attest's start is the problem.
	ch.Attests.Attests[0].Delivered = sd("2025-03-06")
	if _, err := Build(c); !hasField(err, "children[0].attests[0].valid.start") || !strings.Contains(err.Error(), "2025-03-06") {
		t.Errorf("delivered on 6 March: %v, want the problem dated 2025-03-06", err)
	}
}
