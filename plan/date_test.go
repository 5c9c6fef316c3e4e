package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"2025-03-30", MustDate(2025, time.March, 30), false},
		{"2024-02-29", MustDate(2024, time.February, 29), false}, // leap year
		{"2000-02-29", MustDate(2000, time.February, 29), false}, // divisible by 400
		{"0001-01-01", MustDate(1, time.January, 1), false},
		{"9999-12-31", MustDate(9999, time.December, 31), false},
		{"2025-02-29", Date{}, true}, // not a leap year
		{"1900-02-29", Date{}, true}, // divisible by 100, not 400
		{"2025-04-31", Date{}, true}, // April has 30 days: never normalised into May
		{"2025-13-01", Date{}, true},
		{"2025-00-10", Date{}, true},
		{"0000-01-01", Date{}, true},
		{"2025-1-01", Date{}, true},
		{"2025/01/01", Date{}, true},
		{" 2025-01-01", Date{}, true},
		{"+025-01-01", Date{}, true},
		{"", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil && !errors.Is(err, CodeInvalidDate) {
			t.Errorf("ParseDate(%q) error %v is not CodeInvalidDate", tt.in, err)
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestZeroDate(t *testing.T) {
	var d Date
	if !d.IsZero() || d.String() != "" || d.Year() != 0 || !d.AddDays(5).IsZero() || !d.In(time.UTC).IsZero() {
		t.Fatalf("zero Date misbehaves: %q %d", d.String(), d.Year())
	}
	b, err := json.Marshal(struct {
		D Date `json:"d"`
	}{})
	if err != nil || string(b) != `{"d":""}` {
		t.Fatalf("zero Date marshals to %s, %v", b, err)
	}
}

// Must functions panic on a bad literal, like netip.MustParseAddr; they
// never return a zero value silently (MustParseDate("2026-11-31") would
// otherwise give an open-ended plan).
func TestMustPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"MustDate":      func() { MustDate(2025, time.February, 30) },
		"MustParseDate": func() { MustParseDate("2026-11-31") },
		"MustMonth":     func() { MustMonth(2025, 13) },
		"MustClock":     func() { MustClock("24:30") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic on a bad literal", name)
				}
			}()
			f()
		}()
	}
	if d := MustParseDate("2026-11-30"); d.String() != "2026-11-30" {
		t.Errorf("MustParseDate of a good literal: %s", d)
	}
}

func TestWeekdayAndDaysUntil(t *testing.T) {
	tests := []struct {
		d    Date
		want time.Weekday
	}{
		{MustDate(1970, 1, 1), time.Thursday},
		{MustDate(2025, 3, 30), time.Sunday}, // DST switch
		{MustDate(2026, 11, 22), time.Sunday},
		{MustDate(1, 1, 1), time.Monday},
		{MustDate(2027, 5, 1), time.Saturday}, // Dag van de Arbeid on a Saturday
	}
	for _, tt := range tests {
		if got := tt.d.Weekday(); got != tt.want {
			t.Errorf("%v.Weekday() = %v, want %v", tt.d, got, tt.want)
		}
	}
	if n := MustDate(2025, 3, 1).DaysUntil(MustDate(2025, 4, 1)); n != 31 {
		t.Errorf("1 March to 1 April 2025 = %d days, want 31 (no DST drift)", n)
	}
	if !MustDate(9999, 12, 31).AddDays(1).IsZero() || !MustDate(1, 1, 1).AddDays(-1).IsZero() {
		t.Error("AddDays beyond the range must give the zero Date")
	}
}

// The day arithmetic agrees with the standard library on every date.
func TestDateMatchesTimePackage(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		y, m, dd := d.Civil()
		tm := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
		if got := DateOf(tm); got != d {
			t.Fatalf("DateOf(%v) = %v, want %v", tm, got, d)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%v weekday %v, time says %v", d, d.Weekday(), tm.Weekday())
		}
		n := rapid.IntRange(-1000, 1000).Draw(t, "n")
		if e := d.AddDays(n); !e.IsZero() {
			if want := DateOf(tm.AddDate(0, 0, n)); e != want {
				t.Fatalf("%v + %d = %v, time says %v", d, n, e, want)
			}
		}
	})
}

func TestAddDaysInverse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genNearDate().Draw(t, "d")
		n := rapid.IntRange(-100000, 100000).Draw(t, "n")
		e := d.AddDays(n)
		if e.IsZero() {
			t.Skip("out of range")
		}
		if back := e.AddDays(-n); back != d {
			t.Fatalf("%v + %d - %d = %v", d, n, n, back)
		}
		if d.DaysUntil(e) != n {
			t.Fatalf("DaysUntil(%v, %v) = %d, want %d", d, e, d.DaysUntil(e), n)
		}
	})
}

func TestDateTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		got, err := ParseDate(d.String())
		if err != nil || got != d {
			t.Fatalf("ParseDate(%q) = %v, %v", d.String(), got, err)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Fatalf("JSON %s came back as %v, %v", b, back, err)
		}
	})
}

func TestMonth(t *testing.T) {
	m, err := ParseMonth("2024-02")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Period{MustDate(2024, 2, 1), MustDate(2024, 2, 29)}, m.Days()); diff != "" {
		t.Errorf("February 2024 (-want +got):\n%s", diff)
	}
	if got := m.Add(11).String(); got != "2025-01" {
		t.Errorf("2024-02 + 11 = %s", got)
	}
	if got := m.Add(-2).String(); got != "2023-12" {
		t.Errorf("2024-02 - 2 = %s", got)
	}
	for _, bad := range []string{"2024-13", "2024-2", "24-02", "2024-00", ""} {
		if _, err := ParseMonth(bad); !errors.Is(err, CodeInvalidMonth) {
			t.Errorf("ParseMonth(%q) error %v", bad, err)
		}
	}
	if !MustMonth(9999, 12).Add(1).IsZero() {
		t.Error("month past 9999-12 must be zero")
	}
	rapid.Check(t, func(t *rapid.T) {
		d := genDate().Draw(t, "d")
		m := d.MonthOf()
		if !m.Days().Contains(d) {
			t.Fatalf("%v not in its month %v", d, m)
		}
		back, err := ParseMonth(m.String())
		if err != nil || back != m {
			t.Fatalf("month %v round trip: %v, %v", m, back, err)
		}
	})
}

// appendInt zero-pads to a width and never cuts digits.
func TestAppendInt(t *testing.T) {
	for _, tt := range []struct {
		n, width int
		want     string
	}{
		{0, 1, "0"}, {9, 1, "9"}, {10, 1, "10"}, {11, 1, "11"}, {100, 1, "100"}, {7, 2, "07"}, {10, 2, "10"}, {99, 2, "99"},
		{24, 2, "24"}, {1, 4, "0001"}, {10, 4, "0010"}, {999, 4, "0999"}, {9999, 4, "9999"}, {12345, 4, "12345"},
	} {
		if got := string(appendInt([]byte("x"), tt.n, tt.width)); got != "x"+tt.want {
			t.Errorf("appendInt(%d, %d) = %q, want %q", tt.n, tt.width, got, "x"+tt.want)
		}
	}
}

// The day arithmetic at the ends of each 400-year era of the Gregorian
// calendar (its days are counted from 1 March, so an era ends on
// 29 February of a year divisible by 400) and at the ends of the range.
func TestCivilDaysAtEraEnds(t *testing.T) {
	for _, s := range []string{"0400-02-29", "0400-03-01", "1600-02-29", "1600-03-01", "2000-02-28", "2000-02-29", "2000-03-01",
		"1900-02-28", "1900-03-01", "2100-02-28", "2100-03-01", "2400-02-29", "2400-03-01", "0001-01-01", "0001-03-01", "9999-12-31",
		"0004-02-29", "0100-02-28", "0100-03-01", "1999-12-31", "2000-01-01", "2000-12-31"} {
		d := MustParseDate(s)
		y, m, dd := d.Civil()
		tm := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
		if d.String() != s || tm.Format("2006-01-02") != s || DateOf(tm) != d {
			t.Errorf("%s: Civil %d-%d-%d, String %q, DateOf %v", s, y, m, dd, d.String(), DateOf(tm))
		}
		if want := int(tm.Unix()/86400) + unixOffset; int(d.n) != want {
			t.Errorf("%s: day number %d, want %d", s, d.n, want)
		}
		if next := d.AddDays(1); !next.IsZero() && next.String() != tm.AddDate(0, 0, 1).Format("2006-01-02") {
			t.Errorf("%s + 1 day = %v", s, next)
		}
	}
}

// Months run from 0001-01 to 9999-12; Add leaves the range to the zero
// Month, never to a year 0 or 10000.
func TestMonthAddAtTheEdges(t *testing.T) {
	first, last := MustMonth(1, time.January), MustMonth(9999, time.December)
	tests := []struct {
		m    Month
		n    int
		want string
	}{
		{first, 0, "0001-01"}, {first, 1, "0001-02"}, {first, 11, "0001-12"}, {first, 12, "0002-01"},
		{first, -1, ""}, {first, -12, ""}, {first, -13, ""},
		{last, 0, "9999-12"}, {last, -1, "9999-11"}, {last, -11, "9999-01"}, {last, 1, ""}, {last, 12, ""},
		{MustMonth(9999, time.November), 1, "9999-12"}, {MustMonth(9998, time.December), 12, "9999-12"},
		{first, 9999*12 - 1, "9999-12"}, {first, 9999 * 12, ""}, {last, -(9999*12 - 1), "0001-01"}, {last, -9999 * 12, ""},
		{MustMonth(2026, time.March), 1 << 40, ""}, {Month{}, 1, ""},
	}
	for _, tt := range tests {
		got := tt.m.Add(tt.n)
		if got.String() != tt.want || got.IsZero() != (tt.want == "") {
			t.Errorf("%v.Add(%d) = %q (year %d), want %q", tt.m, tt.n, got.String(), got.Year(), tt.want)
		}
	}
	if first.First() != MustParseDate("0001-01-01") || last.Last() != MustParseDate("9999-12-31") {
		t.Errorf("first and last days: %v %v", first.First(), last.Last())
	}
	if !(Month{}).First().IsZero() || !(Month{}).Last().IsZero() || (Month{}).Year() != 0 || (Month{}).Month() != 0 {
		t.Error("the zero Month has no days")
	}
	if first.Compare(last) != -1 || last.Compare(first) != 1 || first.Compare(first) != 0 || !first.Equal(MustMonth(1, 1)) || first.Equal(last) {
		t.Error("Compare and Equal")
	}
	var m Month
	if err := m.UnmarshalText([]byte("2026-03")); err != nil || m != MustMonth(2026, 3) {
		t.Errorf("UnmarshalText: %v, %v", m, err)
	}
	if err := m.UnmarshalText(nil); err != nil || !m.IsZero() {
		t.Errorf("UnmarshalText of nothing: %v, %v", m, err)
	}
	if err := m.UnmarshalText([]byte("2026-3")); err == nil {
		t.Error("UnmarshalText of 2026-3")
	}
}

// A Problem reads "field: message [code; rule (source)]", leaving out what
// it does not have.
func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Code: CodeMissing, Field: "start", Message: "a plan needs a start date"}, "start: a plan needs a start date [missing]"},
		{Problem{Code: CodeMissing, Message: "no field"}, "no field [missing]"},
		{Problem{Code: CodeTooLong, Field: "end", Message: "too long", Rule: Rule{ID: RuleTemporaryLength, Source: "seed 004"}},
			"end: too long [too_long; plan.temporary.length (seed 004)]"},
		{Problem{Code: CodeTooLong, Field: "end", Message: "too long", Rule: Rule{ID: RuleTemporaryLength}}, "end: too long [too_long; plan.temporary.length]"},
		{Problem{Code: CodeTooLong, Message: "m", Rule: Rule{Source: "only a source"}}, "m [too_long]"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	ps := Problems{tests[0].p, tests[1].p}
	if got := ps.Error(); got != tests[0].want+"\n"+tests[1].want {
		t.Errorf("Problems.Error() = %q", got)
	}
	if !ps.Has(CodeMissing) || ps.Has(CodeTooLong) || (Problems{}).Err() != nil || ps.Err() == nil {
		t.Error("Has and Err")
	}
	if len(ps.Unwrap()) != 2 || AsProblems(nil) != nil || AsProblems(errors.New("x")) != nil || len(AsProblems(tests[2].p)) != 1 {
		t.Error("Unwrap and AsProblems")
	}
	if got := AsProblems(fmt.Errorf("wrapped: %w", ps)); len(got) != 2 {
		t.Errorf("AsProblems of a wrapped Problems: %v", got)
	}
	if (Rule{ID: "x"}).String() != "x" || (Rule{ID: "x", Source: "s"}).String() != "x (s)" {
		t.Error("Rule.String")
	}
}

func TestDateCompare(t *testing.T) {
	a, b := MustParseDate("2026-03-09"), MustParseDate("2026-03-10")
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || (Date{}).Compare(a) != -1 || a.Compare(Date{}) != 1 {
		t.Error("Compare")
	}
	if !a.Before(b) || a.Before(a) || !b.After(a) || b.After(b) || !a.Equal(a) || a.Equal(b) {
		t.Error("Before, After, Equal")
	}
	if a.DaysUntil(b) != 1 || b.DaysUntil(a) != -1 || a.MonthOf() != MustMonth(2026, 3) || !(Date{}).MonthOf().IsZero() {
		t.Error("DaysUntil, MonthOf")
	}
}
