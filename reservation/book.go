package reservation

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Book is an organiser's reservations with its locations and enrolments:
// the capacity book. It is a value; every operation returns a new Book and
// leaves the old one unchanged (it never writes into the old one's
// backing arrays), so it is safe to share between goroutines.
type Book struct {
	Locations    []Location    `json:"locations"`
	Enrolments   []Enrolment   `json:"enrolments"`
	Reservations []Reservation `json:"reservations,omitempty"`
	// NextID numbers the next reservation ("R1", "R2", …); it is at least
	// the number of every "R<n>" reservation in the book.
	NextID int `json:"next_id"`
}

// Request asks for one care moment on one day, for one child or several
// siblings at once (after-school portal manual (seed 000), "Online
// reserveren").
type Request struct {
	Children []string   `json:"children"`
	Location string     `json:"location"`
	Moment   string     `json:"moment"`
	Date     plan.Date  `json:"date"`
	Start    plan.Clock `json:"start"`
	End      plan.Clock `json:"end"`
	// At is when the request was made (optional).
	At time.Time `json:"at,omitzero"`
}

// Outcome is the result of a request, an approval or a duplication for one
// child and day: created (or approved), or refused and why. MessageNL is
// what the family reads; MessageEN says the same for developers.
type Outcome struct {
	Child       string    `json:"child"`
	Date        plan.Date `json:"date"`
	Reservation string    `json:"reservation,omitempty"`
	State       State     `json:"state,omitempty"`
	// Refused is the refusal (a Refused… or Reason… constant); empty when
	// the request went through.
	Refused   Refusal   `json:"refused,omitempty"`
	MessageNL string    `json:"message_nl"`
	MessageEN string    `json:"message_en"`
	Rule      plan.Rule `json:"rule"`
}

// location returns the index of the location with id, or a CodeUnknown
// problem on field.
func (b Book) location(id, field string) (int, error) {
	for i, l := range b.Locations {
		if l.ID == id {
			return i, nil
		}
	}
	return 0, plan.Problem{Code: CodeUnknown, Field: field, Message: fmt.Sprintf("no location %q", id)}
}

// lookup returns a location and one of its moments, or the problems of
// the lookups on fields "location" and "moment", under kind[i] when kind is
// set ("reservations[3].location"). A moment that cannot work (no place,
// no hours, no day) is a problem too, on its path in the book, never a day
// that is silently always full.
func (b Book) lookup(location, moment, kind string, i int) (Location, Moment, plan.Problems) {
	prefix := func() string {
		if kind == "" {
			return ""
		}
		return kind + "[" + strconv.Itoa(i) + "]."
	}
	li, err := b.location(location, "")
	if err != nil {
		p := err.(plan.Problem)
		p.Field = prefix() + "location"
		return Location{}, Moment{}, plan.Problems{p}
	}
	l := b.Locations[li]
	for mi, m := range l.Moments {
		if m.ID != moment {
			continue
		}
		ps := m.validate("")
		for k := range ps {
			ps[k].Field = fmt.Sprintf("locations[%d].moments[%d]", li, mi) + ps[k].Field
		}
		return l, m, ps
	}
	return Location{}, Moment{}, plan.Problems{{Code: CodeUnknown, Field: prefix() + "moment",
		Message: fmt.Sprintf("location %s has no moment %q", location, moment)}}
}

// find returns the index of reservation id.
func (b Book) find(id string) (int, error) {
	for i, r := range b.Reservations {
		if r.ID == id {
			return i, nil
		}
	}
	return 0, plan.Problem{Code: CodeUnknown, Field: "reservation", Message: fmt.Sprintf("no reservation %q", id)}
}

// taken counts the approved reservations of a moment on a day.
func (b Book) taken(location, moment string, d plan.Date) int {
	n := 0
	for _, r := range b.Reservations {
		if r.State == StateApproved && r.Date == d && r.Moment == moment && r.Location == location {
			n++
		}
	}
	return n
}

// slot checks that a location, moment and day exist.
func (b Book) slot(location, moment string, d plan.Date) (Moment, error) {
	_, m, ps := b.lookup(location, moment, "", 0)
	if d.IsZero() {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "date", Message: "a day is needed"})
	}
	return m, ps.Err()
}

// Taken returns the number of approved reservations of a moment on a day:
// the places in use. An unknown location or moment, or no day, is an error.
func (b Book) Taken(location, moment string, d plan.Date) (int, error) {
	if _, err := b.slot(location, moment, d); err != nil {
		return 0, err
	}
	return b.taken(location, moment, d), nil
}

// Free returns the free places of a moment on a day. An unknown location
// or moment, or no day, is an error (not "no free place").
func (b Book) Free(location, moment string, d plan.Date) (int, error) {
	m, err := b.slot(location, moment, d)
	if err != nil {
		return 0, err
	}
	return max(0, m.Capacity-b.taken(location, moment, d)), nil
}

// nextIDDigits returns NextID in decimal, for reusable: the operations
// that create reservations check in their one pass over the book that
// NextID hands out no ID the book already holds. A negative NextID is an
// error.
func (b Book) nextIDDigits() (string, error) {
	if b.NextID < 0 {
		return "", plan.Problem{Code: plan.CodeInvalidValue, Field: "next_id", Message: fmt.Sprintf("next_id %d is negative", b.NextID)}
	}
	return strconv.Itoa(b.NextID), nil
}

// reusable reports whether id is "R<n>" (n in decimal, no leading zero)
// with n greater than the number whose decimal digits are t: an ID that
// NextID would hand out again. It costs a few byte comparisons.
func reusable(id, t string) bool {
	if len(id) < 2 || id[0] != 'R' || id[1] == '0' {
		return false
	}
	digits := id[1:]
	// Decimal digits without a leading zero: the longer number is greater,
	// and of two as long the later in byte order.
	if len(digits) < len(t) || len(digits) == len(t) && digits <= t {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}

// staleNextID is the problem of a NextID that would hand out an ID the
// book already holds.
func staleNextID(b Book, id string) plan.Problem {
	return plan.Problem{Code: plan.CodeInvalidValue, Field: "next_id",
		Message: fmt.Sprintf("next_id %d would reuse reservation ID %s: it must be at least the highest R-number in the book", b.NextID, id)}
}

// with returns a copy of b with reservation i replaced.
func (b Book) with(i int, r Reservation) Book {
	n := b
	n.Reservations = slices.Clone(b.Reservations)
	n.Reservations[i] = r
	return n
}

// newID returns the next reservation ID and advances NextID.
func (b *Book) newID() string {
	b.NextID++
	return "R" + strconv.Itoa(b.NextID)
}

func illegal(r Reservation, what, field string) error {
	return plan.Problem{Code: CodeIllegalTransition, Field: field, Date: r.Date,
		Message: fmt.Sprintf("cannot %s reservation %s: it is %s", what, r.ID, r.State)}
}

// Validate reports every problem of a book at once, for a book decoded
// from elsewhere: invalid or repeated locations; enrolments without a
// child, at an unknown location or with an invalid period; reservations
// without an ID or with a repeated one, at an unknown location or moment,
// without a day, with hours outside the moment or an unknown state; a
// child with two active reservations of one moment on one day; more
// approved reservations than places; a NextID that would reuse an ID. The
// operations check what they use; Validate checks everything.
func (b Book) Validate() error {
	var ps plan.Problems
	locs := make(map[string]int, len(b.Locations))
	for i, l := range b.Locations {
		f := fmt.Sprintf("locations[%d]", i)
		if err := l.Validate(); err != nil {
			ps = append(ps, prefixed(err, f)...)
		}
		if j, dup := locs[l.ID]; dup && l.ID != "" {
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f + ".id", Message: fmt.Sprintf("location id %q repeats locations[%d]", l.ID, j)})
		} else {
			locs[l.ID] = i
		}
	}
	for i, e := range b.Enrolments {
		f := func() string { return "enrolments[" + strconv.Itoa(i) + "]" } // built only for a problem
		if e.Child == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f() + ".child", Message: "an enrolment names a child"})
		}
		if _, ok := locs[e.Location]; !ok {
			ps = append(ps, plan.Problem{Code: CodeUnknown, Field: f() + ".location", Message: fmt.Sprintf("no location %q", e.Location)})
		}
		if err := e.Period.Validate(); err != nil {
			ps = append(ps, prefixed(err, f())...)
		}
	}
	type slotKey struct {
		location, moment string
		date             plan.Date
	}
	type childKey struct {
		slot  slotKey
		child string
	}
	ids := make(map[string]int, len(b.Reservations))
	approved := map[slotKey]int{}
	active := map[childKey]string{}
	next, err := b.nextIDDigits()
	if err != nil {
		ps = append(ps, plan.AsProblems(err)...)
	}
	for i, r := range b.Reservations {
		f := func() string { return "reservations[" + strconv.Itoa(i) + "]" }
		switch j, dup := ids[r.ID]; {
		case r.ID == "":
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f() + ".id", Message: "a reservation needs an id"})
		case dup:
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f() + ".id", Message: fmt.Sprintf("reservation id %q repeats reservations[%d]", r.ID, j)})
		default:
			ids[r.ID] = i
		}
		if next != "" && reusable(r.ID, next) {
			ps = append(ps, staleNextID(b, r.ID))
		}
		if r.Child == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f() + ".child", Message: "a reservation names a child"})
		}
		if !r.State.Valid() {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f() + ".state", Message: fmt.Sprintf("state %q is not requested, approved, refused or cancelled", r.State)})
		}
		_, m, lps := b.lookup(r.Location, r.Moment, "reservations", i)
		if lps.Has(CodeUnknown) {
			ps = append(ps, lps...)
			continue
		} // other problems of the moment are the location's, reported above
		if r.Date.IsZero() {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f() + ".date", Message: "a reservation needs a date"})
			continue
		}
		if hp, bad := hoursProblem(m, r.Date, r.Start, r.End, "hours"); bad {
			hp.Field = f() + ".hours"
			ps = append(ps, hp)
		}
		k := slotKey{r.Location, r.Moment, r.Date}
		if r.State == StateApproved {
			approved[k]++
			// Only approved reservations take a place, so they never
			// outnumber the places (after-school portal manual (seed 000),
			// "Online reserveren": a full day refuses).
			if approved[k] == m.Capacity+1 {
				ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f() + ".state", Date: r.Date,
					Message: fmt.Sprintf("%s on %s has more approved reservations than its %d places", m.ID, r.Date, m.Capacity)})
			}
		}
		if r.active() {
			ck := childKey{k, r.Child}
			if prev, dup := active[ck]; dup {
				ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f(), Date: r.Date,
					Message: fmt.Sprintf("%s already has %s on %s (reservation %s)", r.Child, m.ID, r.Date, prev)})
			} else {
				active[ck] = r.ID
			}
		}
	}
	return ps.Err()
}

// hoursProblem reports hours that are not a span within the moment's hours.
func hoursProblem(m Moment, d plan.Date, start, end plan.Clock, field string) (plan.Problem, bool) {
	if start.Valid() && end.Valid() && start < end && start >= m.Start && end <= m.End {
		return plan.Problem{}, false
	}
	return plan.Problem{Code: plan.CodeInvalidValue, Field: field, Date: d,
		Message: fmt.Sprintf("hours %s–%s are not within %s (%s–%s)", start, end, m.Name, m.Start, m.End)}, true
}
