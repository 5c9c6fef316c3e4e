package tariff

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Fuzz targets for the entry points that take amounts, shares, indexes and
// tables. Each checks a property of the result against an independent
// computation, not only the absence of a panic. Decimals are drawn as a
// coefficient and a small exponent, which covers every value a JSON input
// or a calculation can give at the scale of a tariff.

// fuzzDecimal is coef × 10^exp with exp folded into [lo, hi].
func fuzzDecimal(coef int64, exp int8, lo, hi int32) decimal.Decimal {
	e := int32(exp)
	if span := hi - lo + 1; e < lo || e > hi {
		e = lo + ((e-lo)%span+span)%span
	}
	return decimal.New(coef, e)
}

// roundCents rounds d to whole cents half away from zero, computed apart
// from decimal's Round: the cents as a decimal.
func roundCents(d decimal.Decimal) decimal.Decimal {
	c := d.Shift(2)
	whole := c.Truncate(0)
	if c.Sub(whole).Abs().Shift(1).GreaterThanOrEqual(decimal.NewFromInt(5)) {
		if c.Sign() < 0 {
			return whole.Sub(decimal.NewFromInt(1))
		}
		return whole.Add(decimal.NewFromInt(1))
	}
	return whole
}

// fuzzTariff is the tariff of c cents folded into 1–MaxTariffCents.
func fuzzTariff(c int64) Tariff {
	c %= MaxTariffCents
	if c < 0 {
		c = -c
	}
	return Tariff{c: c + 1}
}

// NewTariff accepts exactly the whole-cent amounts of 0.01 to 9,999.99, and
// agrees with TariffCents, ParseTariff and UnmarshalText on them.
func FuzzNewTariff(f *testing.F) {
	f.Add(int64(2750), int8(-2))
	f.Add(int64(27505), int8(-3))
	f.Add(int64(1), int8(4))
	f.Add(int64(-1), int8(0))
	f.Fuzz(func(t *testing.T, coef int64, exp int8) {
		d := fuzzDecimal(coef, exp, -8, 8)
		tr, err := NewTariff(d)
		cents := d.Shift(2)
		want := cents.IsInteger() && cents.Sign() > 0 && cents.LessThanOrEqual(decimal.NewFromInt(MaxTariffCents))
		if (err == nil) != want {
			t.Fatalf("NewTariff(%s) = %v, %v; want ok=%v", d, tr, err, want)
		}
		if err != nil {
			if !errors.Is(err, CodeInvalidTariff) || !tr.IsZero() {
				t.Fatalf("NewTariff(%s) = %v, %v", d, tr, err)
			}
			return
		}
		if !tr.Decimal().Equal(d) || tr.Cents() != cents.IntPart() {
			t.Fatalf("NewTariff(%s) = %v", d, tr)
		}
		byCents, err1 := TariffCents(cents.IntPart())
		parsed, err2 := ParseTariff(tr.String())
		var text Tariff
		err3 := text.UnmarshalText([]byte(d.StringFixed(2)))
		if err1 != nil || err2 != nil || err3 != nil || byCents != tr || parsed != tr || text != tr {
			t.Fatalf("%s: TariffCents %v %v, ParseTariff %v %v, UnmarshalText %v %v", d, byCents, err1, parsed, err2, text, err3)
		}
	})
}

// Index is exactly round-half-away(t × (1 + index)) for an index in
// [-1, 1] whose result is a tariff, and an error otherwise; a rising index
// never lowers the tariff.
func FuzzIndex(f *testing.F) {
	f.Add(int64(3331), int64(4), int8(-2))
	f.Add(int64(1667), int64(3), int8(-4))
	f.Add(int64(2020), int64(25), int8(-3))
	f.Add(int64(999999), int64(1), int8(0))
	f.Fuzz(func(t *testing.T, cents, coef int64, exp int8) {
		tr := fuzzTariff(cents)
		index := fuzzDecimal(coef, exp, -12, 3)
		got, err := Index(tr, index)
		one := decimal.NewFromInt(1)
		if index.GreaterThan(one) || index.LessThan(one.Neg()) {
			if !errors.Is(err, plan.CodeInvalidValue) {
				t.Fatalf("Index(%s, %s) = %v, %v; want an invalid index", tr, index, got, err)
			}
			return
		}
		want := roundCents(tr.Decimal().Mul(one.Add(index)))
		if want.Sign() <= 0 || want.GreaterThan(decimal.NewFromInt(MaxTariffCents)) {
			if !errors.Is(err, CodeInvalidTariff) || !got.IsZero() {
				t.Fatalf("Index(%s, %s) = %v, %v; want an error (%s cents)", tr, index, got, err, want)
			}
			return
		}
		if err != nil || got.Cents() != want.IntPart() {
			t.Fatalf("Index(%s, %s) = %v, %v; want %s cents", tr, index, got, err, want)
		}
		if index.Sign() >= 0 && got.Cmp(tr) < 0 || index.Sign() <= 0 && got.Cmp(tr) > 0 {
			t.Fatalf("Index(%s, %s) = %v moves the wrong way", tr, index, got)
		}
	})
}

// SocialHalf is half the computed tariff rounded half away from zero, at
// least the standard minimum.
func FuzzSocialHalf(f *testing.F) {
	f.Add(int64(2025), int64(647))
	f.Add(int64(1200), int64(647))
	f.Add(int64(-5), int64(0))
	f.Fuzz(func(t *testing.T, computed, minimum int64) {
		c, m := fuzzTariff(computed), fuzzTariff(minimum)
		if computed == 0 {
			c = Tariff{}
		}
		got, err := SocialHalf(c, m)
		if c.IsZero() {
			if !errors.Is(err, CodeNoTariff) {
				t.Fatalf("SocialHalf(no tariff) = %v, %v", got, err)
			}
			return
		}
		want := c.Cents() / 2
		if c.Cents()%2 == 1 {
			want++ // half a cent rounds away from zero
		}
		want = max(want, m.Cents())
		if err != nil || got.Cents() != want {
			t.Fatalf("SocialHalf(%s, %s) = %v, %v; want %d cents", c, m, got, err, want)
		}
	})
}

// Price is exactly round-half-away(share × t) for a share in [0, MaxShare],
// and never drops as the share or the tariff rises.
func FuzzPrice(f *testing.F) {
	f.Add(int64(2735), int64(6), int8(-1))
	f.Add(int64(2002), int64(25), int8(-2))
	f.Add(int64(100), int64(16), int8(-1))
	f.Add(int64(1), int64(-1), int8(0))
	f.Fuzz(func(t *testing.T, cents, coef int64, exp int8) {
		tr := fuzzTariff(cents)
		share := fuzzDecimal(coef, exp, -12, 2)
		got, err := Price(share, tr)
		if share.Sign() < 0 || share.GreaterThan(decimal.NewFromInt(MaxShare)) {
			if !errors.Is(err, CodeInvalidShare) {
				t.Fatalf("Price(%s, %s) = %v, %v; want an invalid share", share, tr, got, err)
			}
			return
		}
		want := roundCents(share.Mul(tr.Decimal()))
		if err != nil || !got.Decimal().Equal(want.Shift(-2)) {
			t.Fatalf("Price(%s, %s) = %v, %v; want %s cents", share, tr, got, err, want)
		}
		if more := share.Add(decimal.New(1, -2)); more.LessThanOrEqual(decimal.NewFromInt(MaxShare)) {
			if up, err := Price(more, tr); err != nil || up.Cmp(got) < 0 {
				t.Fatalf("Price(%s, %s) = %v < Price(%s) = %v", more, tr, up, share, got)
			}
		}
		if tr.Cents() < MaxTariffCents {
			if up, err := Price(share, Tariff{c: tr.Cents() + 1}); err != nil || up.Cmp(got) < 0 {
				t.Fatalf("Price(%s) at a cent more = %v < %v", share, up, got)
			}
		}
	})
}

// PercentFee.Of: the raw fee is the price of the percentage, the amount
// lies within [floor, cap] and Floored/Capped say which bound applied.
func FuzzPercentFeeOf(f *testing.F) {
	f.Add(int64(2000), int64(647), int64(3589), int64(25), int8(-2))
	f.Add(int64(4000), int64(0), int64(3589), int64(1), int8(0))
	f.Add(int64(2000), int64(4000), int64(3000), int64(25), int8(-2))
	f.Fuzz(func(t *testing.T, cents, floor, cap, coef int64, exp int8) {
		tr := fuzzTariff(cents)
		fee := PercentFee{Percent: fuzzDecimal(coef, exp, -12, 2)}
		if floor != 0 {
			fee.Floor = fuzzTariff(floor)
		}
		if cap != 0 {
			fee.Cap = fuzzTariff(cap)
		}
		got, err := fee.Of(tr)
		badPercent := fee.Percent.Sign() < 0 || fee.Percent.GreaterThan(decimal.NewFromInt(MaxShare))
		badBounds := !fee.Floor.IsZero() && !fee.Cap.IsZero() && fee.Floor.Cmp(fee.Cap) > 0
		if badPercent || badBounds {
			if !errors.Is(err, plan.CodeInvalidValue) {
				t.Fatalf("%+v.Of(%s) = %+v, %v; want an error", fee, tr, got, err)
			}
			return
		}
		raw, perr := Price(fee.Percent, tr)
		if err != nil || perr != nil || got.Raw != raw || got.Tariff != tr {
			t.Fatalf("%+v.Of(%s) = %+v, %v; raw want %v (%v)", fee, tr, got, err, raw, perr)
		}
		want := raw
		if !fee.Floor.IsZero() && want.Cmp(fee.Floor.Money()) < 0 {
			want = fee.Floor.Money()
		}
		if !fee.Cap.IsZero() && want.Cmp(fee.Cap.Money()) > 0 {
			want = fee.Cap.Money()
		}
		if got.Amount != want {
			t.Fatalf("%+v.Of(%s) = %v, want %v", fee, tr, got.Amount, want)
		}
		if got.Floored != (!fee.Floor.IsZero() && raw.Cmp(fee.Floor.Money()) < 0) || got.Capped != (got.Amount != raw && !got.Floored) {
			t.Fatalf("%+v.Of(%s): floored %v capped %v", fee, tr, got.Floored, got.Capped)
		}
	})
}

var fuzzBands = [...]Band{BandNone, BandThird, BandHalf, BandFull, BandFlex, "x"}

// fuzzBandTable builds a band table from bytes: a count of baby/toddler
// thresholds, a count of school-age thresholds, 3 bytes a threshold (band,
// minutes as a signed 16-bit number), then 2 bytes a share (band, and the
// share in hundredths plus 0.20: from -0.20 to 2.35).
func fuzzBandTable(data []byte) BandTable {
	var t BandTable
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	n1, n2 := int(next()%6), int(next()%6)
	for i := 0; i < n1+n2; i++ {
		th := Threshold{Band: fuzzBands[int(next())%len(fuzzBands)], FromMinutes: int(int16(uint16(next())<<8 | uint16(next())))}
		if i < n1 {
			t.BabyToddler = append(t.BabyToddler, th)
		} else {
			t.SchoolAge = append(t.SchoolAge, th)
		}
	}
	for len(data) >= 2 && len(t.Shares) < 8 {
		t.Shares = append(t.Shares, Share{Band: fuzzBands[int(next())%len(fuzzBands)], Share: decimal.New(int64(next())-20, -2)})
	}
	return t
}

// BandTable.Validate reports only well-formed band problems; a table it
// accepts classifies and prices every day, and its price never drops as the
// minutes rise.
func FuzzBandTableValidate(f *testing.F) {
	f.Add([]byte{3, 4, 2, 0, 1, 3, 1, 44, 4, 2, 148, 1, 0, 1, 2, 0, 180, 3, 1, 44, 4, 2, 148, 1, 60, 2, 80, 3, 120, 4, 180}) // the statutory table
	f.Add([]byte{1, 0, 2, 0, 0, 2, 80})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		tbl := fuzzBandTable(data)
		err := tbl.Validate()
		for _, p := range plan.AsProblems(err) {
			if p.Code != CodeInvalidShare || p.Field == "" || p.Message == "" {
				t.Fatalf("problem %+v", p)
			}
		}
		if err != nil {
			if (Classifier{Table: tbl}).Validate() == nil {
				t.Fatal("Classifier.Validate accepts what the table's Validate refuses")
			}
			return
		}
		// Every band of the table prices at the tariff; along the minutes,
		// the price never drops (compared by share: price is monotone in
		// the share, FuzzPrice).
		pricer := BandPricer{Table: tbl}
		for _, sh := range tbl.Shares {
			if _, err := pricer.PriceDay(DayCare{Band: sh.Band}, MustTariff("27.35")); err != nil {
				t.Fatal(err)
			}
		}
		var minutes [2 + 3*12]int
		for _, g := range []AgeGroup{BabyToddler, SchoolAge} {
			ths, err := tbl.thresholds(g)
			if err != nil {
				t.Fatal(err)
			}
			ms := append(minutes[:0], 0, MaxBandMinutes)
			for _, th := range ths {
				ms = append(ms, th.FromMinutes-1, th.FromMinutes, th.FromMinutes+1)
			}
			slices.Sort(ms)
			for _, flex := range []bool{false, true} {
				prev := decimal.Zero
				for _, m := range ms {
					b := tbl.Classify(g, m, flex)
					if (m == 0) != (b == BandNone) || (b == BandFlex && !flex) {
						t.Fatalf("%s, %d minutes, flex=%v: %s", g, m, flex, b)
					}
					share, err := tbl.ShareOf(b)
					if err != nil || share.Cmp(prev) < 0 {
						t.Fatalf("%s, %d minutes, flex=%v: share %s, %v (previous %s)", g, m, flex, share, err, prev)
					}
					prev = share
				}
			}
		}
	})
}

var fuzzKinds = [...]AmountKind{StandardMinimum, ExceptionalMinimum, Lowest, Maximum, ReductionPerChild, "x"}

// fuzzAmounts builds an amount table from bytes, 4 bytes an amount: year
// (2015 + b%12; 0 and 10000 for the last two values of b), kind, and value
// in cents as 16 bits whose lowest bit is dropped for the flags; value 0 is
// no value, an odd second byte leaves the source empty.
func fuzzAmounts(data []byte) AmountTable {
	var t AmountTable
	for len(data) >= 4 && len(t) < 12 {
		y := 2015 + int(data[0]%12)
		switch data[0] {
		case 254:
			y = 0
		case 255:
			y = 10000
		}
		a := Amount{Year: y, Kind: fuzzKinds[int(data[1])%len(fuzzKinds)], Value: Tariff{c: int64(uint16(data[2])<<8|uint16(data[3])) >> 1}, Confirmed: data[3]&1 == 1}
		if data[1]&1 == 0 {
			a.Source = "fuzz"
		}
		t = append(t, a)
		data = data[4:]
	}
	return t
}

// AmountTable: Validate reports well-formed problems; a valid table gives
// each of its amounts back by Get and On, an unknown one is an error with
// the field "amounts" naming the year, and Merge lets the later table win.
func FuzzAmountTable(f *testing.F) {
	f.Add([]byte{9, 0, 2, 112, 9, 3, 27, 16, 10, 3, 28, 0}, uint8(9), uint8(3), []byte{10, 3, 28, 2})
	f.Add([]byte{9, 1, 0, 0, 254, 5, 0, 1}, uint8(0), uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, data []byte, yearByte, kindByte uint8, overData []byte) {
		tbl, over := fuzzAmounts(data), fuzzAmounts(overData)
		err := tbl.Validate()
		for _, p := range plan.AsProblems(err) {
			if !strings.HasPrefix(p.Field, "amounts[") || p.Message == "" || p.Code == "" {
				t.Fatalf("problem %+v", p)
			}
		}
		year, kind := 2015+int(yearByte%12), fuzzKinds[int(kindByte)%len(fuzzKinds)]
		got, gerr := tbl.Get(year, kind)
		on, oerr := tbl.On(plan.MustDate(year, 12, 31), kind)
		want, found := Amount{}, false
		for _, a := range tbl {
			if a.Year == year && a.Kind == kind {
				want, found = a, true
				break
			}
		}
		if found {
			if gerr != nil || got != want || oerr != nil || on != want {
				t.Fatalf("Get(%d, %s) = %+v, %v; On = %+v, %v; want %+v", year, kind, got, gerr, on, oerr, want)
			}
		} else {
			var p, q plan.Problem
			if !errors.As(gerr, &p) || p.Code != CodeUnknownYear || p.Field != "amounts" || !strings.Contains(p.Message, string(kind)) ||
				!errors.As(oerr, &q) || q.Code != CodeUnknownYear || q.Date != plan.MustDate(year, 12, 31) {
				t.Fatalf("Get(%d, %s): %v; On: %v", year, kind, gerr, oerr)
			}
		}
		if err != nil || over.Validate() != nil {
			return
		}
		merged := tbl.Merge(over)
		if len(merged) < len(tbl) || len(merged) > len(tbl)+len(over) {
			t.Fatalf("merged %d and %d amounts into %d", len(tbl), len(over), len(merged))
		}
		for _, a := range append(append(AmountTable{}, tbl...), over...) {
			m, err := merged.Get(a.Year, a.Kind)
			w, werr := over.Get(a.Year, a.Kind)
			if werr != nil {
				w, _ = tbl.Get(a.Year, a.Kind)
			}
			if err != nil || m != w {
				t.Fatalf("merged %d %s = %+v, %v; want %+v", a.Year, a.Kind, m, err, w)
			}
		}
	})
}

// Money.Times is count × m rounded to the cent half away from zero, exactly
// as decimal computes it, or an error beyond ±MaxEuro; Add and Sub agree
// with decimal within the bound.
func FuzzMoneyTimes(f *testing.F) {
	f.Add(int64(4269), int64(74), int8(-1))
	f.Add(int64(-1250), int64(1), int8(0))
	f.Add(int64(1), int64(1), int8(19))
	f.Fuzz(func(t *testing.T, units, coef int64, exp int8) {
		m := Money{u: units % (maxMoneyUnits + 1)}
		count := fuzzDecimal(coef, exp, -6, 20)
		got, err := m.Times(count)
		want := roundCents(count.Mul(m.Decimal())).Shift(-2)
		if want.Abs().GreaterThan(decimal.NewFromInt(MaxEuro)) {
			if !errors.Is(err, CodeInvalidMoney) {
				t.Fatalf("%s × %s = %v, %v; want an error", count, m, got, err)
			}
		} else if err != nil || !got.Decimal().Equal(want) {
			t.Fatalf("%s × %s = %v, %v; want %s", count, m, got, err, want)
		}
		n := Money{u: coef % (maxMoneyUnits + 1)}
		for _, op := range []struct {
			got  func() (Money, error)
			want decimal.Decimal
		}{{func() (Money, error) { return m.Add(n) }, m.Decimal().Add(n.Decimal())}, {func() (Money, error) { return m.Sub(n) }, m.Decimal().Sub(n.Decimal())}} {
			r, err := op.got()
			if inRange := op.want.Abs().LessThanOrEqual(decimal.NewFromInt(MaxEuro)); inRange != (err == nil) || (err == nil && !r.Decimal().Equal(op.want)) {
				t.Fatalf("%s ± %s = %v, %v; want %s", m, n, r, err, op.want)
			}
		}
	})
}
