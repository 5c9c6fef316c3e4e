package plan

import (
	"errors"
	"go/build"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func bxl(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, Brussels())
}

type span struct {
	date    string
	elapsed time.Duration
}

func spansOf(t *testing.T, s Session) []span {
	t.Helper()
	got, err := s.Split(nil)
	if err != nil {
		t.Fatalf("Split(%v): %v", s, err)
	}
	out := make([]span, len(got))
	for i, g := range got {
		out[i] = span{g.Date.String(), g.Elapsed()}
	}
	return out
}

// Sessions are split at midnight in real elapsed time; the DST switch days
// of Europe/Brussels have 23 and 25 hours (summer time from the last Sunday
// of March to the last Sunday of October, EU Directive 2000/84/EC, as the
// IANA time-zone database's Europe/Brussels records it).
func TestSessionSplit(t *testing.T) {
	tests := []struct {
		name string
		s    Session
		want []span
	}{
		{"one ordinary day", Session{bxl(2026, 3, 10, 7, 30), bxl(2026, 3, 10, 17, 45)},
			[]span{{"2026-03-10", 10*time.Hour + 15*time.Minute}}},
		{"a night split at midnight", Session{bxl(2025, 6, 10, 18, 0), bxl(2025, 6, 11, 7, 30)},
			[]span{{"2025-06-10", 6 * time.Hour}, {"2025-06-11", 7*time.Hour + 30*time.Minute}}},
		{"night into the 23-hour day (2025-03-30)", Session{bxl(2025, 3, 29, 20, 0), bxl(2025, 3, 30, 8, 0)},
			[]span{{"2025-03-29", 4 * time.Hour}, {"2025-03-30", 7 * time.Hour}}},
		{"night into the 25-hour day (2025-10-26)", Session{bxl(2025, 10, 25, 20, 0), bxl(2025, 10, 26, 8, 0)},
			[]span{{"2025-10-25", 4 * time.Hour}, {"2025-10-26", 9 * time.Hour}}},
		{"the whole 23-hour day of 2026-03-29", Session{bxl(2026, 3, 29, 0, 0), bxl(2026, 3, 30, 0, 0)},
			[]span{{"2026-03-29", 23 * time.Hour}}},
		{"the whole 25-hour day of 2027-10-31", Session{bxl(2027, 10, 31, 0, 0), bxl(2027, 11, 1, 0, 0)},
			[]span{{"2027-10-31", 25 * time.Hour}}},
		{"instants given in UTC still split on Brussels midnights", Session{time.Date(2026, 1, 5, 22, 0, 0, 0, time.UTC), time.Date(2026, 1, 6, 1, 0, 0, 0, time.UTC)},
			[]span{{"2026-01-05", 1 * time.Hour}, {"2026-01-06", 2 * time.Hour}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spansOf(t, tt.s)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("span %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSessionMinutesTruncate(t *testing.T) {
	s := Session{bxl(2026, 3, 10, 7, 0), bxl(2026, 3, 10, 17, 59).Add(59 * time.Second)}
	spans, err := s.Split(nil)
	if err != nil || len(spans) != 1 || spans[0].Minutes() != 10*60+59 {
		t.Fatalf("10h59m59s should be 659 minutes: %v %v", spans, err)
	}
}

func TestSessionErrors(t *testing.T) {
	in := bxl(2026, 3, 10, 9, 0)
	if _, err := (Session{In: in, Out: in.Add(-time.Minute)}).Split(nil); !errors.Is(err, CodeEndBeforeStart) {
		t.Errorf("end before start: %v", err)
	}
	if _, err := (Session{In: in, Out: in}).Split(nil); !errors.Is(err, CodeEndBeforeStart) {
		t.Errorf("empty session: %v", err)
	}
	if _, err := (Session{In: in}).Split(nil); !errors.Is(err, CodeMissing) {
		t.Errorf("no check-out: %v", err)
	}
	sessions := []Session{
		{bxl(2026, 3, 10, 7, 0), bxl(2026, 3, 10, 12, 0)},
		{bxl(2026, 3, 10, 15, 0), bxl(2026, 3, 10, 14, 0)},  // end before start
		{bxl(2026, 3, 10, 11, 0), bxl(2026, 3, 10, 13, 0)},  // overlaps 0
		{bxl(2026, 3, 10, 13, 0), bxl(2026, 3, 10, 16, 0)},  // touches 2: fine
		{bxl(2026, 3, 10, 15, 59), bxl(2026, 3, 10, 17, 0)}, // overlaps 3
	}
	ps := AsProblems(ValidateSessions(sessions))
	if len(ps) != 3 {
		t.Fatalf("want 3 problems (all at once), got %v", ps)
	}
	if ps[0].Code != CodeEndBeforeStart || ps[0].Field != "sessions[1].out" ||
		ps[1].Code != CodeOverlap || ps[1].Field != "sessions[2]" ||
		ps[2].Code != CodeOverlap || ps[2].Field != "sessions[4]" {
		t.Errorf("problems = %v", ps)
	}
	if ValidateSessions(sessions[3:4]) != nil || ValidateSessions(nil) != nil {
		t.Error("valid sessions must give a nil error")
	}
}

// Splitting conserves elapsed time exactly, and every span lies within its
// calendar day.
func TestSplitConserves(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSession().Draw(t, "s")
		spans, err := s.Split(nil)
		if err != nil {
			t.Fatal(err)
		}
		var sum time.Duration
		minutes := 0
		for i, sp := range spans {
			sum += sp.Elapsed()
			minutes += sp.Minutes()
			start, end := DayBounds(sp.Date, nil)
			if sp.Start.Before(start) || sp.End.After(end) || !sp.End.After(sp.Start) {
				t.Fatalf("span %d %v–%v outside day %v", i, sp.Start, sp.End, sp.Date)
			}
			if i > 0 && (spans[i-1].Date.AddDays(1) != sp.Date || !spans[i-1].End.Equal(sp.Start)) {
				t.Fatalf("spans %d and %d are not consecutive", i-1, i)
			}
			if got := s.Within(start, end); got != sp.Elapsed() {
				t.Fatalf("Within(day %v) = %v, span %v", sp.Date, got, sp.Elapsed())
			}
		}
		if sum != s.Elapsed() || minutes != int(s.Elapsed()/time.Minute) {
			t.Fatalf("spans sum to %v (%d min), session lasts %v", sum, minutes, s.Elapsed())
		}
	})
}

// Europe/Brussels loads when ZONEINFO points at nothing: the test binary
// re-runs itself with a broken ZONEINFO. (It cannot hide the system's own
// database; TestEmbedsTZData checks that the embedded copy stays.)
func TestBrusselsWithBrokenZONEINFO(t *testing.T) {
	if os.Getenv("REGELS_TZ_CHILD") == "1" {
		loc := Brussels()
		if loc == nil {
			t.Fatal("Brussels() = nil without system zoneinfo")
		}
		if _, off := time.Date(2026, 7, 1, 12, 0, 0, 0, loc).Zone(); off != 2*3600 {
			t.Fatalf("summer offset %d, want +2h", off)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestBrusselsWithBrokenZONEINFO$", "-test.count=1")
	cmd.Env = append(os.Environ(), "REGELS_TZ_CHILD=1", "ZONEINFO=/nonexistent/zoneinfo.zip")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

// The package embeds the time-zone database, so Europe/Brussels loads on a
// machine without one (time.LoadLocation falls back to it).
func TestEmbedsTZData(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pkg.Imports, "time/tzdata") {
		t.Fatalf("package plan must import time/tzdata; imports %v", pkg.Imports)
	}
}

// The index returns exactly the sessions that overlap a window.
func TestSessionIndex(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ss := rapid.SliceOfN(genSession(), 0, 20).Draw(t, "sessions")
		x := NewSessionIndex(ss)
		start := genSession().Draw(t, "window")
		got := x.Overlapping(start.In, start.Out)
		want := 0
		for _, s := range ss {
			if s.Overlaps(start) {
				want++
			}
		}
		n := 0
		for _, s := range got {
			if s.Overlaps(start) {
				n++
			}
		}
		if n != want {
			t.Fatalf("index finds %d overlapping sessions, there are %d", n, want)
		}
	})
}

// ValidateSessions accepts sessions exactly when each is well formed and no
// two overlap, whatever their order: the one-pass path for sessions in
// check-in order and the sorting path agree with a pairwise check.
func TestValidateSessionsPairwise(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := time.Date(2025, 3, 3, 7, 0, 0, 0, Brussels())
		n := rapid.IntRange(0, 8).Draw(t, "n")
		ss := make([]Session, n)
		for i := range ss {
			in := base.Add(time.Duration(rapid.IntRange(0, 48).Draw(t, "in")) * time.Hour)
			ss[i] = Session{In: in, Out: in.Add(time.Duration(rapid.IntRange(-1, 12).Draw(t, "hours")) * time.Hour)}
		}
		if rapid.Bool().Draw(t, "sorted") {
			slices.SortFunc(ss, func(a, b Session) int { return a.In.Compare(b.In) })
		}
		want := true
		for i, a := range ss {
			want = want && a.Out.After(a.In)
			for _, b := range ss[i+1:] {
				want = want && !(a.In.Before(b.Out) && b.In.Before(a.Out))
			}
		}
		if got := ValidateSessions(ss) == nil; got != want {
			t.Fatalf("ValidateSessions(%v) accepts %v, pairwise %v", ss, got, want)
		}
	})
}
