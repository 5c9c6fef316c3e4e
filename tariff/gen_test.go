package tariff

import (
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// genTariff draws a daily tariff from 0.01 to 60.00.
func genTariff() *rapid.Generator[Tariff] {
	return rapid.Custom(func(t *rapid.T) Tariff {
		tr, err := NewTariff(decimal.New(rapid.Int64Range(1, 6000).Draw(t, "cents"), -2))
		if err != nil {
			t.Fatal(err)
		}
		return tr
	})
}
