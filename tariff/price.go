package tariff

import (
	"fmt"

	"github.com/kinderopvang/regels/internal/cmpdec"
	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// DayPrice is the price of one day of care: share × daily tariff, rounded
// to the cent.
type DayPrice struct {
	Date   plan.Date       `json:"date"`
	Band   Band            `json:"band"`
	Share  decimal.Decimal `json:"share"`
	Tariff Tariff          `json:"tariff"`
	Amount Money           `json:"amount"`
	Rule   plan.Rule       `json:"rule"`
}

// DayPricer prices a classified day of care at a daily tariff. BandPricer
// is the statutory default; an organiser with another reading of a rule
// (say, a pro-rata price for short after-school moments) supplies its own.
type DayPricer interface {
	PriceDay(c DayCare, t Tariff) (DayPrice, error)
}

// BandPricer prices a day by its band's share of the tariff.
type BandPricer struct {
	Table BandTable `json:"table"`
}

// PriceDay implements DayPricer: the band's share × t, rounded to the cent
// half away from zero. A day with BandNone costs 0. A pricer whose table has
// no shares (the zero BandPricer) is an error, never a free day.
func (p BandPricer) PriceDay(c DayCare, t Tariff) (DayPrice, error) {
	if len(p.Table.Shares) == 0 {
		return DayPrice{}, plan.Problem{Code: CodeInvalidShare, Field: "table.shares", Date: c.Date,
			Message: "the band table has no shares, so no day could be priced: use StatutoryBands or a complete table of your own"}
	}
	share, err := p.Table.ShareOf(c.Band)
	if err != nil {
		return DayPrice{}, err
	}
	amount, err := Price(share, t)
	if err != nil {
		return DayPrice{}, err
	}
	return DayPrice{Date: c.Date, Band: c.Band, Share: share, Tariff: t, Amount: amount,
		Rule: plan.Rule{ID: "tariff.price", Source: p.Table.Source}}, nil
}

// Price returns share × t rounded to the cent, half away from zero (the
// usual commercial rounding): 0.6 × 27.35 = 16.41. It reports an error for
// the zero Tariff, a negative share or a share above MaxShare.
func Price(share decimal.Decimal, t Tariff) (Money, error) {
	// Source: Opgroeien, Inhoudelijke en technische beschrijving van de
	// registratie van de aan- en afwezigheden (2025), p. 9 and house rules
	// Zorg Leuven §3.3 (seed 004) — a day costs its band's share of the daily
	// tariff; rounded to the cent half away from zero, the usual commercial
	// rounding.
	if t.IsZero() {
		return Money{}, fmt.Errorf("tariff: no daily tariff to price: %w", CodeNoTariff)
	}
	if !shareInRange(share, MaxShare) {
		return Money{}, fmt.Errorf("tariff: share %s is not between 0 and %d: %w", share, MaxShare, CodeInvalidShare)
	}
	return mulShare(t.c, share), nil
}

// MaxShare bounds a band's share of the tariff and a fee's percentage: at
// most 10 times the daily tariff (the statutory table stops at 1.6, the
// house-rule fees at 0.25).
const MaxShare = 10

// shareInRange reports whether 0 ≤ x ≤ hi, for 0 < hi < 100. A decimal
// with an exponent above 1 is zero or at least 100, so it is decided
// without rescaling (a huge exponent would be costly to compare).
func shareInRange(x decimal.Decimal, hi int64) bool {
	if x.Sign() < 0 {
		return false
	}
	if x.Exponent() > 1 {
		return x.Sign() == 0
	}
	return cmpdec.Int(x, hi) <= 0
}

// mulShare returns share × cents rounded to the cent, half away from zero,
// for 0 ≤ share ≤ MaxShare and a tariff in range. Shares of up to nine
// decimals take an integer path; finer ones go through decimal.
func mulShare(cents int64, share decimal.Decimal) Money {
	if exp := share.Exponent(); exp <= 0 && exp >= -9 && share.NumDigits() <= 15 {
		num := share.CoefficientInt64() // ≤ 10 × 10^9: num × cents fits an int64
		den := int64(1)
		for range -exp {
			den *= 10
		}
		return Money{u: 100 * divRoundHalfAway(num*cents, den)}
	}
	c := share.Mul(decimal.NewFromInt(cents)).Round(0).IntPart()
	return Money{u: 100 * c}
}

// divRoundHalfAway returns n/d rounded half away from zero, for n ≥ 0 and
// d > 0 (a share is never negative, a tariff always positive).
func divRoundHalfAway(n, d int64) int64 {
	q, r := n/d, n%d
	if 2*r >= d {
		q++
	}
	return q
}
