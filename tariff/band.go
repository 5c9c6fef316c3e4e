package tariff

import (
	"fmt"
	"strconv"

	"github.com/kinderopvang/regels/internal/cmpdec"
	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Band is the day band (dagdeel) a day of care falls in, by the minutes of
// care that day.
type Band string

// The bands, from no care to flexible care.
const (
	BandNone  Band = "none"  // no care that day
	BandThird Band = "third" // a third of a day: school-age, under 3 hours (40 %)
	BandHalf  Band = "half"  // a half day (60 %)
	BandFull  Band = "full"  // a full day (100 %)
	BandFlex  Band = "flex"  // 11 hours or more at a flex location (160 %)
)

// Threshold says from how many counted minutes a band applies.
type Threshold struct {
	Band        Band `json:"band"`
	FromMinutes int  `json:"from_minutes"`
}

// Share is the part of the daily tariff a band costs.
type Share struct {
	Band Band `json:"band"`
	// Share is a fraction of the tariff: 0.6 for 60 %.
	Share decimal.Decimal `json:"share"`
}

// BandTable is a dated table of band boundaries and shares. A change of the
// statute is a new table with a later From, not new code.
type BandTable struct {
	// From is the first day the table applies; zero means it applies to
	// every day before a later table.
	From plan.Date `json:"from,omitzero"`
	// Source cites the text the table implements.
	Source string `json:"source"`
	// BabyToddler and SchoolAge list each group's thresholds in ascending
	// order of minutes.
	BabyToddler []Threshold `json:"baby_toddler"`
	SchoolAge   []Threshold `json:"school_age"`
	// Shares gives the share of the tariff of each band but BandNone.
	Shares []Share `json:"shares"`
}

// StatutoryBands returns the statutory band table for income-related
// tariffs, as Opgroeien registers care (Opgroeien, Inhoudelijke en
// technische beschrijving van de registratie van de aan- en afwezigheden,
// 2025, p. 9):
//
//	band   baby/toddler    school-age      share
//	third  —               under 3h00      40 %
//	half   under 5h00      3h00 to 4h59    60 %
//	full   5h00 to 10h59   5h00 to 10h59   100 %
//	flex   11h00 or more   11h00 or more   160 %
//
// Exactly 3h00 is a half day for a school-age child, exactly 5h00 a full
// day, exactly 11h00 flex (where flex is allowed). The 160 % share is the
// one of the house rules Zorg Leuven §3.3 (seed 004) and the press; the
// statute leaves it open.
func StatutoryBands() BandTable {
	// Source: Opgroeien, Inhoudelijke en technische beschrijving van de
	// registratie van de aan- en afwezigheden (2025), p. 9 ("½-dag: … minder
	// dan 5u; bij buitenschoolse opvang: 3u tot 4u59 — 1 dag: 5u tot en met
	// 10u59 — Flex >= 11u"); FO-SU-05.xsd min3u/min5u/min11u/min11uFlex.
	return BandTable{
		Source: srcRegistration + "; 160 %: " + srcSeed004Flex,
		BabyToddler: []Threshold{
			{BandHalf, 1}, {BandFull, 5 * 60}, {BandFlex, 11 * 60},
		},
		SchoolAge: []Threshold{
			{BandThird, 1}, {BandHalf, 3 * 60}, {BandFull, 5 * 60}, {BandFlex, 11 * 60},
		},
		Shares: []Share{
			{BandThird, decimal.New(4, -1)},
			{BandHalf, decimal.New(6, -1)},
			{BandFull, decimal.New(1, 0)},
			{BandFlex, decimal.New(16, -1)},
		},
	}
}

// MaxBandMinutes bounds a threshold: a calendar day has at most 25 hours
// (the day the clocks go back), so no threshold lies beyond 24*60+60
// minutes.
const MaxBandMinutes = 24*60 + 60

// Validate reports every problem of the table: no thresholds for a group,
// a group whose first band does not start at 1 minute or is flex (a day of
// care in no band would be free), thresholds not ascending, not positive or
// beyond MaxBandMinutes, unknown bands, a band without a share, shares that
// drop as the band rises (equal shares are allowed), negative shares,
// shares above MaxShare, and a band with two shares.
func (t BandTable) Validate() error {
	var ps plan.Problems
	for _, g := range []struct {
		name string
		ths  []Threshold
	}{{"baby_toddler", t.BabyToddler}, {"school_age", t.SchoolAge}} {
		if len(g.ths) == 0 {
			ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: g.name, Message: "no thresholds for " + g.name})
		}
		prevMin, prevShare := 0, decimal.Zero
		for i, th := range g.ths {
			f := lazyField{g.name, i}
			share, ok := t.share(th.Band)
			if th.Band == BandNone || !knownBand(th.Band) {
				ok = false // no share to compare
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(), Message: fmt.Sprintf("band %q cannot have a threshold", th.Band)})
			} else if !ok {
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(), Message: fmt.Sprintf("band %q has no share", th.Band)})
			}
			// Source: Opgroeien, Inhoudelijke en technische beschrijving van
			// de registratie van de aan- en afwezigheden (2025), p. 9 — the
			// bands follow one another as the minutes of care rise.
			if th.FromMinutes <= prevMin {
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(),
					Message: fmt.Sprintf("band %q starts at %d minutes, not above the previous %d", th.Band, th.FromMinutes, prevMin)})
			}
			// Every minute of care falls in a band: a first band from later
			// than 1 minute, or a flex band first (not counted at a location
			// without flex permission), would make a day of care no band,
			// and free.
			if i == 0 && th.FromMinutes > 1 {
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(),
					Message: fmt.Sprintf("the first band, %q, starts at %d minutes: care of 1 to %d minutes would fall in no band", th.Band, th.FromMinutes, th.FromMinutes-1)})
			}
			if i == 0 && th.Band == BandFlex {
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(),
					Message: "the first band is flex: at a location without flex permission care would fall in no band"})
			}
			if th.FromMinutes > MaxBandMinutes {
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(),
					Message: fmt.Sprintf("band %q starts at %d minutes, beyond the %d minutes of the longest day (25 hours)", th.Band, th.FromMinutes, MaxBandMinutes)})
			}
			if ok && cmpdec.Cmp(share, prevShare) < 0 {
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(),
					Message: fmt.Sprintf("band %q costs %s of the tariff, less than the band below (%s)", th.Band, share, prevShare)})
			}
			if !ok {
				share = prevShare
			}
			prevMin, prevShare = th.FromMinutes, share
		}
	}
	for i, s := range t.Shares {
		f := lazyField{"shares", i}
		if !knownBand(s.Band) || s.Band == BandNone {
			ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(), Message: fmt.Sprintf("band %q cannot have a share", s.Band)})
		}
		if !shareInRange(s.Share, MaxShare) {
			ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String() + ".share",
				Message: fmt.Sprintf("share %s for band %q is not between 0 and %d", s.Share, s.Band, MaxShare)})
		}
		for j, o := range t.Shares[:i] {
			if o.Band == s.Band {
				ps = append(ps, plan.Problem{Code: CodeInvalidShare, Field: f.String(),
					Message: fmt.Sprintf("band %q has a second share (also shares[%d])", s.Band, j)})
			}
		}
	}
	return ps.Err()
}

func knownBand(b Band) bool {
	switch b {
	case BandNone, BandThird, BandHalf, BandFull, BandFlex:
		return true
	}
	return false
}

// share returns the share of band b (0 for BandNone).
func (t BandTable) share(b Band) (decimal.Decimal, bool) {
	if b == BandNone {
		return decimal.Zero, true
	}
	for _, s := range t.Shares {
		if s.Band == b {
			return s.Share, true
		}
	}
	return decimal.Zero, false
}

// ShareOf returns the share of the tariff that band b costs (0 for
// BandNone), or an error when the table has no share for it.
func (t BandTable) ShareOf(b Band) (decimal.Decimal, error) {
	s, ok := t.share(b)
	if !ok {
		return decimal.Zero, fmt.Errorf("tariff: band table has no share for band %q: %w", b, CodeInvalidShare)
	}
	return s, nil
}

// Classify returns the band for minutes of counted care in group g. flex
// says whether the location may register flexible care: without it the band
// stops at full. Minutes of zero or less are BandNone, and so is every day
// of a group the table has no thresholds for: Classifier.Classify reports
// that as an error. It does not allocate.
func (t BandTable) Classify(g AgeGroup, minutes int, flex bool) Band {
	ths := t.BabyToddler
	if g == SchoolAge {
		ths = t.SchoolAge
	}
	return classify(ths, minutes, flex)
}

// classify picks the band of minutes from ascending thresholds ths.
func classify(ths []Threshold, minutes int, flex bool) Band {
	for i := len(ths) - 1; i >= 0; i-- {
		th := ths[i]
		if minutes >= th.FromMinutes && (th.Band != BandFlex || flex) {
			return th.Band
		}
	}
	return BandNone
}

// thresholds returns the thresholds of group g, or a problem (allocated
// only then) when g is not a group or the table has none for it.
func (t BandTable) thresholds(g AgeGroup) ([]Threshold, error) {
	var ths []Threshold
	switch g {
	case BabyToddler:
		ths = t.BabyToddler
	case SchoolAge:
		ths = t.SchoolAge
	default:
		return nil, plan.Problem{Code: plan.CodeInvalidValue, Field: "group",
			Message: fmt.Sprintf("age group %q is neither %q nor %q", g, BabyToddler, SchoolAge)}
	}
	if len(ths) == 0 {
		return nil, plan.Problem{Code: CodeInvalidShare, Field: string(g),
			Message: fmt.Sprintf("the band table has no thresholds for %s, so no day could be priced: use StatutoryClassifier or a complete table of your own", g)}
	}
	return ths, nil
}

// BandTables is a history of band tables; For picks the one in force on a
// day.
type BandTables []BandTable

// For returns the table in force on d: the one with the latest From not
// after d. It reports an error when no table applies to d.
func (ts BandTables) For(d plan.Date) (BandTable, error) {
	best := -1
	for i, t := range ts {
		if !t.From.After(d) && (best < 0 || t.From.After(ts[best].From)) {
			best = i
		}
	}
	if best < 0 {
		return BandTable{}, plan.Problem{Code: CodeInvalidShare, Field: "band_tables", Date: d,
			Message: fmt.Sprintf("no band table applies on %s", d)}
	}
	return ts[best], nil
}

// lazyField is a field path "name[i]", formatted only for a problem.
type lazyField struct {
	name string
	i    int
}

func (f lazyField) String() string { return f.name + "[" + strconv.Itoa(f.i) + "]" }
