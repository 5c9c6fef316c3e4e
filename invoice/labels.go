package invoice

import (
	"strconv"
	"strings"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// bandNL and bandEN name a band for the family and for developers.
func bandNL(b tariff.Band) string {
	switch b {
	case tariff.BandThird:
		return "derde dagdeel"
	case tariff.BandHalf:
		return "halve dag"
	case tariff.BandFull:
		return "volle dag"
	case tariff.BandFlex:
		return "flexibele opvang (11 uur of meer)"
	}
	return string(b)
}

func bandEN(b tariff.Band) string {
	switch b {
	case tariff.BandThird:
		return "third of a day"
	case tariff.BandHalf:
		return "half day"
	case tariff.BandFull:
		return "full day"
	case tariff.BandFlex:
		return "flexible care (11 hours or more)"
	}
	return string(b)
}

func groupNL(g tariff.AgeGroup) string {
	if g == tariff.SchoolAge {
		return "schoolkind"
	}
	return "baby/peuter"
}

// careLine is a new care line, with its labels: its four texts are written
// into one buffer, one allocation a line.
func careLine(band tariff.Band, group tariff.AgeGroup, share decimal.Decimal, unit tariff.Money, applied tariff.Applied) Line {
	// Room for both labels (about 150 bytes each at most), the tariff and
	// the source: one allocation.
	b := make([]byte, 0, 320+len(srcCareTariff)+len(applied.Rule.Source))
	b = append(b, "opvang "...)
	b = append(b, bandNL(band)...)
	b = append(b, " ("...)
	b = append(b, groupNL(group)...)
	b = append(b, "): "...)
	b = appendPercent(b, share, ',')
	b = append(b, " % van "...)
	b = appendEuro(b, applied.Tariff.Money())
	switch applied.Basis {
	case tariff.BasisMaximum:
		b = append(b, " — maximumtarief: geen geldig attest inkomenstarief"...)
	case tariff.BasisConnect:
		b = append(b, " — nieuw attest, aansluitend op het vorige"...)
	}
	nl := len(b)
	b = append(b, "care, "...)
	b = append(b, bandEN(band)...)
	b = append(b, " ("...)
	b = append(b, group...)
	b = append(b, "), "...)
	b = appendPercent(b, share, '.')
	b = append(b, " % of "...)
	b = applied.Tariff.Money().AppendText(b)
	switch applied.Basis {
	case tariff.BasisMaximum:
		b = append(b, " — maximum tariff: no valid attest"...)
	case tariff.BasisConnect:
		b = append(b, " — new attest, connected to the previous one"...)
	}
	en := len(b)
	b = applied.Tariff.Money().AppendText(b)
	tr := len(b)
	b = append(b, srcCareTariff+"; "...)
	b = append(b, applied.Rule.Source...)
	all := string(b)
	return Line{Kind: LineCare, UnitPrice: unit, Band: string(band), Group: string(group), Basis: string(applied.Basis),
		Tariff: all[en:tr], Deductible: true, Rule: plan.Rule{ID: "invoice.care", Source: all[tr:]},
		LabelNL: all[:nl], LabelEN: all[nl:en]}
}

// appendPercent appends share × 100 with the decimal mark point ("60",
// "160", "33,3" with a comma).
func appendPercent(b []byte, share decimal.Decimal, point byte) []byte {
	if share.NumDigits() > 15 || share.Sign() < 0 {
		s := share.Shift(2).String()
		if point != '.' {
			s = strings.Replace(s, ".", string(point), 1)
		}
		return append(b, s...)
	}
	c, exp := share.CoefficientInt64(), int(share.Exponent())+2
	for ; exp > 0; exp-- {
		c *= 10
	}
	var buf [24]byte
	digits := strconv.AppendInt(buf[:0], c, 10)
	if exp == 0 {
		return append(b, digits...)
	}
	frac := -exp
	if len(digits) <= frac { // 0.5 % and the like: leading zeros
		var padded [48]byte
		n := copy(padded[frac+1-len(digits):], digits)
		for i := range frac + 1 - len(digits) {
			padded[i] = '0'
		}
		digits = padded[:frac+1-len(digits)+n]
	}
	whole, rest := digits[:len(digits)-frac], digits[len(digits)-frac:]
	for len(rest) > 0 && rest[len(rest)-1] == '0' {
		rest = rest[:len(rest)-1]
	}
	b = append(b, whole...)
	if len(rest) > 0 {
		b = append(b, point)
		b = append(b, rest...)
	}
	return b
}

// proRataLine is a new care line of short moments priced pro rata (seed
// 004 §3.3 read pro rata), with its labels.
func proRataLine(care tariff.DayCare, pr *tariff.ProRata, unit tariff.Money, applied tariff.Applied) Line {
	counted := pr.Counted(care.Minutes)
	unitNL, unitEN := "per minuut", "per minute"
	switch pr.Unit {
	case tariff.PerStartedQuarter:
		unitNL, unitEN = "per begonnen kwartier", "per started quarter hour"
	case tariff.PerStartedHalf:
		unitNL, unitEN = "per begonnen half uur", "per started half hour"
	}
	b := make([]byte, 0, 320+len(srcProRata)+len(pr.Source)) // both labels and the source: one allocation
	b = append(b, "korte opvangmomenten (schoolkind), samen "...)
	b = strconv.AppendInt(b, int64(counted), 10)
	b = append(b, " minuten ("...)
	b = append(b, unitNL...)
	b = append(b, "): "...)
	b = appendEuro(b, applied.Tariff.Money())
	b = append(b, " × "...)
	b = strconv.AppendInt(b, int64(counted), 10)
	b = append(b, "/"...)
	b = strconv.AppendInt(b, int64(pr.ReferenceMinutes), 10)
	b = append(b, ", hoogstens de prijs van het dagdeel"...)
	nl := len(b)
	b = append(b, "short moments (school-age), together "...)
	b = strconv.AppendInt(b, int64(counted), 10)
	b = append(b, " minutes ("...)
	b = append(b, unitEN...)
	b = append(b, "): "...)
	b = applied.Tariff.Money().AppendText(b)
	b = append(b, " × "...)
	b = strconv.AppendInt(b, int64(counted), 10)
	b = append(b, "/"...)
	b = strconv.AppendInt(b, int64(pr.ReferenceMinutes), 10)
	b = append(b, ", at most the band's price"...)
	en := len(b)
	b = append(b, srcProRata+"; "...)
	b = append(b, pr.Source...)
	all := string(b)
	return Line{Kind: LineCare, UnitPrice: unit, Band: string(care.Band), Group: string(care.Group), Basis: string(applied.Basis),
		Pricing: tariff.PricingProRata, Tariff: applied.Tariff.String(), Deductible: true,
		Rule: plan.Rule{ID: "invoice.care.pro_rata", Source: all[en:]}, LabelNL: all[:nl], LabelEN: all[nl:en]}
}
