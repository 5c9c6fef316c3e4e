package invoice

import (
	"cmp"
	"slices"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Invoice is the monthly invoice of one family. Total is exactly the sum of
// the lines' amounts.
type Invoice struct {
	Number string     `json:"number"`
	Family Family     `json:"family"`
	Month  plan.Month `json:"month"`
	// Period is the days invoiced: the whole month unless the case says
	// otherwise.
	Period      plan.Period `json:"period"`
	InvoiceDate plan.Date   `json:"invoice_date"`
	// DueDate is the invoice date plus the payment term (seed 004 §3.6: one
	// month).
	DueDate  plan.Date      `json:"due_date"`
	Lines    []Line         `json:"lines"`
	Total    tariff.Money   `json:"total"`
	Children []ChildSummary `json:"children"`
	// Organiser is the name of the house rules' organiser.
	Organiser string `json:"organiser"`
}

// ChildSummary is what the invoice shows and traces for one child.
type ChildSummary struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Location is where the child is cared for (its flex permission decides
	// how the attendance report registers 11 hours or more).
	Location tariff.Location `json:"location"`
	// Tariffs are the daily tariffs in force over the month, with why.
	Tariffs []tariff.Applied `json:"tariffs"`
	// Care is each day of care, with its band.
	Care []tariff.DayCare `json:"care"`
	// Reserved is the verdict on each reserved day.
	Reserved []absence.DayOutcome `json:"reserved"`
	// Notices are the verdicts on the absences' notice.
	Notices []absence.NoticeCheck `json:"notices,omitempty"`
	// Respijt is the justified-absence count shown on the invoice (seed 004
	// §3.4.2: "het aantal dagen waar je recht op hebt en het aantal dagen dat
	// je al opgenomen hebt").
	Respijt Respijt `json:"respijt"`
	// LedgerEnd is the ledger at the end of the month: next month's input.
	LedgerEnd absence.Ledger `json:"ledger_end"`
	// Notice is the verdict on a notice that ends the care this month.
	Notice *plan.NoticeResult `json:"notice,omitempty"`
	// UnbilledNightMinutes and UnbilledOverMinutes are minutes a location
	// without flex permission may bill at a free price of its own; these
	// house rules bill none.
	UnbilledNightMinutes int `json:"unbilled_night_minutes,omitempty"`
	UnbilledOverMinutes  int `json:"unbilled_over_minutes,omitempty"`
	// Free lists days of care not billed, and why (settling in).
	Free []FreeDay `json:"free,omitempty"`
	// Amounts are the statutory amounts of the year the month's money
	// depends on — the maximum tariff of a day without an attest, the cap
	// and floor of a charge or fee — each once, with its source and whether
	// it is confirmed: an invoice built on an unconfirmed amount says so.
	Amounts []tariff.Amount `json:"amounts,omitempty"`
}

// used records amount a among those the month depends on, once, in order
// of year and kind.
func (s *ChildSummary) used(a tariff.Amount) {
	at, found := slices.BinarySearchFunc(s.Amounts, a, func(x, y tariff.Amount) int {
		if c := cmp.Compare(x.Year, y.Year); c != 0 {
			return c
		}
		return cmp.Compare(x.Kind, y.Kind)
	})
	if !found {
		s.Amounts = slices.Insert(s.Amounts, at, a)
	}
}

// FreeReason says why a day of care is not billed.
type FreeReason string

// The reasons (seed 004 §4.1).
const (
	FreeWithParent      FreeReason = "settling_in_with_parent" // settling in with a parent present: always free
	FreeSettlingInAlone FreeReason = "settling_in_alone"       // settling in alone, free under these house rules
)

// FreeDay is a day of care not billed, and why.
type FreeDay struct {
	Date   plan.Date  `json:"date"`
	Reason FreeReason `json:"reason"`
	Rule   plan.Rule  `json:"rule"`
}

// NL says in Dutch why the day is free, as the family reads it.
func (f FreeDay) NL() string {
	if f.Reason == FreeWithParent {
		return dutchDate(f.Date) + ": wenmoment met een ouder, gratis"
	}
	return dutchDate(f.Date) + ": wenmoment zonder ouder, gratis volgens dit huishoudelijk reglement"
}

// EN says in English why the day is free.
func (f FreeDay) EN() string {
	if f.Reason == FreeWithParent {
		return f.Date.String() + ": settling in with a parent, free"
	}
	return f.Date.String() + ": settling in alone, free under these house rules"
}

// Respijt is the justified-absence count of a child.
type Respijt struct {
	Year        int             `json:"year"`
	Entitlement decimal.Decimal `json:"entitlement"`
	UsedMonth   decimal.Decimal `json:"used_month"`
	UsedYear    decimal.Decimal `json:"used_year"`
	Balance     decimal.Decimal `json:"balance"`
}
