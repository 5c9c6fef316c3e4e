package invoice

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// External is an invoice made by other software, to verify: its lines
// and/or its total. Lines are matched to the computed ones by child, kind
// and unit price (and band and group for care).
type External struct {
	Number string         `json:"number,omitempty"`
	Lines  []ExternalLine `json:"lines,omitempty"`
	// Total is the invoice total; nil when only lines are given.
	Total *tariff.Money `json:"total,omitempty"`
}

// ExternalLine is one line of an external invoice.
type ExternalLine struct {
	Child     string          `json:"child,omitempty"`
	Kind      LineKind        `json:"kind"`
	Band      string          `json:"band,omitempty"`
	Group     string          `json:"group,omitempty"`
	Count     decimal.Decimal `json:"count"`
	UnitPrice tariff.Money    `json:"unit_price"`
	Amount    tariff.Money    `json:"amount"`
}

// Difference is one way an external invoice differs from the computed one,
// with the rule behind the expected value.
type Difference struct {
	// What is "missing" (a computed line absent), "unexpected" (an external
	// line not computed), "count", "amount", "arithmetic" or "total".
	What     string          `json:"what"`
	Child    string          `json:"child,omitempty"`
	Kind     LineKind        `json:"kind,omitempty"`
	Expected decimal.Decimal `json:"expected"`
	Got      decimal.Decimal `json:"got"`
	Rule     plan.Rule       `json:"rule,omitzero"`
	Message  string          `json:"message"`
}

func matchKey(child string, kind LineKind, band, group string, unit tariff.Money) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s", child, kind, band, group, unit)
}

// Verify compares an external invoice with the computed one and lists
// every difference: lines missing or unexpected, counts and amounts that
// differ, external lines whose amount is not count × unit price, and the
// total. No differences means the external invoice is right.
func Verify(computed Invoice, ext External) []Difference {
	var out []Difference
	expected := map[string][]Line{}
	var order []string
	for _, l := range computed.Lines {
		k := matchKey(l.Child, l.Kind, l.Band, l.Group, l.UnitPrice)
		if _, ok := expected[k]; !ok {
			order = append(order, k)
		}
		expected[k] = append(expected[k], l)
	}
	seen := map[string]bool{}
	for _, x := range ext.Lines {
		if want, err := x.UnitPrice.Times(x.Count); err != nil || !want.Equal(x.Amount) {
			out = append(out, Difference{What: "arithmetic", Child: x.Child, Kind: x.Kind, Expected: want.Decimal(), Got: x.Amount.Decimal(),
				Rule:    plan.Rule{ID: "invoice.line_arithmetic", Source: srcCareTariff},
				Message: fmt.Sprintf("%s line: %s × %s is %s, not %s", x.Kind, x.Count, x.UnitPrice, want, x.Amount)})
		}
		k := matchKey(x.Child, x.Kind, x.Band, x.Group, x.UnitPrice)
		ls, ok := expected[k]
		if !ok {
			out = append(out, Difference{What: "unexpected", Child: x.Child, Kind: x.Kind, Got: x.Amount.Decimal(),
				Message: fmt.Sprintf("line %s %s at %s is not on the computed invoice", x.Kind, x.Band, x.UnitPrice)})
			continue
		}
		seen[k] = true
		l := ls[0]
		count, amount := decimal.Zero, tariff.Money{}
		for _, e := range ls {
			count = count.Add(e.Count)
			amount, _ = amount.Add(e.Amount) // computed lines: in range
		}
		if !count.Equal(x.Count) {
			out = append(out, Difference{What: "count", Child: x.Child, Kind: x.Kind, Expected: count, Got: x.Count, Rule: l.Rule,
				Message: fmt.Sprintf("%s: %s expected, %s invoiced (%s)", l.LabelEN, count, x.Count, l.Rule)})
		}
		if !amount.Equal(x.Amount) {
			out = append(out, Difference{What: "amount", Child: x.Child, Kind: x.Kind, Expected: amount.Decimal(), Got: x.Amount.Decimal(), Rule: l.Rule,
				Message: fmt.Sprintf("%s: %s expected, %s invoiced (%s)", l.LabelEN, amount, x.Amount, l.Rule)})
		}
	}
	if len(ext.Lines) > 0 {
		for _, k := range order {
			if !seen[k] {
				l := expected[k][0]
				out = append(out, Difference{What: "missing", Child: l.Child, Kind: l.Kind, Expected: l.Amount.Decimal(), Rule: l.Rule,
					Message: fmt.Sprintf("%s: %s × %s = %s is missing (%s)", l.LabelEN, l.Count, l.UnitPrice, l.Amount, l.Rule)})
			}
		}
	}
	if ext.Total != nil && !ext.Total.Equal(computed.Total) {
		diff, _ := ext.Total.Sub(computed.Total)
		out = append(out, Difference{What: "total", Expected: computed.Total.Decimal(), Got: ext.Total.Decimal(),
			Rule:    plan.Rule{ID: "invoice.total", Source: srcSeed004Invoice},
			Message: fmt.Sprintf("total %s expected, %s invoiced (difference %s)", computed.Total, ext.Total, diff)})
	}
	return out
}

// ExternalOf turns a computed invoice into the External form, as another
// program would send it: useful to test Verify and to export lines.
func ExternalOf(inv Invoice) External {
	x := External{Number: inv.Number, Total: &inv.Total}
	for _, l := range inv.Lines {
		x.Lines = append(x.Lines, ExternalLine{Child: l.Child, Kind: l.Kind, Band: l.Band, Group: l.Group, Count: l.Count, UnitPrice: l.UnitPrice, Amount: l.Amount})
	}
	return x
}
