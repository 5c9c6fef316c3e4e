package invoice

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// PaymentState is where an invoice's payment stands (seed 000).
type PaymentState string

// The payment states: unpaid → processing → paid; a credited invoice is
// settled by its credit note and takes no payment.
const (
	Unpaid     PaymentState = "unpaid"
	Processing PaymentState = "processing"
	Paid       PaymentState = "paid"
	Credited   PaymentState = "credited"
)

// Account follows one invoice: its payment state, what was paid and when,
// and what was credited.
type Account struct {
	Invoice  string       `json:"invoice"`
	Total    tariff.Money `json:"total"`
	State    PaymentState `json:"state"`
	PaidOn   plan.Date    `json:"paid_on,omitzero"`
	Credited tariff.Money `json:"credited"`
	// CreditNotes are the numbers of the credit notes on this invoice.
	CreditNotes []string `json:"credit_notes,omitempty"`
}

// NewAccount opens the account of an invoice: unpaid.
func NewAccount(inv Invoice) Account {
	return Account{Invoice: inv.Number, Total: inv.Total, State: Unpaid}
}

// Due returns what is left to pay: the total minus what was credited.
func (a Account) Due() tariff.Money {
	due, _ := a.Total.Sub(a.Credited) // both within ±MaxEuro/2 by Credit's checks
	return due
}

// StartPayment moves an unpaid invoice to processing (a payment was
// initiated, e.g. through the portal's payment link).
func (a Account) StartPayment() (Account, error) {
	if a.State != Unpaid {
		return a, a.illegal("start a payment of")
	}
	a.State = Processing
	return a, nil
}

// Pay records the payment on day on: from unpaid or processing to paid.
func (a Account) Pay(on plan.Date) (Account, error) {
	if a.State != Unpaid && a.State != Processing {
		return a, a.illegal("pay")
	}
	if on.IsZero() {
		return a, plan.Problem{Code: plan.CodeMissing, Field: "paid_on", Message: "a payment needs its day"}
	}
	a.State, a.PaidOn = Paid, on
	return a, nil
}

func (a Account) illegal(what string) error {
	return plan.Problem{Code: CodeIllegalPayment, Field: "state",
		Message: fmt.Sprintf("cannot %s invoice %s: it is %s", what, a.Invoice, a.State)}
}

// CodeIllegalPayment is a payment step the states do not allow.
const CodeIllegalPayment plan.Code = "illegal_payment"

// CreditNote is a credit note (creditnota) that reverses all or part of an
// invoice: its lines are the reversed lines, with negated counts and
// amounts, and its total is their sum.
type CreditNote struct {
	Number  string       `json:"number"`
	Invoice string       `json:"invoice"`
	Date    plan.Date    `json:"date"`
	Reason  string       `json:"reason"`
	Lines   []Line       `json:"lines"`
	Total   tariff.Money `json:"total"`
}

// Credit makes a credit note for the lines of inv at the given indexes (all
// lines when lines is nil; an empty, non-nil list, or an invoice without
// lines, is an error) and records it on the account. A wrong invoice
// is corrected by a credit note (seed 000), never edited. Crediting a paid
// invoice, a line twice in one note, or beyond the invoice total is an
// error. A fully
// credited invoice becomes Credited and takes no payment; a partly credited
// one stays payable for the rest.
func Credit(a Account, inv Invoice, lines []int, number string, on plan.Date, reason string) (Account, CreditNote, error) {
	if a.Invoice != inv.Number {
		return a, CreditNote{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "invoice", Message: fmt.Sprintf("account %s is not for invoice %s", a.Invoice, inv.Number)}
	}
	if a.State == Paid || a.State == Credited {
		return a, CreditNote{}, a.illegal("credit")
	}
	if len(inv.Lines) == 0 {
		return a, CreditNote{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "invoice.lines", Message: fmt.Sprintf("invoice %s has no line to credit", inv.Number)}
	}
	if lines == nil {
		for i := range inv.Lines {
			lines = append(lines, i)
		}
	} else if len(lines) == 0 {
		return a, CreditNote{}, plan.Problem{Code: plan.CodeMissing, Field: "lines", Message: "a credit note credits at least one line (nil credits them all)"}
	}
	cn := CreditNote{Number: number, Invoice: inv.Number, Date: on, Reason: reason}
	used := map[int]bool{}
	for _, i := range lines {
		if i < 0 || i >= len(inv.Lines) || used[i] {
			return a, CreditNote{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "lines", Message: fmt.Sprintf("line %d cannot be credited (invoice has %d lines; each once)", i, len(inv.Lines))}
		}
		used[i] = true
		l := inv.Lines[i]
		l.Count, l.Amount = l.Count.Neg(), l.Amount.Neg()
		l.LabelNL, l.LabelEN = "creditering: "+l.LabelNL, "credit: "+l.LabelEN
		cn.Lines = append(cn.Lines, l)
		sum, err := cn.Total.Add(l.Amount)
		if err != nil {
			return a, CreditNote{}, err
		}
		cn.Total = sum
	}
	next := a
	credited, err := a.Credited.Sub(cn.Total)
	if err != nil {
		return a, CreditNote{}, err
	}
	next.Credited = credited
	if abs := a.Total; abs.Sign() < 0 && next.Credited.Cmp(abs.Neg()) > 0 || abs.Sign() >= 0 && next.Credited.Cmp(abs) > 0 {
		return a, CreditNote{}, plan.Problem{Code: plan.CodeInvalidValue, Field: "lines", Message: fmt.Sprintf("credits of %s exceed invoice %s of %s", next.Credited, inv.Number, a.Total)}
	}
	next.CreditNotes = append(append([]string(nil), a.CreditNotes...), number)
	if next.Due().IsZero() {
		next.State = Credited
	}
	return next, cn, nil
}
