package absence

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Validate accepts a policy at each statutory or documented bound and
// refuses it just past the bound, naming the field.
func TestPolicyValidateBounds(t *testing.T) {
	setDayValue := func(b tariff.Band, v string) func(*Policy) {
		return func(p *Policy) {
			for i := range p.DayValues {
				if p.DayValues[i].Band == b {
					p.DayValues[i].Days = dec(v)
				}
			}
		}
	}
	tests := []struct {
		name   string
		change func(*Policy)
		fields []string // nil: valid
	}{
		// Opgroeien FAQ: "Het minimumaantal respijtdagen bedraagt 18 per
		// jaar"; "Je mag ook meer respijtdagen voorzien".
		{"18 base days, the statutory minimum", func(p *Policy) { p.BaseDays = dec("18") }, nil},
		{"17.5 base days", func(p *Policy) { p.BaseDays = dec("17.5") }, []string{"base_days"}},
		{"25 base days", func(p *Policy) { p.BaseDays = dec("25") }, nil},
		{"366 base days, a leap year's days", func(p *Policy) { p.BaseDays = dec("366") }, nil},
		{"366.5 base days", func(p *Policy) { p.BaseDays = dec("366.5") }, []string{"base_days"}},
		{"50000 base days", func(p *Policy) { p.BaseDays = dec("50000") }, []string{"base_days"}},
		// Seed 004 §3.4.2: days are used "op basis van de duur"; a band that
		// counts nothing would let an absent reserved day use no day at all.
		{"a third day counting 0 days", setDayValue(tariff.BandThird, "0"), []string{"day_values"}},
		{"a third day counting a quarter", setDayValue(tariff.BandThird, "0.25"), nil},
		{"every band a whole day", func(p *Policy) {
			setDayValue(tariff.BandThird, "1")(p)
			setDayValue(tariff.BandHalf, "1")(p)
		}, nil},
		{"a flex day counting 1.5 days", setDayValue(tariff.BandFlex, "1.5"), []string{"day_values"}},
		{"a half day counting less than a third", setDayValue(tariff.BandHalf, "0.4"), []string{"day_values"}},
		// Opgroeien FAQ: "Je bent niet verplicht om ouders te laten betalen":
		// an organiser may charge nothing for an unjustified day.
		{"unjustified days free", func(p *Policy) { p.UnjustifiedShare = dec("0") }, nil},
		{"a negative unjustified share", func(p *Policy) { p.UnjustifiedShare = dec("-0.01") }, []string{"unjustified_share"}},
		// Seed 004 §3.4.2's 25 % is a house rule: an organiser may ask none.
		{"no late fee", func(p *Policy) { p.LateFeeShare, p.LateFeeFloor = dec("0"), false }, nil},
		{"a negative late fee", func(p *Policy) { p.LateFeeShare = dec("-0.25") }, []string{"late_fee_share"}},
		// Notice leads of 0 to 366 days, a long absence from 1 to 366 days
		// (policy.go: more than a year is a typing error).
		{"no lead for a short absence", func(p *Policy) { p.Notice.ShortLeadDays = 0 }, nil},
		{"no lead for a long absence", func(p *Policy) { p.Notice.LongLeadDays = 0 }, nil},
		{"every absence is long", func(p *Policy) { p.Notice.LongFromDays = 1 }, nil},
		{"leads of a year", func(p *Policy) { p.Notice.ShortLeadDays, p.Notice.LongLeadDays, p.Notice.LongFromDays = 366, 366, 366 }, nil},
		{"a negative short lead", func(p *Policy) { p.Notice.ShortLeadDays = -1 }, []string{"notice"}},
		{"a negative long lead", func(p *Policy) { p.Notice.LongLeadDays = -1 }, []string{"notice"}},
		{"a long absence from 0 days", func(p *Policy) { p.Notice.LongFromDays = 0 }, []string{"notice"}},
		{"a short lead past a year", func(p *Policy) { p.Notice.ShortLeadDays = 367 }, []string{"notice"}},
		{"a long lead past a year", func(p *Policy) { p.Notice.LongLeadDays = 367 }, []string{"notice"}},
		{"a long absence from past a year", func(p *Policy) { p.Notice.LongFromDays = 367 }, []string{"notice"}},
		{"an unknown rounding and proration", func(p *Policy) { p.Rounding, p.Proration = "sideways", "weeks" }, []string{"proration", "rounding"}},
		{"an unknown length and counting", func(p *Policy) { p.Notice.Length, p.Notice.Counting = "weeks", "lunar" }, []string{"notice.length", "notice.counting"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Seed004Policy()
			tt.change(&p)
			var fields []string
			for _, pr := range plan.AsProblems(p.Validate()) {
				fields = append(fields, pr.Field)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("problem fields (-want +got):\n%s", diff)
			}
		})
	}
}
