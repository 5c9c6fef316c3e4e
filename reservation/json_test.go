package reservation

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/internal/jsontest"
	"pgregory.net/rapid"
)

// roundTrip is jsontest.RoundTrip, shared by the packages' tests.
func roundTrip[T any](t *rapid.T, v T) { jsontest.RoundTrip(t, v) }

// A book after random operations, its week views, outcomes and policies
// come back from JSON exactly.
func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := newBookMachine()
		for i := rapid.IntRange(0, 10).Draw(t, "ops"); i > 0; i-- {
			m.Request(t)
			if len(m.b.Reservations) > 0 && rapid.Bool().Draw(t, "approve") {
				for _, r := range m.b.Reservations {
					if r.State == StateRequested {
						m.b, _, _ = m.b.Approve(r.ID)
						break
					}
				}
			}
		}
		if len(m.b.Reservations) > 0 {
			m.b, _, _ = m.b.Cancel(m.b.Reservations[0].ID, bxl("2026-10-27 09:00"), seed000Policy())
		}
		roundTrip(t, m.b)
		_, outcomes, err := m.b.Request(Request{Children: []string{"lena", "noor", "otis"}, Location: "bko-linde", Moment: "na",
			Date: rapid.SampledFrom(smDays).Draw(t, "request day"), Start: clock("15:30"), End: clock("17:30")})
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, outcomes)
		roundTrip(t, bko().Offers(bko().Moments[1], rapid.SampledFrom(smDays).Draw(t, "offered day")))
		week, err := m.b.Week("lena", "bko-linde", rapid.SampledFrom(smDays).Draw(t, "day"))
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, week)
		roundTrip(t, seed000Policy())
		roundTrip(t, must(Rank([]Applicant{{ID: "A", Received: d("2026-01-05"), WantedStart: d("2026-01-20"), Urgent: UrgentLostCare, Groups: []Group{GroupSibling}}}, PriorityPolicy{}))(t))
		roundTrip(t, must(CheckQuota(2026, []Cared{{Child: "a", Groups: []Group{GroupLowIncome}}}, []Group{GroupLowIncome}))(t))
	})
}

// A refusal is its code in JSON, as before Refusal was a type.
func TestRefusalJSON(t *testing.T) {
	b, err := json.Marshal(Outcome{Child: "lena", Refused: RefusedFull})
	if err != nil || !strings.Contains(string(b), `"refused":"full"`) {
		t.Errorf("%s %v", b, err)
	}
	var o Outcome
	if err := json.Unmarshal([]byte(`{"refused":"school_holiday"}`), &o); err != nil || o.Refused != ReasonSchoolHoliday {
		t.Errorf("%+v %v", o, err)
	}
}
