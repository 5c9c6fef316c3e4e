package invoice

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// monFriCase is an April 2025 invoice of a full-time toddler, Monday to
// Friday 07:45–17:15, daily tariff 30.10, all of 2025 on one attest.
func monFriCase() Case {
	c := baseCase()
	c.Month, c.Number, c.InvoiceDate = plan.MustMonth(2025, time.April), "2025-04-0042", sd("2025-05-05")
	ch := &c.Children[0]
	full := slot("07:45", "17:15")
	ch.Plans[0].Schedule.Weeks[0] = plan.Week{Monday: full, Tuesday: full, Wednesday: full, Thursday: full, Friday: full}
	ch.Attests.Attests[0].Daily = tariff.MustTariff("30.10")
	ch.Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("18"), Used: decimalOf("0")}
	return c
}

func linesOf(inv Invoice, kind LineKind) (count decimal.Decimal, amount tariff.Money) {
	for _, l := range inv.Lines {
		if l.Kind == kind {
			count = count.Add(l.Count)
			amount, _ = amount.Add(l.Amount)
		}
	}
	return count, amount
}

// Seed 004 §6.2.1: notice signed on Monday 10 March 2025 for a last day of
// care on Thursday 10 April; the 2-month term runs to 9 May. Care ends on
// the last day: 11–30 April are neither care nor absence (no justified day
// used, no late-notice fee), and the notice fee covers the 19 reserved days
// of 11 April–9 May (Easter Monday and 1 May are closed) on the plan as it
// stood before the notice: 19 × 25 % of 30.10 = 19 × 7.53 = 143.07. Whether
// the plan is left running or ended on 10 April, the invoice is the same.
func TestNoticeEndsCareInMidMonth(t *testing.T) {
	for _, endPlan := range []bool{false, true} {
		c := monFriCase()
		ch := &c.Children[0]
		ch.Notice = &plan.Notice{By: plan.Family, Given: sd("2025-03-10"), LastDay: sd("2025-04-10")}
		if endPlan {
			ch.Plans[0].End = sd("2025-04-10")
		}
		for _, d := range ch.Plans[0].ReservedDays(plan.Period{Start: sd("2025-04-01"), End: sd("2025-04-10")}, c.Calendar) {
			ch.Sessions = append(ch.Sessions, plan.Session{In: at(d.Date.String(), "07:45"), Out: at(d.Date.String(), "17:00")})
		}
		inv, err := Build(c)
		if err != nil {
			t.Fatalf("plan ended on the last day %v: %v", endPlan, err)
		}
		if n, a := linesOf(inv, LineNoticeFee); !n.Equal(decimal.NewFromInt(19)) || a != tariff.MustMoney("143.07") {
			t.Errorf("plan ended %v: notice fee %s days, %s; want 19 days, 143.07", endPlan, n, a)
		}
		for _, k := range []LineKind{LineLateNotice, LineUnjustified} {
			if n, _ := linesOf(inv, k); !n.IsZero() {
				t.Errorf("plan ended %v: %s lines for %s days after care ended", endPlan, k, n)
			}
		}
		if n, _ := linesOf(inv, LineCare); !n.Equal(decimal.NewFromInt(8)) {
			t.Errorf("plan ended %v: %s days of care, want 8 (1–10 April)", endPlan, n)
		}
		if used := inv.Children[0].Respijt.UsedMonth; !used.IsZero() {
			t.Errorf("plan ended %v: %s justified days used after care ended", endPlan, used)
		}
		// 8 × 30.10 + 8 × 0.13 waste + 143.07 + 3.50 administration.
		if inv.Total != tariff.MustMoney("388.41") {
			t.Errorf("plan ended %v: total %s, want 388.41", endPlan, inv.Total)
		}
		for _, o := range inv.Children[0].Reserved {
			if o.Date.After(sd("2025-04-10")) && o.Kind != absence.KindEnded {
				t.Errorf("plan ended %v: %s is %s, want ended", endPlan, o.Date, o.Kind)
			}
		}
	}
}

// After the notice's last day, the next month holds no absence: its
// reserved days are ended, and the fee is not billed twice.
func TestNoticeNextMonth(t *testing.T) {
	c := monFriCase()
	c.Month, c.InvoiceDate = plan.MustMonth(2025, time.May), sd("2025-06-04")
	c.Children[0].Notice = &plan.Notice{By: plan.Family, Given: sd("2025-03-10"), LastDay: sd("2025-04-10")}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Lines) != 0 || inv.Total != (tariff.Money{}) {
		t.Errorf("May after care ended on 10 April: %+v", inv.Lines)
	}
	// A session after the last day of care contradicts the notice.
	c.Children[0].Sessions = []plan.Session{{In: at("2025-05-05", "08:00"), Out: at("2025-05-05", "16:00")}}
	if _, err := Build(c); err == nil || !strings.Contains(err.Error(), "last day of care") {
		t.Errorf("care after the last day: %v", err)
	}
}

// Seed 004 §3.4.2: "Een afwezigheid van een week of langer verwittig je 4
// weken op voorhand." Monday 7 to Friday 11 April 2025 of a Monday–Friday
// plan, reported on 11 March, is a week and late: 5 × the fee of 7.53.
func TestWeekLongAbsenceIsLate(t *testing.T) {
	c := monFriCase()
	ch := &c.Children[0]
	attend(&c, 0, "07:45", "17:00", "2025-04-07", "2025-04-08", "2025-04-09", "2025-04-10", "2025-04-11")
	ch.Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-04-07"), End: sd("2025-04-11")}, ReportedAt: at("2025-03-11", "10:00"), Reason: "vakantie"}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if n, a := linesOf(inv, LineLateNotice); !n.Equal(decimal.NewFromInt(5)) || a != tariff.MustMoney("37.65") {
		t.Errorf("late notice %s days, %s; want 5 × 7.53 = 37.65", n, a)
	}
	if got := inv.Children[0].Notices[0]; got.Kind != absence.NoticePlannedLong {
		t.Errorf("notice kind %s, want planned_long", got.Kind)
	}
}

// Seed 004 §3.4.2: a planned absence reported after it started is late
// notice — the fee per reserved day — not a rejected invoice.
func TestPlannedAbsenceReportedLate(t *testing.T) {
	c := monFriCase()
	attend(&c, 0, "07:45", "17:00", "2025-04-15", "2025-04-16")
	c.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-04-15"), End: sd("2025-04-16")}, ReportedAt: at("2025-04-15", "09:30")}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := linesOf(inv, LineLateNotice); !n.Equal(decimal.NewFromInt(2)) {
		t.Errorf("late notice on %s days, want 2", n)
	}
}

// Sessions that cannot be billed are errors that say where: last month's
// sessions, a forgotten check-out (58 hours), instants outside 1900–2100.
func TestSessionErrors(t *testing.T) {
	tests := []struct {
		name    string
		session plan.Session
		code    plan.Code
		words   string
	}{
		{"last month's session", plan.Session{In: at("2025-03-10", "07:45"), Out: at("2025-03-10", "17:00")}, plan.CodeInvalidValue, "does not touch the period"},
		{"a missing check-out", plan.Session{In: at("2025-04-07", "07:45"), Out: at("2025-04-09", "17:45")}, plan.CodeTooLong, "check-out missing"},
		{"the year 1600", plan.Session{In: time.Date(1600, 4, 7, 8, 0, 0, 0, time.UTC), Out: at("2025-04-07", "17:00")}, plan.CodeOutOfRange, "1900–2100"},
		{"the year 1800", plan.Session{In: time.Date(1800, 4, 7, 8, 0, 0, 0, time.UTC), Out: at("2025-04-30", "17:00")}, plan.CodeOutOfRange, "1900–2100"},
		{"the year 2200", plan.Session{In: at("2025-04-07", "07:45"), Out: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)}, plan.CodeOutOfRange, "1900–2100"},
	}
	for _, tt := range tests {
		c := monFriCase()
		c.Children[0].Sessions = []plan.Session{tt.session}
		_, err := Build(c)
		ps := plan.AsProblems(err)
		if len(ps) != 1 || ps[0].Code != tt.code || ps[0].Field != "children[0].sessions[0]" || !strings.Contains(ps[0].Message, tt.words) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	// A house rule may allow longer stays (a weekend of flexible care).
	c := monFriCase()
	c.Rules.MaxSessionHours = 60
	c.Children[0].Sessions = []plan.Session{{In: at("2025-04-07", "07:45"), Out: at("2025-04-09", "17:45")}}
	if _, err := Build(c); err != nil {
		t.Errorf("a 58-hour stay under a 60-hour maximum: %v", err)
	}
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// Numbers never overflow: a trip of 1e19 km, a price "1e9999", a tariff
// beyond the largest, a payment term of 2^40 months are errors naming the
// field, never a wrapped count or a 10,000-digit total.
func TestBoundsAreErrors(t *testing.T) {
	c := monFriCase()
	c.Rules.TransportPerKm = Flat("0.4269")
	c.Children[0].Trips = []Trip{{Date: sd("2025-04-07"), Km: decimal.RequireFromString("1e19")}}
	if _, err := Build(c); !hasField(err, "children[0].trips[0]") {
		t.Errorf("a trip of 1e19 km: %v", err)
	}
	for _, js := range []string{`{"amount": "1e9999"}`, `{"amount": "100000000000000"}`, `{"amount": 3.5}`} {
		var p Price
		if err := jsonUnmarshal(js, &p); err == nil {
			t.Errorf("price %s accepted as %s", js, p.Amount)
		}
	}
	c = monFriCase()
	c.Rules.HotMeal = Prices{{Amount: tariff.MustMoney("1000000")}}
	c.Rules.PaymentTermMonths = 1 << 40
	_, err := Build(c)
	if !hasField(err, "rules.hot_meal[0]") || !hasField(err, "rules.payment_term_months") {
		t.Errorf("a price of a million and a term of 2^40 months: %v", err)
	}
	if _, err := tariff.NewTariff(decimal.NewFromInt(10_000_000)); err == nil {
		t.Error("NewTariff(10000000) accepted")
	}
}

func hasField(err error, field string) bool {
	for _, p := range plan.AsProblems(err) {
		if p.Field == field {
			return true
		}
	}
	return false
}

// The opening ledger, the child codes and the attests are checked: a
// negative entitlement, negative days used or more used than the
// entitlement, two children with one code, an attest of another child.
func TestCaseValidation(t *testing.T) {
	c := monFriCase()
	c.Children = append(c.Children, c.Children[0])
	c.Children[0].Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("-5"), Used: decimalOf("-3")}
	c.Children[1].Ledger = absence.Ledger{Year: 2025, Entitlement: decimalOf("18"), Used: decimalOf("40")}
	c.Children[1].Attests.Attests = append(c.Children[1].Attests.Attests, tariff.Attest{ChildCode: "K-999", Kind: tariff.AttestRegular,
		Daily: tariff.MustTariff("20.00"), Valid: plan.Period{Start: sd("2026-01-01"), End: sd("2026-12-31")}})
	_, err := Build(c)
	for _, f := range []string{"children[0].ledger.entitlement", "children[0].ledger.used", "children[1].ledger.used", "children[1].child.code", "children[1].attests.attests[1].child_code"} {
		if !hasField(err, f) {
			t.Errorf("no problem at %s in %v", f, err)
		}
	}
}

// Build reports every problem of every child at once: a broken plan of
// one child, an unknown amount of another, an attest gap of a third — one
// round, not three.
func TestEveryProblemAtOnce(t *testing.T) {
	c := monFriCase()
	c.Month, c.InvoiceDate = plan.MustMonth(2026, time.March), sd("2026-04-03")
	second, third := monFriCase().Children[0], monFriCase().Children[0]
	second.Child.Code, third.Child.Code = "K-2", "K-3"
	for _, ch := range []*Child{&c.Children[0], &second, &third} {
		ch.Ledger = absence.Ledger{}
	}
	c.Children[0].Plans[0].Schedule.Weeks[0].Monday = []plan.Slot{{Start: plan.MustClock("17:00"), End: plan.MustClock("08:00")}}
	second.Attests.Attests[0].Valid = plan.Period{Start: sd("2026-01-01"), End: sd("2026-12-31")}
	second.Attests.Attests[0].ChildCode = "K-2"
	third.Attests.Attests[0].ChildCode = "K-3"
	third.Attests.MaximumWhenMissing = false // its 2025 attest has run out: no tariff in 2026
	c.Children = append(c.Children, second, third)
	attend(&c, 1, "07:45", "17:00", "2026-03-10")
	attend(&c, 2, "07:45", "17:00")
	_, err := Build(c)
	for _, want := range []struct {
		field string
		code  plan.Code
	}{
		{"children[0].plans[0].schedule.weeks[0].monday[0]", plan.CodeEndBeforeStart},
		{"amounts", tariff.CodeUnknownYear}, // the late fee of child 1 needs 2026's minimum contribution
		{"children[2].attests", tariff.CodeNoTariff},
	} {
		found := false
		for _, p := range plan.AsProblems(err) {
			found = found || p.Field == want.field && p.Code == want.code
		}
		if !found {
			t.Errorf("no %s at %s in:\n%v", want.code, want.field, err)
		}
	}
}

// The current year: a 2026 month whose attest carries the tariff bills;
// where a yearly amount is needed and unknown, the error names the amount,
// the year and how to supply it, at the field "amounts"; supplied in the
// case, it bills.
func TestCurrentYear(t *testing.T) {
	c := monFriCase()
	c.Month, c.InvoiceDate = plan.MustMonth(2026, time.March), sd("2026-04-03")
	ch := &c.Children[0]
	ch.Ledger = absence.Ledger{}
	ch.Attests.Attests[0].Valid = plan.Period{Start: sd("2026-01-01"), End: sd("2026-12-31")}
	attend(&c, 0, "07:45", "17:00")
	if _, err := Build(c); err != nil {
		t.Fatalf("a fully attended 2026 month on a valid attest: %v", err)
	}
	ch.Sessions = nil
	attend(&c, 0, "07:45", "17:00", "2026-03-02") // 2 March unattended and unreported: the late-notice fee's floor is 2026's minimum
	_, err := Build(c)
	ps := plan.AsProblems(err)
	if len(ps) != 1 || ps[0].Field != "amounts" || !errors.Is(err, tariff.CodeUnknownYear) || !strings.Contains(ps[0].Message, "2026") {
		t.Fatalf("unknown 2026 minimum: %v", err)
	}
	c.Amounts = tariff.AmountTable{{Year: 2026, Kind: tariff.StandardMinimum, Value: tariff.MustTariff("6.60"), Source: "Opgroeien, letter to organisers, autumn 2025"},
		{Year: 2026, Kind: tariff.Maximum, Value: tariff.MustTariff("36.50"), Source: "Opgroeien, letter to organisers, autumn 2025"}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	if n, a := linesOf(inv, LineLateNotice); !n.Equal(decimal.NewFromInt(1)) || a != tariff.MustMoney("7.53") {
		t.Errorf("late notice %s × %s; want 1 × 7.53", n, a)
	}
}
