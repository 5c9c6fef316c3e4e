package reservation

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Seed 004 §2.2.2: priority for care for work and the listed groups, and
// for urgent requests (start within a month, listed reason).
func TestRank(t *testing.T) {
	apps := []Applicant{
		{ID: "A", Received: d("2026-01-05"), WantedStart: d("2026-09-01")},
		{ID: "B", Received: d("2026-02-10"), WantedStart: d("2026-09-01"), Groups: []Group{GroupWork}},
		{ID: "C", Received: d("2026-03-01"), WantedStart: d("2026-03-20"), Urgent: UrgentCrisis},
		{ID: "D", Received: d("2026-01-20"), WantedStart: d("2026-09-01"), Groups: []Group{GroupSingleParent, GroupLowIncome}},
		{ID: "E", Received: d("2026-01-02"), WantedStart: d("2026-06-01"), Urgent: UrgentCrisis}, // start too far: not urgent
	}
	order := func(rs []Ranked) []string {
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.Applicant.ID)
		}
		return ids
	}
	got := Rank(apps, PriorityPolicy{})
	if diff := cmp.Diff([]string{"D", "B", "C", "E", "A"}, order(got)); diff != "" {
		t.Errorf("shared tier (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"C", "D", "B", "E", "A"}, order(Rank(apps, PriorityPolicy{UrgentFirst: true}))); diff != "" {
		t.Errorf("urgent first (-want +got):\n%s", diff)
	}
	for _, r := range got {
		if r.Explanation == "" || r.Rule.Source == "" || r.Position == 0 {
			t.Errorf("unexplained place: %+v", r)
		}
	}
	if !apps[2].IsUrgent() || apps[4].IsUrgent() {
		t.Error("urgency: start within a month of the request")
	}
}

// At least 20 % of the children cared for in a year from special target
// groups (seed 004 §2.2.2).
func TestCheckQuota(t *testing.T) {
	special := []Group{GroupLowIncome, GroupSingleParent, GroupFosterChild}
	var kids []Cared
	for i := 0; i < 10; i++ {
		kids = append(kids, Cared{Child: string(rune('a' + i))})
	}
	kids[0].Groups = []Group{GroupLowIncome}
	q := CheckQuota(2026, kids, special)
	if q.Met || q.Special != 1 || !q.Share.Equal(dec("0.1")) {
		t.Errorf("1 of 10: %+v", q)
	}
	kids[1].Groups = []Group{GroupWork, GroupFosterChild}
	kids = append(kids, Cared{Child: "a", Groups: []Group{GroupLowIncome}}) // counted once
	q = CheckQuota(2026, kids, special)
	if !q.Met || q.Total != 10 || q.Special != 2 {
		t.Errorf("2 of 10: %+v", q)
	}
	if CheckQuota(2026, nil, special).Met {
		t.Error("no children: quota not met")
	}
}
