package plan

import (
	"strings"
	"testing"
)

// Seed 004 §1.2.2: "Elk jaar tegen eind januari bezorgt de opvang je
// schriftelijk een overzicht van de sluitingsdagen" — an overview announces
// the days after it. A closure on 2 January in the overview of 20 January
// was announced after it: judged as an extra closure (2 days ahead), late
// (found by the audit of 2026-12-01). One on 23 January in the same
// overview is in time.
func TestOverviewAfterTheClosure(t *testing.T) {
	for _, tc := range []struct {
		day    string
		inTime bool
		rule   string
	}{{"2026-01-02", false, RuleExtraShort}, {"2026-01-23", true, RuleYearlyOverview}} {
		cl := Closure{Period: Period{Start: MustParseDate(tc.day), End: MustParseDate(tc.day)}, Reason: "brugdag",
			InYearlyOverview: true, Announced: MustParseDate("2026-01-20")}
		chk, err := CheckAnnouncement(cl, Seed004AnnouncementPolicy())
		if err != nil || chk.InTime != tc.inTime || chk.Rule.ID != tc.rule {
			t.Errorf("closure %s announced 2026-01-20: %+v, %v; want in time %v by %s", tc.day, chk, err, tc.inTime, tc.rule)
		}
		if !tc.inTime && !strings.Contains(chk.Explanation, "in the yearly overview only from 2026-01-20, not before the closure") {
			t.Errorf("closure %s: %q does not say the overview came after it", tc.day, chk.Explanation)
		}
	}
}
