package monthend

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/invoice"
	"pgregory.net/rapid"
)

// For any mix of good and bad families and any number of workers: every
// family appears exactly once, in the input's order, billed or with
// problems; the summary's total is the sum of the invoices' totals and its
// days the sum of their days per band; each invoice is invoice.Build's.
func TestPropertySummaryAddsUp(t *testing.T) {
	pool := SampleCases(42)
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 12).Draw(t, "families")
		in := make([]Case, n)
		spoilt := make([]bool, n)
		for i := range in {
			c := pool[rapid.IntRange(0, len(pool)-1).Draw(t, "case")]
			c.Number = c.Number + "-" + itoa(i) // distinct numbers
			in[i] = Case{Source: "f" + itoa(i), Case: c}
			spoilt[i] = true
			switch rapid.IntRange(0, 9).Draw(t, "spoil") {
			case 0:
				in[i].Case.Family.ID = ""
			case 1:
				in[i].Case.Rules.Name = "other"
			case 2:
				in[i] = ReadCase(in[i].Source, []byte("{"))
			case 3:
				in[i].Case.Number = in[0].Case.Number
				spoilt[i] = i > 0 && len(in[0].Problems) == 0
			default:
				spoilt[i] = false
			}
		}
		res := Run(SampleOrganiser(), in, Options{Workers: rapid.IntRange(0, 5).Draw(t, "workers")})
		checkAddsUp(t, in, res)
		for i, f := range res.Families {
			if f.Billed == spoilt[i] {
				t.Fatalf("families[%d]: billed %v, spoilt %v: %v", i, f.Billed, spoilt[i], f.Problems)
			}
			if !f.Billed {
				continue
			}
			want, err := invoice.Build(in[i].Case)
			if err != nil {
				t.Fatal(err)
			}
			if !cmp.Equal(want, f.Invoice, cmpopts.EquateEmpty()) {
				t.Fatalf("families[%d]: not Build's invoice:\n%s", i, cmp.Diff(want, f.Invoice, cmpopts.EquateEmpty()))
			}
		}
	})
}
