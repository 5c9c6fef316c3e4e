package invoice

import (
	"fmt"
	"slices"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// PaidInvoice is an invoice, the day it was paid and the credit notes on
// it (Credit): a credited line was not paid, so its days of care are not
// certified.
type PaidInvoice struct {
	Invoice Invoice      `json:"invoice"`
	PaidOn  plan.Date    `json:"paid_on"`
	Credits []CreditNote `json:"credits,omitempty"`
}

// CertificatePeriod is one line of a fiscal certificate: days of care at
// one daily rate (what one day of care cost) over consecutive months.
type CertificatePeriod struct {
	Period plan.Period `json:"period"`
	// Days is the number of days of care in the period.
	Days int `json:"days"`
	// DailyRate is what one of those days cost (the unit price of the care
	// line: a full day at 24.10, a half day at 14.46; for a day of care at
	// two locations, what both cost), never capped.
	DailyRate tariff.Money `json:"daily_rate"`
	// DailyTariff is the income tariff behind the rate.
	DailyTariff string `json:"daily_tariff"`
	// Amount is what was paid for them: Days × DailyRate.
	Amount tariff.Money `json:"amount"`
}

// Certificate is a fiscal certificate (attest 281.86) for one child and
// year. A certificate holds at most 4 periods; Certificates returns as many
// as needed.
type Certificate struct {
	Year    int                 `json:"year"`
	Child   string              `json:"child"`
	Name    string              `json:"name"`
	Periods []CertificatePeriod `json:"periods"`
	Total   tariff.Money        `json:"total"`
	Rule    plan.Rule           `json:"rule"`
}

// MaxCertificatePeriods is the number of periods one 281.86 certificate
// holds.
const MaxCertificatePeriods = 4

// Certificates returns the fiscal certificates of child for year, from the
// invoices paid in that year, less their credit notes: only the care itself
// (care lines, not extra costs, absence charges or fees), only days before
// the child's 14th
// birthday — its 21st for a child with a severe disability
// (tariff.Child.SevereDisability) — one period per daily rate and run of
// consecutive months, at most 4 periods a certificate. Rates are never
// capped here: the cap belongs to the tax reduction (TaxReduction). Seed 004
// §3.7 still says 12 years; the federal rule counts care of children under
// 14 since 2020. Each day of care is certified once: an invoice paid twice,
// and a day billed by two paid invoices for one location (an invoice
// replaced without a credit note), are problems of the later payment;
// payments of other years in paid are read for that alone (a day paid in
// December is not certified again in January). A day of care at two
// locations, each billing its own invoice, is one day at what both cost
// (the tax cap is per child per day of care).
func Certificates(year int, child tariff.Child, name string, paid []PaidInvoice) ([]Certificate, error) {
	// Source: FOD Financiën, belastingvermindering voor kinderopvang
	// (certificate 281.86): care of a child under 14, or under 21 with a
	// severe disability; amounts paid in the year; the care itself; the
	// certificate states each period with its days and daily rate, at most
	// 4 periods.
	ageLimit := 14
	if child.SevereDisability {
		ageLimit = 21
	}
	limit := plan.MonthsOld(child.Birth, ageLimit*12)
	if limit.IsZero() {
		return nil, plan.Problem{Code: plan.CodeMissing, Field: "child.birth", Message: "the certificate needs the child's birth date"}
	}
	var days []dayRate
	var ps plan.Problems
	// Source: seed 004 §3.7 — "een fiscaal attest van de betaalde kosten":
	// what was paid once is certified once. The payments are read in the
	// order they were made, those of other years too: a day an earlier
	// payment certified (this year or another) is not certified again.
	order := make([]int, len(paid))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return paid[a].PaidOn.Compare(paid[b].PaidOn) })
	// The days certified, each with every location that billed it: by which
	// payment, and where in days (-1 for another year's).
	type certifiedDay struct {
		paid     int
		location string
		at       int
	}
	numbers := map[string]int{} // the paid invoice of each number
	certified := map[plan.Date][]certifiedDay{}
	for _, i := range order {
		p := paid[i]
		if p.PaidOn.IsZero() {
			continue // not paid: nothing to certify, and nothing certified
		}
		// A payment of another year is read for the days it certified, not
		// judged: its own year's certificates say what is wrong with it.
		this := p.PaidOn.Year() == year
		location := ""
		if k := slices.IndexFunc(p.Invoice.Children, func(c ChildSummary) bool { return c.Code == child.Code }); k >= 0 {
			location = p.Invoice.Children[k].Location.ID
		}
		if j, twice := numbers[p.Invoice.Number]; twice && p.Invoice.Number != "" {
			if this {
				ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("paid[%d].invoice.number", i),
					Message: fmt.Sprintf("invoice %s was paid before, on %s: each invoice is paid once and its days are certified once", p.Invoice.Number, paid[j].PaidOn)})
			}
			continue
		}
		numbers[p.Invoice.Number] = i
		var mine []dayRate
		var lps plan.Problems
		for k, l := range p.Invoice.Lines {
			if !l.Deductible || l.Child != child.Code {
				continue
			}
			if err := daysLine(l, fmt.Sprintf("paid[%d].invoice.lines[%d]", i, k), 1); err != nil {
				lps = append(lps, plan.AsProblems(err)...)
				continue
			}
			for _, d := range l.Dates {
				if d.Before(limit) {
					mine = append(mine, dayRate{d, l.UnitPrice, l.Tariff})
				}
			}
		}
		// Source: seed 004 §3.7 — "een fiscaal attest van de betaalde
		// kosten": a day of care credited was not paid.
		kept, err := uncredited(mine, p, i, child.Code, limit)
		if lps = append(lps, plan.AsProblems(err)...); len(lps) > 0 {
			if this {
				ps = append(ps, lps...)
			}
			continue
		}
		for _, dr := range kept {
			seen := certified[dr.day]
			same := slices.IndexFunc(seen, func(c certifiedDay) bool { return c.location == location })
			here := slices.IndexFunc(seen, func(c certifiedDay) bool { return c.at >= 0 })
			switch {
			case same >= 0 && seen[same].paid == i:
				if this {
					ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("paid[%d].invoice", i), Date: dr.day,
						Message: fmt.Sprintf("invoice %s bills care of child %s on %s twice", p.Invoice.Number, child.Code, dr.day)})
				}
			case same >= 0:
				if this {
					j := seen[same].paid
					ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: fmt.Sprintf("paid[%d].invoice", i), Date: dr.day,
						Message: fmt.Sprintf("invoice %s bills care of child %s on %s, which invoice %s, paid on %s, bills too at the same location: a day of care is paid and certified once — a credit note takes back the invoice that was replaced",
							p.Invoice.Number, child.Code, dr.day, paid[j].Invoice.Number, paid[j].PaidOn)})
				}
			case !this:
				certified[dr.day] = append(seen, certifiedDay{paid: i, location: location, at: -1})
			case here >= 0:
				// Source: FOD Financiën — the cap is "per kind per
				// opvangdag": care at two locations on one day (each bills
				// its own invoice) is one day of care, at what both cost.
				d := &days[seen[here].at]
				sum, err := d.rate.Add(dr.rate)
				if err != nil {
					return nil, err
				}
				d.rate = sum
				switch {
				case d.tariff == "":
					d.tariff = dr.tariff
				case dr.tariff != "" && dr.tariff != d.tariff:
					d.tariff += " + " + dr.tariff
				}
				certified[dr.day] = append(seen, certifiedDay{paid: i, location: location, at: seen[here].at})
			default:
				// The day's other location was paid in another year: its
				// costs are that year's, these are this year's.
				certified[dr.day] = append(seen, certifiedDay{paid: i, location: location, at: len(days)})
				days = append(days, dr)
			}
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	// By rate, then by day: each rate's days form runs of consecutive
	// months.
	slices.SortStableFunc(days, func(a, b dayRate) int {
		if c := a.rate.Cmp(b.rate); c != 0 {
			return c
		}
		return a.day.Compare(b.day)
	})
	var periods []CertificatePeriod
	for _, dr := range days {
		if n := len(periods); n > 0 {
			p := &periods[n-1]
			if p.DailyRate == dr.rate && p.DailyTariff == dr.tariff && dr.day.MonthOf().Compare(p.Period.End.MonthOf().Add(1)) <= 0 {
				amount, err := p.Amount.Add(dr.rate)
				if err != nil {
					return nil, err
				}
				p.Period.End, p.Days, p.Amount = dr.day, p.Days+1, amount
				continue
			}
		}
		periods = append(periods, CertificatePeriod{Period: plan.Period{Start: dr.day, End: dr.day}, Days: 1, DailyRate: dr.rate, DailyTariff: dr.tariff, Amount: dr.rate})
	}
	slices.SortStableFunc(periods, func(a, b CertificatePeriod) int {
		if c := a.Period.Start.Compare(b.Period.Start); c != 0 {
			return c
		}
		return a.DailyRate.Cmp(b.DailyRate)
	})
	var out []Certificate
	for i := 0; i < len(periods); i += MaxCertificatePeriods {
		c := Certificate{Year: year, Child: child.Code, Name: name,
			Rule: plan.Rule{ID: "invoice.fiscal_certificate", Source: srcFiscal}}
		c.Periods = periods[i:min(i+MaxCertificatePeriods, len(periods))]
		for _, p := range c.Periods {
			sum, err := c.Total.Add(p.Amount)
			if err != nil {
				return nil, err
			}
			c.Total = sum
		}
		out = append(out, c)
	}
	return out, nil
}

// dayRate is a day of care certified and what it cost.
type dayRate struct {
	day    plan.Date
	rate   tariff.Money
	tariff string
}

// uncredited returns the days of paid invoice i (days, of the child code)
// less those its credit notes credit, each credited day once at its rate.
// A credit note for another invoice, a line that is not a credit, and a
// credited day of care the invoice does not hold are problems.
func uncredited(days []dayRate, p PaidInvoice, i int, code string, limit plan.Date) ([]dayRate, error) {
	if len(p.Credits) == 0 {
		return days, nil
	}
	var ps plan.Problems
	billed := make(map[dayRate]int, len(days)) // how often each day and rate is billed, less what was credited
	for _, dr := range days {
		billed[dr]++
	}
	for j, cn := range p.Credits {
		f := fmt.Sprintf("paid[%d].credits[%d]", i, j)
		if cn.Invoice != p.Invoice.Number {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".invoice",
				Message: fmt.Sprintf("credit note %s is for invoice %s, not %s", cn.Number, cn.Invoice, p.Invoice.Number)})
			continue
		}
		// A paid invoice takes no credit note (Credit): one dated after the
		// payment is not this record's.
		if cn.Date.After(p.PaidOn) {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".date", Date: cn.Date,
				Message: fmt.Sprintf("credit note %s of %s is dated after invoice %s was paid on %s: a paid invoice is not credited", cn.Number, cn.Date, p.Invoice.Number, p.PaidOn)})
			continue
		}
		for k, l := range cn.Lines {
			// A line of care credited counts even when it lost its
			// deductible mark on the way: certifying it would be wrong.
			if !l.Deductible && l.Kind != LineCare || l.Child != code {
				continue
			}
			lf := fmt.Sprintf("%s.lines[%d]", f, k)
			if l.Count.Sign() >= 0 {
				ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: lf + ".count",
					Message: fmt.Sprintf("line %d of credit note %s counts %s: a credit counts days back (negative)", k, cn.Number, l.Count)})
				continue
			}
			if err := daysLine(l, lf, -1); err != nil {
				ps = append(ps, plan.AsProblems(err)...)
				continue
			}
			for _, d := range l.Dates {
				if !d.Before(limit) {
					continue
				}
				dr := dayRate{d, l.UnitPrice, l.Tariff}
				if billed[dr] == 0 {
					ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: lf + ".dates", Date: d,
						Message: fmt.Sprintf("credit note %s credits care on %s at %s that invoice %s does not bill (or credits it twice)", cn.Number, d, l.UnitPrice, p.Invoice.Number)})
					continue
				}
				billed[dr]--
			}
		}
	}
	// The days left, in their order: of a day billed twice at one rate and
	// credited once, the first stays.
	kept := days[:0]
	for _, dr := range days {
		if billed[dr] > 0 {
			kept = append(kept, dr)
			billed[dr]--
		}
	}
	return kept, ps.Err()
}

// daysLine checks a line of care (field f) as a certificate reads it: its
// count is its days (sign times the number of its dates) and its amount the
// count times the unit price, so that its dates say what it bills or
// credits.
func daysLine(l Line, f string, sign int64) error {
	var ps plan.Problems
	if n := decimal.NewFromInt(sign * int64(len(l.Dates))); !l.Count.Equal(n) {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".count",
			Message: fmt.Sprintf("a line of care counts %s day(s) but lists %d date(s): the certificate cannot tell which days it holds", l.Count, len(l.Dates))})
	} else if want, err := l.UnitPrice.Times(l.Count); err != nil || !want.Equal(l.Amount) {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f + ".amount",
			Message: fmt.Sprintf("a line of care of %s × %s is %s, not %s", l.Count, l.UnitPrice, want, l.Amount)})
	}
	return ps.Err()
}

// Bucket is a count of days per band, as the attendance report registers
// them: min3u (third), min5u (half), min11u (full), min11uFlex (flex).
type Bucket struct {
	Min3u      int `json:"min3u"`
	Min5u      int `json:"min5u"`
	Min11u     int `json:"min11u"`
	Min11uFlex int `json:"min11u_flex"`
}

// add counts a day of band at a location with or without flex permission:
// 11 hours or more registers as min11uFlex only with that permission
// (FO-SU-05.xsd), elsewhere as min11u. It reports whether the band is one
// the report registers.
func (b *Bucket) add(band tariff.Band, flex bool) bool {
	switch band {
	case tariff.BandThird:
		b.Min3u++
	case tariff.BandHalf:
		b.Min5u++
	case tariff.BandFull:
		b.Min11u++
	case tariff.BandFlex:
		if flex {
			b.Min11uFlex++
		} else {
			b.Min11u++
		}
	default:
		return false
	}
	return true
}

// ReportChild is one child's line of the monthly attendance report.
type ReportChild struct {
	Code string `json:"code"`
	// AfterSchool is the report's "bo" flag: the child is school-age.
	AfterSchool bool   `json:"after_school"`
	Present     Bucket `json:"present"`
	Justified   Bucket `json:"justified"`
	Unjustified Bucket `json:"unjustified"`
}

// Report is the monthly attendance report to Opgroeien (FO-SU-05).
type Report struct {
	Month    plan.Month    `json:"month"`
	Children []ReportChild `json:"children"`
	Rule     plan.Rule     `json:"rule"`
}

// AttendanceReport builds the monthly attendance report from invoices of
// the month: per child code, days per band × present, justified absence
// and unjustified absence, with the counting of package fosu05 (which
// writes the XML Opgroeien takes): present days in the band attended; a
// day wholly absent in the reserved band, justified when justified absence
// days covered it (a hospital stay with an admission certificate counts as
// justified) and unjustified otherwise; closed days and the days after
// care ended nowhere; a day partly present as present only (how to
// register its absent part is not set out in the schema: OPEN). At a
// location without flex permission 11 hours or more registers as min11u.
// The "bo" flag is set for a child with a school-age day of care or a
// reserved third day. A day counted twice for one child (an invoice given
// twice) and a band the report does not know are problems, every one at
// once.
func AttendanceReport(month plan.Month, invoices []Invoice) (Report, error) {
	// Source: Opgroeien FO-SU-05.xsd — aanwezigheden,
	// gerechtvaardigde_afwezigheden, niet_gerechtvaardigde_afwezigheden ×
	// min3u/min5u/min11u/min11uFlex (the last only with permission for
	// flexible care), and the "bo" flag.
	r := Report{Month: month, Rule: plan.Rule{ID: "invoice.attendance_report", Source: srcFOSU05}}
	idx := map[string]int{}
	seen := map[string]map[plan.Date]bool{}
	var ps plan.Problems
	for n, inv := range invoices {
		if inv.Month != month {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("invoices[%d].month", n), Message: fmt.Sprintf("invoice %s is for %s, not %s", inv.Number, inv.Month, month)})
			continue
		}
		for k, ch := range inv.Children {
			i, ok := idx[ch.Code]
			if !ok {
				i = len(r.Children)
				idx[ch.Code] = i
				r.Children = append(r.Children, ReportChild{Code: ch.Code})
				seen[ch.Code] = map[plan.Date]bool{}
			}
			rc := &r.Children[i]
			field := func() string { return fmt.Sprintf("invoices[%d].children[%d]", n, k) }
			count := func(b *Bucket, d plan.Date, band tariff.Band) {
				switch {
				case seen[ch.Code][d]:
					ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: field(), Date: d,
						Message: fmt.Sprintf("child %s: %s is counted twice (an invoice given twice?)", ch.Code, d)})
				case !b.add(band, ch.Location.Flex):
					ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: field(), Date: d,
						Message: fmt.Sprintf("child %s: band %q on %s is not one the report registers", ch.Code, band, d)})
				}
				seen[ch.Code][d] = true
			}
			for _, c := range ch.Care {
				count(&rc.Present, c.Date, c.Band)
				rc.AfterSchool = rc.AfterSchool || c.Group == tariff.SchoolAge
			}
			for _, o := range ch.Reserved {
				rc.AfterSchool = rc.AfterSchool || o.Reserved == tariff.BandThird
				if o.Attended != tariff.BandNone || o.Absent.IsZero() {
					continue
				}
				switch o.Kind {
				case absence.KindJustified, absence.KindHospital:
					count(&rc.Justified, o.Date, o.Reserved)
				case absence.KindUnjustified:
					count(&rc.Unjustified, o.Date, o.Reserved)
				}
			}
		}
	}
	if len(ps) > 0 {
		return Report{}, ps
	}
	return r, nil
}
