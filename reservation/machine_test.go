package reservation

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// bookMachine drives a Book with random operations and checks it against a
// model after each: capacity is never exceeded, every approved reservation
// is counted once, a cancellation frees its place, refused requests take no
// place, duplication never lands on a day the moment is not offered,
// states move only along the allowed transitions, ApproveAll equals
// Approve one by one, the book stays valid and the old book never changes.
type bookMachine struct {
	b Book
	// approved is the model: approved reservation IDs per moment-day.
	approved map[string]map[string]bool
	// old and snapshot are the book before the last operation and a copy of
	// its reservations: the operation must have left them alone.
	old      Book
	snapshot []Reservation
}

func newBookMachine() *bookMachine {
	return &bookMachine{b: book(), approved: map[string]map[string]bool{}}
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

// allowed reports whether a reservation may go from one state to another
// in one operation (after-school portal manual (seed 000), "Online
// reserveren" and "Reservatie wijzigen of annuleren": requested → approved
// | refused | cancelled; approved → cancelled, or back to requested when
// its hours change).
func allowed(from, to State) bool {
	switch {
	case from == to:
		return true
	case from == StateRequested:
		return to == StateApproved || to == StateRefused || to == StateCancelled
	case from == StateApproved:
		return to == StateCancelled || to == StateRequested
	}
	return false
}

// commit records an operation's result, checking the transitions.
func (m *bookMachine) commit(t *rapid.T, n Book) {
	t.Helper()
	checkTransitions(t, m.b, n)
	m.old, m.snapshot = m.b, slices.Clone(m.b.Reservations)
	m.b = n
}

// checkTransitions checks that n is o with reservations appended (as
// requested) and states changed only along allowed transitions.
func checkTransitions(t fataler, o, n Book) {
	if len(n.Reservations) < len(o.Reservations) {
		t.Fatalf("the book lost reservations: %d → %d", len(o.Reservations), len(n.Reservations))
	}
	for i, r := range n.Reservations {
		if i >= len(o.Reservations) {
			if r.State != StateRequested {
				t.Fatalf("new reservation %s is %s, not requested", r.ID, r.State)
			}
			continue
		}
		was := o.Reservations[i]
		if was.ID != r.ID || !allowed(was.State, r.State) {
			t.Fatalf("reservation %s (%s) became %s (%s)", was.ID, was.State, r.ID, r.State)
		}
	}
}

func (m *bookMachine) Request(t *rapid.T) {
	mo := rapid.SampledFrom(smMoments).Draw(t, "moment")
	mom, _ := bko().moment(mo)
	kids := rapid.SliceOfNDistinct(rapid.SampledFrom(smChildren), 1, 3, rapid.ID[string]).Draw(t, "children")
	day := rapid.SampledFrom(smDays).Draw(t, "day")
	before := len(m.b.Reservations)
	free := must(m.b.Free("bko-linde", mo, day))(t)
	b, os, err := m.b.Request(Request{Children: kids, Location: "bko-linde", Moment: mo, Date: day, Start: mom.Start, End: mom.End})
	if err != nil {
		t.Fatal(err)
	}
	created := 0
	for _, o := range os {
		if o.Refused == "" {
			created++
			if !bko().Offers(mom, day).Offered {
				t.Fatalf("created %s on %s where it is not offered", mo, day)
			}
		}
		if o.Refused == RefusedFull && free > 0 {
			t.Fatalf("refused as full with %d free", free)
		}
		if o.MessageNL == "" || o.MessageEN == "" {
			t.Fatalf("outcome without its texts: %+v", o)
		}
	}
	if len(b.Reservations) != before+created {
		t.Fatalf("%d outcomes created, book grew by %d", created, len(b.Reservations)-before)
	}
	m.commit(t, b)
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
		m.model(b.Reservations[i])
	}
	m.commit(t, b)
}

// ApproveAll approves a batch and checks it against Approve one by one.
func (m *bookMachine) ApproveAll(t *rapid.T) {
	var ids []string
	for _, r := range m.b.Reservations {
		if r.State == StateRequested {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		m.Request(t)
		return
	}
	ids = rapid.Permutation(ids).Draw(t, "order")[:rapid.IntRange(1, len(ids)).Draw(t, "batch")]
	b, os, err := m.b.ApproveAll(ids)
	if err != nil {
		t.Fatal(err)
	}
	one := m.b
	for k, id := range ids {
		var o Outcome
		if one, o, err = one.Approve(id); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(o, os[k]); diff != "" {
			t.Fatalf("ApproveAll differs from Approve for %s (-one +all):\n%s", id, diff)
		}
		if o.State == StateApproved {
			i, _ := one.find(id)
			m.model(one.Reservations[i])
		}
	}
	if diff := cmp.Diff(one, b); diff != "" {
		t.Fatalf("ApproveAll book differs (-one by one +all):\n%s", diff)
	}
	m.commit(t, b)
}

func (m *bookMachine) model(r Reservation) {
	if m.approved[key(r)] == nil {
		m.approved[key(r)] = map[string]bool{}
	}
	m.approved[key(r)][r.ID] = true
}

func (m *bookMachine) Cancel(t *rapid.T) {
	id, ok := m.pick(t, "")
	if !ok {
		return
	}
	i, _ := m.b.find(id)
	r := m.b.Reservations[i]
	freeBefore := must(m.b.Free(r.Location, r.Moment, r.Date))(t)
	b, c, err := m.b.Cancel(id, bxl("2026-10-01 08:00"), seed000Policy())
	if !r.active() {
		if err == nil {
			t.Fatalf("cancelled a %s reservation", r.State)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	// A cancelled reservation holds no place.
	freeAfter := must(b.Free(r.Location, r.Moment, r.Date))(t)
	if r.State == StateApproved && freeAfter != freeBefore+1 || r.State == StateRequested && freeAfter != freeBefore {
		t.Fatalf("cancelling a %s reservation: %d free before, %d after", r.State, freeBefore, freeAfter)
	}
	if got := b.Reservations[i]; got.State != StateCancelled || got.Cancellation == nil || *got.Cancellation != c {
		t.Fatalf("cancelled reservation %+v, verdict %+v", got, c)
	}
	delete(m.approved[key(r)], id)
	m.commit(t, b)
}

// Modify changes the hours of an active reservation, or gives the same
// hours again: changed hours send an approved reservation back to
// requested, the same hours change nothing.
func (m *bookMachine) Modify(t *rapid.T) {
	id, ok := m.pick(t, StateApproved)
	if !ok {
		return
	}
	i, _ := m.b.find(id)
	r := m.b.Reservations[i]
	mom, _ := bko().moment(r.Moment)
	start, end := r.Start, r.End
	if rapid.Bool().Draw(t, "change") {
		start = mom.Start + plan.Clock(rapid.IntRange(0, int(mom.End-mom.Start)-1).Draw(t, "start"))
		end = start + plan.Clock(rapid.IntRange(1, int(mom.End-start)).Draw(t, "length"))
	}
	b, err := m.b.Modify(id, start, end, seed000Policy())
	if err != nil {
		t.Fatal(err)
	}
	got := b.Reservations[i]
	switch changed := start != r.Start || end != r.End; {
	case changed && got.State != StateRequested:
		t.Fatalf("changed hours left %s %s", id, got.State)
	case !changed && got.State != StateApproved:
		t.Fatalf("the same hours sent %s back to %s", id, got.State)
	case changed:
		delete(m.approved[key(r)], id) // back to requested: the place is released
	}
	m.commit(t, b)
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
		if o.Refused == "" && !bko().Offers(mom, o.Date).Offered {
			t.Fatalf("duplicated onto %s, where %s is not offered", o.Date, mom.ID)
		}
	}
	m.commit(t, b)
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
	for _, r := range m.b.Reservations {
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
			if taken := must(m.b.Taken("bko-linde", mom.ID, day))(t); taken > mom.Capacity {
				t.Fatalf("%s on %s: %d approved, capacity %d", mom.ID, day, taken, mom.Capacity)
			}
		}
	}
	// Unique IDs, capacity, one active reservation per child and moment-day,
	// a NextID that reuses no ID: the whole book stays valid.
	if err := m.b.Validate(); err != nil {
		t.Fatalf("the book became invalid: %v", err)
	}
	if !slices.Equal(m.old.Reservations, m.snapshot) {
		t.Fatal("an operation changed the old book")
	}
}

func TestBookStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		t.Repeat(rapid.StateMachineActions(newBookMachine()))
	})
}
