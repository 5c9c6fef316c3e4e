package plan

import (
	"errors"
	"strings"
	"testing"
)

// Seed 004 §6.2.1 (family) and §6.2.2 (organiser): 2 months' notice; not
// respected, 25 % of the tariff on the reserved days (priced by tariff).
func TestEvaluateNotice(t *testing.T) {
	pl := Plan{Kind: KindRegular, Start: MustParseDate("2025-09-01"),
		Schedule: Schedule{Weeks: []Week{{Monday: fullDay, Tuesday: fullDay, Thursday: fullDay}}}}
	c := Calendar{}
	pol := Seed004NoticePolicy()

	tests := []struct {
		name      string
		n         Notice
		earliest  string
		respected bool
		exempt    bool
		shortfall Period
		feeDays   int
		rule      string
	}{
		{"family, term respected to the day",
			Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-05-09")},
			"2026-05-09", true, false, Period{}, 0, RuleNoticeTerm},
		{"family leaves on 30 April: 9 days short",
			Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-04-30")},
			// 1–9 May 2026: Mon 4, Tue 5, Thu 7 reserved; Fri 1 May (public holiday) is not.
			"2026-05-09", false, false, Period{MustParseDate("2026-05-01"), MustParseDate("2026-05-09")}, 3, RuleNoticeTerm},
		{"organiser stops without notice",
			Notice{By: Organiser, Given: MustParseDate("2026-03-02"), LastDay: MustParseDate("2026-03-06")},
			// 7 March–1 May 2026: 8 Mondays less Easter Monday 6 April, 8 Tuesdays, 8 Thursdays.
			"2026-05-01", false, false, Period{MustParseDate("2026-03-07"), MustParseDate("2026-05-01")}, 23, RuleNoticeTerm},
		{"serious fault of the organiser",
			Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-03-10"), Exemption: ExemptSeriousFault},
			"2026-05-09", true, true, Period{}, 0, RuleNoticeExemption},
		{"caregiver pregnant",
			Notice{By: Organiser, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-03-20"), Exemption: ExemptCaregiverPregnancy},
			"2026-05-09", true, true, Period{}, 0, RuleNoticeExemption},
		{"detrimental change, notice within 2 months of being told",
			Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-03-31"), Exemption: ExemptDetrimentalChange, ChangeNotified: MustParseDate("2026-01-11")},
			"2026-05-09", true, true, Period{}, 0, RuleNoticeExemption},
		{"detrimental change, but told more than 2 months ago",
			Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-05-07"), Exemption: ExemptDetrimentalChange, ChangeNotified: MustParseDate("2026-01-09")},
			"2026-05-09", false, false, Period{MustParseDate("2026-05-08"), MustParseDate("2026-05-09")}, 0, RuleNoticeTerm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EvaluateNotice(tt.n, pl, c, pol)
			if err != nil {
				t.Fatal(err)
			}
			if got.EarliestLastDay != MustParseDate(tt.earliest) || got.Respected != tt.respected || got.Exempt != tt.exempt ||
				got.Shortfall != tt.shortfall || len(got.FeeDays) != tt.feeDays || got.Rule.ID != tt.rule || got.Rule.Source == "" || got.Explanation == "" {
				t.Errorf("got earliest %v respected %v exempt %v shortfall %v fee days %d rule %v\n%s",
					got.EarliestLastDay, got.Respected, got.Exempt, got.Shortfall, len(got.FeeDays), got.Rule, got.Explanation)
			}
			if !got.Respected && got.OwedBy != tt.n.By {
				t.Errorf("fee owed by %q, want %q", got.OwedBy, tt.n.By)
			}
		})
	}
}

func TestNoticeFeeBasis(t *testing.T) {
	pl := Plan{Kind: KindRegular, Start: MustParseDate("2025-09-01"), Schedule: Schedule{Weeks: []Week{{Wednesday: fullDay}}}}
	n := Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-04-30")}
	pol := Seed004NoticePolicy()
	pol.Basis = FeeOnFullTerm
	got, err := EvaluateNotice(n, pl, Calendar{}, pol)
	if err != nil {
		t.Fatal(err)
	}
	// Full term: 1 May–30 June 2026 has 8 Wednesdays (6 May … 24 June).
	if len(got.FeeDays) != 8 || got.Shortfall.Len() != 9 {
		t.Errorf("full-term basis: %d fee days, shortfall %v", len(got.FeeDays), got.Shortfall)
	}
	// A plan that ends within the shortfall charges only its own days.
	pl.End = MustParseDate("2026-05-05")
	pol.Basis = FeeOnShortfall
	got, _ = EvaluateNotice(n, pl, Calendar{}, pol)
	if len(got.FeeDays) != 0 {
		t.Errorf("plan ending 5 May has no Wednesday in 1–9 May after its end: %d", len(got.FeeDays))
	}
}

func TestNoticeErrors(t *testing.T) {
	pl := Plan{Kind: KindRegular, Start: MustParseDate("2025-09-01"), Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
	_, err := EvaluateNotice(Notice{By: "grandma", Exemption: "boredom"}, pl, Calendar{}, NoticePolicy{Basis: "half"})
	checkProblems(t, err, []wantProblem{
		{CodeInvalidValue, "by", ""},
		{CodeMissing, "given", ""},
		{CodeMissing, "last_day", ""},
		{CodeInvalidValue, "policy.term_months", ""},
		{CodeInvalidValue, "policy.basis", ""},
		{CodeInvalidValue, "exemption", ""},
	})
	_, err = EvaluateNotice(Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-03-10"), Exemption: ExemptPermitWithdrawn}, pl, Calendar{}, Seed004NoticePolicy())
	if !errors.Is(err, CodeExemptionInvalid) {
		t.Errorf("a family cannot invoke the organiser's permit withdrawal: %v", err)
	}
	_, err = EvaluateNotice(Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-03-10"), Exemption: ExemptDetrimentalChange}, pl, Calendar{}, Seed004NoticePolicy())
	if !errors.Is(err, CodeMissing) {
		t.Errorf("detrimental change without notification date: %v", err)
	}
}

// Seed 004 §6.1 and Opgroeien's model agreement: the family may leave
// without notice or fee "binnen de twee maanden na de kennisname" of a
// detrimental change. A policy's window of 0 means those 2 months.
func TestDetrimentalChangeWindow(t *testing.T) {
	d := MustParseDate
	pl := Plan{Kind: KindRegular, Start: d("2025-09-01"), Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
	tests := []struct {
		months   int
		notified string
		given    string
		exempt   bool
	}{
		{2, "2026-01-11", "2026-01-11", true},  // the day it was told
		{2, "2026-01-11", "2026-03-10", true},  // the last day of the 2 months
		{2, "2026-01-11", "2026-03-11", false}, // a day late
		{2, "2026-01-11", "2026-01-10", false}, // before being told
		{0, "2026-01-11", "2026-03-10", true},  // 0: the model's 2 months
		{0, "2026-01-11", "2026-03-11", false},
		{1, "2026-01-11", "2026-02-10", true},
		{1, "2026-01-11", "2026-02-11", false},
		{3, "2026-01-11", "2026-04-10", true},
		{3, "2026-01-11", "2026-04-11", false},
	}
	for _, tt := range tests {
		pol := Seed004NoticePolicy()
		pol.DetrimentalChangeMonths = tt.months
		n := Notice{By: Family, Given: d(tt.given), LastDay: d(tt.given), Exemption: ExemptDetrimentalChange, ChangeNotified: d(tt.notified)}
		res, err := EvaluateNotice(n, pl, Calendar{}, pol)
		if err != nil {
			t.Fatal(err)
		}
		if res.Exempt != tt.exempt || res.Respected != tt.exempt {
			t.Errorf("window %d months, told %s, notice %s: exempt %v, respected %v; want %v (%s)",
				tt.months, tt.notified, tt.given, res.Exempt, res.Respected, tt.exempt, res.Explanation)
		}
		if tt.exempt && (res.Rule.ID != RuleNoticeExemption || res.Rule.Source != srcSeed004Rules || len(res.FeeDays) != 0) {
			t.Errorf("exempt verdict %+v", res)
		}
		if !tt.exempt && (res.Rule.ID != RuleNoticeTerm || !strings.Contains(res.Explanation, "detrimental-change exemption covers")) {
			t.Errorf("verdict without exemption %+v", res)
		}
	}
}

// Which text each exemption comes from: the organiser's own exemptions are
// in seed 004 §6.2.2, the family's in §6.2.1, the detrimental change in §6.1.
func TestExemptionSources(t *testing.T) {
	for _, tt := range []struct {
		n    Notice
		want string
	}{
		{Notice{By: Family, Exemption: ExemptSeriousFault}, srcSeed004Notice},
		{Notice{By: Organiser, Exemption: ExemptSeriousFault}, srcSeed004OrgNote},
		{Notice{By: Organiser, Exemption: ExemptCaregiverPregnancy}, srcSeed004OrgNote},
		{Notice{By: Family, Exemption: ExemptDetrimentalChange}, srcSeed004Rules},
	} {
		if got := exemptionSource(tt.n); got != tt.want {
			t.Errorf("%s by %s: source %q, want %q", tt.n.Exemption, tt.n.By, got, tt.want)
		}
	}
	if basisName("") != "shortfall" || basisName(FeeOnFullTerm) != "full_term" {
		t.Error("fee basis names")
	}
}

// A policy without a Source cites the house rules it defaults to.
func TestNoticeRuleSource(t *testing.T) {
	pl := Plan{Kind: KindRegular, Start: MustParseDate("2025-09-01"), Schedule: Schedule{Weeks: []Week{{Monday: fullDay}}}}
	n := Notice{By: Family, Given: MustParseDate("2026-03-10"), LastDay: MustParseDate("2026-05-09")}
	pol := Seed004NoticePolicy()
	pol.Source = ""
	if res, err := EvaluateNotice(n, pl, Calendar{}, pol); err != nil || res.Rule.Source != srcSeed004Notices {
		t.Errorf("no source: %v, %v", res.Rule, err)
	}
	pol.Source = "huishoudelijk reglement De Kleine Wereld §7"
	if res, err := EvaluateNotice(n, pl, Calendar{}, pol); err != nil || res.Rule.Source != pol.Source {
		t.Errorf("own source: %v, %v", res.Rule, err)
	}
}

// EvaluateNoticePlans counts the fee days of every plan as it stood, in
// date order and each once; with one plan it is EvaluateNotice.
func TestEvaluateNoticePlans(t *testing.T) {
	full := []Slot{{Start: MustClock("07:30"), End: MustClock("17:30")}}
	a := Plan{Kind: KindRegular, Start: MustParseDate("2025-01-06"), End: MustParseDate("2025-03-31"), Schedule: Schedule{Weeks: []Week{{Monday: full, Tuesday: full, Thursday: full}}}}
	b := Plan{Kind: KindRegular, Start: MustParseDate("2025-04-01"), Schedule: Schedule{Weeks: []Week{{Monday: full, Tuesday: full, Wednesday: full, Thursday: full, Friday: full}}}}
	n := Notice{By: Family, Given: MustParseDate("2025-03-10"), LastDay: MustParseDate("2025-03-20")}
	one, err := EvaluateNotice(n, a, Calendar{}, Seed004NoticePolicy())
	if err != nil {
		t.Fatal(err)
	}
	same, err := EvaluateNoticePlans(n, []Plan{a}, Calendar{}, Seed004NoticePolicy())
	if err != nil || len(same.FeeDays) != len(one.FeeDays) || same.Explanation != one.Explanation {
		t.Fatalf("one plan: %+v, %v; EvaluateNotice %+v", same, err, one)
	}
	if _, err := EvaluateNoticePlans(n, nil, Calendar{}, Seed004NoticePolicy()); !AsProblems(err).Has(CodeMissing) {
		t.Errorf("no plans: %v, want a problem at plans", err)
	}
	both, err := EvaluateNoticePlans(n, []Plan{b, a, a}, Calendar{}, Seed004NoticePolicy())
	if err != nil {
		t.Fatal(err)
	}
	if len(both.FeeDays) != 31 {
		t.Errorf("%d fee days, want 4 of a and 27 of b", len(both.FeeDays))
	}
	for i := 1; i < len(both.FeeDays); i++ {
		if !both.FeeDays[i-1].Date.Before(both.FeeDays[i].Date) {
			t.Fatalf("fee days out of order or twice: %s, %s", both.FeeDays[i-1].Date, both.FeeDays[i].Date)
		}
	}
}
