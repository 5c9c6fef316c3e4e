// Package invoice makes the monthly invoice a family receives — exact to
// the cent, every line explained — and lets test suites verify invoices
// made elsewhere. It also follows payments and credit notes, and produces
// the fiscal certificate and the monthly attendance report.
//
// # House rules
//
// HouseRules gathers an organiser's rules as data: the absence policy
// (package absence), the notice policy (package plan), the band table
// (package tariff) and the extra costs of seed 004 §3.5.1 — late pick-up per
// started half hour, waste per day present, hot meals of a school-age child,
// administration per family per month, transport per km — each a dated
// Prices history, so indexation is data. Validate checks them against the
// statute. Seed004HouseRules is the reference example.
//
// # The invoice
//
// A Case holds one family's month: each child's plans, attests,
// check-ins and check-outs, reported absences, the justified-absence ledger
// at the start of the month, extra days, hot meals, agreed late pick-ups,
// trips and a notice; the organiser's calendar; the house rules. Build
// prices it: each day of care by its band at the tariff in force, counted
// and multiplied once per line (an attest change or a switch to school-age
// in mid-month gives separate lines); each reserved day not attended by the
// absence rules; the extra costs; a notice fee when a notice is not
// respected. Each Line carries its count, unit price, amount, days, rule
// and source, and a Dutch and an English label. The Total is exactly the
// sum of the lines. The invoice shows each child's justified absence days
// and carries the ledger at the end of the month, so months chain; the due
// date is a month after the invoice date.
//
// # Pricing models, many families, estimates
//
// HouseRules.Pricing chooses how a day of care is priced (tariff.Pricing):
// by bands of the income tariff (the default), pro rata for a school-age
// day made only of short moments, or, for after-school care organised by a
// municipality since 2026, by the organiser's price list, billed from the
// reservation book (Child.Reservations: reserved and present, reserved and
// absent, cancelled late, present without a reservation), with social
// prices (Family.Social) and a sibling discount.
//
// OrganiserMonth prepares once what every family of an organiser's month
// shares — the calendar's days, the house rules validated, the amounts and
// unit prices in force — and builds each FamilyMonth in one pass over its
// children's days; it is safe for concurrent use, so a month-end run
// (package monthend) bills thousands of families on every core. Build is
// the same for a single Case. EstimateMonth prices a month that has not
// happened (a parent portal's price calculator) exactly as Build would bill
// it, with each month of its year the plan runs in; its problems name the
// fields of EstimateInput, and a month the plan does not run in is one.
//
// Invoice.Text renders the invoice in Dutch as a family reads it;
// Invoice.Trace explains in English why each line is there. DecodeCase reads
// the JSON case format documented in the README; Scenarios are ready-made
// cases built from the seeds.
//
// # Verification, payments and certificates
//
// Verify compares an invoice made elsewhere (External: header, lines,
// total; DecodeExternal reads its JSON strictly) with the computed one,
// lines as multisets so a split line matches, and lists every difference
// with its kind (DiffKind), the expected and invoiced values and the rule
// behind the expected value; VerifyWith accepts the other software's
// rounding convention, reported as within tolerance. Package invoicetest
// makes it one line in a Go test; package schema publishes the JSON
// Schemas of the case file and the external invoice. Account follows a payment (unpaid → processing → paid); Credit
// makes a credit note for all or part of an invoice, and a fully credited
// invoice takes no payment. Certificates builds the fiscal certificates
// (281.86) of a child for a year from the invoices paid that year: care
// only, days before the 14th birthday, at most 4 periods each.
// AttendanceReport counts days per band × present, justified and
// unjustified absence per child code (FO-SU-05; package fosu05 writes the
// XML).
//
// # Sources
//
// Each line names its rule and source (Line.Rule), as does each comment
// above the code:
//
//   - House rules of the family daycare service of Zorg Leuven (seed 004):
//     §3.3 a share of the income tariff per calendar day by the hours of
//     care, short after-school moments summed per day; §3.4.1 extra days;
//     §3.4.2 absences and the 25 % fee; §3.5.1 the extra costs (€4 per
//     started half hour of late pick-up, €0.13 and €0.07 for waste, €3 for
//     a hot meal of a school-age child, €3.50 administration per family per
//     month with care, transport per km); §3.6 the invoice, each cost with
//     its nature, count and amount, payable within the month; §4.1 settling
//     in; §6.2.1 the notice fee.
//   - The manual of an after-school organiser's parent portal (seed 000):
//     reservations, cancellations, invoices and payment states, the price
//     calculator.
//   - The decree on after-school care and activities, in force since
//     1 January 2026: after-school care organised by the municipality, with
//     its own price list.
//   - Opgroeien: the FAQ for organisers (the maximum tariff between two
//     attests, no absence charge above the statutory maximum), the
//     attendance report FO-SU-05 and its schema FO-SU-05.xsd, the
//     Subsidiebesluit of 22 November 2013 as applied by Opgroeien (the
//     attest from the first month of care without a parent).
//   - FOD Financiën: the federal tax reduction for childcare and the
//     certificate 281.86 (children under 14, amounts paid in the year, at
//     most 4 periods, 45 % within a maximum per day).
package invoice
