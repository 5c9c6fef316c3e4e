package tariff

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
)

// An attest's daily tariff lies between the lowest and the maximum tariff
// of every year it applies in (VVSG, "indexering inkomenstarief baby
// peuter", 30-10-2023: lowest 1.97, maximum 34.64 in 2024); an individual
// reduced tariff may go below the standard minimum (6.24), not below the
// lowest.
func TestCheckAmounts(t *testing.T) {
	amounts := StatutoryAmounts()
	tests := []struct {
		name string
		a    Attest
		want []plan.Problem
	}{
		{"a regular tariff within 2024's range", attest(AttestRegular, "24.10", "2024-01-01", "2024-12-31", ""), nil},
		{"exactly the 2024 maximum", attest(AttestMaximum, "34.64", "2024-01-01", "2024-12-31", ""), nil},
		{"exactly the 2024 lowest", attest(AttestLowest, "1.97", "2024-01-01", "2024-12-31", ""), nil},
		{"a reduced tariff below the standard minimum is allowed", attest(AttestLeefloon, "3.00", "2024-03-01", "2024-12-31", ""), nil},
		// Seed 004 §3.1: "een attest met maximumtarief", indexed every 1
		// January: an attest named after an amount states that year's amount
		// (audit of 2026-12-01: 2023's maximum 33.31 billed all 2024); an
		// OCMW tariff is at least the standard minimum (Kind en Gezin).
		{"a maximum attest of 2023's maximum in 2024", attest(AttestMaximum, "33.31", "2024-01-01", "2024-12-31", ""), []plan.Problem{{
			Code: CodeOutsideStatutory, Field: "daily", Date: d("2024-01-01"),
			Message: "an attest of kind maximum states the maximum of the year, 34.64 in 2024, not 33.31",
			Rule:    plan.Rule{ID: "tariff.attest.kind_amount", Source: srcIndexation + "; " + srcVVSG2024}}}},
		{"a standard-minimum attest below it", attest(AttestStandardMin, "6.00", "2024-01-01", "2024-12-31", ""), []plan.Problem{{
			Code: CodeOutsideStatutory, Field: "daily", Date: d("2024-01-01"),
			Message: "an attest of kind standard_minimum states the standard_minimum of the year, 6.24 in 2024, not 6.00",
			Rule:    plan.Rule{ID: "tariff.attest.kind_amount", Source: srcIndexation + "; " + srcAmountsKG}}}},
		{"exactly the 2024 standard minimum", attest(AttestStandardMin, "6.24", "2024-01-01", "2024-12-31", ""), nil},
		{"an OCMW tariff below the standard minimum", attest(AttestSocialHalf, "3.00", "2024-01-01", "2024-12-31", ""), []plan.Problem{{
			Code: CodeOutsideStatutory, Field: "daily", Date: d("2024-01-01"),
			Message: "an OCMW tariff (social_half) of 3.00 is below the standard minimum of 2024, 6.24, its floor",
			Rule:    plan.Rule{ID: "tariff.attest.social_half", Source: srcSocialHalf + "; " + srcAmountsKG}}}},
		{"an OCMW tariff at its floor", attest(AttestSocialHalf, "6.24", "2024-01-01", "2024-12-31", ""), nil},
		{"a maximum attest into the next year", attest(AttestMaximum, "34.64", "2024-07-01", "2025-06-30", ""), []plan.Problem{{
			Code: CodeOutsideStatutory, Field: "daily", Date: d("2025-01-01"),
			Message: "an attest of kind maximum states the maximum of the year, 35.89 in 2025 (not confirmed by an official text), not 34.64: an attest that runs into another year is split at 1 January; when the attest states the year's amount, give the confirmed amounts of the year (Case.Amounts)",
			Rule:    plan.Rule{ID: "tariff.attest.kind_amount", Source: srcIndexation + "; " + srcNone2025}}}},
		{"above the 2024 maximum", attest(AttestRegular, "34.65", "2024-03-01", "2024-12-31", ""), []plan.Problem{{
			Code: CodeOutsideStatutory, Field: "daily", Date: d("2024-03-01"),
			Message: "the daily tariff 34.65 is above the maximum tariff of 2024, 34.64",
			Rule:    plan.Rule{ID: "tariff.attest.maximum", Source: srcVVSG2024}}}},
		{"below the 2024 lowest", attest(AttestLowest, "1.96", "2024-03-01", "2024-12-31", ""), []plan.Problem{{
			Code: CodeOutsideStatutory, Field: "daily", Date: d("2024-03-01"),
			Message: "the daily tariff 1.96 is below the lowest tariff of 2024, 1.97",
			Rule:    plan.Rule{ID: "tariff.attest.lowest", Source: srcVVSG2024}}}},
		// 2023: maximum 33.31 (Kind en Gezin); the lowest of 2023 is not
		// known and is skipped; 2024 allows 34.00.
		{"each year the attest touches", attest(AttestRegular, "34.00", "2023-07-01", "2024-06-30", ""), []plan.Problem{{
			Code: CodeOutsideStatutory, Field: "daily", Date: d("2023-07-01"),
			Message: "the daily tariff 34.00 is above the maximum tariff of 2023, 33.31",
			Rule:    plan.Rule{ID: "tariff.attest.maximum", Source: srcAmountsKG}}}},
		{"dated from 1 January in a later year", attest(AttestRegular, "36.00", "2023-07-01", "2025-06-30", ""), []plan.Problem{
			{Code: CodeOutsideStatutory, Field: "daily", Date: d("2023-07-01"),
				Message: "the daily tariff 36.00 is above the maximum tariff of 2023, 33.31",
				Rule:    plan.Rule{ID: "tariff.attest.maximum", Source: srcAmountsKG}},
			{Code: CodeOutsideStatutory, Field: "daily", Date: d("2024-01-01"),
				Message: "the daily tariff 36.00 is above the maximum tariff of 2024, 34.64",
				Rule:    plan.Rule{ID: "tariff.attest.maximum", Source: srcVVSG2024}},
			{Code: CodeOutsideStatutory, Field: "daily", Date: d("2025-01-01"),
				Message: "the daily tariff 36.00 is above the maximum tariff of 2025, 35.89 (not confirmed by an official text)",
				Rule:    plan.Rule{ID: "tariff.attest.maximum", Source: srcNone2025}},
		}},
		{"an unknown year is skipped", attest(AttestRegular, "99.00", "2026-01-01", "2026-12-31", ""), nil},
		{"years without a maximum are skipped", attest(AttestRegular, "99.00", "2019-01-01", "2021-12-31", ""), nil},
		{"no tariff: Validate's to report", Attest{Kind: AttestRegular, Valid: plan.Period{Start: d("2024-01-01"), End: d("2024-12-31")}}, nil},
		{"an invalid validity: Validate's to report", attest(AttestRegular, "99.00", "2024-12-31", "2024-01-01", ""), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := plan.AsProblems(tt.a.CheckAmounts(amounts))
			if diff := cmp.Diff(plan.Problems(tt.want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if err := (Attest{Kind: AttestRegular, Daily: MustTariff("99.00"), Valid: plan.Period{Start: d("2024-01-01"), End: d("2024-12-31")}}).CheckAmounts(nil); err != nil {
		t.Errorf("an empty table checks nothing: %v", err)
	}
	// Only the lowest and the maximum bound a tariff; an amount without a
	// value is the table's problem (AmountTable.Validate), not the attest's.
	others := AmountTable{
		{Year: 2024, Kind: StandardMinimum, Value: MustTariff("30.00"), Source: "test"},
		{Year: 2024, Kind: ExceptionalMinimum, Value: MustTariff("30.00"), Source: "test"},
		{Year: 2024, Kind: ReductionPerChild, Value: MustTariff("1.00"), Source: "test"},
		{Year: 2024, Kind: Maximum, Source: "no value"},
		{Year: 2024, Kind: Lowest, Source: "no value"},
	}
	if err := attest(AttestLeefloon, "3.00", "2024-01-01", "2024-12-31", "").CheckAmounts(others); err != nil {
		t.Errorf("other kinds do not bound the tariff: %v", err)
	}
	book := Seed004AttestBook(
		attest(AttestRegular, "24.10", "2024-01-01", "2024-06-30", ""),
		attest(AttestRegular, "40.00", "2024-07-01", "2024-12-31", ""),
	)
	var fields []string
	for _, p := range plan.AsProblems(book.CheckAmounts(amounts)) {
		fields = append(fields, p.Field+" "+p.Date.String())
	}
	if diff := cmp.Diff([]string{"attests[1].daily 2024-07-01"}, fields); diff != "" {
		t.Errorf("book (-want +got):\n%s", diff)
	}
}

// An attest that prices days before its start through the grace period
// (seed 004 §3.1: the new attest connects to the old end) is checked
// against the amounts of those days' year (review of 2026-12-01: an
// attest from 2025 at 35.89 priced December 2024, above 2024's 34.64).
func TestCheckAmountsDuringConnects(t *testing.T) {
	book := Seed004AttestBook(
		attest(AttestRegular, "24.10", "2023-12-01", "2024-11-30", ""),
		attest(AttestRegular, "35.89", "2025-01-01", "2025-12-31", "2024-12-10"),
	)
	err := book.CheckAmountsDuring(plan.Period{Start: d("2024-12-01"), End: d("2024-12-31")}, StatutoryAmounts())
	if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Field != "attests[1].daily" || !strings.Contains(ps[0].Message, "above the maximum tariff of 2024, 34.64") {
		t.Errorf("December 2024: %v", err)
	}
	// January 2025 is in its own validity, at 2025's maximum: fine; an old
	// attest of 2023 does not stop it.
	if err := book.CheckAmountsDuring(plan.Period{Start: d("2025-01-01"), End: d("2025-01-31")}, StatutoryAmounts()); err != nil {
		t.Errorf("January 2025: %v", err)
	}
}
