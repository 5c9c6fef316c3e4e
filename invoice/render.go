package invoice

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// euro formats an amount the Belgian way: "€ 1.234,50".
func euro(m tariff.Money) string { return string(appendEuro(nil, m)) }

// appendEuro appends m the Belgian way: "€ 1.234,50", "-€ 3,50".
func appendEuro(b []byte, m tariff.Money) []byte {
	if m.Sign() < 0 {
		b = append(b, '-')
		m = m.Neg()
	}
	var buf [32]byte
	s := m.AppendText(buf[:0])
	point := 0
	for point < len(s) && s[point] != '.' {
		point++
	}
	b = append(b, "€ "...)
	for i := 0; i < point; i++ {
		if i > 0 && (point-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, s[i])
	}
	b = append(b, ',')
	return append(b, s[point+1:]...)
}

// number formats a count with a decimal comma: "1,5", "12".
func number(d decimal.Decimal) string { return strings.Replace(d.String(), ".", ",", 1) }

func dutchMonth(m plan.Month) string {
	names := [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d", names[m.Month()-1], m.Year())
}

func dutchDate(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%d", d.Day(), int(d.Month()), d.Year())
}

// Text renders the invoice in Dutch, as the family reads it: per child the
// tariff, the lines (count, description, unit price, amount) and the
// justified absence days allowed and used; then the family lines, the
// total and the due date (seed 004 §3.6).
func (inv Invoice) Text() string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("FACTUUR %s — %s\n", inv.Number, dutchMonth(inv.Month))
	w("%s\n", inv.Organiser)
	w("Gezin %s (klant %s)\n", inv.Family.Name, inv.Family.ID)
	if inv.Family.Address != "" {
		w("%s\n", inv.Family.Address)
	}
	w("Factuurdatum %s — te betalen uiterlijk %s\n", dutchDate(inv.InvoiceDate), dutchDate(inv.DueDate))
	para := func(text string) { // a paragraph, wrapped to the invoice's width
		for i, p := range wrap(text, textWidth) {
			if i > 0 {
				p = "  " + p
			}
			w("  %s\n", p)
		}
	}
	row := func(l Line) {
		// A long label wraps, so the prices stay in their columns.
		parts := wrap(l.LabelNL, labelWidth)
		w("  %6s  %-*s %12s %12s\n", number(l.Count), labelWidth, parts[0], euro(l.UnitPrice), euro(l.Amount))
		for _, p := range parts[1:] {
			w("  %6s  %s\n", "", p)
		}
	}
	for _, ch := range inv.Children {
		w("\n%s (kindcode %s)\n", ch.Name, ch.Code)
		for _, t := range ch.Tariffs {
			basis := "attest inkomenstarief"
			switch t.Basis {
			case tariff.BasisMaximum:
				basis = "maximumtarief, geen geldig attest"
			case tariff.BasisConnect:
				basis = "nieuw attest, aansluitend"
			}
			w("  inkomenstarief %s per dag van %s tot en met %s (%s)\n", euro(t.Tariff.Money()), dutchDate(t.Period.Start), dutchDate(t.Period.End), basis)
		}
		w("  %6s  %-*s %12s %12s\n", "aantal", labelWidth, "omschrijving", "per stuk", "bedrag")
		for _, l := range inv.Lines {
			if l.Child == ch.Code {
				row(l)
			}
		}
		if r := ch.Respijt; r.Year != 0 { // no justified absence days under a price list
			para(fmt.Sprintf("Gerechtvaardigde afwezigheidsdagen %d: recht op %s, opgenomen deze maand %s, dit jaar %s, saldo %s",
				r.Year, number(r.Entitlement), number(r.UsedMonth), number(r.UsedYear), number(r.Balance)))
		}
		for _, f := range ch.Free {
			para("niet aangerekend: " + f.NL())
		}
		for _, n := range ch.Notices {
			// A sudden absence judged day by day whose late days all lie
			// before this invoice has no fee on it to explain.
			if !n.InTime && (n.LateThrough.IsZero() || !n.LateThrough.Before(inv.Period.Start)) {
				para(lateNoticeNL(n))
			}
		}
		if ch.Notice != nil {
			para(noticeNL(*ch.Notice))
		}
	}
	family := false
	for _, l := range inv.Lines {
		if l.Child == "" {
			if !family {
				w("\nGezin\n")
				family = true
			}
			row(l)
		}
	}
	w("\n%-*s %12s\n", labelWidth+12, "TOTAAL", euro(inv.Total))
	w("Te betalen binnen de maand na de factuurdatum, uiterlijk %s.\n", dutchDate(inv.DueDate))
	return b.String()
}

// Trace explains in English why each line is there: its count, unit price
// and amount, the days it covers and the rule and source behind it; then
// each child's reserved days, absence notices and the statutory amounts its
// month depends on (an unconfirmed one says so).
func (inv Invoice) Trace() string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("invoice %s, family %s, %s: total %s (sum of %d lines), due %s\n", inv.Number, inv.Family.ID, inv.Month, inv.Total, len(inv.Lines), inv.DueDate)
	for i, l := range inv.Lines {
		who := l.Child
		if who == "" {
			who = "family"
		}
		w("line %d [%s] %s: %s × %s = %s — %s\n", i+1, who, l.Kind, l.Count, l.UnitPrice, l.Amount, l.LabelEN)
		w("    rule %s\n", l.Rule)
		if len(l.Dates) > 0 {
			ds := make([]string, len(l.Dates))
			for k, d := range l.Dates {
				ds[k] = d.String()
			}
			w("    days %s\n", strings.Join(ds, " "))
		}
	}
	for _, ch := range inv.Children {
		w("child %s: %d day(s) of care, %d reserved day(s); respijt %s used this month, balance %s\n",
			ch.Code, len(ch.Care), len(ch.Reserved), ch.Respijt.UsedMonth, ch.Respijt.Balance)
		for _, o := range ch.Reserved {
			if o.Kind != absence.KindPresent {
				w("    %s %s: %s [%s]\n", o.Date, o.Kind, o.Explanation, o.Rule)
			}
		}
		for _, n := range ch.Notices {
			w("    notice of absence %d: %s, deadline %s, in time %v — %s\n", n.Absence, n.Kind, n.Deadline.Format(time.RFC3339), n.InTime, n.Explanation)
		}
		if ch.Notice != nil {
			w("    notice: %s [%s]\n", ch.Notice.Explanation, ch.Notice.Rule)
		}
		for _, a := range ch.Amounts {
			confirmed := "confirmed"
			if !a.Confirmed {
				confirmed = "NOT CONFIRMED"
			}
			w("    amount %d %s %s, %s: %s\n", a.Year, a.Kind, a.Value, confirmed, a.Source)
		}
		if ch.UnbilledNightMinutes > 0 || ch.UnbilledOverMinutes > 0 {
			w("    not billed: %d night minutes, %d minutes past 11 hours (no flex permission)\n", ch.UnbilledNightMinutes, ch.UnbilledOverMinutes)
		}
	}
	return b.String()
}

// labelWidth is the width of the description column of Invoice.Text, and
// textWidth that of its paragraphs (the width of a line of prices).
const (
	labelWidth = 78
	textWidth  = labelWidth + 30
)

// wrap cuts s into lines of at most width runes at spaces (a word longer
// than width stands alone on its line).
func wrap(s string, width int) []string {
	var out []string
	line, n := "", 0
	for _, word := range strings.Fields(s) {
		k := utf8.RuneCountInString(word)
		if n > 0 && n+1+k > width {
			out = append(out, line)
			line, n = "", 0
		}
		if n > 0 {
			line += " "
			n++
		}
		line += word
		n += k
	}
	return append(out, line)
}

// lateNoticeNL tells the family in Dutch that an absence was reported late
// or not at all, and by when it should have been (seed 004 §3.4.2).
func lateNoticeNL(n absence.NoticeCheck) string {
	var by string
	switch n.Kind {
	case absence.NoticeSudden:
		t := n.Deadline.In(plan.Brussels())
		by = fmt.Sprintf("vóór het afgesproken beginuur, %s om %s", dutchDate(plan.DateOf(t)), t.Format("15:04"))
	default: // the deadline is the midnight that ends its last day
		by = "ten laatste op " + dutchDate(plan.DateOf(n.Deadline.In(plan.Brussels())).AddDays(-1))
		if n.Kind == absence.NoticePlannedLong {
			by += " (een afwezigheid van een week of langer: 4 weken op voorhand)"
		}
	}
	if n.ReportedAt.IsZero() {
		return fmt.Sprintf("Afwezigheid vanaf %s niet gemeld; melden kon %s.", dutchDate(n.FirstDay), by)
	}
	s := fmt.Sprintf("Afwezigheid vanaf %s te laat gemeld op %s; melden kon %s.", dutchDate(n.FirstDay), dutchDate(plan.DateOf(n.ReportedAt.In(plan.Brussels()))), by)
	if !n.LateThrough.IsZero() {
		s += fmt.Sprintf(" Voor de dagen na %s was de melding tijdig, vóór hun afgesproken beginuur.", dutchDate(n.LateThrough))
	}
	return s
}

// noticeNL gives the verdict on a notice in Dutch (seed 004 §6.2).
func noticeNL(r plan.NoticeResult) string {
	who := "het gezin"
	if r.Notice.By == plan.Organiser {
		who = "de organisator"
	}
	head := fmt.Sprintf("Opzeg door %s op %s, laatste opvangdag %s: ", who, dutchDate(r.Notice.Given), dutchDate(r.Notice.LastDay))
	switch {
	case r.Exempt:
		return head + "geen opzegtermijn nodig (" + exemptionNL(r.Notice.Exemption) + ")."
	case r.Respected:
		return head + fmt.Sprintf("de opzegtermijn, tot en met %s, is gerespecteerd.", dutchDate(r.EarliestLastDay))
	}
	return head + fmt.Sprintf("de opzegtermijn loopt tot en met %s en is niet gerespecteerd: opzegvergoeding voor %d gereserveerde dag(en).",
		dutchDate(r.EarliestLastDay), len(r.FeeDays))
}

func exemptionNL(e plan.Exemption) string {
	switch e {
	case plan.ExemptSeriousFault:
		return "zware fout"
	case plan.ExemptDetrimentalChange:
		return "nadelige wijziging van het huishoudelijk reglement of de prijzen"
	case plan.ExemptForceMajeure:
		return "overmacht"
	case plan.ExemptPermitWithdrawn:
		return "vergunning ingetrokken"
	case plan.ExemptCaregiverPregnancy:
		return "zwangerschap van de onthaalouder"
	}
	return string(e)
}
