package invoice

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// External is an invoice made by other software, to verify: its header
// (number, family, month, due date), its lines and its total. It is the
// format DecodeExternal reads (schema.External publishes it). A field left
// out is not "anything goes": Verify reports it as absent.
type External struct {
	Number string `json:"number,omitempty"`
	// Family is the family's id (Family.ID).
	Family  string         `json:"family,omitempty"`
	Month   plan.Month     `json:"month,omitzero"`
	DueDate plan.Date      `json:"due_date,omitzero"`
	Lines   []ExternalLine `json:"lines,omitempty"`
	// Total is the invoice total; nil when the invoice states none.
	Total *tariff.Money `json:"total,omitempty"`
}

// ExternalLine is one line of an external invoice. Child is empty for a
// family line (administration); Band and Group are those of a care line,
// empty on the others; Basis, why the care line's tariff applies, may be
// left out: the lines of that child, kind, band, group and unit price are
// then compared without basis, on both sides.
type ExternalLine struct {
	Child string          `json:"child,omitempty"`
	Kind  LineKind        `json:"kind"`
	Band  tariff.Band     `json:"band,omitempty"`
	Group tariff.AgeGroup `json:"group,omitempty"`
	Basis tariff.Basis    `json:"basis,omitempty"`
	// Pricing is the pricing model of a care line priced otherwise than by
	// the bands (pro_rata, price_list).
	Pricing   tariff.PricingModel `json:"pricing,omitempty"`
	Count     decimal.Decimal     `json:"count"`
	UnitPrice tariff.Money        `json:"unit_price"`
	Amount    tariff.Money        `json:"amount"`
}

// Rounding is the convention by which an external invoice's line amounts
// are accepted.
type Rounding uint8

const (
	// PerLine is the library's own rule and the default: a line's amount is
	// its count × unit price rounded once to the cent, half away from zero
	// (tariff.Money.Times). Any other amount is a DiffArithmetic.
	PerLine Rounding = iota
	// PerDay accepts, besides the PerLine amount, the amount of software that
	// rounds the price of each day (each unit of the count) to the cent
	// before adding the days up: count × round(unit price), itself rounded
	// to the cent — for a whole count, the sum of the rounded day prices.
	// With the library's unit prices, in whole cents, the two are the same;
	// they differ for a sub-cent unit price (a km rate of 0.4269, or a share
	// × tariff not rounded per day, 40 % × 24.13 = 9.652). Such a line is
	// reported as DiffWithinTolerance, never silently accepted; its unit
	// price then matches the computed line whose unit price is the rounded
	// one (9.65).
	PerDay
)

// String returns "per_line" or "per_day".
func (r Rounding) String() string {
	switch r {
	case PerLine:
		return "per_line"
	case PerDay:
		return "per_day"
	}
	return fmt.Sprintf("Rounding(%d)", uint8(r))
}

// ParseRounding parses "per_line" or "per_day".
func ParseRounding(s string) (Rounding, error) {
	for _, r := range []Rounding{PerLine, PerDay} {
		if r.String() == s {
			return r, nil
		}
	}
	return 0, plan.Problem{Code: plan.CodeInvalidValue, Field: "rounding", Message: fmt.Sprintf("rounding %q is not per_line or per_day", s)}
}

// VerifyOptions states the conventions of the software whose invoice is
// verified. The zero value is exact: amounts per line, no tolerance.
type VerifyOptions struct {
	Rounding Rounding `json:"rounding"`
	// Tolerance accepts a line amount up to this far from its count × unit
	// price (and a line split in parts whose rounded parts add up to within
	// this of the whole), reporting it as DiffWithinTolerance. Zero is none;
	// it cannot be negative.
	Tolerance tariff.Money `json:"tolerance"`
}

// Validate checks the options.
func (o VerifyOptions) Validate() error {
	var ps plan.Problems
	if o.Rounding != PerLine && o.Rounding != PerDay {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "rounding", Message: fmt.Sprintf("%s is not PerLine or PerDay", o.Rounding)})
	}
	if o.Tolerance.Sign() < 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "tolerance", Message: fmt.Sprintf("a tolerance of %s cannot be negative", o.Tolerance)})
	}
	return ps.Err()
}

// DiffKind is the kind of a Difference.
type DiffKind uint8

// The kinds of difference.
const (
	// DiffMissing is a computed line the external invoice does not have.
	DiffMissing DiffKind = iota + 1
	// DiffUnexpected is an external line the computed invoice does not have.
	DiffUnexpected
	// DiffDuplicate is an external line that repeats another exactly, where
	// the computed invoice bills it once: a line billed twice.
	DiffDuplicate
	// DiffCount is a line (or the parts of a split line) whose count differs.
	DiffCount
	// DiffUnitPrice is a line whose unit price differs (matched on child,
	// kind, band and group).
	DiffUnitPrice
	// DiffBasis is a care line at the right price that states another basis
	// for its tariff (attest, connect, maximum).
	DiffBasis
	// DiffAmount is a line split in parts whose counts and unit price agree
	// but whose rounded parts do not add up to the line's amount.
	DiffAmount
	// DiffArithmetic is a line whose amount is not its count × unit price
	// rounded to the cent (Field "amount"), or a total that is not the sum
	// of the invoice's lines (Field "total").
	DiffArithmetic
	// DiffWithinTolerance is an amount accepted only by a stated convention
	// (VerifyOptions): per-day rounding or a tolerance.
	DiffWithinTolerance
	// DiffTotal is a total that differs from the computed one, or that the
	// external invoice does not state (Absent).
	DiffTotal
	// DiffHeader is a number, family, month or due date that differs or is
	// absent (Field names which).
	DiffHeader
)

// String returns the kind's name: "missing", "unexpected", "duplicate",
// "count", "unit_price", "basis", "amount", "arithmetic",
// "within_tolerance", "total" or "header".
func (k DiffKind) String() string {
	switch k {
	case DiffMissing:
		return "missing"
	case DiffUnexpected:
		return "unexpected"
	case DiffDuplicate:
		return "duplicate"
	case DiffCount:
		return "count"
	case DiffUnitPrice:
		return "unit_price"
	case DiffBasis:
		return "basis"
	case DiffAmount:
		return "amount"
	case DiffArithmetic:
		return "arithmetic"
	case DiffWithinTolerance:
		return "within_tolerance"
	case DiffTotal:
		return "total"
	case DiffHeader:
		return "header"
	}
	return fmt.Sprintf("DiffKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler (the String form); a kind
// that is not one of the constants is an error.
func (k DiffKind) MarshalText() ([]byte, error) {
	if k < DiffMissing || k > DiffHeader {
		return nil, fmt.Errorf("invoice: %s is not a kind of difference: %w", k, plan.CodeInvalidValue)
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *DiffKind) UnmarshalText(b []byte) error {
	for c := DiffMissing; c <= DiffHeader; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("invoice: %q is not a kind of difference: %w", b, plan.CodeInvalidValue)
}

// Side is one side of a difference, the expected (computed) or the
// invoiced (external) one: a line's count, unit price and amount (summed
// over the parts of a split line), an amount, or a header's text. A nil
// field is not part of the difference, or absent on that side (a missing
// line has no Got count).
type Side struct {
	Count     *decimal.Decimal `json:"count,omitempty"`
	UnitPrice *tariff.Money    `json:"unit_price,omitempty"`
	Amount    *tariff.Money    `json:"amount,omitempty"`
	Text      string           `json:"text,omitempty"`
}

// Difference is one way an external invoice differs from the computed one:
// what (a DiffKind), on which line, the expected and the invoiced values,
// and the rule and source behind the expected value.
type Difference struct {
	What DiffKind `json:"what"`
	// Field names the value that differs: "count", "unit_price", "basis",
	// "amount", "total", or a header's "number", "family", "month",
	// "due_date".
	Field string `json:"field,omitempty"`
	// Child, Kind, Band, Group and Basis identify the line (of the computed
	// invoice when there is one).
	Child string          `json:"child,omitempty"`
	Kind  LineKind        `json:"kind,omitempty"`
	Band  tariff.Band     `json:"band,omitempty"`
	Group tariff.AgeGroup `json:"group,omitempty"`
	Basis tariff.Basis    `json:"basis,omitempty"`
	// External are the indices of the lines concerned in the external
	// invoice's Lines (for a duplicate: the copy, then the line it repeats);
	// Computed those in the computed invoice's Lines.
	External []int `json:"external,omitempty"`
	Computed []int `json:"computed,omitempty"`
	Expected Side  `json:"expected"`
	Got      Side  `json:"got"`
	// Absent is true when the external invoice states no value (a total, a
	// header field); Got then holds what stands in for it, if anything (the
	// sum of the lines for an absent total).
	Absent bool `json:"absent,omitempty"`
	// Rule is the rule behind the expected value, with its source: the
	// computed line's Rule for a line.
	Rule    plan.Rule `json:"rule"`
	Message string    `json:"message"`
}

// Citations of the rules verification applies.
const (
	srcVerifyLines  = "house rules Zorg Leuven §3.6 (seed 004): the invoice shows every cost «met vermelding van aard, aantal en het bedrag»; the case gives no such line"
	srcLineAmount   = "house rules Zorg Leuven §3.6 (seed 004): each cost with its count and amount; a line's amount is its count × unit price rounded to the cent, half away from zero (tariff.Money.Times)"
	srcInvoiceTotal = "house rules Zorg Leuven §3.6 (seed 004): the monthly invoice; its total is the sum of the lines' amounts, never rounded again"
	srcDueDate      = "house rules Zorg Leuven §3.6 (seed 004): «Betaal de factuur binnen de termijn voorzien op de factuur, deze bedraagt 1 maand na opmaak factuur»"
	srcHeader       = "the case: the invoice number, the family and the month invoiced (Case.Number, Case.Family.ID, Case.Month)"
)

func ruleLineAmount() plan.Rule { return plan.Rule{ID: "invoice.line_amount", Source: srcLineAmount} }
func ruleTotal() plan.Rule      { return plan.Rule{ID: "invoice.total", Source: srcInvoiceTotal} }

// Verify compares an external invoice with the computed one, exactly
// (VerifyOptions{}), and lists every difference; none means the external
// invoice is right. See VerifyWith.
func Verify(computed Invoice, ext External) []Difference {
	ds, _ := VerifyWith(computed, ext, VerifyOptions{}) // the zero options are valid
	return ds
}

// VerifyWith compares an external invoice with the computed one under the
// stated conventions and lists every difference, in this order:
//
//   - the header: number, family, month and due date, each differing or
//     absent (DiffHeader);
//   - each external line whose amount is not its count × unit price
//     rounded to the cent (DiffArithmetic), or that the options alone
//     accept (DiffWithinTolerance);
//   - the lines, compared as multisets keyed by child, kind, band, group,
//     basis and unit price, counts and amounts summed over the lines of a
//     key, so a line split in parts is no difference: for each computed
//     key in the computed invoice's order, an exact repeat of an external
//     line that the counts do not need (DiffDuplicate), a count that
//     differs (DiffCount), parts that round to another amount (DiffAmount);
//     a computed and an external key of the same child, kind, band and
//     group that match no other are the same line at another unit price
//     (DiffUnitPrice; DiffBasis when only the basis differs); then every
//     computed key left (DiffMissing) and every external line left
//     (DiffUnexpected);
//   - the total: absent (DiffTotal, Absent, with the sum of the lines),
//     not the sum of the lines (DiffArithmetic), different from the
//     computed total (DiffTotal, or DiffWithinTolerance when only accepted
//     line amounts make the difference).
//
// An empty external invoice is not a pass: every line is missing, and the
// header and the total are absent. The error is for invalid options only.
func VerifyWith(computed Invoice, ext External, opt VerifyOptions) ([]Difference, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	v := &verifier{inv: computed, ext: ext, opt: opt}
	v.header()
	v.lines()
	v.total()
	return v.out, nil
}

// key is what a line is matched on.
type key struct {
	child   string
	kind    LineKind
	band    tariff.Band
	group   tariff.AgeGroup
	basis   tariff.Basis
	pricing tariff.PricingModel
	unit    tariff.Money
}

// withoutBasis is the key without its basis: the lines of a key that an
// external line states no basis for are matched on it.
func (k key) withoutBasis() key { k.basis = ""; return k }

// sameLine is the key without unit price or basis: a line at another price.
func (k key) sameLine(o key) bool {
	return k.child == o.child && k.kind == o.kind && k.band == o.band && k.group == o.group && k.pricing == o.pricing
}

// moneySum adds amounts and remembers when the sum leaves the range of Money.
type moneySum struct {
	m    tariff.Money
	over bool
}

func (s *moneySum) add(m tariff.Money) {
	if s.over {
		return
	}
	r, err := s.m.Add(m)
	if err != nil {
		s.over = true
		return
	}
	s.m = r
}

// ptr returns the sum, or nil beyond the range of Money.
func (s moneySum) ptr() *tariff.Money {
	if s.over {
		return nil
	}
	m := s.m
	return &m
}

func (s moneySum) equal(o moneySum) bool { return !s.over && !o.over && s.m == o.m }

// group is the lines of one key, on one side.
type group struct {
	k       key
	idx     []int
	count   decimal.Decimal
	amount  moneySum
	matched bool
}

// lineCheck is the verdict on one external line's own arithmetic.
type lineCheck struct {
	exact       *tariff.Money // count × unit price per line; nil beyond range
	arithmetic  bool          // the amount is not accepted
	tolerated   string        // the convention that accepted it, when not exact
	unitRounded bool          // matched at its unit price rounded to the cent (PerDay)
	k           key
}

type verifier struct {
	inv Invoice
	ext External
	opt VerifyOptions
	out []Difference
	// checks are the external lines' verdicts, by index.
	checks []lineCheck
	// real is set by any difference in the lines that no option accepted.
	real bool
	// tolerated is the sum of the amounts accepted by the options, above
	// the computed ones.
	tolerated moneySum
}

func (v *verifier) add(d Difference) {
	if d.What != DiffWithinTolerance && d.What != DiffHeader {
		v.real = true
	}
	v.out = append(v.out, d)
}

func (v *verifier) header() {
	check := func(field, want, got string, rule plan.Rule) {
		if want == got {
			return
		}
		d := Difference{What: DiffHeader, Field: field, Expected: Side{Text: want}, Got: Side{Text: got}, Absent: got == "", Rule: rule}
		if d.Absent {
			d.Message = fmt.Sprintf("%s: %q expected; the invoice states none", field, want)
		} else {
			d.Message = fmt.Sprintf("%s: %q expected, %q invoiced", field, want, got)
		}
		v.add(d)
	}
	header := plan.Rule{ID: "invoice.header", Source: srcHeader}
	// Source: the case — the invoice of this family and month, with its
	// number; seed 004 §3.6 — due "1 maand na opmaak factuur".
	check("number", v.inv.Number, v.ext.Number, header)
	check("family", v.inv.Family.ID, v.ext.Family, header)
	check("month", v.inv.Month.String(), v.ext.Month.String(), header)
	check("due_date", v.inv.DueDate.String(), v.ext.DueDate.String(), plan.Rule{ID: "invoice.due_date", Source: srcDueDate})
}

func externalKey(l ExternalLine) key {
	return key{child: l.Child, kind: l.Kind, band: l.Band, group: l.Group, basis: l.Basis, pricing: l.Pricing, unit: l.UnitPrice}
}

func computedKey(l Line) key {
	return key{child: l.Child, kind: l.Kind, band: tariff.Band(l.Band), group: tariff.AgeGroup(l.Group), basis: tariff.Basis(l.Basis), pricing: l.Pricing, unit: l.UnitPrice}
}

func (v *verifier) lines() {
	// The keys whose basis is left out by some external line: on them,
	// basis is compared on neither side (an attest and a connected attest
	// at the same price are then one line).
	noBasis := map[key]bool{}
	for _, l := range v.ext.Lines {
		if k := externalKey(l); k.basis == "" {
			noBasis[k] = true
			if v.opt.Rounding == PerDay {
				k.unit = k.unit.Round()
				noBasis[k] = true
			}
		}
	}
	keyOf := func(k key) key {
		if noBasis[k.withoutBasis()] {
			return k.withoutBasis()
		}
		return k
	}
	// The computed lines by key, in order.
	var comp []*group
	byKey := map[key]*group{}
	for i, l := range v.inv.Lines {
		k := keyOf(computedKey(l))
		g, ok := byKey[k]
		if !ok {
			g = &group{k: k}
			byKey[k] = g
			comp = append(comp, g)
		}
		g.idx = append(g.idx, i)
		g.count = g.count.Add(l.Count)
		g.amount.add(l.Amount)
	}

	// Each external line: its arithmetic, and the key it matches.
	v.checks = make([]lineCheck, len(v.ext.Lines))
	var extGroups []*group
	extByKey := map[key]*group{}
	for i, l := range v.ext.Lines {
		c := v.check(l)
		c.k = keyOf(externalKey(l))
		if _, ok := byKey[c.k]; !ok && v.opt.Rounding == PerDay {
			// Source: VerifyOptions.PerDay — a day price rounded to the cent
			// is the computed unit price.
			rounded := externalKey(l)
			rounded.unit = l.UnitPrice.Round()
			rounded = keyOf(rounded)
			if perDay, err := l.UnitPrice.Round().Times(l.Count); err == nil && perDay == l.Amount && rounded.unit != l.UnitPrice && byKey[rounded] != nil {
				c.k, c.unitRounded, c.arithmetic, c.tolerated = rounded, true, false, "per-day rounding"
			}
		}
		v.checks[i] = c
		g, ok := extByKey[c.k]
		if !ok {
			g = &group{k: c.k}
			extByKey[c.k] = g
			extGroups = append(extGroups, g)
		}
		g.idx = append(g.idx, i)
		g.count = g.count.Add(l.Count)
		g.amount.add(l.Amount)
	}

	var groupDiffs []Difference
	emit := func(d Difference) { groupDiffs = append(groupDiffs, d) }
	for _, cg := range comp {
		if xg := extByKey[cg.k]; xg != nil {
			cg.matched, xg.matched = true, true
			v.compare(cg, xg, emit)
		}
	}
	// The same line at another price: a computed key and an external key of
	// the same child, kind, band and group, neither matched.
	for _, cg := range comp {
		if cg.matched {
			continue
		}
		var pick *group
		for _, xg := range extGroups {
			if xg.matched || !xg.k.sameLine(cg.k) {
				continue
			}
			if pick == nil || !pick.count.Equal(cg.count) && xg.count.Equal(cg.count) {
				pick = xg
			}
		}
		if pick != nil {
			cg.matched, pick.matched = true, true
			v.priced(cg, pick, emit)
		}
	}
	for _, cg := range comp {
		if !cg.matched {
			l := v.inv.Lines[cg.idx[0]]
			emit(v.lineDiff(DiffMissing, "", cg, nil, v.computedSide(cg), Side{},
				fmt.Sprintf("%s: %s is not on the invoice (%s)", v.describe(cg), v.computedText(cg), l.Rule.ID)))
		}
	}
	// The lines' own arithmetic first, in their order; then the matching.
	for i, l := range v.ext.Lines {
		c := v.checks[i]
		var cg *group
		if g := byKey[c.k]; g != nil && g.matched {
			cg = g
		}
		v.lineVerdict(i, l, c, cg)
	}
	for _, d := range groupDiffs {
		v.add(d)
	}
	for _, xg := range extGroups {
		if xg.matched {
			continue
		}
		for _, i := range xg.idx {
			l := v.ext.Lines[i]
			v.add(Difference{What: DiffUnexpected, Child: l.Child, Kind: l.Kind, Band: l.Band, Group: l.Group, Basis: l.Basis, External: []int{i},
				Got:  lineSide(l),
				Rule: plan.Rule{ID: "invoice.lines", Source: srcVerifyLines},
				Message: fmt.Sprintf("line %d, %s %s × %s = %s, is not on the computed invoice",
					i, describeExternal(l), l.Count, l.UnitPrice, l.Amount)})
		}
	}
}

// check judges one external line's amount against its own count and unit
// price, under the options.
func (v *verifier) check(l ExternalLine) lineCheck {
	// Source: seed 004 §3.6 — each cost with its count and amount; the
	// amount is count × unit price rounded once, to the cent, half away from
	// zero (tariff.Money.Times).
	exact, err := l.UnitPrice.Times(l.Count)
	if err != nil {
		return lineCheck{arithmetic: true}
	}
	c := lineCheck{exact: &exact}
	if exact == l.Amount {
		return c
	}
	// Source: VerifyOptions — a convention the caller states for the other
	// software, reported, never silently accepted.
	if v.opt.Rounding == PerDay {
		if perDay, err := l.UnitPrice.Round().Times(l.Count); err == nil && perDay == l.Amount {
			c.tolerated = "per-day rounding"
			return c
		}
	}
	if v.opt.Tolerance.Sign() > 0 {
		if d, err := l.Amount.Sub(exact); err == nil && d.Cmp(v.opt.Tolerance) <= 0 && d.Neg().Cmp(v.opt.Tolerance) <= 0 {
			c.tolerated = "a tolerance of " + v.opt.Tolerance.String()
			return c
		}
	}
	c.arithmetic = true
	return c
}

// lineVerdict reports an external line's own arithmetic: wrong, or
// accepted by the options.
func (v *verifier) lineVerdict(i int, l ExternalLine, c lineCheck, cg *group) {
	if !c.arithmetic && c.tolerated == "" {
		return
	}
	exp := lineSide(l)
	exp.Amount = nil
	if c.exact != nil {
		exp.Amount = moneyPtr(*c.exact)
	}
	d := Difference{Field: "amount", Child: l.Child, Kind: l.Kind, Band: l.Band, Group: l.Group, Basis: l.Basis, External: []int{i},
		Expected: exp, Got: lineSide(l), Rule: ruleLineAmount()}
	if cg != nil {
		d.Computed = slices.Clone(cg.idx)
	}
	exact := "beyond the range of amounts"
	if c.exact != nil {
		exact = c.exact.String()
	}
	switch {
	case c.arithmetic:
		d.What = DiffArithmetic
		d.Message = fmt.Sprintf("line %d, %s: %s × %s is %s, not %s", i, describeExternal(l), l.Count, l.UnitPrice, exact, l.Amount)
	case c.unitRounded:
		d.What, d.Field = DiffWithinTolerance, "unit_price"
		unit := c.k.unit
		d.Expected.UnitPrice = moneyPtr(unit)
		d.Expected.Amount = moneyPtr(l.Amount)
		d.Message = fmt.Sprintf("line %d, %s: unit price %s rounded per day to %s, the computed one: %s × %s = %s (accepted by %s)",
			i, describeExternal(l), l.UnitPrice, unit, l.Count, unit, l.Amount, c.tolerated)
	default:
		d.What = DiffWithinTolerance
		d.Message = fmt.Sprintf("line %d, %s: %s × %s is %s, invoiced %s (accepted by %s)", i, describeExternal(l), l.Count, l.UnitPrice, exact, l.Amount, c.tolerated)
	}
	v.add(d)
}

// compare compares a computed key with the external lines of the same key.
func (v *verifier) compare(cg, xg *group, emit func(Difference)) {
	lines := slices.Clone(xg.idx)
	count := xg.count
	// Source: seed 004 §3.6 — each cost is billed with its count: an exact
	// repeat of a line that the computed count does not need is billed
	// twice. Later copies are the repeats.
	var dups [][2]int
	if count.GreaterThan(cg.count) && len(lines) >= 2 {
		first := make(map[lineSig]int, len(lines)) // the first line of each content
		for k, i := range lines {
			if s := sigOf(v.ext.Lines[i]); first[s] == 0 {
				first[s] = k + 1
			}
		}
		removed := make([]bool, len(lines))
		for j := len(lines) - 1; j >= 1 && count.GreaterThan(cg.count); j-- {
			lj := v.ext.Lines[lines[j]]
			if lj.Count.Sign() <= 0 || count.Sub(lj.Count).LessThan(cg.count) {
				continue
			}
			if k := first[sigOf(lj)] - 1; k < j {
				dups = append(dups, [2]int{lines[j], lines[k]})
				count = count.Sub(lj.Count)
				removed[j] = true
			}
		}
		kept := lines[:0]
		for k, i := range lines {
			if !removed[k] {
				kept = append(kept, i)
			}
		}
		lines = kept
	}
	slices.SortFunc(dups, func(a, b [2]int) int { return a[0] - b[0] })
	exp := v.computedSide(cg)
	for _, dp := range dups {
		l := v.ext.Lines[dp[0]]
		d := v.lineDiff(DiffDuplicate, "", cg, dp[:], exp, lineSide(l),
			fmt.Sprintf("line %d repeats line %d (%s: %s × %s = %s): billed twice; the computed invoice has %s",
				dp[0], dp[1], v.describe(cg), l.Count, l.UnitPrice, l.Amount, v.computedText(cg)))
		emit(d)
	}
	var amount, exact moneySum
	arithmetic := false
	for _, i := range lines {
		l := v.ext.Lines[i]
		amount.add(l.Amount)
		e, err := cg.k.unit.Times(l.Count)
		if err != nil {
			exact.over = true
		}
		exact.add(e)
		arithmetic = arithmetic || v.checks[i].arithmetic
	}
	got := Side{Count: &count, UnitPrice: moneyPtr(cg.k.unit), Amount: amount.ptr()}
	if !count.Equal(cg.count) {
		emit(v.lineDiff(DiffCount, "count", cg, lines, exp, got,
			fmt.Sprintf("%s: count %s expected, %s invoiced (amount %s expected, %s invoiced; %s)",
				v.describe(cg), cg.count, count, moneyText(cg.amount.ptr()), moneyText(amount.ptr()), v.ruleOf(cg).ID)))
		return
	}
	if arithmetic {
		return // the lines' own amounts are wrong: reported with each line
	}
	if !exact.equal(cg.amount) {
		// Source: seed 004 §3.6 and tariff.Money.Times — a line's amount is
		// rounded once; parts rounded each may not add up to it.
		d := v.lineDiff(DiffAmount, "amount", cg, lines, exp, Side{Count: &count, UnitPrice: moneyPtr(cg.k.unit), Amount: exact.ptr()},
			fmt.Sprintf("%s: the parts, lines %s, each rounded, come to %s; the line is %s",
				v.describe(cg), intsText(lines), moneyText(exact.ptr()), moneyText(cg.amount.ptr())))
		if diff, ok := within(exact, cg.amount, v.opt.Tolerance); ok {
			d.What = DiffWithinTolerance
			d.Message = fmt.Sprintf("%s: the parts, lines %s, each rounded, come to %s; the line is %s (accepted by a tolerance of %s)",
				v.describe(cg), intsText(lines), moneyText(exact.ptr()), moneyText(cg.amount.ptr()), v.opt.Tolerance)
			v.tolerated.add(diff)
		}
		emit(d)
		if d.What != DiffWithinTolerance {
			return
		}
	}
	// The amounts the options accepted, above the exact ones.
	if !amount.over && !exact.over {
		if d, err := amount.m.Sub(exact.m); err == nil {
			v.tolerated.add(d)
		} else {
			v.tolerated.over = true
		}
	}
}

// within returns a − b and whether it is within ± tolerance (a positive
// tolerance).
func within(a, b moneySum, tolerance tariff.Money) (tariff.Money, bool) {
	if a.over || b.over || tolerance.Sign() <= 0 {
		return tariff.Money{}, false
	}
	d, err := a.m.Sub(b.m)
	if err != nil {
		return tariff.Money{}, false
	}
	return d, d.Cmp(tolerance) <= 0 && d.Neg().Cmp(tolerance) <= 0
}

// priced reports a computed line and an external one that are the same
// line (child, kind, band, group) at another unit price or basis.
func (v *verifier) priced(cg, xg *group, emit func(Difference)) {
	exp := v.computedSide(cg)
	l := v.ext.Lines[xg.idx[0]]
	count := xg.count
	got := Side{Count: &count, UnitPrice: moneyPtr(l.UnitPrice), Amount: xg.amount.ptr()}
	if cg.k.unit != xg.k.unit {
		emit(v.lineDiff(DiffUnitPrice, "unit_price", cg, xg.idx, exp, got,
			fmt.Sprintf("%s: unit price %s expected, %s invoiced (%s)%s", v.describe(cg), cg.k.unit, xg.k.unit, v.ruleOf(cg).ID, basisText(cg, xg))))
	} else {
		emit(v.lineDiff(DiffBasis, "basis", cg, xg.idx, Side{Text: string(cg.k.basis)}, Side{Text: string(xg.k.basis)},
			fmt.Sprintf("%s: the tariff applies on the basis %q, not %q (%s)", v.describe(cg), cg.k.basis, xg.k.basis, v.ruleOf(cg).ID)))
	}
	if !xg.count.Equal(cg.count) {
		emit(v.lineDiff(DiffCount, "count", cg, xg.idx, exp, got,
			fmt.Sprintf("%s: count %s expected, %s invoiced (%s)", v.describe(cg), cg.count, xg.count, v.ruleOf(cg).ID)))
	}
}

func basisText(cg, xg *group) string {
	if cg.k.basis == xg.k.basis {
		return ""
	}
	return fmt.Sprintf("; basis %q, not %q", cg.k.basis, xg.k.basis)
}

// lineDiff is a difference about computed group cg and external lines ext.
func (v *verifier) lineDiff(what DiffKind, field string, cg *group, ext []int, exp, got Side, msg string) Difference {
	return Difference{What: what, Field: field, Child: cg.k.child, Kind: cg.k.kind, Band: cg.k.band, Group: cg.k.group, Basis: cg.k.basis,
		External: slices.Clone(ext), Computed: slices.Clone(cg.idx), Expected: exp, Got: got, Rule: v.ruleOf(cg), Message: msg}
}

// ruleOf is the rule of a computed group's first line.
func (v *verifier) ruleOf(cg *group) plan.Rule { return v.inv.Lines[cg.idx[0]].Rule }

func (v *verifier) computedSide(cg *group) Side {
	count, unit := cg.count, cg.k.unit
	return Side{Count: &count, UnitPrice: &unit, Amount: cg.amount.ptr()}
}

func (v *verifier) computedText(cg *group) string {
	return fmt.Sprintf("%s × %s = %s", cg.count, cg.k.unit, moneyText(cg.amount.ptr()))
}

// describe names a computed line: its label and its child.
func (v *verifier) describe(cg *group) string {
	l := v.inv.Lines[cg.idx[0]]
	label := l.LabelEN
	if label == "" {
		label = string(l.Kind)
	}
	if l.Child == "" {
		return label
	}
	return label + " for " + l.Child
}

// describeExternal names an external line by its key.
func describeExternal(l ExternalLine) string {
	parts := []string{}
	for _, s := range []string{l.Child, string(l.Kind), string(l.Band), string(l.Group), string(l.Basis)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// lineSig is everything an external line says: two lines with the same
// are exact repeats.
type lineSig struct {
	child        string
	kind         LineKind
	band         tariff.Band
	group        tariff.AgeGroup
	basis        tariff.Basis
	count        string // decimal's String: the same for 8 and 8.00
	unit, amount tariff.Money
}

func sigOf(l ExternalLine) lineSig {
	return lineSig{l.Child, l.Kind, l.Band, l.Group, l.Basis, l.Count.String(), l.UnitPrice, l.Amount}
}

// lineSide is an external line's count, unit price and amount.
func lineSide(l ExternalLine) Side {
	count := l.Count
	return Side{Count: &count, UnitPrice: moneyPtr(l.UnitPrice), Amount: moneyPtr(l.Amount)}
}

func moneyPtr(m tariff.Money) *tariff.Money { return &m }

func moneyText(m *tariff.Money) string {
	if m == nil {
		return "an amount beyond ±1,000,000,000,000 euro"
	}
	return m.String()
}

func intsText(is []int) string {
	s := make([]string, len(is))
	for i, n := range is {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

func (v *verifier) total() {
	var lines moneySum
	for _, l := range v.ext.Lines {
		lines.add(l.Amount)
	}
	// Source: seed 004 §3.6 — the invoice's total is the sum of its lines,
	// never rounded again; an invoice without one is not complete.
	want := v.inv.Total
	rule := ruleTotal()
	if v.ext.Total == nil {
		v.add(Difference{What: DiffTotal, Field: "total", Absent: true, Expected: Side{Amount: moneyPtr(want)}, Got: Side{Amount: lines.ptr()}, Rule: rule,
			Message: fmt.Sprintf("the invoice states no total; its lines sum to %s, the computed total is %s", moneyText(lines.ptr()), want)})
		return
	}
	got := *v.ext.Total
	if lines.over || lines.m != got {
		v.add(Difference{What: DiffArithmetic, Field: "total", Expected: Side{Amount: lines.ptr()}, Got: Side{Amount: moneyPtr(got)}, Rule: rule,
			Message: fmt.Sprintf("the total %s is not the sum of the invoice's lines, %s", got, moneyText(lines.ptr()))})
	}
	if got == want {
		return
	}
	d := Difference{What: DiffTotal, Field: "total", Expected: Side{Amount: moneyPtr(want)}, Got: Side{Amount: moneyPtr(got)}, Rule: rule}
	diff, err := got.Sub(want)
	if err == nil && !v.real && !v.tolerated.over && v.tolerated.m == diff {
		d.What = DiffWithinTolerance
		d.Message = fmt.Sprintf("total %s expected, %s invoiced: the difference, %s, is that of the amounts accepted above", want, got, diff)
	} else if err == nil {
		d.Message = fmt.Sprintf("total %s expected, %s invoiced (difference %s)", want, got, diff)
	} else {
		d.Message = fmt.Sprintf("total %s expected, %s invoiced", want, got)
	}
	v.add(d)
}

// ExternalOf turns a computed invoice into the External form, as another
// program would send it: useful to test Verify and to export lines.
func ExternalOf(inv Invoice) External {
	total := inv.Total
	x := External{Number: inv.Number, Family: inv.Family.ID, Month: inv.Month, DueDate: inv.DueDate, Total: &total}
	for _, l := range inv.Lines {
		x.Lines = append(x.Lines, ExternalLine{Child: l.Child, Kind: l.Kind, Band: tariff.Band(l.Band), Group: tariff.AgeGroup(l.Group),
			Basis: tariff.Basis(l.Basis), Pricing: l.Pricing, Count: l.Count, UnitPrice: l.UnitPrice, Amount: l.Amount})
	}
	return x
}
