package invoice

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Amounts the Belgian way (DESIGN: "written with exactly two decimals";
// in Dutch a decimal comma and a point between thousands): "€ 1.234,50",
// and a minus sign before the euro sign.
func TestEuro(t *testing.T) {
	for in, want := range map[string]string{
		"0.00": "€ 0,00", "3.50": "€ 3,50", "-3.50": "-€ 3,50", "24.10": "€ 24,10", "999.99": "€ 999,99",
		"1000.00": "€ 1.000,00", "1234.50": "€ 1.234,50", "-1234.50": "-€ 1.234,50", "123456.78": "€ 123.456,78",
		"1234567.89": "€ 1.234.567,89", "0.4269": "€ 0,4269", "100000.00": "€ 100.000,00",
	} {
		if got := euro(tariff.MustMoney(in)); got != want {
			t.Errorf("euro(%s) = %q, want %q", in, got, want)
		}
	}
}

// A band's share as the labels write it: 60 %, 160 %, 33,3 % with a
// decimal comma in Dutch and a point in English, leading zeros for a share
// under a percent, no trailing zeros.
func TestAppendPercent(t *testing.T) {
	for _, tc := range []struct {
		share  string
		nl, en string
	}{
		{"0.6", "60", "60"}, {"1.6", "160", "160"}, {"1", "100", "100"}, {"0.40", "40", "40"}, {"0", "0", "0"},
		{"0.25", "25", "25"}, {"0.125", "12,5", "12.5"}, {"0.333", "33,3", "33.3"}, {"0.3330", "33,3", "33.3"},
		{"0.005", "0,5", "0.5"}, {"0.0005", "0,05", "0.05"}, {"0.00001", "0,001", "0.001"}, {"10", "1000", "1000"},
		{"1.605", "160,5", "160.5"}, {"0.1", "10", "10"}, {"-0.5", "-50", "-50"}, {"-0.125", "-12,5", "-12.5"},
		{"-0.005", "-0,5", "-0.5"},
		{"0.1234567890123456789", "12,34567890123456789", "12.34567890123456789"},
		{"0.1234567890123456789012", "12,34567890123456789012", "12.34567890123456789012"},
	} {
		d := decimal.RequireFromString(tc.share)
		if got := string(appendPercent(nil, d, ',')); got != tc.nl {
			t.Errorf("appendPercent(%s, ',') = %q, want %q", tc.share, got, tc.nl)
		}
		if got := string(appendPercent([]byte("x"), d, '.')); got != "x"+tc.en {
			t.Errorf("appendPercent(%s, '.') = %q, want %q", tc.share, got, "x"+tc.en)
		}
	}
}

// Invoice.Text wraps a paragraph at its width, at spaces; a word longer
// than the width stands alone.
func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  []string
	}{
		{"aaa bbb", 7, []string{"aaa bbb"}},
		{"aaa bbb", 6, []string{"aaa", "bbb"}},
		{"aaa bbb ccc", 8, []string{"aaa bbb", "ccc"}},
		{"aa bb cc dd", 5, []string{"aa bb", "cc dd"}},
		{"€€€ ééé", 7, []string{"€€€ ééé"}}, // runes, not bytes
		{"abcdefghij kl", 4, []string{"abcdefghij", "kl"}},
		{"", 10, []string{""}},
		{"  a   b  ", 3, []string{"a b"}},
	} {
		if got := wrap(tc.s, tc.width); !cmp.Equal(got, tc.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
	}
}

// The Dutch texts of the invoice (seed 004 §3.4.2 and §6.2.1) tell the
// family by when an absence should have been reported and what a notice
// costs: a short planned absence two days ahead ("ten laatste op" the day
// D−2), a week or longer four weeks ahead, a sudden one before the agreed
// start time; a notice by the family or by the organiser.
func TestTextExplainsNoticesAndFees(t *testing.T) {
	// Tuesday 8 April 2025, reported on Monday 7 April: due by Sunday 6.
	c := monFriCase()
	attend(&c, 0, "07:45", "17:00", "2025-04-08", "2025-04-09")
	c.Children[0].Absences = []absence.Absence{
		{Period: plan.Period{Start: sd("2025-04-08"), End: sd("2025-04-08")}, ReportedAt: at("2025-04-07", "09:00")},
		{Period: plan.Period{Start: sd("2025-04-09"), End: sd("2025-04-09")}, Sudden: true, ReportedAt: at("2025-04-09", "08:00")},
	}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(inv.Text()), " ")
	for _, want := range []string{
		"Afwezigheid vanaf 08/04/2025 te laat gemeld op 07/04/2025; melden kon ten laatste op 06/04/2025.",
		// The plan starts at 07:45: a sudden absence is reported before.
		"Afwezigheid vanaf 09/04/2025 te laat gemeld op 09/04/2025; melden kon vóór het afgesproken beginuur, 09/04/2025 om 07:45.",
		"Gerechtvaardigde afwezigheidsdagen 2025: recht op 18, opgenomen deze maand 2, dit jaar 2, saldo 16",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	// Monday 7 to Friday 11 April, a week, reported on 11 March: four weeks
	// ahead was by 10 March; never reported at all.
	c = monFriCase()
	attend(&c, 0, "07:45", "17:00", "2025-04-07", "2025-04-08", "2025-04-09", "2025-04-10", "2025-04-11", "2025-04-22")
	c.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-04-07"), End: sd("2025-04-11")}, ReportedAt: at("2025-03-11", "10:00")},
		{Period: plan.Period{Start: sd("2025-04-22"), End: sd("2025-04-22")}}}
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(inv.Text()), " ")
	for _, want := range []string{
		"melden kon ten laatste op 10/03/2025 (een afwezigheid van een week of langer: 4 weken op voorhand).",
		"Afwezigheid vanaf 22/04/2025 niet gemeld; melden kon ten laatste op 20/04/2025.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	// The organiser's notice of 10 March for 31 March (noticeNotRespected):
	// it owes the fee for the 15 reserved days to 9 May.
	n := noticeNotRespected().Case
	n.Children[0].Notice.By = plan.Organiser
	inv, err = Build(n)
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(inv.Text()), " ")
	for _, want := range []string{
		"Opzeg door de organisator op 10/03/2025, laatste opvangdag 31/03/2025: de opzegtermijn loopt tot en met 09/05/2025 en is niet gerespecteerd: opzegvergoeding voor 15 gereserveerde dag(en).",
		"opzegvergoeding verschuldigd door de organisator, per gereserveerde dag -€ 6,47 -€ 97,05",
		"TOTAAL € 221,44", // 318.49 − 97.05
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, inv.Text())
		}
	}
	// A respected notice, and one exempt from the term (seed 004 §6.2.1:
	// "Maakte de opvang een zware fout? [...] Dan moet je de regels voor
	// opzegtermijn en opzegvergoeding niet naleven").
	n = noticeNotRespected().Case
	n.Children[0].Notice.Given = sd("2025-01-10")
	inv, err = Build(n)
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(strings.Fields(inv.Text()), " "); !strings.Contains(text, "Opzeg door het gezin op 10/01/2025, laatste opvangdag 31/03/2025: de opzegtermijn, tot en met 09/03/2025, is gerespecteerd.") {
		t.Errorf("a respected notice:\n%s", inv.Text())
	}
	n = noticeNotRespected().Case
	n.Children[0].Notice.Exemption = plan.ExemptSeriousFault
	inv, err = Build(n)
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(strings.Fields(inv.Text()), " "); !strings.Contains(text, "laatste opvangdag 31/03/2025: geen opzegtermijn nodig (zware fout).") || strings.Contains(text, "opzegvergoeding") {
		t.Errorf("an exempt notice:\n%s", inv.Text())
	}
}

// The names of the exemptions, as the family reads them.
func TestExemptionNL(t *testing.T) {
	for e, want := range map[plan.Exemption]string{
		plan.ExemptSeriousFault: "zware fout", plan.ExemptDetrimentalChange: "nadelige wijziging van het huishoudelijk reglement of de prijzen",
		plan.ExemptForceMajeure: "overmacht", plan.ExemptPermitWithdrawn: "vergunning ingetrokken", plan.ExemptCaregiverPregnancy: "zwangerschap van de onthaalouder",
		"iets anders": "iets anders",
	} {
		if got := exemptionNL(e); got != want {
			t.Errorf("exemptionNL(%q) = %q, want %q", e, got, want)
		}
	}
}

// Invoice.Trace explains each line to a developer: its number from 1, its
// child ("family" for the administration), count × unit price = amount,
// its rule and its days; then each child's days that were not plain
// presence, the notices, and the minutes not billed.
func TestTrace(t *testing.T) {
	inv := mustBuild(t, "full_time_toddler")
	tr := inv.Trace()
	lines := strings.Split(tr, "\n")
	// 20 days of care, their waste and the administration: 3 lines.
	if want := "invoice 2025-03-0042, family F-1042, 2025-03: total 488.10 (sum of 3 lines), due 2025-05-03"; lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
	for _, want := range []string{
		"line 1 [K-118] care: 20 × 24.10 = 482.00 — care, full day (baby_toddler), 100 % of 24.10\n    rule invoice.care",
		"\n    days 2025-03-03 2025-03-04 2025-03-05 2025-03-06 2025-03-07 2025-03-10 ",
		"line 2 [K-118] waste_full: 20 × 0.13 = 2.60 — waste, full day\n",
		"line 3 [family] admin: 1 × 3.50 = 3.50 — administration, per family per month\n    rule invoice.admin",
		"child K-118: 20 day(s) of care, 21 reserved day(s); respijt 1 used this month, balance 15\n",
		"    2025-03-21 justified: ",
		"    notice of absence 0: planned_short, deadline 2025-03-20T00:00:00+01:00, in time true — ",
	} {
		if !strings.Contains(tr, want) {
			t.Errorf("the trace lacks %q:\n%s", want, tr)
		}
	}
	if strings.Contains(tr, " present: ") || strings.Contains(tr, "not billed") || strings.Contains(tr, "    notice: ") {
		t.Errorf("present days, unbilled minutes or a notice in the trace:\n%s", tr)
	}
	// The admin line has no days.
	if i := strings.Index(tr, "line 3 [family]"); strings.Contains(tr[i:], "    days ") {
		t.Errorf("days under the administration line:\n%s", tr)
	}
	// 11 hours 15 at a location without flex permission and without the
	// house rules' knob: 15 minutes not billed.
	c := monFriCase()
	c.Rules.Bands.FlexWithoutPermission = false
	c.Children[0].Sessions = []plan.Session{{In: at("2025-04-08", "07:00"), Out: at("2025-04-08", "18:15")}}
	c.Children[0].AgreedLatePickup = dates("2025-04-08")
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if tr := inv.Trace(); !strings.Contains(tr, "    not billed: 0 night minutes, 15 minutes past 11 hours (no flex permission)\n") {
		t.Errorf("the trace lacks the unbilled minutes:\n%s", tr)
	}
	// Night minutes alone are reported too.
	c.Children[0].Sessions = []plan.Session{{In: at("2025-04-08", "05:30"), Out: at("2025-04-08", "15:00")}}
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if tr := inv.Trace(); !strings.Contains(tr, "    not billed: 30 night minutes, 0 minutes past 11 hours (no flex permission)\n") {
		t.Errorf("the trace lacks the night minutes:\n%s", tr)
	}
	// A notice that ends the care.
	if tr := mustBuild(t, "notice_not_respected").Trace(); !strings.Contains(tr, "    notice: ") {
		t.Errorf("the trace lacks the notice:\n%s", tr)
	}
}

// The free days of settling in (seed 004 §4.1): with a parent, always
// free; alone, free only under house rules that say so.
func TestFreeDayTexts(t *testing.T) {
	with := FreeDay{Date: sd("2025-03-04"), Reason: FreeWithParent}
	alone := FreeDay{Date: sd("2025-03-06"), Reason: FreeSettlingInAlone}
	for _, tc := range []struct{ got, want string }{
		{with.NL(), "04/03/2025: wenmoment met een ouder, gratis"},
		{with.EN(), "2025-03-04: settling in with a parent, free"},
		{alone.NL(), "06/03/2025: wenmoment zonder ouder, gratis volgens dit huishoudelijk reglement"},
		{alone.EN(), "2025-03-06: settling in alone, free under these house rules"},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
	// On the invoice: Noor settles in on 3 March with her father, alone on
	// 4 March; the house rules make settling in alone free.
	c := baseCase()
	c.Children[0].Plans[0].SettlingIn = dates("2025-03-03", "2025-03-04")
	attend(&c, 0, "07:45", "17:00")
	c.Children[0].WithParent = dates("2025-03-03")
	c.Rules.SettlingInAloneFree = true
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(inv.Text()), " ")
	for _, want := range []string{"niet aangerekend: 03/03/2025: wenmoment met een ouder, gratis", "niet aangerekend: 04/03/2025: wenmoment zonder ouder, gratis"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if n, _ := linesOf(inv, LineCare); !n.Equal(decimal.NewFromInt(11)) {
		t.Errorf("%s days of care billed, want 13 − 2 free = 11", n)
	}
	// Seed 004 §4.1: settling in alone costs the tariff unless the house
	// rules say otherwise.
	c.Rules.SettlingInAloneFree = false
	inv, err = Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := linesOf(inv, LineCare); !n.Equal(decimal.NewFromInt(12)) || len(inv.Children[0].Free) != 1 {
		t.Errorf("%s days of care billed, %d free; want 12 and 1", n, len(inv.Children[0].Free))
	}
}
