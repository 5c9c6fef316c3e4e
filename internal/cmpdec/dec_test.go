package cmpdec

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// Cmp and Int agree with decimal's Cmp on every pair, small or large.
func TestCmpMatchesDecimal(t *testing.T) {
	gen := rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(-1<<62, 1<<62).Draw(t, "c")/int64(rapid.SampledFrom([]int{1, 1000, 1_000_000_000_000}).Draw(t, "scale")),
			int32(rapid.IntRange(-20, 20).Draw(t, "e")))
	})
	rapid.Check(t, func(t *rapid.T) {
		a, b := gen.Draw(t, "a"), gen.Draw(t, "b")
		if got, want := Cmp(a, b), a.Cmp(b); got != want {
			t.Fatalf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
		}
		n := rapid.Int64Range(-1_000_000, 1_000_000).Draw(t, "n")
		if got, want := Int(a, n), a.Cmp(decimal.NewFromInt(n)); got != want {
			t.Fatalf("Int(%s, %d) = %d, want %d", a, n, got, want)
		}
	})
}

func TestCmpDoesNotAllocate(t *testing.T) {
	a, b := decimal.New(6, -1), decimal.NewFromInt(1)
	if n := testing.AllocsPerRun(100, func() { _ = Cmp(a, b); _ = Int(a, 10) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
