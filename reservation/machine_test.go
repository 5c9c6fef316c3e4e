package reservation

import (
	"testing"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// bookMachine drives a Book with random operations and checks it against a
// model after each: capacity is never exceeded, every approved reservation
// is counted once, a cancellation frees its place, refused requests take no
// place, and duplication never lands on a day the moment is not offered.
type bookMachine struct {
	b Book
	// approved is the model: approved reservation IDs per moment-day.
	approved map[string]map[string]bool
}

var (
	smChildren = []string{"lena", "milan", "noor", "otis"}
	smMoments  = []string{"voor", "na", "woe", "vak"}
	smDays     = func() []plan.Date {
		var ds []plan.Date
		for day := range (plan.Period{Start: d("2026-10-26"), End: d("2026-11-08")}).Days() {
			ds = append(ds, day)
		}
		return ds
	}()
)

func key(r Reservation) string { return r.Location + "/" + r.Moment + "/" + r.Date.String() }

func (m *bookMachine) Request(t *rapid.T) {
	mo := rapid.SampledFrom(smMoments).Draw(t, "moment")
	mom, _ := bko().moment(mo)
	kids := rapid.SliceOfNDistinct(rapid.SampledFrom(smChildren), 1, 3, rapid.ID[string]).Draw(t, "children")
	day := rapid.SampledFrom(smDays).Draw(t, "day")
	before := len(m.b.Reservations)
	free := m.b.Free("bko-linde", mo, day)
	b, os, err := m.b.Request(Request{Children: kids, Location: "bko-linde", Moment: mo, Date: day, Start: mom.Start, End: mom.End})
	if err != nil {
		t.Fatal(err)
	}
	created := 0
	for _, o := range os {
		if o.Refused == "" {
			created++
			if ok, _, _ := bko().Offers(mom, day); !ok {
				t.Fatalf("created %s on %s where it is not offered", mo, day)
			}
		}
		if o.Refused == RefusedFull && free > 0 {
			t.Fatalf("refused as full with %d free", free)
		}
	}
	if len(b.Reservations) != before+created {
		t.Fatalf("%d outcomes created, book grew by %d", created, len(b.Reservations)-before)
	}
	m.b = b
}

func (m *bookMachine) Approve(t *rapid.T) {
	id, ok := m.pick(t, StateRequested)
	if !ok {
		return
	}
	b, o, err := m.b.Approve(id)
	if err != nil {
		t.Fatal(err)
	}
	if o.State == StateApproved {
		i, _ := b.find(id)
		k := key(b.Reservations[i])
		if m.approved[k] == nil {
			m.approved[k] = map[string]bool{}
		}
		m.approved[k][id] = true
	}
	m.b = b
}

func (m *bookMachine) Cancel(t *rapid.T) {
	id, ok := m.pick(t, "")
	if !ok {
		return
	}
	i, _ := m.b.find(id)
	r := m.b.Reservations[i]
	b, _, err := m.b.Cancel(id, bxl("2026-10-01 08:00"), seed000Policy())
	if !r.active() {
		if err == nil {
			t.Fatalf("cancelled a %s reservation", r.State)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	delete(m.approved[key(r)], id)
	m.b = b
}

func (m *bookMachine) Modify(t *rapid.T) {
	id, ok := m.pick(t, StateApproved)
	if !ok {
		return
	}
	i, _ := m.b.find(id)
	r := m.b.Reservations[i]
	b, err := m.b.Modify(id, r.Start, r.End, seed000Policy())
	if err != nil {
		t.Fatal(err)
	}
	delete(m.approved[key(r)], id) // back to requested: the place is released
	m.b = b
}

func (m *bookMachine) Duplicate(t *rapid.T) {
	id, ok := m.pick(t, "")
	if !ok {
		return
	}
	days := rapid.SliceOfN(rapid.SampledFrom(smDays), 1, 5).Draw(t, "days")
	b, os, err := m.b.Duplicate(id, days, bxl("2026-10-01 08:00"))
	if err != nil {
		t.Fatal(err)
	}
	i, _ := m.b.find(id)
	mom, _ := bko().moment(m.b.Reservations[i].Moment)
	for _, o := range os {
		if ok, _, _ := bko().Offers(mom, o.Date); o.Refused == "" && !ok {
			t.Fatalf("duplicated onto %s, where %s is not offered", o.Date, mom.ID)
		}
	}
	m.b = b
}

// pick draws a reservation ID, optionally in a given state. When there is
// none it makes a request instead and reports false: every action stays
// valid, so the machine never runs out of actions (found by the fuzzer:
// testdata/fuzz/FuzzBookOperations).
func (m *bookMachine) pick(t *rapid.T, s State) (string, bool) {
	var ids []string
	for _, r := range m.b.Reservations {
		if s == "" || r.State == s {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		m.Request(t)
		return "", false
	}
	return rapid.SampledFrom(ids).Draw(t, "id"), true
}

func (m *bookMachine) Check(t *rapid.T) {
	counted := map[string]int{}
	seen := map[string]bool{}
	for _, r := range m.b.Reservations {
		if seen[r.ID] {
			t.Fatalf("reservation %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.State == StateApproved {
			counted[key(r)]++
			if !m.approved[key(r)][r.ID] {
				t.Fatalf("approved %s not in the model", r.ID)
			}
		}
	}
	for k, ids := range m.approved {
		if counted[k] != len(ids) {
			t.Fatalf("%s: book counts %d approved, model %d", k, counted[k], len(ids))
		}
	}
	for _, mom := range bko().Moments {
		for _, day := range smDays {
			if taken := m.b.Taken("bko-linde", mom.ID, day); taken > mom.Capacity {
				t.Fatalf("%s on %s: %d approved, capacity %d", mom.ID, day, taken, mom.Capacity)
			}
		}
	}
}

func TestBookStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		t.Repeat(rapid.StateMachineActions(&bookMachine{b: book(), approved: map[string]map[string]bool{}}))
	})
}
