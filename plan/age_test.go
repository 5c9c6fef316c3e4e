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
