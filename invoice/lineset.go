package invoice

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// lineKey identifies lines that aggregate: same kind, band, group, basis,
// pricing model and counted minutes (and, compared apart, unit price). The
// library's constants are packed as small codes into one word, so a day's
// look-up compares integers; a value without a code (none today: bands are
// validated, the others are the library's) is kept as text, so the key
// stays exact.
type lineKey struct {
	codes   uint64 // kind, band, group, basis and pricing: a byte each
	minutes int    // the counted minutes of a pro-rata line, a price list's part
	other   string // the values without a code, each with its place
}

// newLineKey returns the key of a line.
func newLineKey(kind LineKind, band tariff.Band, group tariff.AgeGroup, basis string, pricing tariff.PricingModel, minutes int) lineKey {
	k := lineKey{minutes: minutes}
	for i, v := range [...]string{string(kind), string(band), string(group), basis, string(pricing)} {
		c := lineCode(v)
		if c == 0 && v != "" {
			c = 0xff
			k.other += fmt.Sprintf("%d=%q;", i, v)
		}
		k.codes |= uint64(c) << (8 * i)
	}
	return k
}

// kindKey is the key of a line of a kind alone (an extra cost, a fee).
func kindKey(kind LineKind) lineKey { return newLineKey(kind, "", "", "", "", 0) }

// isKind reports whether k is a line of kind.
func (k lineKey) isKind(kind LineKind) bool { return k.codes&0xff == uint64(lineCode(string(kind))) }

// The codes of the kinds of line, as lineCode gives them: the keys of the
// day's lines are made from them without a look-up.
const (
	codeCare = 1 + iota
	codeUnjustified
	codeLateNotice
	codeNoticeFee
	codeLatePickup
	codeWasteFull
	codeWastePart
	codeHotMeal
	codeAdmin
	codeTransport
	codeReservedAbsent
	codeLateCancel
)

// lineCode is the code of one of the library's kinds, bands, groups, bases
// and pricing models (each name is of one of them only), 0 for the empty
// string and anything else.
func lineCode(v string) uint8 {
	switch v {
	case "":
		return 0
	case string(LineCare):
		return codeCare
	case string(LineUnjustified):
		return codeUnjustified
	case string(LineLateNotice):
		return codeLateNotice
	case string(LineNoticeFee):
		return codeNoticeFee
	case string(LineLatePickup):
		return codeLatePickup
	case string(LineWasteFull):
		return codeWasteFull
	case string(LineWastePart):
		return codeWastePart
	case string(LineHotMeal):
		return codeHotMeal
	case string(LineAdmin):
		return codeAdmin
	case string(LineTransport):
		return codeTransport
	case string(LineReservedAbsent):
		return codeReservedAbsent
	case string(LineLateCancel):
		return codeLateCancel
	case string(tariff.BandNone):
		return 20
	case string(tariff.BandThird):
		return 21
	case string(tariff.BandHalf):
		return 22
	case string(tariff.BandFull):
		return 23
	case string(tariff.BandFlex):
		return 24
	case string(tariff.BabyToddler):
		return 30
	case string(tariff.SchoolAge):
		return 31
	case string(tariff.BasisAttest):
		return 40
	case string(tariff.BasisConnect):
		return 41
	case string(tariff.BasisMaximum):
		return 42
	case string(tariff.BasisList):
		return 43
	case string(tariff.BasisSocial):
		return 44
	case string(tariff.BasisSibling):
		return 45
	case string(tariff.BasisSocialSibling):
		return 46
	case string(tariff.PricingBands):
		return 50
	case string(tariff.PricingProRata):
		return 51
	case string(tariff.PricingPriceList):
		return 52
	}
	return 0
}

// lineSet aggregates days into the lines of one child. Counts are whole
// numbers kept as integers (and a decimal part for kilometres), turned
// into decimals once, in finish. The lines are made in place, in the slice
// finish returns, with their counts beside them.
type lineSet struct {
	child  string
	om     *OrganiserMonth
	days   int // the days of the period: the most dates a per-day line holds
	lines  []Line
	counts []lineCount // counts[i] is lines[i]'s
}

// lineCount is what is counted of a line.
type lineCount struct {
	key   lineKey
	whole int64
	frac  decimal.Decimal
}

// bump adds n (and day d) to the line with key k and unit price unit, and
// reports whether there was one; callers make a new line only when there
// was not, so labels are formatted once per line, not per day.
func (s *lineSet) bump(k lineKey, unit tariff.Money, d plan.Date, n int64) bool {
	if i := s.find(k, unit); i >= 0 {
		s.counts[i].whole += n
		if !d.IsZero() {
			s.lines[i].Dates = append(s.lines[i].Dates, d)
		}
		return true
	}
	return false
}

// find returns the index of the line of key k and unit price unit, -1 when
// there is none.
func (s *lineSet) find(k lineKey, unit tariff.Money) int {
	for i := range s.counts {
		if s.counts[i].key == k && s.lines[i].UnitPrice == unit {
			return i
		}
	}
	return -1
}

// add adds n for day d to the line of key k, creating it from proto
// (whose UnitPrice is the unit) when needed.
func (s *lineSet) add(k lineKey, proto Line, d plan.Date, n int64) {
	if !s.bump(k, proto.UnitPrice, d, n) {
		s.create(k, proto, d, n)
	}
}

// addDecimal adds a decimal count (kilometres) for day d.
func (s *lineSet) addDecimal(k lineKey, proto Line, d plan.Date, x decimal.Decimal) {
	if !s.bump(k, proto.UnitPrice, d, 0) {
		s.create(k, proto, d, 0)
	}
	c := &s.counts[s.find(k, proto.UnitPrice)]
	c.frac = c.frac.Add(x)
}

func (s *lineSet) create(k lineKey, proto Line, d plan.Date, n int64) {
	proto.Child = s.child
	if !d.IsZero() {
		capacity := 4
		if k.isKind(LineCare) || k.isKind(LineWasteFull) || k.isKind(LineWastePart) || k.isKind(LineLatePickup) {
			capacity = s.days // one date a day: one allocation
		}
		proto.Dates = append(make([]plan.Date, 0, capacity), d)
	}
	if s.lines == nil {
		// Room for the usual lines of a child-month (care, waste, late
		// pick-up, an absence) and the family's administration line.
		s.lines, s.counts = make([]Line, 0, 6), make([]lineCount, 0, 6)
	}
	s.lines = append(s.lines, proto)
	s.counts = append(s.counts, lineCount{key: k, whole: n})
}

// finish multiplies each line once and orders them: care first, by group,
// band and first day; then the other kinds. A line whose amount leaves the
// range of Money is an error naming it.
func (s *lineSet) finish() ([]Line, error) {
	lines := s.lines
	for i := range lines {
		l, c := &lines[i], &s.counts[i]
		var err error
		if c.frac.IsZero() {
			l.Count = s.om.count(c.whole)
			l.Amount, err = l.UnitPrice.TimesInt(c.whole)
		} else {
			l.Count = decimal.NewFromInt(c.whole).Add(c.frac)
			l.Amount, err = l.UnitPrice.Times(l.Count)
		}
		if err != nil {
			return nil, plan.Problem{Code: tariff.CodeInvalidMoney, Field: string(l.Kind), Date: firstDate(*l),
				Message: fmt.Sprintf("the %s line of child %s cannot be priced: %v", l.Kind, s.child, err)}
		}
	}
	// Room for the family's administration line: a family of one child
	// takes these lines as the invoice's.
	if len(lines) == cap(lines) {
		lines = slices.Grow(lines, 1)
	}
	slices.SortStableFunc(lines, func(a, b Line) int {
		if c := cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)); c != 0 {
			return c
		}
		return firstDate(a).Compare(firstDate(b))
	})
	return lines, nil
}

// kindOrder is the place of a kind of line on the invoice.
func kindOrder(k LineKind) int {
	switch k {
	case LineCare:
		return 0
	case LineUnjustified:
		return 1
	case LineLateNotice:
		return 2
	case LineNoticeFee:
		return 3
	case LineLatePickup:
		return 4
	case LineWasteFull:
		return 5
	case LineWastePart:
		return 6
	case LineHotMeal:
		return 7
	case LineReservedAbsent:
		return 1
	case LineLateCancel:
		return 2
	case LineTransport:
		return 8
	}
	return 9 // LineAdmin
}

func firstDate(l Line) plan.Date {
	if len(l.Dates) == 0 {
		return plan.Date{}
	}
	return l.Dates[0]
}
