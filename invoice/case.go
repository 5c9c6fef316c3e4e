package invoice

import (
	"io"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Case is everything the monthly invoice of one family needs. It is plain
// data and the format of the JSON case files the examples read (see the
// README).
type Case struct {
	// Month is the month invoiced.
	Month plan.Month `json:"month"`
	// Period, when set, invoices only these days of the month (a first or a
	// final invoice); the zero Period means the whole month.
	Period plan.Period `json:"period,omitzero"`
	// Number is the invoice number.
	Number string `json:"number"`
	// InvoiceDate is the day the invoice is made; the due date follows from
	// it, and attest gaps are decided as of it.
	InvoiceDate plan.Date `json:"invoice_date"`
	Family      Family    `json:"family"`
	Children    []Child   `json:"children"`
	// Calendar is the organiser's closing days.
	Calendar plan.Calendar `json:"calendar"`
	// Rules are the house rules.
	Rules HouseRules `json:"rules"`
	// Amounts are the statutory yearly amounts; empty means
	// tariff.StatutoryAmounts().
	Amounts tariff.AmountTable `json:"amounts,omitempty"`
}

// Family is the family invoiced.
type Family struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	// Social is true for a family entitled to the social prices of a price
	// list (sociaal tarief); it changes nothing under the income tariff,
	// whose reductions are on the attest.
	Social bool `json:"social,omitempty"`
}

// Child is one child's month.
type Child struct {
	Child    tariff.Child    `json:"child"`
	Name     string          `json:"name"`
	Location tariff.Location `json:"location"`
	// Plans are the child's care plans in force during the month (one, or
	// two when the plan changed), and for the entitlement of a ledger that
	// starts the year, every plan of that year known; they must not overlap.
	Plans   []plan.Plan       `json:"plans"`
	Attests tariff.AttestBook `json:"attests"`
	// Sessions are the check-ins and check-outs of the period invoiced:
	// every session that touches it, an overnight one checked in the
	// evening before its first day included (select sessions by their
	// check-out, not their check-in, or that night's care is missing and its
	// reserved day billed as an absence).
	Sessions []plan.Session `json:"sessions,omitempty"`
	// Absences are the absences reported, with the moment of notice.
	Absences []absence.Absence `json:"absences,omitempty"`
	// Ledger is the justified-absence ledger at the start of the month; a
	// zero Ledger, or one of an earlier year, starts the month's year fresh
	// with the entitlement computed from Plans.
	Ledger absence.Ledger `json:"ledger,omitzero"`
	// ExtraDays are approved extra days outside the plan (seed 004 §3.4.1):
	// reserved like plan days, billed at the tariff. Those of the period are
	// billed; those of the days just around it (up to the absence policy's
	// LongFromDays − 1 days before or after) may be given too, so that an
	// absence across the period's edge is measured with every reserved day
	// around it, as the next or previous month's invoice measures it.
	ExtraDays []plan.Override `json:"extra_days,omitempty"`
	// WithParent are settling-in days the parent stayed: free.
	WithParent []plan.Date `json:"with_parent,omitempty"`
	// HotMeals are the days a hot meal was served.
	HotMeals []plan.Date `json:"hot_meals,omitempty"`
	// AgreedLatePickup are days on which the caregiver agreed to a later
	// pick-up: no late pick-up cost.
	AgreedLatePickup []plan.Date `json:"agreed_late_pickup,omitempty"`
	// Trips are transports by the caregiver's car.
	Trips []Trip `json:"trips,omitempty"`
	// Notice, when set, ends the care; a notice fee appears in the month of
	// its last day when the term is not respected.
	Notice *plan.Notice `json:"notice,omitempty"`
	// Reservations are the child's reservations of the period in the
	// reservation book (seed 000): under a price list (care without an
	// income tariff) they, not a care plan, say what the family ordered.
	Reservations []reservation.Reservation `json:"reservations,omitempty"`
}

// Trip is a transport by the caregiver's car.
type Trip struct {
	Date plan.Date       `json:"date"`
	Km   decimal.Decimal `json:"km"`
}

// days returns the days invoiced: Period, or the whole month.
func (c Case) days() plan.Period {
	if c.Period != (plan.Period{}) {
		return c.Period
	}
	return c.Month.Days()
}

// DecodeCase reads a Case from JSON (the case file format of the README and
// of schema.Case), strictly, and returns every problem at once: a field the
// format does not have, a field given twice, a value of the wrong JSON
// type (a JSON number for an amount or a count, a float for an integer),
// a date, month, clock time, instant (RFC 3339 with its offset), tariff,
// amount or decimal that does not parse, a kind, band or other
// enumerated value outside its constants, truncated JSON and data after
// the case. Decoding goes on after a bad value and stops only at a syntax
// error.
//
// The error is plan.Problems (plan.AsProblems returns them). Each Problem's
// Field is the JSON path of the value ("children[0].plans[0].start"; ""
// for the whole file) and its Message starts with its position, "line L,
// column C: " (lines and columns count from 1; a column counts
// characters). The codes are those of DecodeExternal. Whether the case
// makes sense (a plan that reserves nothing, an attest of another child) is
// Validate's and Build's business.
func DecodeCase(r io.Reader) (Case, error) {
	var c Case
	if err := decodeStrict(r, &c, caseSpec()); err != nil {
		return Case{}, err
	}
	return c, nil
}

// DecodeCaseBytes is DecodeCase on a byte slice.
func DecodeCaseBytes(b []byte) (Case, error) {
	var c Case
	if err := strictjson.Decode(b, &c, caseSpec()); err != nil {
		return Case{}, err
	}
	return c, nil
}
