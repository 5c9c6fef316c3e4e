package invoice

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// String formats the difference on one line: its kind, its message and
// the rule behind the expected value.
func (d Difference) String() string {
	s := d.What.String() + ": " + d.Message
	if d.Rule.ID != "" && !strings.Contains(d.Message, d.Rule.ID) {
		s += " [" + d.Rule.ID + "]"
	}
	return s
}

// String formats a side as "count × unit price = amount", an amount, a
// text, or "—" when it is empty.
func (s Side) String() string {
	switch {
	case s.Count != nil && s.UnitPrice != nil:
		amount := "?"
		if s.Amount != nil {
			amount = s.Amount.String()
		}
		return fmt.Sprintf("%s × %s = %s", s.Count, s.UnitPrice, amount)
	case s.Amount != nil:
		return s.Amount.String()
	case s.Count != nil:
		return s.Count.String()
	case s.Text != "":
		return s.Text
	}
	return "—"
}

// DifferencesText formats differences as a table a person reads: one row
// per difference (kind, field, line, external and computed line numbers,
// expected and invoiced values, rule), then each difference's message,
// numbered like the rows. No difference gives "no differences\n".
func DifferencesText(ds []Difference) string {
	if len(ds) == 0 {
		return "no differences\n"
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tWHAT\tFIELD\tLINE\tEXTERNAL\tCOMPUTED\tEXPECTED\tINVOICED\tRULE")
	for i, d := range ds {
		line := describeExternal(ExternalLine{Child: d.Child, Kind: d.Kind, Band: d.Band, Group: d.Group, Basis: d.Basis})
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, d.What, dash(d.Field), dash(line), dash(intsText(d.External)),
			dash(intsText(d.Computed)), d.Expected, gotText(d), dash(d.Rule.ID))
	}
	tw.Flush()
	b.WriteString("\n")
	for i, d := range ds {
		fmt.Fprintf(&b, "%d. %s\n", i+1, d.Message)
	}
	return b.String()
}

func gotText(d Difference) string {
	if d.Absent {
		if s := d.Got.String(); s != "—" {
			return "absent (" + s + ")"
		}
		return "absent"
	}
	return d.Got.String()
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
