package invoicetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
)

// Check builds the invoice of c, verifies ext against it exactly and fails
// t with one line per difference. It returns the differences (nil when the
// case cannot be billed, which fails t too).
func Check(t testing.TB, c invoice.Case, ext invoice.External) []invoice.Difference {
	t.Helper()
	return CheckWith(t, c, ext, invoice.VerifyOptions{})
}

// CheckWith is Check under the other software's stated conventions
// (per-day rounding, a tolerance); the differences they accept are
// DiffWithinTolerance and fail t like any other.
func CheckWith(t testing.TB, c invoice.Case, ext invoice.External, opt invoice.VerifyOptions) []invoice.Difference {
	t.Helper()
	inv, err := invoice.Build(c)
	if err != nil {
		t.Errorf("invoicetest: the case cannot be billed:%s", problemLines(err))
		return nil
	}
	ds, err := invoice.VerifyWith(inv, ext, opt)
	if err != nil {
		t.Errorf("invoicetest: %v", err)
		return nil
	}
	if len(ds) > 0 {
		t.Errorf("%s", Report(inv, ds))
	}
	return ds
}

// CheckJSON is Check on a case file and an external invoice in JSON,
// decoded strictly: a problem in either fails t with every problem found.
func CheckJSON(t testing.TB, caseJSON, externalJSON []byte) []invoice.Difference {
	t.Helper()
	c, err := invoice.DecodeCaseBytes(caseJSON)
	if err != nil {
		t.Errorf("invoicetest: the case file:%s", problemLines(err))
	}
	ext, err2 := invoice.DecodeExternalBytes(externalJSON)
	if err2 != nil {
		t.Errorf("invoicetest: the external invoice:%s", problemLines(err2))
	}
	if err != nil || err2 != nil {
		return nil
	}
	return Check(t, c, ext)
}

// Report is the failure text of Check: a heading, then one line per
// difference (Difference.String).
func Report(inv invoice.Invoice, ds []invoice.Difference) string {
	var b strings.Builder
	fmt.Fprintf(&b, "invoice %s (%s, family %s): %d difference(s) from the computed invoice, total %s:", inv.Number, inv.Month, inv.Family.ID, len(ds), inv.Total)
	for _, d := range ds {
		b.WriteString("\n    ")
		b.WriteString(d.String())
	}
	return b.String()
}

// problemLines lists err's problems, one per indented line.
func problemLines(err error) string {
	ps := plan.AsProblems(err)
	if ps == nil {
		return " " + err.Error()
	}
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\n    ")
		b.WriteString(p.Error())
	}
	return b.String()
}
