package tariff

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

func d(s string) plan.Date { return plan.MustParseDate(s) }

func attest(kind AttestKind, daily, from, to, delivered string) Attest {
	a := Attest{ChildCode: "K1", Kind: kind, Daily: MustTariff(daily), Valid: plan.Period{Start: d(from), End: d(to)}}
	if delivered != "" {
		a.Delivered = d(delivered)
	}
	return a
}

func TestAttestDates(t *testing.T) {
	// The attest starts on the first day of the month the child first
	// attends without a parent (Opgroeien, as applied under the
	// Subsidiebesluit of 22 November 2013).
	if got := AttestStart(d("2026-03-18")); got != d("2026-03-01") {
		t.Errorf("AttestStart = %v", got)
	}
	// A new tariff starts on the first day of the month after the request
	// (seed 004 §3.1); December → 1 January.
	if got := NewTariffStart(d("2026-03-18")); got != d("2026-04-01") {
		t.Errorf("NewTariffStart(18 March) = %v", got)
	}
	if got := NewTariffStart(d("2026-12-02")); got != d("2027-01-01") {
		t.Errorf("NewTariffStart(December) = %v", got)
	}
}

// Seed 004 §3.1: recalculate in the month the child turns 3.5, 6 and 9
// (Kind en Gezin: also 12), when the household changes and when a reduced
// tariff ends.
func TestRecalculationTriggers(t *testing.T) {
	child := Child{Birth: d("2022-09-15")}
	attests := []Attest{attest(AttestLeefloon, "6.47", "2025-04-01", "2026-03-31", "")}
	got := RecalculationTriggers(child, attests, []plan.Date{d("2026-06-20")}, plan.Period{Start: d("2025-01-01"), End: d("2031-12-31")})
	var kinds []string
	for _, tr := range got {
		kinds = append(kinds, string(tr.Kind)+" "+tr.Date.String()+" "+tr.Month.String())
		if tr.Rule.Source == "" {
			t.Error("trigger without source")
		}
	}
	want := []string{
		"age_3_5 2026-03-15 2026-03",
		"reduced_tariff_ends 2026-03-31 2026-03",
		"household 2026-06-20 2026-06",
		"age_6 2028-09-15 2028-09",
		"age_9 2031-09-15 2031-09",
	}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestAttestBookSegments(t *testing.T) {
	amounts := StatutoryAmounts()
	// A mid-month change: a recalculation from 15 March.
	book := Seed004AttestBook(
		attest(AttestRegular, "24.10", "2025-03-01", "2025-03-14", ""),
		attest(AttestFallenIncome, "12.30", "2025-03-15", "2026-03-14", ""),
	)
	segs, err := book.Segments(plan.MustMonth(2025, 3).Days(), d("2025-04-02"), amounts)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 2 || segs[0].Period.End != d("2025-03-14") || segs[1].Tariff.String() != "12.30" || segs[1].Basis != BasisAttest {
		t.Errorf("mid-month change: %+v", segs)
	}
}

// Seed 004 §3.1: deliver the new attest at the latest 25 days after the
// old one's end; otherwise the maximum tariff applies from the end date
// until the new attest's start.
func TestAttestGaps(t *testing.T) {
	amounts := StatutoryAmounts()
	old := attest(AttestRegular, "24.10", "2025-01-01", "2025-04-30", "")
	tests := []struct {
		name    string
		next    *Attest
		asOf    string
		day     string
		basis   Basis
		tariff  string
		errCode plan.Code
	}{
		{"delivered on day 25: the new tariff connects", ptr(attest(AttestRegular, "22.00", "2025-06-01", "2026-05-31", "2025-05-25")), "2025-06-05", "2025-05-10", BasisConnect, "22.00", ""},
		{"delivered on day 26: maximum in the gap", ptr(attest(AttestRegular, "22.00", "2025-06-01", "2026-05-31", "2025-05-26")), "2025-06-05", "2025-05-10", BasisMaximum, "35.89", ""},
		{"after the gap the new attest applies", ptr(attest(AttestRegular, "22.00", "2025-06-01", "2026-05-31", "2025-05-26")), "2025-06-05", "2025-06-01", BasisAttest, "22.00", ""},
		{"nothing yet, grace still running", nil, "2025-05-20", "2025-05-10", "", "", CodeNoTariff},
		{"nothing after the grace: maximum", nil, "2025-05-26", "2025-05-10", BasisMaximum, "35.89", ""},
		{"the delivery date is needed to decide", ptr(attest(AttestRegular, "22.00", "2025-06-01", "2026-05-31", "")), "2025-06-05", "2025-05-10", "", "", plan.CodeMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			book := Seed004AttestBook(old)
			if tt.next != nil {
				book.Attests = append(book.Attests, *tt.next)
			}
			got, err := book.On(d(tt.day), d(tt.asOf), amounts)
			if tt.errCode != "" {
				if !errors.Is(err, tt.errCode) {
					t.Fatalf("error %v, want %s", err, tt.errCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Basis != tt.basis || got.Tariff.String() != tt.tariff || got.Rule.Source == "" || got.Explanation == "" {
				t.Errorf("got %+v", got)
			}
		})
	}
	// Without the maximum option, a gap is an error.
	strict := AttestBook{Attests: []Attest{old}, GraceDays: 25}
	if _, err := strict.On(d("2025-06-10"), d("2025-07-01"), amounts); !errors.Is(err, CodeNoTariff) {
		t.Errorf("strict gap: %v", err)
	}
	// The maximum of an unknown year is an error naming the year.
	late := Seed004AttestBook(attest(AttestRegular, "24.10", "2026-01-01", "2026-04-30", ""))
	if _, err := late.On(d("2026-06-10"), d("2026-07-01"), amounts); !errors.Is(err, CodeUnknownYear) {
		t.Errorf("2026 maximum is unknown: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestAttestBookValidate(t *testing.T) {
	book := AttestBook{GraceDays: -1, Attests: []Attest{
		attest(AttestRegular, "24.10", "2025-01-01", "2025-04-30", ""),
		attest(AttestRegular, "24.10", "2025-04-15", "2025-12-31", ""),
		{Kind: "discount", Valid: plan.Period{Start: d("2026-02-01"), End: d("2026-01-01")}},
	}}
	ps := plan.AsProblems(book.Validate())
	var got []string
	for _, p := range ps {
		got = append(got, string(p.Code)+" "+p.Field)
	}
	want := []string{"invalid_value grace_days", "overlap attests[1].valid", "invalid_value attests[2].kind",
		"invalid_tariff attests[2].daily", "end_before_start attests[2].valid"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Attest selection covers every day of a period exactly once, in order, in
// the fewest segments.
func TestSegmentsCoverEachDayOnce(t *testing.T) {
	amounts := AmountTable{}
	for y := 2020; y <= 2032; y++ {
		amounts = append(amounts, Amount{Year: y, Kind: Maximum, Value: MustTariff("35.00"), Source: "test"})
	}
	rapid.Check(t, func(t *rapid.T) {
		start := d("2024-01-01").AddDays(rapid.IntRange(0, 300).Draw(t, "start"))
		var book AttestBook
		book.GraceDays = rapid.IntRange(0, 40).Draw(t, "grace")
		book.MaximumWhenMissing = true
		cur := start
		for i := rapid.IntRange(1, 4).Draw(t, "n"); i > 0; i-- {
			cur = cur.AddDays(rapid.IntRange(0, 60).Draw(t, "gap"))
			end := cur.AddDays(rapid.IntRange(0, 200).Draw(t, "len"))
			a := Attest{Kind: AttestRegular, Daily: genTariff().Draw(t, "daily"), Valid: plan.Period{Start: cur, End: end},
				Delivered: cur.AddDays(-rapid.IntRange(-60, 30).Draw(t, "deliv"))}
			book.Attests = append(book.Attests, a)
			cur = end.AddDays(1)
		}
		p := plan.Period{Start: start, End: cur.AddDays(rapid.IntRange(0, 60).Draw(t, "tail"))}
		segs, err := book.Segments(p, p.End.AddDays(100), amounts)
		// Days before the first attest, delivered by the last of them: the
		// attest's start is wrong, not the days without an attest.
		if first := book.Attests[0]; first.Valid.Start.After(p.Start) && !first.Delivered.After(first.Valid.Start.AddDays(-1)) {
			if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Field != "attests[0].valid.start" || ps[0].Code != CodeNoTariff {
				t.Fatalf("the first attest from %s, delivered on %s, for a period from %s: %v, want a problem at attests[0].valid.start", first.Valid.Start, first.Delivered, p.Start, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		next := p.Start
		for i, s := range segs {
			if s.Period.Start != next || s.Period.End.Before(s.Period.Start) {
				t.Fatalf("segment %v does not start on %v", s.Period, next)
			}
			// Each segment is as long as it can be: its neighbour differs in
			// attest, basis or tariff.
			if i > 0 {
				if prev := segs[i-1]; prev.Attest == s.Attest && prev.Basis == s.Basis && prev.Tariff.Equal(s.Tariff) {
					t.Fatalf("segments %v and %v could be one", prev.Period, s.Period)
				}
			}
			for day := range s.Period.Days() {
				one, err := book.On(day, p.End.AddDays(100), amounts)
				if err != nil || !one.Tariff.Equal(s.Tariff) || one.Basis != s.Basis {
					t.Fatalf("day %v: On gives %v/%s, segment %v/%s", day, one.Tariff, one.Basis, s.Tariff, s.Basis)
				}
			}
			next = s.Period.End.AddDays(1)
		}
		if next != p.End.AddDays(1) {
			t.Fatalf("segments end at %v, period at %v", next.AddDays(-1), p.End)
		}
	})
}
