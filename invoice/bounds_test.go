package invoice

import (
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// The house rules' bounds, each at its edge: the edge itself is valid, one
// step beyond is an error naming the field. Seed 004 §3.6 gives a payment
// term of a month ("1 maand na opmaak factuur", HouseRules: 1 to 12
// months); a notice fee is a share of the tariff, from none (a fee "needs a
// clause", DESIGN §5) up to tariff.MaxShare; a price is never negative and
// at most MaxPriceCents (10,000.00), zero being no cost; two prices of one
// history never start on the same day; the longest stay is 1 to 72 hours,
// 0 meaning 24.
func TestHouseRulesBounds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*HouseRules)
		field string // "" when valid
	}{
		{"payment term 1 month", func(h *HouseRules) { h.PaymentTermMonths = 1 }, ""},
		{"payment term 12 months", func(h *HouseRules) { h.PaymentTermMonths = 12 }, ""},
		{"payment term 0 months", func(h *HouseRules) { h.PaymentTermMonths = 0 }, "payment_term_months"},
		{"payment term 13 months", func(h *HouseRules) { h.PaymentTermMonths = 13 }, "payment_term_months"},
		{"no notice fee", func(h *HouseRules) { h.NoticeFeeShare = decimal.Zero }, ""},
		{"a negative notice fee", func(h *HouseRules) { h.NoticeFeeShare = decimalOf("-0.01") }, "notice_fee_share"},
		{"the largest notice fee", func(h *HouseRules) { h.NoticeFeeShare = decimal.NewFromInt(tariff.MaxShare) }, ""},
		{"beyond the largest notice fee", func(h *HouseRules) { h.NoticeFeeShare = decimalOf("10.01") }, "notice_fee_share"},
		{"longest stay 0 (24 hours)", func(h *HouseRules) { h.MaxSessionHours = 0 }, ""},
		{"longest stay 72 hours", func(h *HouseRules) { h.MaxSessionHours = 72 }, ""},
		{"longest stay -1 hours", func(h *HouseRules) { h.MaxSessionHours = -1 }, "max_session_hours"},
		{"longest stay 73 hours", func(h *HouseRules) { h.MaxSessionHours = 73 }, "max_session_hours"},
		{"waste at 0.00", func(h *HouseRules) { h.WasteFullDay = Flat("0.00") }, ""},
		{"waste at -0.01", func(h *HouseRules) { h.WasteFullDay = Flat("-0.01") }, "waste_full_day[0]"},
		{"a meal at 10,000.00", func(h *HouseRules) { h.HotMeal = Flat("10000.00") }, ""},
		{"a meal at 10,000.01", func(h *HouseRules) { h.HotMeal = Flat("10000.01") }, "hot_meal[0]"},
		{"two admin prices of one day", func(h *HouseRules) {
			h.AdminPerMonth = Prices{{From: sd("2025-01-01"), Amount: tariff.MustMoney("3.50")}, {From: sd("2025-06-01"), Amount: tariff.MustMoney("3.60")},
				{From: sd("2025-01-01"), Amount: tariff.MustMoney("3.55")}}
		}, "admin_per_month[2]"},
		{"three admin prices of three days", func(h *HouseRules) {
			h.AdminPerMonth = Prices{{From: sd("2025-01-01"), Amount: tariff.MustMoney("3.50")}, {From: sd("2025-06-01"), Amount: tariff.MustMoney("3.60")},
				{From: sd("2026-01-01"), Amount: tariff.MustMoney("3.70")}}
		}, ""},
	} {
		h := Seed004HouseRules()
		tc.edit(&h)
		err := h.Validate()
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.field != "" && !hasField(err, tc.field):
			t.Errorf("%s: %v, want a problem at %s", tc.name, err, tc.field)
		case tc.field != "" && len(plan.AsProblems(err)) != 1:
			t.Errorf("%s: %v, want one problem", tc.name, err)
		}
	}
	// The problems of the policies of the other packages are placed under
	// their field.
	h := Seed004HouseRules()
	h.Absence.BaseDays = decimal.NewFromInt(12)
	if err := h.Validate(); !hasField(err, "absence.base_days") {
		t.Errorf("absence policy: %v", err)
	}
}

// A price history: the price of a day is the one with the latest start
// not after it, whatever the order of the list; before the first start
// there is none (an error, never a guess).
func TestPricesOn(t *testing.T) {
	ps := Prices{{From: sd("2025-07-01"), Amount: tariff.MustMoney("0.15")}, {From: sd("2025-01-01"), Amount: tariff.MustMoney("0.13")},
		{From: sd("2025-04-01"), Amount: tariff.MustMoney("0.14")}}
	for day, want := range map[string]string{"2025-01-01": "0.13", "2025-03-31": "0.13", "2025-04-01": "0.14", "2025-06-30": "0.14", "2025-07-01": "0.15", "2030-01-01": "0.15"} {
		got, err := ps.On(sd(day))
		if err != nil || got != tariff.MustMoney(want) {
			t.Errorf("on %s: %s, %v; want %s", day, got, err, want)
		}
	}
	if _, err := ps.On(sd("2024-12-31")); !hasDate(err, sd("2024-12-31")) {
		t.Errorf("before the first price: %v", err)
	}
	if got, err := Flat("3.50").On(sd("0001-01-01")); err != nil || got != tariff.MustMoney("3.50") {
		t.Errorf("a flat price on the first day there is: %s, %v", got, err)
	}
}

// The case's own bounds at their edges: a trip is more than 0 and at most
// MaxKmPerTrip km; the opening ledger's year is 1 to 9999 and not after
// the month, its entitlement 0 to MaxEntitlementDays, its days used 0 to
// the entitlement (seed 004 §3.4.2: once used up, further absences are
// unjustified, so the ledger never goes below zero); a notice is given on
// or before its last day.
func TestCaseBounds(t *testing.T) {
	type edit func(*Case)
	ledger := func(year int, entitlement, used string) edit {
		return func(c *Case) {
			c.Children[0].Ledger = absence.Ledger{Year: year, Entitlement: decimalOf(entitlement), Used: decimalOf(used)}
		}
	}
	trip := func(km string) edit {
		return func(c *Case) {
			c.Rules.TransportPerKm = Flat("0.43")
			c.Children[0].Trips = []Trip{{Date: sd("2025-04-08"), Km: decimalOf(km)}}
		}
	}
	for _, tc := range []struct {
		name  string
		edit  edit
		field string
	}{
		{"a trip of 0.1 km", trip("0.1"), ""},
		{"a trip of 10,000 km", trip("10000"), ""},
		{"a trip of 0 km", trip("0"), "children[0].trips[0]"},
		{"a trip of -1 km", trip("-1"), "children[0].trips[0]"},
		{"a trip of 10,000.1 km", trip("10000.1"), "children[0].trips[0]"},
		{"a trip without a day", func(c *Case) {
			trip("3")(c)
			c.Children[0].Trips[0].Date = plan.Date{}
		}, "children[0].trips[0]"},
		{"a ledger of the month's year", ledger(2025, "18", "0"), ""},
		{"a ledger of the year before", ledger(2024, "18", "3"), ""},
		{"a ledger of the year after", ledger(2026, "18", "0"), "children[0].ledger.year"},
		{"a ledger of year 0", ledger(0, "18", "0"), "children[0].ledger.year"},
		{"a ledger of year 10000", ledger(10000, "18", "0"), "children[0].ledger.year"},
		{"no justified days", ledger(2025, "0", "0"), ""},
		{"366 justified days", ledger(2025, "366", "0"), ""},
		{"367 justified days", ledger(2025, "367", "0"), "children[0].ledger.entitlement"},
		{"-1 justified days", ledger(2025, "-1", "0"), "children[0].ledger.entitlement"},
		{"all days used", ledger(2025, "18", "18"), ""},
		{"half a day more than all", ledger(2025, "18", "18.5"), "children[0].ledger.used"},
		{"half a day of none", ledger(2025, "0", "0.5"), "children[0].ledger.used"},
		{"-0.5 days used", ledger(2025, "18", "-0.5"), "children[0].ledger.used"},
		{"a notice given on its last day", func(c *Case) {
			c.Children[0].Notice = &plan.Notice{By: plan.Family, Given: sd("2025-04-30"), LastDay: sd("2025-04-30")}
		}, ""},
		{"a notice given after its last day", func(c *Case) {
			c.Children[0].Notice = &plan.Notice{By: plan.Family, Given: sd("2025-05-01"), LastDay: sd("2025-04-30")}
		}, "children[0].notice.last_day"},
	} {
		c := monFriCase()
		attend(&c, 0, "07:45", "17:00")
		tc.edit(&c)
		err := c.Validate()
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.field != "" && !hasField(err, tc.field):
			t.Errorf("%s: %v, want a problem at %s", tc.name, err, tc.field)
		}
		// Build agrees with Validate.
		if _, berr := Build(c); (berr == nil) != (err == nil) && tc.field != "" {
			t.Errorf("%s: Build %v, Validate %v", tc.name, berr, err)
		}
	}
	// The ledger's year at the ends of the calendar.
	for _, tc := range []struct {
		year  int
		month plan.Month
		ok    bool
	}{{1, plan.MustMonth(1, time.January), true}, {9999, plan.MustMonth(9999, time.December), true}, {9999, plan.Month{}, true}} {
		ch := Child{Ledger: absence.Ledger{Year: tc.year, Entitlement: decimalOf("18")}}
		if ps := validateLedger("ledger", ch, tc.month); (len(ps) == 0) != tc.ok {
			t.Errorf("a ledger of %d for %s: %v", tc.year, tc.month, ps)
		}
	}
}

// A session must have time within the period invoiced (DESIGN: nothing is
// silently dropped): one that ends at the first midnight of April, or
// starts at the midnight that ends it, has none and is an error; one that
// crosses that midnight is billed for its part in April.
func TestSessionAtThePeriodsEdges(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in, out time.Time
		ok      bool
	}{
		{"ends at 1 April 00:00", at("2025-03-31", "20:00"), at("2025-04-01", "00:00"), false},
		{"ends at 1 April 00:01", at("2025-03-31", "20:00"), at("2025-04-01", "00:01"), true},
		{"starts at 1 May 00:00", at("2025-05-01", "00:00"), at("2025-05-01", "06:00"), false},
		{"starts at 30 April 23:59", at("2025-04-30", "23:59"), at("2025-05-01", "06:00"), true},
	} {
		c := monFriCase()
		c.Children[0].Sessions = []plan.Session{{In: tc.in, Out: tc.out}}
		err := c.Validate()
		if (err == nil) != tc.ok || !tc.ok && !hasField(err, "children[0].sessions[0]") {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	// The longest stay: 12 hours allowed, 12 hours 1 minute not.
	c := monFriCase()
	c.Rules.MaxSessionHours = 12
	c.Children[0].Sessions = []plan.Session{{In: at("2025-04-07", "06:00"), Out: at("2025-04-07", "18:00")}}
	if err := c.Validate(); err != nil {
		t.Errorf("a 12-hour stay under a 12-hour maximum: %v", err)
	}
	c.Children[0].Sessions[0].Out = at("2025-04-07", "18:01")
	if err := c.Validate(); !hasField(err, "children[0].sessions[0]") {
		t.Errorf("a 12-hour-1 stay under a 12-hour maximum: %v", err)
	}
	// Without a maximum, 24 hours.
	c.Rules.MaxSessionHours = 0
	c.Children[0].Sessions = []plan.Session{{In: at("2025-04-07", "06:00"), Out: at("2025-04-08", "06:00")}}
	if err := c.Validate(); err != nil {
		t.Errorf("a 24-hour stay: %v", err)
	}
	c.Children[0].Sessions[0].Out = at("2025-04-08", "06:01")
	if err := c.Validate(); !hasField(err, "children[0].sessions[0]") {
		t.Errorf("a 24-hour-1 stay: %v", err)
	}
}

// Extra days (seed 004 §3.4.1) just around the period measure an absence
// across its edge: up to LongFromDays − 1 = 6 days before or after it
// (seed 004's "een week of langer"); one a week away is stale data.
func TestExtraDaysAroundThePeriod(t *testing.T) {
	for _, tc := range []struct {
		day string
		ok  bool
	}{
		{"2025-03-26", true},  // Wednesday, 6 days before 1 April
		{"2025-03-25", false}, // 7 days before
		{"2025-05-06", true},  // Tuesday, 6 days after 30 April
		{"2025-05-07", false}, // 7 days after
	} {
		c := baseCase()
		c.Month, c.InvoiceDate = plan.MustMonth(2025, time.April), sd("2025-05-05")
		c.Children[0].ExtraDays = []plan.Override{{Date: sd(tc.day), Slots: slot("08:00", "16:00")}}
		err := c.Validate()
		if (err == nil) != tc.ok || !tc.ok && !hasField(err, "children[0].extra_days[0].date") {
			t.Errorf("an extra day on %s: %v", tc.day, err)
		}
	}
}
