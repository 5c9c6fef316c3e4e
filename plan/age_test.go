package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestMilestones(t *testing.T) {
	got := MilestonesOf(MustParseDate("2021-08-31"))
	want := Milestones{
		Birth:          MustParseDate("2021-08-31"),
		ThreeAndAHalf:  MustParseDate("2025-02-28"), // no 31 February
		Six:            MustParseDate("2027-08-31"),
		Nine:           MustParseDate("2030-08-31"),
		Twelve:         MustParseDate("2033-08-31"),
		Fourteen:       MustParseDate("2035-08-31"),
		AfterSchoolEnd: MustParseDate("2033-08-31"), // seed 000
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	leap := MilestonesOf(MustParseDate("2020-02-29"))
	if leap.ThreeAndAHalf != MustParseDate("2023-08-29") || leap.Six != MustParseDate("2026-02-28") {
		t.Errorf("born 29 February: %+v", leap)
	}
	if (MilestonesOf(Date{})) != (Milestones{}) {
		t.Error("no birth date, no milestones")
	}
}

// The age in months reaches n exactly on MonthsOld(birth, n).
func TestAgeInMonths(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		birth := genNearDate().Draw(t, "birth").AddDays(-3000)
		n := rapid.IntRange(1, 200).Draw(t, "n")
		day := MonthsOld(birth, n)
		if got := AgeInMonths(birth, day); got != n {
			t.Fatalf("born %v: on %v age %d months, want %d", birth, day, got, n)
		}
		if got := AgeInMonths(birth, day.AddDays(-1)); got != n-1 && !(MonthsOld(birth, n-1) == day) {
			t.Fatalf("born %v: the day before %v age %d months, want %d", birth, day, got, n-1)
		}
	})
}

// AgeInMonths is the number of whole months completed: the largest n with
// AddMonths(birth, n) not after the day, before birth too.
func TestAgeInMonthsTable(t *testing.T) {
	d := MustParseDate
	tests := []struct {
		birth, on string
		want      int
	}{
		{"2021-08-31", "2025-02-27", 41},
		{"2021-08-31", "2025-02-28", 42}, // 3.5 years on the last day of February (seed 004 §3.1)
		{"2021-08-31", "2025-03-30", 42},
		{"2021-08-31", "2025-03-31", 43},
		{"2021-08-15", "2021-08-15", 0},
		{"2021-08-15", "2021-09-14", 0},
		{"2021-08-15", "2021-09-15", 1},
		{"2021-08-15", "2021-08-14", -1}, // the day before birth
		{"2021-08-15", "2021-08-01", -1},
		{"2021-08-15", "2021-07-15", -1},
		{"2021-08-15", "2021-07-14", -2},
		{"2021-08-15", "2020-08-15", -12},
		{"0001-01-01", "9999-12-31", 9999*12 - 1},
	}
	for _, tt := range tests {
		if got := AgeInMonths(d(tt.birth), d(tt.on)); got != tt.want {
			t.Errorf("AgeInMonths(%s, %s) = %d, want %d", tt.birth, tt.on, got, tt.want)
		}
	}
	if AgeInMonths(Date{}, d("2026-01-01")) != 0 || AgeInMonths(d("2026-01-01"), Date{}) != 0 {
		t.Error("no date, no age")
	}
}

func TestAgeInMonthsMatchesCounting(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		birth := genNearDate().Draw(t, "birth")
		on := birth.AddDays(rapid.IntRange(-800, 6000).Draw(t, "days"))
		if got, want := AgeInMonths(birth, on), naiveAgeInMonths(birth, on); got != want {
			t.Fatalf("AgeInMonths(%v, %v) = %d, counting %d", birth, on, got, want)
		}
	})
}
