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
// unjustified absence per child code (FO-SU-05).
package invoice
