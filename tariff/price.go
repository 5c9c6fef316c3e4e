package tariff

import (
	"fmt"

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
	Amount decimal.Decimal `json:"amount"`
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
// half away from zero. A day with BandNone costs 0.
func (p BandPricer) PriceDay(c DayCare, t Tariff) (DayPrice, error) {
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
// the zero Tariff or a negative share.
func Price(share decimal.Decimal, t Tariff) (decimal.Decimal, error) {
	// Source: RULES §1 — band share × daily tariff, rounded to the cent,
	// half away from zero.
	if t.IsZero() {
		return decimal.Zero, fmt.Errorf("tariff: no daily tariff to price: %w", CodeNoTariff)
	}
	if share.Sign() < 0 {
		return decimal.Zero, fmt.Errorf("tariff: share %s is negative: %w", share, CodeInvalidShare)
	}
	return share.Mul(t.d).Round(2), nil
}
