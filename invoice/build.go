package invoice

import (
	"fmt"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Build computes the monthly invoice of case c. It validates the case first
// and returns every problem at once; then it prices, per child:
//
//   - each day of care by its band at the tariff in force (an attest change
//     or a switch to school-age in mid-month gives separate lines; days
//     outside the plan are billed the same, "ook voor extra gepresteerde
//     dagen betaal je");
//   - each reserved day not attended by the absence rules (package absence):
//     closing days and hospital stays free, justified absence days used by
//     duration, unjustified absences charged, late or missing notice fees;
//   - the extra costs of the house rules: late pick-up past the plan's end
//     time per started half hour, waste per day present, hot meals of a
//     school-age child, transport per km; and once per family the
//     administration cost when a child had care that month;
//   - a notice fee when a notice ending the care this month does not
//     respect the term.
//
// Days of one kind and unit price are counted and multiplied once. The
// total is the sum of the lines. The invoice shows each child's justified
// absence days and carries the ledger at the end of the month.
//
// Build reports every problem it can find in one error: those of the case
// (see Validate) and, for each child whose data is sound, those found while
// pricing it — an unknown yearly amount once per year, a day without a
// tariff — so a case file is mended in one round.
func Build(c Case) (Invoice, error) {
	if len(c.validateShared()) > 0 {
		ps := c.validateCase()
		for i := range c.Children {
			ps = append(ps, c.validateChild(i, tariff.StatutoryAmounts().Merge(c.Amounts), nil)...)
		}
		return Invoice{}, ps
	}
	// The case's own amounts extend or replace the library's by year and
	// kind: a new year is a data change.
	om := newOrganiserMonth(c.Month, c.Calendar, c.Rules, tariff.StatutoryAmounts().Merge(c.Amounts))
	return om.Build(c.FamilyMonth())
}

// childProblems places the problems of child i under children[i]; an
// unknown yearly amount belongs to the case's amounts, not to the child.
func childProblems(i int, err error) plan.Problems {
	ps := plan.AsProblems(err)
	if ps == nil {
		return plan.Problems{{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("children[%d]", i), Message: err.Error()}}
	}
	out := make(plan.Problems, 0, len(ps))
	for _, p := range ps {
		switch {
		case p.Code == tariff.CodeUnknownYear:
			p.Field = "amounts"
		case p.Field == "":
			p.Field = fmt.Sprintf("children[%d]", i)
		default:
			p.Field = fmt.Sprintf("children[%d].%s", i, p.Field)
		}
		out = append(out, p)
	}
	return out
}

// dedupe drops repeated problems (the same code, field and message: an
// unknown amount met on every day of a month), keeping the first.
func dedupe(ps plan.Problems) plan.Problems {
	type key struct {
		code           plan.Code
		field, message string
	}
	seen := make(map[key]bool, len(ps))
	out := ps[:0:0]
	for _, p := range ps {
		k := key{p.Code, p.Field, p.Message}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}
