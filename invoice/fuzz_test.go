package invoice

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzCase decodes a case from JSON and builds its invoice: an error, or an
// invoice whose total is the sum of its lines — never a panic.
//
// Its seeds are small (one scenario, and a case of a few hundred bytes):
// large seeds make the fuzzer spend its time minimising.
func FuzzCase(f *testing.F) {
	s, _ := ScenarioByName("ill_sent_home")
	b, err := json.Marshal(s.Case)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"month":"2025-03","children":[{"plans":[{"kind":"regular","start":"2025-03-01"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCaseBytes(data)
		if err != nil {
			return
		}
		for _, ch := range c.Children {
			if len(ch.Sessions) > 400 || len(ch.Absences) > 60 || len(ch.Plans) > 4 || len(ch.Attests.Attests) > 10 || len(ch.Trips) > 60 {
				return
			}
		}
		if len(c.Children) > 6 {
			return
		}
		inv, err := Build(c)
		if err != nil {
			return
		}
		sum := decimal.Zero
		for _, l := range inv.Lines {
			sum = sum.Add(l.Amount.Decimal())
		}
		if !sum.Equal(inv.Total.Decimal()) {
			t.Fatalf("total %s, lines %s", inv.Total, sum)
		}
		_ = inv.Text()
		_ = inv.Trace()
		if d := Verify(inv, ExternalOf(inv)); len(d) != 0 {
			t.Fatalf("invoice does not verify against itself: %+v", d)
		}
	})
}
