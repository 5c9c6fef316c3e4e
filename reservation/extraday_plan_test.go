package reservation

import (
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// lenaPlan is Lena's after-school plan: Monday, Tuesday and Thursday
// 15:30–18:00 from 1 September to 30 October 2026.
func lenaPlan() plan.Plan {
	s := []plan.Slot{{Start: clock("15:30"), End: clock("18:00")}}
	return plan.Plan{Kind: plan.KindAfterSchool, Start: d("2026-09-01"), End: d("2026-10-30"),
		Schedule: plan.Schedule{Weeks: []plan.Week{{Monday: s, Tuesday: s, Thursday: s}}}}
}

func extraOn(date string) Request {
	return Request{Children: []string{"lena"}, Location: "bko-linde", Moment: "na", Date: d(date), Start: clock("15:30"), End: clock("17:00")}
}

// Seed 004 §3.4.1: an extra day is one the running care plan does not
// reserve (audit of 2026-12-01). A Friday within the plan's term is one; a
// Friday two weeks after the plan ended is refused as outside it (the
// invoice refuses an extra day "outside every care plan"), and an extra day
// cannot be duplicated, which would copy it onto the plan's own days.
func TestExtraDayWithinThePlan(t *testing.T) {
	plans := map[string]plan.Plan{"lena": lenaPlan()}
	b, out, err := book().RequestExtraDay(extraOn("2026-10-09"), plans, plan.Calendar{})
	if err != nil || out[0].Refused != "" || out[0].State != StateRequested {
		t.Fatalf("a Friday within the plan: %v %+v", err, out)
	}
	_, after, err := book().RequestExtraDay(extraOn("2026-11-13"), plans, plan.Calendar{})
	if err != nil || after[0].Refused != RefusedOutsidePlan || after[0].Reservation != "" ||
		!strings.Contains(after[0].MessageNL, "loopt niet op") || after[0].Refused.NL() != "buiten de looptijd van het opvangplan" {
		t.Errorf("a Friday after the plan ended: %v %+v", err, after)
	}
	if _, _, err := b.Duplicate(out[0].Reservation, []plan.Date{d("2026-10-12"), d("2026-10-16")}, time.Time{}); err == nil || !strings.Contains(err.Error(), "RequestExtraDay") {
		t.Errorf("duplicating an extra day: %v", err)
	}
}
