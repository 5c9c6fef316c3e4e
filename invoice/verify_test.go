package invoice

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// diffKey is what a test says of a difference: its kind, field and lines.
type diffKey struct {
	What     DiffKind
	Field    string
	External []int
	Computed []int
}

func keys(ds []Difference) []diffKey {
	var out []diffKey
	for _, d := range ds {
		out = append(out, diffKey{d.What, d.Field, d.External, d.Computed})
	}
	return out
}

// lineIndex returns the index of the first line of kind k.
func lineIndex(t *testing.T, ls []Line, k LineKind) int {
	t.Helper()
	for i, l := range ls {
		if l.Kind == k {
			return i
		}
	}
	t.Fatalf("no %s line", k)
	return -1
}

func money(s string) *tariff.Money { m := tariff.MustMoney(s); return &m }

func retotal(x *External) {
	var t tariff.Money
	for _, l := range x.Lines {
		t, _ = t.Add(l.Amount)
	}
	x.Total = &t
}

// Every reference scenario verifies against itself, also through its JSON
// form (seed 004 §3.6: the invoice lists every cost with count and amount).
func TestVerifyItself(t *testing.T) {
	for _, s := range Scenarios() {
		inv, err := Build(s.Case)
		if err != nil {
			t.Fatal(err)
		}
		x := ExternalOf(inv)
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeExternalBytes(b)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if ds := Verify(inv, back); len(ds) != 0 {
			t.Errorf("%s verifies against itself:\n%s", s.Name, DifferencesText(ds))
		}
	}
}

// The cases: what passed and must not. Source: seed 004 §3.6 —
// the invoice shows each cost "met vermelding van aard, aantal en het
// bedrag", and is due "1 maand na opmaak factuur".
func TestVerifyOvercharges(t *testing.T) {
	inv := mustBuild(t, "after_school") // care third ×7, care full ×3, waste full, waste part, hot meal ×3, admin
	care := lineIndex(t, inv.Lines, LineCare)
	meal := lineIndex(t, inv.Lines, LineHotMeal)
	all := make([]diffKey, 0, len(inv.Lines))
	for i := range inv.Lines {
		all = append(all, diffKey{What: DiffMissing, Computed: []int{i}})
	}
	n := len(inv.Lines)
	for _, tc := range []struct {
		name   string
		mutate func(x *External)
		want   []diffKey
	}{
		{"a line billed twice, total recomputed", func(x *External) { x.Lines = append(x.Lines, x.Lines[care]); retotal(x) },
			[]diffKey{{DiffDuplicate, "", []int{n, care}, []int{care}}, {What: DiffTotal, Field: "total"}}},
		{"a line billed twice, total kept", func(x *External) { x.Lines = append(x.Lines, x.Lines[care]) },
			[]diffKey{{DiffDuplicate, "", []int{n, care}, []int{care}}, {What: DiffArithmetic, Field: "total"}}},
		{"a line billed twice, no total", func(x *External) { x.Lines = append(x.Lines, x.Lines[care]); x.Total = nil },
			[]diffKey{{DiffDuplicate, "", []int{n, care}, []int{care}}, {What: DiffTotal, Field: "total"}}},
		{"an empty invoice", func(x *External) { *x = External{} },
			append(append([]diffKey{{What: DiffHeader, Field: "number"}, {What: DiffHeader, Field: "family"}, {What: DiffHeader, Field: "month"},
				{What: DiffHeader, Field: "due_date"}}, all...), diffKey{What: DiffTotal, Field: "total"})},
		{"another invoice number", func(x *External) { x.Number = "2025-03-0099" }, []diffKey{{What: DiffHeader, Field: "number"}}},
		{"another family", func(x *External) { x.Family = "F-7" }, []diffKey{{What: DiffHeader, Field: "family"}}},
		{"another month", func(x *External) { x.Month = plan.MustMonth(2025, 4) }, []diffKey{{What: DiffHeader, Field: "month"}}},
		{"another due date", func(x *External) { x.DueDate = x.DueDate.AddDays(-3) }, []diffKey{{What: DiffHeader, Field: "due_date"}}},
		{"a hot meal at 3.50 instead of 3.00", func(x *External) {
			x.Lines[meal].UnitPrice = tariff.MustMoney("3.50")
			x.Lines[meal].Amount, _ = x.Lines[meal].UnitPrice.Times(x.Lines[meal].Count)
			retotal(x)
		}, []diffKey{{DiffUnitPrice, "unit_price", []int{meal}, []int{meal}}, {What: DiffTotal, Field: "total"}}},
		{"a line split in 4 + 3 days", func(x *External) {
			a, b := x.Lines[care], x.Lines[care]
			a.Count, b.Count = decimal.NewFromInt(4), decimal.NewFromInt(3)
			a.Amount, _ = a.UnitPrice.Times(a.Count)
			b.Amount, _ = b.UnitPrice.Times(b.Count)
			x.Lines[care] = b
			x.Lines = append(x.Lines, a)
		}, nil},
		{"lines in another order", func(x *External) {
			for i, j := 0, len(x.Lines)-1; i < j; i, j = i+1, j-1 {
				x.Lines[i], x.Lines[j] = x.Lines[j], x.Lines[i]
			}
		}, nil},
		{"a line left out", func(x *External) { x.Lines = append(x.Lines[:meal:meal], x.Lines[meal+1:]...); retotal(x) },
			[]diffKey{{What: DiffMissing, Computed: []int{meal}}, {What: DiffTotal, Field: "total"}}},
		{"a line too many", func(x *External) {
			x.Lines = append(x.Lines, ExternalLine{Child: "K-077", Kind: LineLatePickup, Count: decimal.NewFromInt(1), UnitPrice: tariff.MustMoney("4.00"), Amount: tariff.MustMoney("4.00")})
			retotal(x)
		}, []diffKey{{What: DiffUnexpected, External: []int{n}}, {What: DiffTotal, Field: "total"}}},
		{"one day too many", func(x *External) {
			x.Lines[care].Count = decimal.NewFromInt(8)
			x.Lines[care].Amount, _ = x.Lines[care].UnitPrice.Times(x.Lines[care].Count)
			retotal(x)
		}, []diffKey{{DiffCount, "count", []int{care}, []int{care}}, {What: DiffTotal, Field: "total"}}},
		{"an amount that is not count × unit price", func(x *External) { x.Lines[meal].Amount = tariff.MustMoney("9.10"); retotal(x) },
			[]diffKey{{DiffArithmetic, "amount", []int{meal}, []int{meal}}, {What: DiffTotal, Field: "total"}}},
		{"a total that is not the sum of the lines", func(x *External) { x.Total = money("1.00") },
			[]diffKey{{What: DiffArithmetic, Field: "total"}, {What: DiffTotal, Field: "total"}}},
		{"a care line in another group", func(x *External) { x.Lines[care].Group = tariff.BabyToddler },
			[]diffKey{{What: DiffMissing, Computed: []int{care}}, {What: DiffUnexpected, External: []int{care}}}},
		{"a care line of another basis", func(x *External) { x.Lines[care].Basis = tariff.BasisMaximum },
			[]diffKey{{DiffBasis, "basis", []int{care}, []int{care}}}},
		{"a care line without basis takes the computed one's", func(x *External) { x.Lines[care].Basis = "" }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := ExternalOf(inv)
			tc.mutate(&x)
			ds := Verify(inv, x)
			if diff := cmp.Diff(tc.want, keys(ds)); diff != "" {
				t.Errorf("(-want +got):\n%s\n%s", diff, DifferencesText(ds))
			}
			for _, d := range ds {
				if d.Message == "" || d.Rule.ID == "" || d.Rule.Source == "" {
					t.Errorf("a difference says what and by which rule: %+v", d)
				}
			}
		})
	}
}

// The difference carries the expected and invoiced values, typed, and the
// computed line's rule.
func TestVerifyValues(t *testing.T) {
	inv := mustBuild(t, "after_school")
	meal := lineIndex(t, inv.Lines, LineHotMeal)
	x := ExternalOf(inv)
	x.Lines[meal].UnitPrice, x.Lines[meal].Amount = tariff.MustMoney("3.50"), tariff.MustMoney("10.50")
	ds := Verify(inv, x)
	three := decimal.NewFromInt(3)
	want := Difference{What: DiffUnitPrice, Field: "unit_price", Child: "K-077", Kind: LineHotMeal, External: []int{meal}, Computed: []int{meal},
		Expected: Side{Count: &three, UnitPrice: money("3.00"), Amount: money("9.00")},
		Got:      Side{Count: &three, UnitPrice: money("3.50"), Amount: money("10.50")},
		Rule:     inv.Lines[meal].Rule,
		Message:  "hot meal (school-age child) for K-077: unit price 3.00 expected, 3.50 invoiced (invoice.hot_meal)"}
	if diff := cmp.Diff(want, ds[0]); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	b, err := json.Marshal(ds[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"what":"unit_price"`, `"expected":{"count":"3","unit_price":"3.00","amount":"9.00"}`, `"got":{"count":"3","unit_price":"3.50","amount":"10.50"}`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("JSON %s lacks %s", b, s)
		}
	}
	var back Difference
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(back, ds[0]) {
		t.Errorf("JSON round trip: %v\n%s", err, cmp.Diff(ds[0], back))
	}
	if !strings.Contains(ds[0].Rule.Source, "seed 004") {
		t.Errorf("a difference names the rule behind the expected value: %+v", ds[0].Rule)
	}
}

// The test of the first version, updated to the typed kinds: another
// program billed 2 half hours instead of 3, forgot the waste, added a hot
// meal with a wrong amount and got its total wrong. The old "amount"
// difference that doubled the count's is gone (the count carries both
// amounts), the wrong meal's arithmetic comes with the lines' own checks,
// and the total is also reported as not the sum of the lines.
func TestVerify(t *testing.T) {
	inv := mustBuild(t, "late_pickup")
	if diffs := Verify(inv, ExternalOf(inv)); len(diffs) != 0 {
		t.Fatalf("an invoice verifies against itself: %+v", diffs)
	}
	ext := ExternalOf(inv)
	var lines []ExternalLine
	for _, l := range ext.Lines {
		switch l.Kind {
		case LineLatePickup:
			l.Count, l.Amount = decimal.NewFromInt(2), tariff.MustMoney("8.00")
		case LineWasteFull:
			continue
		}
		lines = append(lines, l)
	}
	lines = append(lines, ExternalLine{Child: "K-118", Kind: LineHotMeal, Count: decimal.NewFromInt(1), UnitPrice: tariff.MustMoney("3.00"), Amount: tariff.MustMoney("3.10")})
	ext.Lines = lines
	wrong, _ := inv.Total.Sub(tariff.MustMoney("2.69"))
	ext.Total = &wrong
	var got []string
	for _, d := range Verify(inv, ext) {
		got = append(got, d.What.String()+" "+string(d.Kind))
		if d.Message == "" {
			t.Errorf("difference without message: %+v", d)
		}
	}
	want := []string{"arithmetic hot_meal", "count late_pickup", "missing waste_full", "unexpected hot_meal", "arithmetic ", "total "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, d := range Verify(inv, ext) {
		if d.What == DiffCount && !strings.Contains(d.Rule.Source, "seed 004") {
			t.Errorf("a difference names the rule behind the expected value: %+v", d.Rule)
		}
	}
}

// A sub-cent unit price: the km rate. Transport is billed per km at the
// organiser's rate (seed 004 §3.5.1), count × rate rounded once per line;
// software that rounds per day, or stays within a stated tolerance, is
// reported as within tolerance, never silently accepted.
func TestVerifyRounding(t *testing.T) {
	s, _ := ScenarioByName("full_time_toddler")
	c := s.Case
	c.Rules.TransportPerKm = Prices{{From: plan.MustParseDate("2025-01-01"), Amount: tariff.MustMoney("0.4269")}}
	c.Children[0].Trips = []Trip{{Date: plan.MustParseDate("2025-03-12"), Km: decimal.RequireFromString("7.4")}, {Date: plan.MustParseDate("2025-03-19"), Km: decimal.RequireFromString("3.3")}}
	inv, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	km := lineIndex(t, inv.Lines, LineTransport) // 10.7 km × 0.4269 = 4.56783 → 4.57
	if inv.Lines[km].Amount != tariff.MustMoney("4.57") {
		t.Fatalf("transport line %+v", inv.Lines[km])
	}
	perDay := func(x *External) { x.Lines[km].Amount = tariff.MustMoney("4.60"); retotal(x) } // 10.7 × 0.43
	offByOne := func(x *External) { x.Lines[km].Amount = tariff.MustMoney("4.58"); retotal(x) }
	for _, tc := range []struct {
		name   string
		opt    VerifyOptions
		mutate func(x *External)
		want   []diffKey
	}{
		{"exact by default", VerifyOptions{}, perDay, []diffKey{{DiffArithmetic, "amount", []int{km}, []int{km}}, {What: DiffTotal, Field: "total"}}},
		{"per day, stated", VerifyOptions{Rounding: PerDay}, perDay, []diffKey{{DiffWithinTolerance, "amount", []int{km}, []int{km}}, {What: DiffWithinTolerance, Field: "total"}}},
		{"per day is not a tolerance", VerifyOptions{Rounding: PerDay}, offByOne, []diffKey{{DiffArithmetic, "amount", []int{km}, []int{km}}, {What: DiffTotal, Field: "total"}}},
		{"a cent of tolerance", VerifyOptions{Tolerance: tariff.Cents(1)}, offByOne, []diffKey{{DiffWithinTolerance, "amount", []int{km}, []int{km}}, {What: DiffWithinTolerance, Field: "total"}}},
		{"beyond the tolerance", VerifyOptions{Tolerance: tariff.Cents(1)}, perDay, []diffKey{{DiffArithmetic, "amount", []int{km}, []int{km}}, {What: DiffTotal, Field: "total"}}},
		{"tolerance does not hide another difference", VerifyOptions{Tolerance: tariff.Cents(1)}, func(x *External) {
			offByOne(x)
			x.Lines = x.Lines[1:]
			retotal(x)
		}, []diffKey{{DiffWithinTolerance, "amount", []int{km - 1}, []int{km}}, {What: DiffMissing, Computed: []int{0}}, {What: DiffTotal, Field: "total"}}},
		{"a split rounds each part", VerifyOptions{}, func(x *External) {
			a, b := x.Lines[km], x.Lines[km]
			a.Count, b.Count = decimal.RequireFromString("5.35"), decimal.RequireFromString("5.35")
			a.Amount, _ = a.UnitPrice.Times(a.Count) // 2.28 each: 4.56
			b.Amount = a.Amount
			x.Lines[km] = a
			x.Lines = append(x.Lines, b)
			retotal(x)
		}, []diffKey{{DiffAmount, "amount", []int{km, len(inv.Lines)}, []int{km}}, {What: DiffTotal, Field: "total"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := ExternalOf(inv)
			tc.mutate(&x)
			ds, err := VerifyWith(inv, x, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, keys(ds)); diff != "" {
				t.Errorf("(-want +got):\n%s\n%s", diff, DifferencesText(ds))
			}
		})
	}
}

// Per-day rounding of a share × tariff: 40 % of 24.13 is 9.652 a day;
// software that states the unrounded unit and rounds each day bills
// 7 × 9.65. Its unit price matches the computed one rounded.
func TestVerifyPerDayUnit(t *testing.T) {
	inv := Invoice{Number: "N", Family: Family{ID: "F"}, Month: plan.MustMonth(2025, 3), DueDate: plan.MustParseDate("2025-05-03"),
		Lines: []Line{{Child: "K", Kind: LineCare, Band: "third", Group: "school_age", Basis: "attest", Count: decimal.NewFromInt(7),
			UnitPrice: tariff.MustMoney("9.65"), Amount: tariff.MustMoney("67.55"), Rule: plan.Rule{ID: "invoice.care", Source: "s"}}},
		Total: tariff.MustMoney("67.55")}
	x := ExternalOf(inv)
	x.Lines[0].UnitPrice = tariff.MustMoney("9.652")
	ds, _ := VerifyWith(inv, x, VerifyOptions{Rounding: PerDay})
	if diff := cmp.Diff([]diffKey{{DiffWithinTolerance, "unit_price", []int{0}, []int{0}}}, keys(ds)); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, DifferencesText(ds))
	}
	// Exact, it is another unit price (and 7 × 9.652 is 67.56).
	ds = Verify(inv, x)
	if diff := cmp.Diff([]diffKey{{DiffArithmetic, "amount", []int{0}, nil}, {DiffUnitPrice, "unit_price", []int{0}, []int{0}}}, keys(ds)); diff != "" {
		t.Errorf("(-want +got):\n%s\n%s", diff, DifferencesText(ds))
	}
}

func TestVerifyOptions(t *testing.T) {
	inv := mustBuild(t, "late_pickup")
	for _, o := range []VerifyOptions{{Rounding: 7}, {Tolerance: tariff.Cents(-1)}} {
		if _, err := VerifyWith(inv, ExternalOf(inv), o); len(plan.AsProblems(err)) != 1 {
			t.Errorf("%+v: %v", o, err)
		}
	}
	for _, s := range []string{"per_line", "per_day"} {
		r, err := ParseRounding(s)
		if err != nil || r.String() != s {
			t.Errorf("%s: %v %v", s, r, err)
		}
	}
	if _, err := ParseRounding("daily"); err == nil {
		t.Error("an unknown rounding")
	}
}

func TestDiffKindText(t *testing.T) {
	for k := DiffMissing; k <= DiffHeader; k++ {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back DiffKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("%s: %v %v", b, back, err)
		}
	}
	if _, err := DiffKind(0).MarshalText(); err == nil {
		t.Error("the zero kind is not a kind")
	}
	if err := new(DiffKind).UnmarshalText([]byte("amount_")); err == nil {
		t.Error("an unknown kind")
	}
}

func TestDifferencesText(t *testing.T) {
	if DifferencesText(nil) != "no differences\n" {
		t.Error(DifferencesText(nil))
	}
	inv := mustBuild(t, "late_pickup")
	x := ExternalOf(inv)
	x.Lines = x.Lines[1:]
	x.Total = nil
	got := DifferencesText(Verify(inv, x))
	for _, want := range []string{"#  WHAT", "1  missing", "K-118 care full baby_toddler attest", "13 × 24.10 = 313.30", "absent (17.19)",
		"1. care, full day (baby_toddler), 100 % of 24.10 for K-118: 13 × 24.10 = 313.30 is not on the invoice (invoice.care)"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	d := Verify(inv, x)[0]
	if s := d.String(); s != "missing: care, full day (baby_toddler), 100 % of 24.10 for K-118: 13 × 24.10 = 313.30 is not on the invoice (invoice.care)" {
		t.Error(s)
	}
}

// Verify and the decoders share nothing: the same answers from many
// goroutines at once (run with -race).
func TestVerifyConcurrent(t *testing.T) {
	inv := mustBuild(t, "late_pickup")
	x := ExternalOf(inv)
	x.Lines = x.Lines[1:]
	b, _ := json.Marshal(x)
	want := Verify(inv, x)
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			for range 20 {
				got, err := DecodeExternalBytes(b)
				if err != nil {
					errs <- err.Error()
					return
				}
				if diff := cmp.Diff(want, Verify(inv, got)); diff != "" {
					errs <- diff
					return
				}
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// The basis of a care line's tariff (tariff.Basis) is compared where the
// external invoice states it; a line that leaves it out is compared with
// the computed lines of every basis at that price (an attest and the next
// one connected to it, at the same tariff, are one line then).
func TestVerifyBasis(t *testing.T) {
	care := func(basis string, n int64) Line {
		amount, _ := tariff.MustMoney("24.10").TimesInt(n)
		return Line{Child: "K", Kind: LineCare, Band: "full", Group: "baby_toddler", Basis: basis, Count: decimal.NewFromInt(n),
			UnitPrice: tariff.MustMoney("24.10"), Amount: amount, Rule: plan.Rule{ID: "invoice.care", Source: "seed 004 §3.3"}}
	}
	inv := Invoice{Number: "N", Family: Family{ID: "F"}, Month: plan.MustMonth(2025, 3), DueDate: plan.MustParseDate("2025-05-03"),
		Lines: []Line{care("attest", 8), care("connect", 5)}, Total: tariff.MustMoney("313.30")}
	for _, tc := range []struct {
		name   string
		mutate func(x *External)
		want   []diffKey
	}{
		{"as computed", func(x *External) {}, nil},
		{"one line without basis", func(x *External) {
			x.Lines = []ExternalLine{x.Lines[0]}
			x.Lines[0].Basis, x.Lines[0].Count, x.Lines[0].Amount = "", decimal.NewFromInt(13), tariff.MustMoney("313.30")
		}, nil},
		{"one line without basis, a day short", func(x *External) {
			x.Lines = []ExternalLine{x.Lines[0]}
			x.Lines[0].Basis, x.Lines[0].Count, x.Lines[0].Amount = "", decimal.NewFromInt(12), tariff.MustMoney("289.20")
			retotal(x)
		}, []diffKey{{DiffCount, "count", []int{0}, []int{0, 1}}, {What: DiffTotal, Field: "total"}}},
		{"the maximum instead of a connected attest", func(x *External) { x.Lines[1].Basis = tariff.BasisMaximum },
			[]diffKey{{DiffBasis, "basis", []int{1}, []int{1}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := ExternalOf(inv)
			tc.mutate(&x)
			ds := Verify(inv, x)
			if diff := cmp.Diff(tc.want, keys(ds)); diff != "" {
				t.Errorf("(-want +got):\n%s\n%s", diff, DifferencesText(ds))
			}
		})
	}
}
