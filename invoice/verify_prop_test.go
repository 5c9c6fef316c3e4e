package invoice

import (
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// hasQuad reports whether a computed line has this child, kind, band and
// group: a line changed to it would be matched as that line at another
// price.
func hasQuad(inv Invoice, child string, kind LineKind, band tariff.Band, group tariff.AgeGroup) bool {
	return slices.ContainsFunc(inv.Lines, func(l Line) bool {
		return l.Child == child && l.Kind == kind && tariff.Band(l.Band) == band && tariff.AgeGroup(l.Group) == group
	})
}

// mutation is one change another program could make to a correct
// invoice, and the differences Verify must report for it.
type mutation struct {
	name string
	// apply changes x (a copy of ExternalOf(inv)) at line i and returns the
	// differences expected, or ok false when it does not apply to that line.
	apply func(t *rapid.T, inv Invoice, x *External, i int) (want []diffKey, ok bool)
	// perLine mutations are applied to every line; the others once.
	perLine bool
}

func sumLines(x External) tariff.Money {
	var s tariff.Money
	for _, l := range x.Lines {
		s, _ = s.Add(l.Amount)
	}
	return s
}

// totalChanged recomputes x's total from its lines and returns the total
// difference expected (none when the lines still add up to the computed
// total).
func totalChanged(inv Invoice, x *External) []diffKey {
	s := sumLines(*x)
	x.Total = &s
	if s == inv.Total {
		return nil
	}
	return []diffKey{{What: DiffTotal, Field: "total"}}
}

func mutations() []mutation {
	missingAndUnexpected := func(i int) []diffKey {
		return []diffKey{{What: DiffMissing, Computed: []int{i}}, {What: DiffUnexpected, External: []int{i}}}
	}
	return []mutation{
		{"count", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			l := &x.Lines[i]
			d := rapid.SampledFrom([]string{"1", "-1", "0.5", "2"}).Draw(t, "delta")
			l.Count = l.Count.Add(decimal.RequireFromString(d))
			l.Amount, _ = l.UnitPrice.Times(l.Count)
			return append([]diffKey{{DiffCount, "count", []int{i}, []int{i}}}, totalChanged(inv, x)...), true
		}, true},
		{"unit price", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			l := &x.Lines[i]
			u := l.UnitPrice
			for {
				u, _ = u.Add(tariff.Cents(int64(rapid.IntRange(1, 50).Draw(t, "cents"))))
				if !slices.ContainsFunc(inv.Lines, func(o Line) bool {
					return o.Child == l.Child && o.Kind == l.Kind && tariff.Band(o.Band) == l.Band && tariff.AgeGroup(o.Group) == l.Group && o.UnitPrice == u
				}) {
					break
				}
			}
			l.UnitPrice = u
			l.Amount, _ = u.Times(l.Count)
			return append([]diffKey{{DiffUnitPrice, "unit_price", []int{i}, []int{i}}}, totalChanged(inv, x)...), true
		}, true},
		{"amount", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			l := &x.Lines[i]
			l.Amount, _ = l.Amount.Add(tariff.Cents(int64(rapid.SampledFrom([]int{-1, 1, 100}).Draw(t, "cents"))))
			return append([]diffKey{{DiffArithmetic, "amount", []int{i}, []int{i}}}, totalChanged(inv, x)...), true
		}, true},
		{"kind", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			l := &x.Lines[i]
			var kinds []LineKind
			for _, k := range []LineKind{LineCare, LineUnjustified, LineLateNotice, LineNoticeFee, LineLatePickup, LineWasteFull, LineWastePart, LineHotMeal, LineAdmin, LineTransport} {
				if !hasQuad(inv, l.Child, k, l.Band, l.Group) {
					kinds = append(kinds, k)
				}
			}
			l.Kind = rapid.SampledFrom(kinds).Draw(t, "kind")
			return missingAndUnexpected(i), true
		}, true},
		{"band", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			l := &x.Lines[i]
			var bands []tariff.Band
			for _, b := range []tariff.Band{tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex} {
				if !hasQuad(inv, l.Child, l.Kind, b, l.Group) {
					bands = append(bands, b)
				}
			}
			l.Band = rapid.SampledFrom(bands).Draw(t, "band")
			return missingAndUnexpected(i), true
		}, true},
		{"group", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			l := &x.Lines[i]
			g := tariff.SchoolAge
			if l.Group == tariff.SchoolAge {
				g = tariff.BabyToddler
			}
			if hasQuad(inv, l.Child, l.Kind, l.Band, g) {
				return nil, false
			}
			l.Group = g
			return missingAndUnexpected(i), true
		}, true},
		{"child", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			x.Lines[i].Child = "Z-" + x.Lines[i].Child
			return missingAndUnexpected(i), true
		}, true},
		{"dropped", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			x.Lines = slices.Delete(x.Lines, i, i+1)
			return append([]diffKey{{What: DiffMissing, Computed: []int{i}}}, totalChanged(inv, x)...), true
		}, true},
		{"duplicated", func(t *rapid.T, inv Invoice, x *External, i int) ([]diffKey, bool) {
			x.Lines = append(x.Lines, x.Lines[i])
			return append([]diffKey{{DiffDuplicate, "", []int{len(x.Lines) - 1, i}, []int{i}}}, totalChanged(inv, x)...), true
		}, true},
		{"added", func(t *rapid.T, inv Invoice, x *External, _ int) ([]diffKey, bool) {
			x.Lines = append(x.Lines, ExternalLine{Child: "Z-NEW", Kind: LineHotMeal, Count: decimal.NewFromInt(1), UnitPrice: tariff.MustMoney("3.00"), Amount: tariff.MustMoney("3.00")})
			return append([]diffKey{{What: DiffUnexpected, External: []int{len(x.Lines) - 1}}}, totalChanged(inv, x)...), true
		}, false},
		{"total", func(t *rapid.T, inv Invoice, x *External, _ int) ([]diffKey, bool) {
			wrong, _ := x.Total.Add(tariff.Cents(int64(rapid.SampledFrom([]int{-1, 1, 1000}).Draw(t, "cents"))))
			x.Total = &wrong
			return []diffKey{{What: DiffArithmetic, Field: "total"}, {What: DiffTotal, Field: "total"}}, true
		}, false},
		{"no total", func(t *rapid.T, inv Invoice, x *External, _ int) ([]diffKey, bool) {
			x.Total = nil
			return []diffKey{{What: DiffTotal, Field: "total"}}, true
		}, false},
		{"number", func(t *rapid.T, inv Invoice, x *External, _ int) ([]diffKey, bool) {
			x.Number += "-1"
			return []diffKey{{What: DiffHeader, Field: "number"}}, true
		}, false},
		{"month", func(t *rapid.T, inv Invoice, x *External, _ int) ([]diffKey, bool) {
			x.Month = x.Month.Add(rapid.SampledFrom([]int{-1, 1}).Draw(t, "months"))
			return []diffKey{{What: DiffHeader, Field: "month"}}, true
		}, false},
		{"family", func(t *rapid.T, inv Invoice, x *External, _ int) ([]diffKey, bool) {
			x.Family = "F-other"
			return []diffKey{{What: DiffHeader, Field: "family"}}, true
		}, false},
		{"due date", func(t *rapid.T, inv Invoice, x *External, _ int) ([]diffKey, bool) {
			x.DueDate = x.DueDate.AddDays(1)
			return []diffKey{{What: DiffHeader, Field: "due_date"}}, true
		}, false},
	}
}

// Every single change another program could make to a correct invoice —
// a count, unit price, amount, kind, band, group or child changed; a line
// dropped, duplicated or added; the total, number, month, family or due
// date changed — is reported with its kind on its line, and nothing else
// is; the correct invoice with its lines reordered and split in parts
// gives no difference. Source: seed 004 §3.6, every cost with its count
// and amount. More than 1000 checks a run (one per mutation and line).
func TestVerifyMutations(t *testing.T) {
	var checks atomic.Int64
	start := time.Now()
	ms := mutations()
	rapid.Check(t, func(rt *rapid.T) {
		c := genCase(rt)
		if rapid.IntRange(0, 9).Draw(rt, "sample") == 0 {
			c = SampleCase() // two children, a family line
		}
		inv, err := Build(c)
		if err != nil {
			rt.Fatal(err)
		}
		check := func(name string, x External, want []diffKey) {
			ds := Verify(inv, x)
			if diff := cmp.Diff(want, keys(ds)); diff != "" {
				rt.Fatalf("%s (-want +got):\n%s\n%s", name, diff, DifferencesText(ds))
			}
			checks.Add(1)
		}
		check("unchanged", ExternalOf(inv), nil)
		for _, m := range ms {
			n := 1
			if m.perLine {
				n = len(inv.Lines)
			}
			for i := 0; i < n; i++ {
				x := ExternalOf(inv)
				if want, ok := m.apply(rt, inv, &x, i); ok {
					check(m.name, x, want)
				}
			}
		}
		// Reordered, and split: no difference.
		x := ExternalOf(inv)
		for k := 0; k < len(x.Lines); k++ {
			l := x.Lines[k]
			if !l.Count.IsInteger() || l.Count.IntPart() < 2 || !rapid.Bool().Draw(rt, "split") {
				continue
			}
			a, b := l, l
			a.Count = decimal.NewFromInt(int64(rapid.IntRange(1, int(l.Count.IntPart())-1).Draw(rt, "part")))
			b.Count = l.Count.Sub(a.Count)
			a.Amount, _ = a.UnitPrice.Times(a.Count)
			b.Amount, _ = b.UnitPrice.Times(b.Count)
			if s, _ := a.Amount.Add(b.Amount); s != l.Amount {
				continue // a sub-cent unit price: parts round apart (DiffAmount)
			}
			x.Lines[k] = a
			x.Lines = append(x.Lines, b)
		}
		perm := rapid.Permutation(x.Lines).Draw(rt, "order")
		x.Lines = perm
		check("reordered and split", x, nil)
	})
	n := checks.Load()
	t.Logf("%d checks in %v", n, time.Since(start).Round(time.Millisecond))
	if n < 1000 && !testing.Short() {
		t.Errorf("only %d checks: the property runs at least 1000", n)
	}
}
