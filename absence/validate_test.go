package absence

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

func absent(from, to string) Absence {
	return Absence{Period: plan.Period{Start: d(from), End: d(to)}}
}

// A day is absent once: ValidateAbsences names every absence that shares a
// day with an earlier one (by start), and every invalid period.
func TestValidateAbsences(t *testing.T) {
	tests := []struct {
		name     string
		absences []Absence
		fields   []string
	}{
		{"none", nil, nil},
		{"apart", []Absence{absent("2025-05-05", "2025-05-06"), absent("2025-05-12", "2025-05-12")}, nil},
		{"adjacent", []Absence{absent("2025-05-05", "2025-05-06"), absent("2025-05-07", "2025-05-08")}, nil},
		{"the second inside the first", []Absence{absent("2025-05-01", "2025-05-10"), absent("2025-05-02", "2025-05-03")}, []string{"absences[1]"}},
		{"sharing the last day", []Absence{absent("2025-05-05", "2025-05-06"), absent("2025-05-06", "2025-05-08")}, []string{"absences[1]"}},
		// Two short absences inside a long one: each overlaps it, although
		// the second does not overlap the first short one.
		{"two inside a long one", []Absence{absent("2025-05-01", "2025-05-10"), absent("2025-05-02", "2025-05-03"), absent("2025-05-05", "2025-05-06")},
			[]string{"absences[1]", "absences[2]"}},
		{"given out of order", []Absence{absent("2025-05-12", "2025-05-13"), absent("2025-05-05", "2025-05-12")}, []string{"absences[1]"}},
		{"an end before its start", []Absence{absent("2025-05-06", "2025-05-05"), absent("2025-05-05", "2025-05-05")}, []string{"absences[0].period"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateAbsences(tt.absences)
			var fields []string
			for _, p := range plan.AsProblems(err) {
				fields = append(fields, p.Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("problem fields (-want +got):\n%s", diff)
			}
			if len(tt.fields) > 0 && tt.fields[0] != "absences[0].period" && !errors.Is(err, plan.CodeOverlap) {
				t.Errorf("want %s: %v", plan.CodeOverlap, err)
			}
		})
	}
}

// ValidateAbsences accepts absences exactly when no day is in two of them,
// checked pair by pair.
func TestValidateAbsencesProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 6).Draw(t, "n")
		as := make([]Absence, n)
		for i := range as {
			start := d("2025-05-01").AddDays(rapid.IntRange(0, 30).Draw(t, "start"))
			as[i] = Absence{Period: plan.Period{Start: start, End: start.AddDays(rapid.IntRange(0, 5).Draw(t, "len"))}}
		}
		overlap := false
		for i := range as {
			for j := range i {
				_, ok := as[i].Period.Intersect(as[j].Period)
				overlap = overlap || ok
			}
		}
		if err := ValidateAbsences(as); (err != nil) != overlap {
			t.Fatalf("overlap %v, error %v", overlap, err)
		}
	})
}
