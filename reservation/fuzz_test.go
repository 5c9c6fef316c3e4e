package reservation

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// FuzzBookOperations runs the capacity-book state machine under the
// coverage-guided fuzzer.
func FuzzBookOperations(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		t.Repeat(rapid.StateMachineActions(newBookMachine()))
	}))
}

// FuzzRequest decodes a book and a request from JSON and runs the entry
// points: an error or a consistent result, never a panic. A valid book
// stays valid after the request and after approving every request.
func FuzzRequest(f *testing.F) {
	b, _ := json.Marshal(Book{Locations: []Location{{ID: "L", Name: "BKO", Moments: []Moment{{ID: "na", Name: "naschools",
		Weekdays: []time.Weekday{time.Monday}, Season: AllYear, Start: clock("15:30"), End: clock("18:30"), Capacity: 1}}}},
		Enrolments: []Enrolment{{Child: "lena", Location: "L", Period: plan.Period{Start: d("2026-09-01"), End: d("2027-08-31")}}}})
	r, _ := json.Marshal(Request{Children: []string{"lena"}, Location: "L", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	f.Add(b, r)
	f.Fuzz(func(t *testing.T, bookJSON, reqJSON []byte) {
		var bk Book
		var req Request
		if json.Unmarshal(bookJSON, &bk) != nil || json.Unmarshal(reqJSON, &req) != nil || len(req.Children) > 20 || len(bk.Reservations) > 200 {
			return
		}
		valid := bk.Validate() == nil
		n, os, err := bk.Request(req)
		if err != nil {
			if plan.AsProblems(err) == nil {
				t.Fatalf("an error that is not a plan.Problem: %v", err)
			}
			return
		}
		created := 0
		var ids []string
		for _, o := range os {
			if o.Refused == "" {
				created++
				ids = append(ids, o.Reservation)
			}
		}
		if len(n.Reservations) != len(bk.Reservations)+created {
			t.Fatalf("%d created, book grew by %d", created, len(n.Reservations)-len(bk.Reservations))
		}
		all, _, err := n.ApproveAll(ids)
		if err != nil {
			t.Fatalf("approving what was just requested: %v", err)
		}
		if valid {
			if err := n.Validate(); err != nil {
				t.Fatalf("a valid book became invalid by a request: %v", err)
			}
			if err := all.Validate(); err != nil {
				t.Fatalf("a valid book became invalid by approvals: %v", err)
			}
		}
		_, _ = n.Week("lena", req.Location, req.Date)
	})
}

// The fuzz targets below drive the fixture book (bko, book()) from bytes:
// each operation reads a few bytes, so a short input is a short sequence
// and the fuzzer reaches long ones by growing the input. After every
// operation they check what always holds: states move only along the
// allowed transitions, approved reservations never exceed a moment's
// places, a cancelled reservation holds no place and has its verdict, the
// old book is unchanged; at the end the book is valid. Each operation
// checks its own rule against an oracle.

// maxFuzzSteps bounds the operations of one input: enough for books of a
// hundred reservations and more, few enough to keep each run short.
const maxFuzzSteps = 64

// fuzzOp is one operation the driver can apply.
type fuzzOp int

const (
	opRequest fuzzOp = iota
	opApprove
	opApproveAll
	opModify
	opCancel
	opDuplicate
	opExtraDay
	opWeek
)

// bytesIn reads an input a byte at a time; past its end it reads zeros.
type bytesIn struct {
	b []byte
	i int
}

func (in *bytesIn) next() int {
	if in.i >= len(in.b) {
		return 0
	}
	in.i++
	return int(in.b[in.i-1])
}

func (in *bytesIn) more() bool { return in.i < len(in.b) }

var (
	fzChildren = []string{"lena", "milan", "noor", "otis", "stranger", ""}
	fzMoments  = []string{"voor", "na", "woe", "vrij", "vak", "nacht"}
	fzStart    = d("2026-10-12")
)

// fuzzPlans are the children's care plans for extra days: Lena on Monday,
// Milan on Tuesday, Noor on Wednesday, Otis on Friday; the stranger has
// none.
func fuzzPlans() map[string]plan.Plan {
	slot := []plan.Slot{{Start: clock("07:00"), End: clock("18:30")}}
	p := func(w plan.Week) plan.Plan {
		return plan.Plan{Kind: plan.KindAfterSchool, Start: d("2026-09-01"), Schedule: plan.Schedule{Weeks: []plan.Week{w}}}
	}
	return map[string]plan.Plan{"lena": p(plan.Week{Monday: slot}), "milan": p(plan.Week{Tuesday: slot}),
		"noor": p(plan.Week{Wednesday: slot}), "otis": p(plan.Week{Friday: slot})}
}

// fuzzDriver applies byte-driven operations to a book and checks them.
type fuzzDriver struct {
	t     fataler
	in    bytesIn
	b     Book
	loc   Location
	plans map[string]plan.Plan
	ops   []fuzzOp
}

// fuzzFixture is the driver's starting point, built once per target: the
// operations never change it.
type fuzzFixture struct {
	b     Book
	loc   Location
	plans map[string]plan.Plan
}

func newFuzzFixture() fuzzFixture { return fuzzFixture{b: book(), loc: bko(), plans: fuzzPlans()} }

func newFuzzDriver(t fataler, fx fuzzFixture, data []byte, ops ...fuzzOp) *fuzzDriver {
	return &fuzzDriver{t: t, in: bytesIn{b: data}, b: fx.b, loc: fx.loc, plans: fx.plans, ops: ops}
}

// run applies operations until the input is used up.
func (f *fuzzDriver) run() {
	for steps := 0; f.in.more() && steps < maxFuzzSteps; steps++ {
		old := f.b
		snapshot := slices.Clone(old.Reservations)
		switch f.ops[f.in.next()%len(f.ops)] {
		case opRequest:
			f.request(false)
		case opApprove:
			f.approve()
		case opApproveAll:
			f.approveAll()
		case opModify:
			f.modify()
		case opCancel:
			f.cancel()
		case opDuplicate:
			f.duplicate()
		case opExtraDay:
			f.request(true)
		case opWeek:
			f.week()
		}
		if !slices.Equal(old.Reservations, snapshot) {
			f.t.Fatal("an operation changed the old book")
		}
		checkTransitions(f.t, old, f.b)
		f.checkCapacity()
	}
	if err := f.b.Validate(); err != nil {
		f.t.Fatalf("the book became invalid: %v", err)
	}
}

func (f *fuzzDriver) day() plan.Date { return fzStart.AddDays(f.in.next() % 42) }

func (f *fuzzDriver) moment() (Moment, bool) {
	return f.loc.moment(fzMoments[f.in.next()%len(fzMoments)])
}

// hours draws hours, mostly within the moment, sometimes not: starting
// before it, ending after it, or ending where they start.
func (f *fuzzDriver) hours(m Moment) (plan.Clock, plan.Clock) {
	span := int(m.End - m.Start)
	if span <= 1 {
		span = 60
	}
	start := m.Start + plan.Clock(f.in.next()*(span-1)/256)
	end := start + 1 + plan.Clock(f.in.next()*int(m.End-start-1)/256)
	switch f.in.next() % 16 {
	case 0:
		start -= 30
	case 1:
		end = m.End + 1
	case 2:
		end = start
	}
	return start, end
}

// taken counts the approved reservations of a moment-day, the oracle.
func taken(b Book, moment string, d plan.Date) int {
	n := 0
	for _, r := range b.Reservations {
		if r.State == StateApproved && r.Moment == moment && r.Date == d {
			n++
		}
	}
	return n
}

// approvedCounts counts the approved reservations per moment (index in
// fzMoments) and day (from fzStart); the fuzzed days are the six weeks
// from fzStart, a Monday.
type approvedCounts [6][42]int

func (f *fuzzDriver) checkCapacity() approvedCounts {
	var counts approvedCounts
	for _, r := range f.b.Reservations {
		if r.State == StateCancelled && r.Cancellation == nil {
			f.t.Fatalf("cancelled %s without its verdict", r.ID)
		}
		if r.State != StateApproved {
			continue
		}
		mi := slices.Index(fzMoments, r.Moment)
		k := fzStart.DaysUntil(r.Date)
		counts[mi][k]++
		if m, _ := f.loc.moment(r.Moment); counts[mi][k] > m.Capacity {
			f.t.Fatalf("%s on %s: %d approved, %d places", r.Moment, r.Date, counts[mi][k], m.Capacity)
		}
	}
	return counts
}

// pick draws a reservation of the book, or reports false.
func (f *fuzzDriver) pick() (int, Reservation, bool) {
	if len(f.b.Reservations) == 0 {
		return 0, Reservation{}, false
	}
	i := f.in.next() % len(f.b.Reservations)
	return i, f.b.Reservations[i], true
}

func (f *fuzzDriver) request(extra bool) {
	m, known := f.moment()
	day := f.day()
	var kids []string
	for n := f.in.next() % 4; n > 0; n-- {
		kids = append(kids, fzChildren[f.in.next()%len(fzChildren)])
	}
	start, end := f.hours(m)
	r := Request{Children: kids, Location: "bko-linde", Moment: m.ID, Date: day, Start: start, End: end}
	if !known {
		r.Moment = "nacht"
	}
	invalid := !known || len(kids) == 0 || slices.Contains(kids, "") || start < m.Start || end > m.End || end <= start
	if extra {
		invalid = invalid || slices.Contains(kids, "stranger")
	}
	free := m.Capacity - taken(f.b, m.ID, day)
	var n Book
	var os []Outcome
	var err error
	if extra {
		n, os, err = f.b.RequestExtraDay(r, f.plans, plan.Calendar{})
	} else {
		n, os, err = f.b.Request(r)
	}
	if (err != nil) != invalid {
		f.t.Fatalf("request %+v: error %v, expected one: %v", r, err, invalid)
	}
	if err != nil {
		return
	}
	if len(os) != len(kids) {
		f.t.Fatalf("%d outcomes for %d children", len(os), len(kids))
	}
	created := 0
	for k, o := range os {
		if o.Child != kids[k] || o.Date != day || o.MessageNL == "" || o.MessageEN == "" || o.Rule.Source == "" {
			f.t.Fatalf("outcome %d: %+v", k, o)
		}
		inPlan := extra && f.plans[o.Child].Day(day, plan.Calendar{}).IsReserved()
		switch {
		case inPlan != (o.Refused == RefusedInPlan):
			f.t.Fatalf("extra day for %s on %s (in plan %v): %+v", o.Child, day, inPlan, o)
		case o.Refused == RefusedFull && free > 0:
			f.t.Fatalf("refused as full with %d free", free)
		case o.Refused == "" && free <= 0:
			f.t.Fatalf("requested on a full day: %+v", o)
		case o.Refused == "":
			created++
			if !f.loc.Offers(m, day).Offered || o.Child == "stranger" {
				f.t.Fatalf("created %+v where the child cannot reserve", o)
			}
			if r := n.Reservations[len(f.b.Reservations)+created-1]; r.ID != o.Reservation || r.Extra != extra || r.Child != o.Child {
				f.t.Fatalf("outcome %+v, reservation %+v", o, r)
			}
		}
	}
	if len(n.Reservations) != len(f.b.Reservations)+created {
		f.t.Fatalf("%d created, book grew by %d", created, len(n.Reservations)-len(f.b.Reservations))
	}
	f.b = n
}

func (f *fuzzDriver) approve() {
	i, r, ok := f.pick()
	if !ok {
		return
	}
	m, _ := f.loc.moment(r.Moment)
	free := m.Capacity - taken(f.b, r.Moment, r.Date)
	n, o, err := f.b.Approve(r.ID)
	if r.State != StateRequested {
		if !errorsIs(err, CodeIllegalTransition) {
			f.t.Fatalf("approving a %s reservation: %v", r.State, err)
		}
		return
	}
	if err != nil {
		f.t.Fatal(err)
	}
	if want := map[bool]State{true: StateApproved, false: StateRefused}[free > 0]; o.State != want || n.Reservations[i].State != want {
		f.t.Fatalf("approving with %d free: %+v", free, o)
	}
	f.b = n
}

func (f *fuzzDriver) approveAll() {
	var ids []string
	for _, r := range f.b.Reservations {
		if r.State == StateRequested && f.in.next()%2 == 0 {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return
	}
	n, os, err := f.b.ApproveAll(ids)
	if err != nil {
		f.t.Fatal(err)
	}
	one := f.b
	for k, id := range ids {
		var o Outcome
		if one, o, err = one.Approve(id); err != nil || o != os[k] {
			f.t.Fatalf("ApproveAll %s: %+v, Approve: %+v %v", id, os[k], o, err)
		}
	}
	if !slices.Equal(one.Reservations, n.Reservations) {
		f.t.Fatal("ApproveAll and Approve one by one disagree")
	}
	// A repeated or unknown id is an error and approves nothing.
	if _, _, err := f.b.ApproveAll(append(ids, ids[0], "R0")); len(plan.AsProblems(err)) != 2 {
		f.t.Fatalf("a repeated and an unknown id: %v", err)
	}
	f.b = n
}

func (f *fuzzDriver) modify() {
	i, r, ok := f.pick()
	if !ok {
		return
	}
	m, _ := f.loc.moment(r.Moment)
	start, end := r.Start, r.End
	if f.in.next()%4 != 0 {
		start, end = f.hours(m)
	}
	p := seed000Policy()
	p.ModifyKeepsApproval = f.in.next()%4 == 0
	n, err := f.b.Modify(r.ID, start, end, p)
	switch {
	case !r.active():
		if !errorsIs(err, CodeIllegalTransition) {
			f.t.Fatalf("modifying a %s reservation: %v", r.State, err)
		}
		return
	case start < m.Start || end > m.End || end <= start:
		if !errorsIs(err, plan.CodeInvalidValue) {
			f.t.Fatalf("hours %s–%s outside %s: %v", start, end, m.ID, err)
		}
		return
	case err != nil:
		f.t.Fatal(err)
	}
	got := n.Reservations[i]
	changed := start != r.Start || end != r.End
	want := r.State
	if changed && r.State == StateApproved && !p.ModifyKeepsApproval {
		want = StateRequested
	}
	if got.State != want || got.Start != start || got.End != end {
		f.t.Fatalf("modify %s (%s) to %s–%s: %+v", r.ID, r.State, start, end, got)
	}
	f.b = n
}

func (f *fuzzDriver) cancel() {
	i, r, ok := f.pick()
	if !ok {
		return
	}
	at := bxl("2026-10-01 08:00").Add(time.Duration(f.in.next()*f.in.next()) * 10 * time.Minute)
	p := Policy{Counting: []plan.DayCounting{plan.CalendarDays, plan.WorkingDays}[f.in.next()%2], LateCancelCost: seed000Policy().LateCancelCost}
	if f.in.next()%2 == 0 {
		p.CancelLeadDays = f.in.next() % 8
	} else {
		p.CancelLeadHours = f.in.next() % 72
	}
	free := taken(f.b, r.Moment, r.Date)
	n, c, err := f.b.Cancel(r.ID, at, p)
	if !r.active() {
		if !errorsIs(err, CodeIllegalTransition) {
			f.t.Fatalf("cancelling a %s reservation: %v", r.State, err)
		}
		return
	}
	if err != nil {
		f.t.Fatal(err)
	}
	// A cancelled reservation holds no place; on its deadline it is in time.
	after := taken(n, r.Moment, r.Date)
	if got := n.Reservations[i]; got.State != StateCancelled || got.Cancellation == nil || *got.Cancellation != c ||
		r.State == StateApproved && after != free-1 || r.State == StateRequested && after != free {
		f.t.Fatalf("cancel %s (%s): %+v, %d taken before, %d after", r.ID, r.State, got, free, after)
	}
	starts := plan.Slot{Start: r.Start, End: r.End}.Session(r.Date, nil).In
	if c.Late != at.After(c.Deadline) || c.Deadline.After(starts) || c.Late != !c.Cost.IsZero() || c.MessageNL == "" || c.MessageEN == "" {
		f.t.Fatalf("verdict at %s on %s: %+v", at, r.ID, c)
	}
	if p.CancelLeadHours > 0 && !c.Deadline.Equal(starts.Add(-time.Duration(p.CancelLeadHours)*time.Hour)) {
		f.t.Fatalf("%d hours before %s: deadline %s", p.CancelLeadHours, starts, c.Deadline)
	}
	f.b = n
}

func (f *fuzzDriver) duplicate() {
	_, r, ok := f.pick()
	if !ok {
		return
	}
	var dates []plan.Date
	for n := 1 + f.in.next()%6; n > 0; n-- {
		dates = append(dates, f.day())
	}
	m, _ := f.loc.moment(r.Moment)
	n, os, err := f.b.Duplicate(r.ID, dates, time.Time{})
	if r.Extra {
		// An extra day is asked day by day against the plan: never copied.
		if err == nil || len(n.Reservations) != len(f.b.Reservations) {
			f.t.Fatalf("extra day %s duplicated: %v, %+v", r.ID, err, os)
		}
		return
	}
	if err != nil {
		f.t.Fatal(err)
	}
	created := 0
	for k, o := range os {
		if o.Date != dates[k] || o.Child != r.Child {
			f.t.Fatalf("outcome %d for %s: %+v", k, dates[k], o)
		}
		if o.Refused == "" {
			created++
			if !f.loc.Offers(m, o.Date).Offered {
				f.t.Fatalf("duplicated onto %s, where %s is not offered", o.Date, m.ID)
			}
		}
	}
	if len(os) != len(dates) || len(n.Reservations) != len(f.b.Reservations)+created {
		f.t.Fatalf("%d dates, %d outcomes, %d created, book grew by %d", len(dates), len(os), created, len(n.Reservations)-len(f.b.Reservations))
	}
	f.b = n
}

// week checks the week view against the book: seven days from a Monday,
// each moment's free places and the child's own reservation.
func (f *fuzzDriver) week() {
	child := fzChildren[f.in.next()%4]
	day := f.day()
	counts := f.checkCapacity()
	week, err := f.b.Week(child, "bko-linde", day)
	if err != nil {
		f.t.Fatal(err)
	}
	if len(week) != 7 || week[0].Date.Weekday() != time.Monday || day.Before(week[0].Date) || day.After(week[6].Date) {
		f.t.Fatalf("week of %s: %+v", day, week)
	}
	for _, dv := range week {
		for _, mv := range dv.Moments {
			m, _ := f.loc.moment(mv.Moment)
			free := max(0, m.Capacity-counts[slices.Index(fzMoments, m.ID)][fzStart.DaysUntil(dv.Date)])
			if mv.StatusNL == "" || mv.StatusNL != mv.Status.NL() || dv.WeekdayNL != WeekdayNL(dv.Date.Weekday()) {
				f.t.Fatalf("texts of %+v", mv)
			}
			if mv.Status == StatusFree && mv.Free != free || mv.Status == StatusFree && free == 0 || mv.Status == StatusFull && free != 0 {
				f.t.Fatalf("%s on %s: %+v, %d free", m.ID, dv.Date, mv, free)
			}
			if mv.Status == StatusUnavailable && (mv.Reason == "" || mv.WhyNL == "") {
				f.t.Fatalf("unavailable without why: %+v", mv)
			}
		}
	}
}

func errorsIs(err error, c plan.Code) bool { return plan.AsProblems(err).Has(c) }

// seedOps are short inputs that reach every operation.
var seedOps = [][]byte{{}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {1, 1, 2, 2, 0, 3, 1, 7, 7, 0, 0, 5}}

func fuzzOps(f *testing.F, ops ...fuzzOp) {
	for _, s := range seedOps {
		f.Add(s)
	}
	fx := newFuzzFixture()
	f.Fuzz(func(t *testing.T, data []byte) { newFuzzDriver(t, fx, data, ops...).run() })
}

// FuzzApprove: approving one or a batch never exceeds the places, refuses
// as full exactly when no place is free, and ApproveAll equals Approve one
// by one.
func FuzzApprove(f *testing.F) { fuzzOps(f, opRequest, opApprove, opApproveAll) }

// FuzzModify: changed hours within the moment send an approved reservation
// back to requested (unless the policy keeps it), the same hours change
// nothing, hours outside the moment and inactive reservations are errors.
func FuzzModify(f *testing.F) { fuzzOps(f, opRequest, opApprove, opModify) }

// FuzzCancel: a cancelled reservation holds no place; a cancellation is
// late exactly after its deadline and then costs the policy's amount.
func FuzzCancel(f *testing.F) { fuzzOps(f, opRequest, opApprove, opCancel) }

// FuzzDuplicate: a copy only on the days the moment is offered, an outcome
// per date, never more places taken.
func FuzzDuplicate(f *testing.F) { fuzzOps(f, opRequest, opApprove, opDuplicate) }

// FuzzRequestExtraDay: an extra day is refused exactly when the child's
// plan reserves the day, and otherwise is a request like any other, marked
// Extra; a child without a plan is an error.
func FuzzRequestExtraDay(f *testing.F) { fuzzOps(f, opExtraDay, opApprove, opCancel) }

// FuzzBookRequest: Request (siblings, every refusal, malformed requests)
// with approvals, cancellations and the week view.
func FuzzBookRequest(f *testing.F) { fuzzOps(f, opRequest, opApprove, opCancel, opWeek) }

// FuzzRank ranks applicants drawn from bytes (5 a piece): an error exactly
// when an applicant is invalid; otherwise a permutation of the applicants,
// priority tiers in order (urgent first when the policy says so), within a
// tier by the day received and then the ID.
func FuzzRank(f *testing.F) {
	f.Add([]byte{}, false)
	f.Add([]byte{1, 10, 40, 1, 0, 2, 12, 20, 0, 2, 3, 11, 90, 0, 1}, true)
	f.Fuzz(func(t *testing.T, data []byte, urgentFirst bool) { checkRank(t, data, urgentFirst) })
}

// checkRank is the property of FuzzRank and TestRankProperty.
func checkRank(t fataler, data []byte, urgentFirst bool) {
	groups := []Group{GroupWork, GroupSingleParent, GroupLowIncome, GroupFosterChild, GroupSibling, GroupVulnerable, "unknown"}
	urgents := []UrgentReason{UrgentNone, UrgentNone, UrgentWork, UrgentCrisis, UrgentLostCare, "unknown"}
	in := bytesIn{b: data}
	var apps []Applicant
	invalid := false
	ids := map[string]bool{}
	for in.more() {
		a := Applicant{ID: strings.Repeat("A", in.next()%3) + string(rune('a'+in.next()%26))}
		if c := in.next(); c > 0 {
			a.Received = d("2026-01-01").AddDays(c % 64)
		}
		if c := in.next(); c > 0 {
			a.WantedStart = d("2026-01-01").AddDays(c)
		}
		for mask, k := in.next(), 0; mask > 0; mask, k = mask>>1, k+1 {
			if mask&1 == 1 {
				a.Groups = append(a.Groups, groups[k%len(groups)])
			}
		}
		a.Urgent = urgents[in.next()%len(urgents)]
		invalid = invalid || ids[a.ID] || a.Received.IsZero() || slices.Contains(a.Groups, "unknown") || a.Urgent == "unknown" ||
			a.Urgent != UrgentNone && a.WantedStart.IsZero()
		ids[a.ID] = true
		apps = append(apps, a)
	}
	p := PriorityPolicy{UrgentFirst: urgentFirst}
	ranked, err := Rank(apps, p)
	if (err != nil) != invalid {
		t.Fatalf("error %v, expected one: %v", err, invalid)
	}
	if err != nil {
		return
	}
	if len(ranked) != len(apps) {
		t.Fatalf("%d ranked of %d", len(ranked), len(apps))
	}
	tier := func(r Ranked) int {
		switch {
		case urgentFirst && r.Urgent:
			return 0
		case r.Priority:
			return 1
		}
		return 2
	}
	seen := map[string]bool{}
	for k, r := range ranked {
		if r.Position != k+1 || seen[r.Applicant.ID] || !ids[r.Applicant.ID] || r.MessageNL == "" || r.MessageEN == "" {
			t.Fatalf("place %d: %+v", k+1, r)
		}
		seen[r.Applicant.ID] = true
		if r.Urgent != r.Applicant.IsUrgent() || r.Priority != (len(r.Applicant.Groups) > 0 || r.Urgent) {
			t.Fatalf("priority of %+v", r)
		}
		if k == 0 {
			continue
		}
		prev := ranked[k-1]
		switch {
		case tier(prev) > tier(r):
			t.Fatalf("%s (tier %d) before %s (tier %d)", prev.Applicant.ID, tier(prev), r.Applicant.ID, tier(r))
		case tier(prev) < tier(r):
		case prev.Applicant.Received.After(r.Applicant.Received),
			prev.Applicant.Received == r.Applicant.Received && prev.Applicant.ID > r.Applicant.ID:
			t.Fatalf("%s before %s in one tier", prev.Applicant.ID, r.Applicant.ID)
		}
	}
}

// FuzzCheckQuota checks the quota of children drawn from bytes (2 a piece)
// against an oracle: each child once, special when any entry has a
// special group; met exactly when special × 100 ≥ 20 × total; the order of
// the children changes nothing.
func FuzzCheckQuota(f *testing.F) {
	f.Add([]byte{}, uint8(1), uint16(2026))
	f.Add([]byte{0, 1, 1, 0, 2, 4, 3, 0, 4, 0}, uint8(5), uint16(2026))
	f.Fuzz(func(t *testing.T, data []byte, specialMask uint8, year uint16) {
		checkQuota(t, data, specialMask, year)
	})
}

// checkQuota is the property of FuzzCheckQuota and TestCheckQuotaProperty.
func checkQuota(t fataler, data []byte, specialMask uint8, year uint16) {
	groups := []Group{GroupWork, GroupSingleParent, GroupLowIncome, GroupFosterChild, GroupSibling, GroupVulnerable, "unknown"}
	in := bytesIn{b: data}
	var kids []Cared
	var special []Group
	for k, g := range groups {
		if specialMask&(1<<k) != 0 {
			special = append(special, g)
		}
	}
	invalid := year < 1 || year > 9999 || len(special) == 0 || slices.Contains(special, "unknown")
	oracle := map[string]bool{}
	for in.more() {
		c := Cared{Child: string(rune('a' + in.next()%40))}
		if c.Child == "a" {
			c.Child = "" // a child without a name
		}
		for mask, k := in.next(), 0; mask > 0; mask, k = mask>>1, k+1 {
			if mask&1 == 1 {
				c.Groups = append(c.Groups, groups[k%len(groups)])
			}
		}
		invalid = invalid || c.Child == "" || slices.Contains(c.Groups, "unknown")
		s := oracle[c.Child]
		for _, g := range c.Groups {
			s = s || slices.Contains(special, g)
		}
		oracle[c.Child] = s
		kids = append(kids, c)
	}
	q, err := CheckQuota(int(year), kids, special)
	if (err != nil) != invalid {
		t.Fatalf("error %v, expected one: %v", err, invalid)
	}
	if err != nil {
		return
	}
	n := 0
	for _, s := range oracle {
		if s {
			n++
		}
	}
	if q.Total != len(oracle) || q.Special != n || q.Met != (q.Total > 0 && 100*n >= 20*q.Total) || q.Special > q.Total || q.MessageNL == "" {
		t.Fatalf("%d of %d special: %+v", n, len(oracle), q)
	}
	slices.Reverse(kids)
	if r, err := CheckQuota(int(year), kids, special); err != nil || r.Total != q.Total || r.Special != q.Special || r.Met != q.Met || !r.Share.Equal(q.Share) {
		t.Fatalf("reversed: %+v, %v; was %+v", r, err, q)
	}
}
