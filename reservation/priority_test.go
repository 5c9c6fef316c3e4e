package reservation

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
)

func order(rs []Ranked) []string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.Applicant.ID)
	}
	return ids
}

// House rules Zorg Leuven §2.2.2 (seed 004): priority for care for work and
// the listed groups, and for urgent requests (start within a month, listed
// reason).
func TestRank(t *testing.T) {
	apps := []Applicant{
		{ID: "A", Received: d("2026-01-05"), WantedStart: d("2026-09-01")},
		{ID: "B", Received: d("2026-02-10"), WantedStart: d("2026-09-01"), Groups: []Group{GroupWork}},
		{ID: "C", Received: d("2026-03-01"), WantedStart: d("2026-03-20"), Urgent: UrgentCrisis},
		{ID: "D", Received: d("2026-01-20"), WantedStart: d("2026-09-01"), Groups: []Group{GroupSingleParent, GroupLowIncome}},
		{ID: "E", Received: d("2026-01-02"), WantedStart: d("2026-06-01"), Urgent: UrgentCrisis}, // start too far: not urgent
	}
	got := must(Rank(apps, PriorityPolicy{}))(t)
	if diff := cmp.Diff([]string{"D", "B", "C", "E", "A"}, order(got)); diff != "" {
		t.Errorf("shared tier (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"C", "D", "B", "E", "A"}, order(must(Rank(apps, PriorityPolicy{UrgentFirst: true}))(t))); diff != "" {
		t.Errorf("urgent first (-want +got):\n%s", diff)
	}
	for i, r := range got {
		if r.MessageNL == "" || r.MessageEN == "" || r.Rule.Source == "" || r.Position != i+1 {
			t.Errorf("unexplained place: %+v", r)
		}
	}
	if want := "Plaats 1: voorrang (alleenstaande ouder, laag inkomen); aanvraag ontvangen op dinsdag 20/01/2026."; got[0].MessageNL != want {
		t.Errorf("Dutch explanation %q, want %q", got[0].MessageNL, want)
	}
	if want := "place 4: no priority (urgent reason given, but the wanted start is not within a month: not urgent); request received 2026-01-02"; got[3].MessageEN != want {
		t.Errorf("English explanation %q, want %q", got[3].MessageEN, want)
	}
	if !apps[2].IsUrgent() || apps[4].IsUrgent() {
		t.Error("urgency: start within a month of the request")
	}
}

// "binnen de maand" (house rules Zorg Leuven §2.2.2, seed 004): a month
// from 1 March runs to 31 March; a start before the request is not urgent.
func TestIsUrgentBoundaries(t *testing.T) {
	tests := []struct {
		received, start string
		reason          UrgentReason
		want            bool
	}{
		{"2026-03-01", "2026-03-01", UrgentWork, true},
		{"2026-03-01", "2026-03-31", UrgentWork, true},
		{"2026-03-01", "2026-04-01", UrgentWork, false},
		{"2026-01-31", "2026-02-28", UrgentLostCare, true}, // the month ends on the last day of February
		{"2026-01-31", "2026-03-01", UrgentLostCare, false},
		{"2026-03-10", "2026-03-09", UrgentCrisis, false},
		{"2026-03-10", "2026-03-20", UrgentNone, false},
		{"2026-03-10", "2026-03-20", "invented", false},
	}
	for _, tt := range tests {
		a := Applicant{ID: "A", Received: d(tt.received), WantedStart: d(tt.start), Urgent: tt.reason}
		if got := a.IsUrgent(); got != tt.want {
			t.Errorf("%s → %s (%q): urgent %v, want %v", tt.received, tt.start, tt.reason, got, tt.want)
		}
	}
}

// Applicants that cannot be ranked are errors with their field paths, all
// at once: no ID or a repeated one, no day received (it would silently go
// first), an unknown group (it would silently give priority), an unknown
// urgent reason, an urgent request without its wanted start.
func TestRankRejects(t *testing.T) {
	_, err := Rank([]Applicant{
		{ID: "A", Received: d("2026-01-05")},
		{ID: "A", Received: d("2026-01-06")},
		{ID: "", Received: d("2026-01-06")},
		{ID: "B"},
		{ID: "C", Received: d("2026-01-05"), Groups: []Group{"Work"}},
		{ID: "D", Received: d("2026-01-05"), Urgent: "flood"},
		{ID: "E", Received: d("2026-01-05"), Urgent: UrgentCrisis},
	}, PriorityPolicy{})
	checkFields(t, err, "applicants[1].id", "applicants[2].id", "applicants[3].received", "applicants[4].groups[0]",
		"applicants[5].urgent", "applicants[5].wanted_start", "applicants[6].wanted_start")
	if rs, err := Rank(nil, PriorityPolicy{}); err != nil || len(rs) != 0 {
		t.Errorf("no applicants: %v %v", rs, err)
	}
}

// checkFields checks that err holds exactly problems on the given fields,
// in that order.
func checkFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	var got []string
	for _, p := range plan.AsProblems(err) {
		got = append(got, p.Field)
	}
	if diff := cmp.Diff(fields, got); diff != "" {
		t.Errorf("problem fields (-want +got):\n%s\n%v", diff, err)
	}
}

// At least 20 % of the children cared for in a year from special target
// groups (house rules Zorg Leuven §2.2.2, seed 004: "Minstens 20%").
func TestCheckQuota(t *testing.T) {
	special := []Group{GroupLowIncome, GroupSingleParent, GroupFosterChild}
	var kids []Cared
	for i := 0; i < 10; i++ {
		kids = append(kids, Cared{Child: string(rune('a' + i))})
	}
	kids[0].Groups = []Group{GroupLowIncome}
	q := must(CheckQuota(2026, kids, special))(t)
	if q.Met || q.Special != 1 || !q.Share.Equal(dec("0.1")) || !q.Minimum.Equal(dec("0.2")) {
		t.Errorf("1 of 10: %+v", q)
	}
	if want := "2026: 1 van de 10 kinderen (10,00 %) komen uit bijzondere doelgroepen; minstens 20 % is vereist: niet gehaald."; q.MessageNL != want {
		t.Errorf("Dutch verdict %q, want %q", q.MessageNL, want)
	}
	kids[1].Groups = []Group{GroupWork, GroupFosterChild}
	kids = append(kids, Cared{Child: "a", Groups: []Group{GroupLowIncome}}) // counted once
	q = must(CheckQuota(2026, kids, special))(t)
	if !q.Met || q.Total != 10 || q.Special != 2 {
		t.Errorf("2 of 10 (exactly 20 %%): %+v", q)
	}
	if want := "2026: 2 of 10 children (20.00 %) from special target groups; at least 20 % required: met"; q.MessageEN != want {
		t.Errorf("English verdict %q, want %q", q.MessageEN, want)
	}
	if q := must(CheckQuota(2026, nil, special))(t); q.Met {
		t.Error("no children: quota not met")
	}
}

// The quota's boundary, exactly: 20 % is met, just under it is not.
func TestCheckQuotaBoundary(t *testing.T) {
	special := []Group{GroupVulnerable}
	tests := []struct{ total, special int }{{5, 1}, {10, 2}, {100, 20}, {101, 20}, {99, 19}, {1, 0}, {1, 1}}
	for _, tt := range tests {
		var kids []Cared
		for i := 0; i < tt.total; i++ {
			c := Cared{Child: "k" + string(rune('A'+i%26)) + string(rune('a'+i/26))}
			if i < tt.special {
				c.Groups = []Group{GroupVulnerable}
			}
			kids = append(kids, c)
		}
		q := must(CheckQuota(2026, kids, special))(t)
		if want := 100*tt.special >= 20*tt.total; q.Met != want || q.Total != tt.total || q.Special != tt.special {
			t.Errorf("%d of %d: met %v (%+v), want %v", tt.special, tt.total, q.Met, q, want)
		}
	}
}

// A child listed twice counts once, as special when any entry says so —
// whichever entry comes first.
func TestCheckQuotaChildListedTwice(t *testing.T) {
	special := []Group{GroupFosterChild}
	for _, kids := range [][]Cared{
		{{Child: "a"}, {Child: "a", Groups: []Group{GroupFosterChild}}, {Child: "b"}},
		{{Child: "a", Groups: []Group{GroupFosterChild}}, {Child: "a"}, {Child: "b"}},
	} {
		if q := must(CheckQuota(2026, kids, special))(t); q.Total != 2 || q.Special != 1 {
			t.Errorf("%+v: %d of %d special", kids, q.Special, q.Total)
		}
	}
}

// A quota check that cannot work is an error: no year, no special groups
// (every child would count as not special), unknown groups, unnamed
// children.
func TestCheckQuotaRejects(t *testing.T) {
	_, err := CheckQuota(0, []Cared{{Child: ""}, {Child: "b", Groups: []Group{"rich"}}}, nil)
	checkFields(t, err, "year", "special", "children[0].child", "children[1].groups[0]")
	_, err = CheckQuota(2026, nil, []Group{"poor"})
	checkFields(t, err, "special[0]")
	for year, ok := range map[int]bool{0: false, 1: true, 9999: true, 10000: false} {
		if _, err := CheckQuota(year, nil, []Group{GroupLowIncome}); (err == nil) != ok {
			t.Errorf("year %d: %v", year, err)
		}
	}
}

// Every code a family can see has its Dutch word.
func TestDutchPriorityWords(t *testing.T) {
	for _, g := range []Group{GroupWork, GroupSingleParent, GroupLowIncome, GroupFosterChild, GroupSibling, GroupVulnerable} {
		if g.NL() == "" {
			t.Errorf("group %s has no Dutch name", g)
		}
	}
	for _, u := range []UrgentReason{UrgentWork, UrgentCrisis, UrgentLostCare} {
		if u.NL() == "" {
			t.Errorf("urgent reason %s has no Dutch name", u)
		}
	}
	if UrgentNone.NL() != "" || Group("x").NL() != "" {
		t.Error("no Dutch for no reason or an unknown group")
	}
}
