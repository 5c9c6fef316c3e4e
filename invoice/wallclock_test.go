package invoice

import (
	"fmt"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
)

// onTheClock returns instant t as time.Now would give it: with a
// monotonic reading, here mono's. Two instants of time.Now whose wall
// clock was stepped between them disagree by their readings; the test
// makes such a pair by copying the reading (time.Time's ext, which holds
// it when the wall's top bit is set).
func onTheClock(t, mono time.Time) time.Time {
	type timeLayout struct {
		wall uint64
		ext  int64
		loc  *time.Location
	}
	if unsafe.Sizeof(time.Time{}) != unsafe.Sizeof(timeLayout{}) || !hasMonotonic(mono) {
		panic(fmt.Sprintf("time.Time is not laid out as this test expects (%d bytes; %v has no reading)", unsafe.Sizeof(time.Time{}), mono))
	}
	now := time.Now()
	r := now.Add(t.Sub(now)) // t's wall clock, with a reading
	(*timeLayout)(unsafe.Pointer(&r)).ext = (*timeLayout)(unsafe.Pointer(&mono)).ext
	return r // in time.Now's zone: In would strip the reading
}

// Sessions from time.Now carry a monotonic reading, which Sub and Before
// prefer to the wall clock; the billing counts the wall clock. A case
// bills by the wall clock alone, in its checks too: a session of 08:00–
// 17:00 whose readings say 30 hours is a session of 9 hours, and two
// sessions that overlap on the wall clock overlap, whatever their readings
// (found by review: one pass billed the first, the checks refused it; the
// second was billed as 8 hours of care). The caller's case is not changed.
func TestWallClockOnly(t *testing.T) {
	base := benchCase()
	want, err := Build(base)
	if err != nil {
		t.Fatal(err)
	}
	// Every session with a reading that agrees with its wall clock, and
	// the first with readings 30 hours apart.
	c := benchCase()
	now := time.Now()
	for i, s := range c.Children[0].Sessions {
		in := onTheClock(s.In, now.Add(s.In.Sub(now)))
		out := onTheClock(s.Out, now.Add(s.Out.Sub(now)))
		if i == 0 {
			out = onTheClock(s.Out, in.Add(30*time.Hour))
		}
		c.Children[0].Sessions[i] = plan.Session{In: in, Out: out}
	}
	if d := c.Children[0].Sessions[0].Out.Sub(c.Children[0].Sessions[0].In); d != 30*time.Hour {
		t.Fatalf("the test's readings: %s apart", d)
	}
	kept := append([]plan.Session(nil), c.Children[0].Sessions...)
	got, err := Build(c)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	om, err := NewOrganiserMonth(c.Month, c.Calendar, c.Rules, c.Amounts)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := om.Build(c.FamilyMonth())
	if err != nil {
		t.Fatalf("OrganiserMonth.Build: %v", err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Build with readings differs (-wall clock +readings):\n%s", d)
	}
	if d := cmp.Diff(want, shared); d != "" {
		t.Errorf("OrganiserMonth.Build with readings differs:\n%s", d)
	}
	for i, s := range c.Children[0].Sessions {
		if s != kept[i] || !hasMonotonic(s.In) {
			t.Fatalf("session %d of the caller's case changed: %v", i, s)
		}
	}

	// Two sessions that overlap on the wall clock, 08:00–12:00 and
	// 09:00–13:00, whose readings say the second starts after the first
	// ends.
	c = benchCase()
	s0 := c.Children[0].Sessions[0]
	day := s0.In.Add(-(7*time.Hour + 45*time.Minute)) // the day's midnight
	first := plan.Session{In: onTheClock(day.Add(8*time.Hour), now), Out: onTheClock(day.Add(12*time.Hour), now.Add(4*time.Hour))}
	second := plan.Session{In: onTheClock(day.Add(9*time.Hour), now.Add(5*time.Hour)), Out: onTheClock(day.Add(13*time.Hour), now.Add(9*time.Hour))}
	c.Children[0].Sessions = append([]plan.Session{first, second}, c.Children[0].Sessions[1:]...)
	if !second.In.After(first.Out) {
		t.Fatal("the test's readings do not put the second session after the first")
	}
	if _, err := Build(c); !plan.AsProblems(err).Has(plan.CodeOverlap) {
		t.Errorf("sessions overlapping on the wall clock: %v", err)
	}
	if err := c.Validate(); !plan.AsProblems(err).Has(plan.CodeOverlap) {
		t.Errorf("Validate: sessions overlapping on the wall clock: %v", err)
	}
}
