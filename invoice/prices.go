package invoice

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Price is an amount in force from a day on. House-rule amounts "kunnen
// aangepast worden aan de levensduurte" (seed 004 §3.5.1): each change is a
// new Price with a later From.
type Price struct {
	From   plan.Date    `json:"from,omitzero"`
	Amount tariff.Money `json:"amount"`
}

// Prices is the history of one amount.
type Prices []Price

// Flat returns a history of one amount that applies to every day. It
// panics when amount is not an amount (see tariff.MustMoney): it is for
// literals.
func Flat(amount string) Prices {
	return Prices{{Amount: tariff.MustMoney(amount)}}
}

// On returns the amount in force on d: the Price with the latest From not
// after d. It is an error when none applies.
func (ps Prices) On(d plan.Date) (tariff.Money, error) {
	best := -1
	for i, p := range ps {
		if !p.From.After(d) && (best < 0 || p.From.After(ps[best].From)) {
			best = i
		}
	}
	if best < 0 {
		return tariff.Money{}, plan.Problem{Code: plan.CodeMissing, Field: "prices", Date: d, Message: fmt.Sprintf("no price in force on %s", d)}
	}
	return ps[best].Amount, nil
}

// MaxPriceCents bounds every house-rule price: at most 10,000.00 euro per
// unit (a half hour, a day, a km, a month). No extra cost comes near it; a
// price beyond it is a typing error.
const MaxPriceCents = 1_000_000

// validate reports negative amounts, amounts above MaxPriceCents and two
// prices from the same day.
func (ps Prices) validate(field string) plan.Problems {
	var out plan.Problems
	for i, p := range ps {
		if p.Amount.Sign() < 0 {
			out = append(out, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("%s[%d]", field, i), Message: fmt.Sprintf("amount %s is negative", p.Amount)})
		}
		if p.Amount.Cmp(tariff.Cents(MaxPriceCents)) > 0 {
			out = append(out, plan.Problem{Code: plan.CodeOutOfRange, Field: fmt.Sprintf("%s[%d]", field, i), Message: fmt.Sprintf("amount %s is above the largest price, %s", p.Amount, tariff.Cents(MaxPriceCents))})
		}
		for j := 0; j < i; j++ {
			if ps[j].From == p.From {
				out = append(out, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("%s[%d]", field, i), Date: p.From,
					Message: fmt.Sprintf("two prices from the same day (also %s[%d])", field, j)})
			}
		}
	}
	return out
}

// decimalOf parses a literal known to be valid.
func decimalOf(s string) decimal.Decimal { return decimal.RequireFromString(s) }
