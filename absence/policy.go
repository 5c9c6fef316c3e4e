package absence

import (
	"fmt"

	"github.com/kinderopvang/regels/internal/cmpdec"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Problem codes of this package, in addition to plan's and tariff's.
const (
	CodeBelowStatutory plan.Code = "below_statutory" // a policy that gives less than the statute
	CodeNotReserved    plan.Code = "not_reserved"    // an absence on a day that was not reserved
)

// StatutoryBaseDays is the statutory minimum of justified absence days
// (respijtdagen) for a full-time plan over a full calendar year.
const StatutoryBaseDays = 18

// MaxBaseDays is the most justified absence days a year a policy may
// grant: the days of a leap year.
const MaxBaseDays = 366

// Rounding says how a prorated entitlement is rounded. Opgroeien leaves it
// to the organiser: "Hoe je afrondt, bepaal je zelf".
type Rounding string

// The roundings.
const (
	RoundDown    Rounding = "down"    // 10.8 → 10
	RoundUp      Rounding = "up"      // 10.2 → 11
	RoundNearest Rounding = "nearest" // 10.5 → 11, 10.4 → 10
	RoundHalfUp  Rounding = "half_up" // up to a half day: 10.2 → 10.5, 10.8 → 11
	RoundNone    Rounding = "none"    // kept to the hundredth: 10.8 → 10.8
)

// Proration says how a partial calendar year prorates the entitlement; the
// texts do not prescribe it (OPEN).
type Proration string

// The prorations.
const (
	// ProrateMonths counts 1/12 for each month of the year in which the plan
	// runs on at least one day (the default).
	ProrateMonths Proration = "months"
	// ProrateDays counts the plan's days in the year over the year's days.
	ProrateDays Proration = "days"
)

// DayValue is how much of a day a band counts as, for consumption.
type DayValue struct {
	Band tariff.Band     `json:"band"`
	Days decimal.Decimal `json:"days"`
}

// NoticeRules are the house rules for telling the organiser about an
// absence (seed 004 §3.4.2).
type NoticeRules struct {
	// ShortLeadDays is the lead for a planned absence shorter than
	// LongFromDays; seed 004: 2 days.
	ShortLeadDays int `json:"short_lead_days"`
	// LongLeadDays is the lead for a planned absence of LongFromDays or
	// more; seed 004: 4 weeks (28 days).
	LongLeadDays int `json:"long_lead_days"`
	// LongFromDays is the length, in calendar days, from which a planned
	// absence is long; seed 004: a week (7).
	LongFromDays int `json:"long_from_days"`
	// Length says how an absence's length is measured against LongFromDays
	// (seed 004 §3.4.2 "een afwezigheid van een week of langer" leaves it
	// open); empty means LengthAcrossWeekend.
	Length AbsenceLength `json:"length,omitempty"`
	// Counting says whether leads count calendar or working days (OPEN in
	// seed 004; default calendar days, plan.WorkingDays as an option).
	Counting plan.DayCounting `json:"counting"`
	// Sudden says which reserved days of a sudden absence reported late pay
	// the late-notice fee (seed 004 §3.4.2 leaves it open); empty means
	// SuddenFirstDay.
	Sudden SuddenNotice `json:"sudden,omitempty"`
}

// SuddenNotice is how a sudden absence of several reserved days is judged
// against seed 004 §3.4.2 "verwittig je de onthaalouder voor het
// afgesproken beginuur" and "Voor een niet tijdig meegedeelde afwezigheid
// betaal je een extra kost [...] per gereserveerde dag": the absence as a
// whole, or each reserved day before its own start time. The texts leave it
// open; Opgroeien's model house rules leave it to the organiser ("Wat
// verwacht je van de gezinnen als een kind onverwacht afwezig is?").
type SuddenNotice string

// The readings.
const (
	// SuddenFirstDay (the default) judges the absence at its first reserved
	// day: reported after that day's agreed start time, every reserved day
	// of it pays the fee.
	SuddenFirstDay SuddenNotice = "first_day"
	// SuddenEachDay gives each reserved day its own deadline, its agreed
	// start time: a child taken ill reported at 09:00 on Monday, for Monday
	// to Wednesday, pays the fee on Monday only — the organiser knew of
	// Tuesday and Wednesday before they started. An absence never reported
	// pays it on every day.
	SuddenEachDay SuddenNotice = "each_day"
)

// AbsenceLength is how the length of a planned absence is measured, to
// decide whether it is "een afwezigheid van een week of langer" (seed 004
// §3.4.2), which needs 4 weeks' notice instead of 2 days.
type AbsenceLength string

// The measures.
const (
	// LengthAcrossWeekend (the default) runs from the absence's first to its
	// last day, extended across the adjacent Saturday and Sunday when no
	// plan reserves them: a Monday–Friday absence is a week (seed 004
	// §3.4.2 "een afwezigheid van een week of langer"), while a day or a few
	// days reported stay "een dag of enkele dagen", whatever the days around
	// them — a plan of one day a week, a closure or the school holidays next
	// to the day.
	LengthAcrossWeekend AbsenceLength = "across_weekend"
	// LengthAcrossUnreserved extends the absence across every adjacent day
	// without reservation — the weekend, closing days, public holidays, days
	// the plan does not reserve — so that the family's time away from care
	// is measured: one reserved Wednesday of a Wednesday-only plan is then a
	// week.
	LengthAcrossUnreserved AbsenceLength = "across_unreserved"
	// LengthCalendar counts the calendar days of the absence as reported.
	LengthCalendar AbsenceLength = "calendar"
)

// Policy is an organiser's rules for absences: the entitlement to justified
// absence days, how they are used, what an unjustified day costs and what
// late notice costs. Seed004Policy returns the Zorg Leuven house rules.
type Policy struct {
	// BaseDays is the entitlement for a full-time plan over a full year; the
	// statute requires at least 18, an organiser may give more.
	BaseDays  decimal.Decimal `json:"base_days"`
	Proration Proration       `json:"proration"`
	Rounding  Rounding        `json:"rounding"`
	// DayValues says how many days each band counts for consumption. Seed
	// 004 counts by duration in half days ("een halve dag afwezig ... een
	// halve dag in mindering"): full and flex 1, half 0.5. A third day is
	// not named in the texts (OPEN); the default counts it as a half.
	DayValues []DayValue `json:"day_values"`
	// UnjustifiedShare is the part of the tariff an unjustified absent day
	// costs; seed 004: the full tariff (1). Never more than the year's
	// maximum tariff, whatever the share.
	UnjustifiedShare decimal.Decimal `json:"unjustified_share"`
	// Notice holds the notice leads.
	Notice NoticeRules `json:"notice"`
	// LateFeeShare is the share of the tariff a late-notified reserved day
	// costs on top; seed 004: 0.25. Its floor is the year's standard minimum
	// tariff (the minimum contribution) when LateFeeFloor is set.
	LateFeeShare decimal.Decimal `json:"late_fee_share"`
	LateFeeFloor bool            `json:"late_fee_floor"`
	// CapDayAtMaximum caps what one absent day costs in all — its
	// unjustified part and its late-notice fee together — at the year's
	// maximum tariff, taking the excess off the fee. Opgroeien's model house
	// rules cap "het eventuele tarief dat je aanrekent als een kind
	// ongerechtvaardigd afwezig is op een gereserveerde opvangdag" at the
	// maximum; seed 004 puts the fee on top of the day (OPEN): off by
	// default, each capped on its own.
	CapDayAtMaximum bool `json:"cap_day_at_maximum,omitempty"`
	// Source cites the house rules.
	Source string `json:"source"`
}

// Seed004Policy returns the absence rules of the Zorg Leuven house rules
// (seed 004 §3.4.2): 18 days, prorated by months, rounded down; full tariff
// for an unjustified day; 2 days' notice (4 weeks for a week or longer) in
// calendar days; 25 % of the tariff with the minimum contribution as floor
// for late notice.
func Seed004Policy() Policy {
	return Policy{
		BaseDays:  decimal.NewFromInt(StatutoryBaseDays),
		Proration: ProrateMonths,
		Rounding:  RoundDown,
		DayValues: []DayValue{
			{tariff.BandThird, decimal.New(5, -1)},
			{tariff.BandHalf, decimal.New(5, -1)},
			{tariff.BandFull, decimal.NewFromInt(1)},
			{tariff.BandFlex, decimal.NewFromInt(1)},
		},
		UnjustifiedShare: decimal.NewFromInt(1),
		Notice:           NoticeRules{ShortLeadDays: 2, LongLeadDays: 28, LongFromDays: 7, Length: LengthAcrossWeekend, Counting: plan.CalendarDays},
		LateFeeShare:     decimal.New(25, -2),
		LateFeeFloor:     true,
		Source:           srcSeed004Absent,
	}
}

// dayValue returns the days band b counts as (0 for BandNone).
func (p Policy) dayValue(b tariff.Band) decimal.Decimal {
	for _, v := range p.DayValues {
		if v.Band == b {
			return v.Days
		}
	}
	return decimal.Zero
}

// Validate reports every problem of the policy, including those that break
// the statute: fewer than 18 base days.
func (p Policy) Validate() error {
	var ps plan.Problems
	add := func(field, msg string, code plan.Code) {
		ps = append(ps, plan.Problem{Code: code, Field: field, Message: msg})
	}
	// Source: Opgroeien FAQ — "Het minimumaantal respijtdagen bedraagt 18
	// per jaar voor wie voltijds opvang reserveert."
	if cmpdec.Int(p.BaseDays, StatutoryBaseDays) < 0 {
		ps = append(ps, plan.Problem{Code: CodeBelowStatutory, Field: "base_days",
			Message: fmt.Sprintf("%s justified absence days a year is below the statutory minimum of %d for a full-time plan", p.BaseDays, StatutoryBaseDays),
			Rule:    plan.Rule{ID: "absence.entitlement.minimum", Source: srcFAQRespijt}})
	}
	// A year has no more days than 366: an entitlement above that is a
	// typing error, and no ledger could hold it.
	if cmpdec.Int(p.BaseDays, MaxBaseDays) > 0 {
		add("base_days", fmt.Sprintf("%s justified absence days a year is more than a year has days (at most %d)", p.BaseDays, MaxBaseDays), plan.CodeInvalidValue)
	}
	switch p.Proration {
	case ProrateMonths, ProrateDays:
	default:
		add("proration", fmt.Sprintf("proration %q is not months or days", p.Proration), plan.CodeInvalidValue)
	}
	switch p.Rounding {
	case RoundDown, RoundUp, RoundNearest, RoundHalfUp, RoundNone:
	default:
		add("rounding", fmt.Sprintf("rounding %q is not down, up, nearest, half_up or none", p.Rounding), plan.CodeInvalidValue)
	}
	prev := decimal.Zero
	for _, b := range []tariff.Band{tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex} {
		v := p.dayValue(b)
		if v.Sign() <= 0 || cmpdec.Int(v, 1) > 0 || cmpdec.Cmp(v, prev) < 0 {
			add("day_values", fmt.Sprintf("band %s counts as %s days: each band counts more than 0 and at most 1 day, and not less than a lower band", b, v), plan.CodeInvalidValue)
		}
		prev = v
	}
	if p.UnjustifiedShare.Sign() < 0 {
		add("unjustified_share", fmt.Sprintf("share %s cannot be negative", p.UnjustifiedShare), plan.CodeInvalidValue)
	}
	if p.LateFeeShare.Sign() < 0 {
		add("late_fee_share", fmt.Sprintf("share %s cannot be negative", p.LateFeeShare), plan.CodeInvalidValue)
	}
	n := p.Notice
	// A lead of more than a year, or a "long" absence of more than a
	// year, is no notice rule anyone means: a typing error.
	if n.ShortLeadDays < 0 || n.LongLeadDays < 0 || n.LongFromDays < 1 || n.ShortLeadDays > 366 || n.LongLeadDays > 366 || n.LongFromDays > 366 {
		add("notice", fmt.Sprintf("notice leads %d/%d days from %d days are out of range (0–366 days, a long absence from 1–366 days)", n.ShortLeadDays, n.LongLeadDays, n.LongFromDays), plan.CodeInvalidValue)
	}
	switch n.Length {
	case "", LengthAcrossWeekend, LengthAcrossUnreserved, LengthCalendar:
	default:
		add("notice.length", fmt.Sprintf("absence length %q is not across_weekend, across_unreserved or calendar", n.Length), plan.CodeInvalidValue)
	}
	switch n.Sudden {
	case "", SuddenFirstDay, SuddenEachDay:
	default:
		add("notice.sudden", fmt.Sprintf("sudden absence reading %q is not first_day or each_day", n.Sudden), plan.CodeInvalidValue)
	}
	if !n.Counting.Valid() {
		add("notice.counting", fmt.Sprintf("day counting %q is not calendar or working", n.Counting), plan.CodeInvalidValue)
	}
	return ps.Err()
}
