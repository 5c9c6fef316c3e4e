package plan

import (
	"encoding/json"
	"testing"

	"github.com/kinderopvang/regels/internal/jsontest"
	"pgregory.net/rapid"
)

// roundTrip is jsontest.RoundTrip, shared by the packages' tests.
func roundTrip[T any](t *rapid.T, v T) { jsontest.RoundTrip(t, v) }

// Every public type of the package comes back from JSON exactly.
func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "date")
		roundTrip(t, d)
		roundTrip(t, d.MonthOf())
		roundTrip(t, genPeriod().Draw(t, "period"))
		roundTrip(t, genSlot().Draw(t, "slot"))
		roundTrip(t, genWeek().Draw(t, "week"))
		p := genPlan().Draw(t, "plan")
		roundTrip(t, p)
		c := genCalendar().Draw(t, "cal")
		roundTrip(t, c)
		roundTrip(t, c.ClosedDays(genShortPeriod().Draw(t, "cp"))) // up to 400 days: cmp.Diff of decades of days is slow
		roundTrip(t, PublicHolidays(d.Year()))
		roundTrip(t, p.Days(p.Start.MonthOf().Days(), c))
		roundTrip(t, Facts{Birth: d, SchoolHolidays: []Period{genPeriod().Draw(t, "sh")}})
		roundTrip(t, MilestonesOf(genNearDate().Draw(t, "birth")))
		roundTrip(t, Change{RequestedOn: d, New: p, OrganiserInitiative: rapid.Bool().Draw(t, "oi")})
		roundTrip(t, DefaultPlanRules())
		roundTrip(t, Seed004ChangePolicy())
		roundTrip(t, Seed004NoticePolicy())
		roundTrip(t, Seed004AnnouncementPolicy())

		s := genSession().Draw(t, "session")
		roundTrip(t, s)
		spans, _ := s.Split(nil)
		roundTrip(t, spans)

		n := Notice{By: rapid.SampledFrom([]Party{Family, Organiser}).Draw(t, "by"), Given: p.Start, LastDay: p.Start.AddDays(rapid.IntRange(0, 90).Draw(t, "ld"))}
		roundTrip(t, n)
		if res, err := EvaluateNotice(n, p, c, Seed004NoticePolicy()); err == nil {
			roundTrip(t, res)
		}
		cl := Closure{Period: genPeriod().Draw(t, "clp"), Reason: "sluiting", Announced: d, InYearlyOverview: rapid.Bool().Draw(t, "ov")}
		if chk, err := CheckAnnouncement(cl, Seed004AnnouncementPolicy()); err == nil {
			roundTrip(t, chk)
		}
		if err := p.Validate(Facts{}); err != nil {
			roundTrip(t, AsProblems(err))
		}
	})
}

func TestProblemJSON(t *testing.T) {
	p := Problem{Code: CodeTooLong, Field: "end", Date: MustParseDate("2026-07-05"), Message: "too long",
		Rule: Rule{ID: RuleTemporaryLength, Source: "seed 004 §3.4"}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"code":"too_long","field":"end","date":"2026-07-05","message":"too long","rule":{"id":"plan.temporary.length","source":"seed 004 §3.4"}}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	b, _ = json.Marshal(Problem{Code: CodeMissing, Message: "m"})
	if string(b) != `{"code":"missing","message":"m"}` {
		t.Errorf("zero date and rule must be omitted: %s", b)
	}
}
