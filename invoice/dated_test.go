package invoice

import (
	"slices"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
)

// The days present of an invoice share their outcome; a reserved day
// without one (read by encoding/json from an element that names only its
// date) is a problem for the attendance report at its place and "no
// outcome" in the trace, not a panic.
func TestReservedDaysShareAndNeverPanic(t *testing.T) {
	inv := mustBuild(t, "full_time_toddler")
	ch := &inv.Children[0]
	shared := map[*absence.DayOutcome]int{}
	for _, o := range ch.Reserved {
		shared[o.DayOutcome]++
	}
	if len(shared) >= len(ch.Reserved) {
		t.Errorf("%d reserved days, %d outcomes: none shared", len(ch.Reserved), len(shared))
	}
	ch.Reserved = slices.Clone(ch.Reserved)
	ch.Reserved[2].DayOutcome = nil
	_, err := AttendanceReport(inv.Month, []Invoice{inv})
	if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Code != plan.CodeMissing || ps[0].Field != "invoices[0].children[0].reserved[2]" {
		t.Errorf("AttendanceReport: %v", err)
	}
	if !strings.Contains(inv.Trace(), ch.Reserved[2].Date.String()+": no outcome") {
		t.Error("the trace does not say the day has no outcome")
	}
}
