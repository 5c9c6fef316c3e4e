package invoice

import (
	"testing"

	"github.com/kinderopvang/regels/tariff"
)

func mustBuild(t *testing.T, name string) Invoice {
	t.Helper()
	s, err := ScenarioByName(name)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := Build(s.Case)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

// sub is a − b for amounts known to be in range.
func sub(a, b tariff.Money) tariff.Money {
	d, err := a.Sub(b)
	if err != nil {
		panic(err)
	}
	return d
}
