package httpapi

import (
	"time"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
)

// The request and response bodies of the routes that have no library type
// of their own. POST /v1/invoices takes an invoice.Case and answers an
// invoice.Invoice; POST /v1/estimates takes an invoice.EstimateInput and
// answers an invoice.Estimate; POST /v1/attendance-reports takes a
// fosu05.Input and answers the XML.

// VerificationRequest is the body of POST /v1/verifications: the case the
// invoice is for, the invoice made by other software, and that software's
// conventions.
type VerificationRequest struct {
	Case    invoice.Case     `json:"case"`
	Invoice invoice.External `json:"invoice"`
	Options VerifyOptions    `json:"options,omitzero"`
}

// VerifyOptions is invoice.VerifyOptions as JSON: the rounding by name.
type VerifyOptions struct {
	// Rounding is "per_line" (the default, exact) or "per_day".
	Rounding Rounding `json:"rounding,omitempty"`
	// Tolerance accepts line amounts this far from count × unit price,
	// each reported as within_tolerance.
	Tolerance tariff.Money `json:"tolerance,omitzero"`
}

// Rounding names an invoice.Rounding: "per_line" or "per_day".
type Rounding string

// Verdict is the outcome of a verification.
type Verdict string

// The verdicts: no difference at all, or at least one (within_tolerance
// differences included: a convention is never silently accepted).
const (
	VerdictMatch       Verdict = "match"
	VerdictDifferences Verdict = "differences"
)

// VerificationResult is the answer of POST /v1/verifications.
type VerificationResult struct {
	Verdict Verdict `json:"verdict"`
	// Number and ComputedTotal are those of the invoice the library
	// computes from the case.
	Number        string       `json:"number"`
	ComputedTotal tariff.Money `json:"computed_total"`
	// Differences are invoice.VerifyWith's, in its order; [] on a match.
	Differences []invoice.Difference `json:"differences"`
}

// CancellationRequest is the body of POST /v1/cancellations: a
// reservation, the location it is at (its calendar counts working days),
// the organiser's cancellation policy and the moment the family cancels.
type CancellationRequest struct {
	Reservation reservation.Reservation `json:"reservation"`
	Location    reservation.Location    `json:"location"`
	Policy      reservation.Policy      `json:"policy"`
	// At is the instant of the cancellation, RFC 3339 with its offset.
	At time.Time `json:"at"`
}

// CancellationVerdict says whether a cancellation costs anything.
type CancellationVerdict string

// The cancellation verdicts: free (in time, or late without a cost), or a
// fee (late, at the policy's cost).
const (
	CancellationFree CancellationVerdict = "free"
	CancellationFee  CancellationVerdict = "fee"
)

// CancellationResult is the answer of POST /v1/cancellations: the verdict
// and reservation.Book.CancelQuote's Cancellation — the deadline, whether
// it is late, the cost, the rule with its source and the texts the
// library writes for the family — its fields alongside the verdict.
type CancellationResult struct {
	Verdict CancellationVerdict `json:"verdict"`
	reservation.Cancellation
}

// AmountsResult is the answer of GET /v1/amounts: the library's statutory
// yearly amounts (tariff.StatutoryAmounts), each with its source and
// whether an official text confirms it.
type AmountsResult struct {
	Amounts tariff.AmountTable `json:"amounts"`
}
