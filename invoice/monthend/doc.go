// Package monthend is an organiser's month end and year end: at each
// month end it bills every family, builds the monthly attendance report
// (FO-SU-05) of each location and adds it all up; once a year it makes the
// fiscal certificates (281.86) of every child and the tax reduction of each
// household.
//
// # The month end
//
// Run takes the Organiser — its shared month, calendar, house rules and
// amounts (or none: then the part most cases share), the FO-SU-05 data of
// its locations and, optionally, its children's report codes and names —
// and one Case per family (ReadCase decodes a case file). It prepares the
// organiser's month once (invoice.NewOrganiserMonth) and bills the families
// with it (OrganiserMonth.Build) on a pool of Options.Workers goroutines
// (runtime.GOMAXPROCS(0) by default). The Result lists every family in the
// input's order, billed or with every problem of its case, whatever the
// scheduling: the output depends on the input alone.
//
// One bad case never blocks the rest. A case that does not decode, whose
// month, calendar, house rules or amounts are not the organiser's (compared
// as JSON, reported at the first path that differs), whose invoice number
// an earlier case has, or that invoice.Build refuses, is a family not
// billed, with its problems at the case's field paths.
//
// Each location (the tariff.Location.ID of the children) gets a Report:
// fosu05.New on the invoices of its children, with the location's data
// from the Organiser. The children's first and last names come from
// Organiser.Children, or else from splitting invoice.Child.Name at its
// first white space (the first name is the first word, the last name the
// rest: "Jan Van den Broeck" is Jan, Van den Broeck); a one-word name is a
// problem of the report. A location without data gets no XML
// (ReportNoData); a report with problems none either (ReportFailed); a
// report whose location has families not billed is made but marked
// ReportIncomplete. No report stops another.
//
// The Summary counts families, billed and not, and children; adds the days
// per band — present, justified and unjustified × third, half, full, flex,
// counted as invoice.AttendanceReport counts them — and the total billed,
// exactly the sum of the invoices' totals in tariff.Money; and lists the
// problems per family and the status of each location's report.
// Summary.Text renders it for the organiser's office.
//
// # The year end
//
// YearEnd takes the Paid data — the children (code, name, birth, severe
// disability) and the invoices paid with their payment date — and returns
// each child's certificates (invoice.Certificates) and each household's
// tax reduction (invoice.TaxReduction), with problems per child and per
// household that never stop the others. CertificatesCSV writes the
// certificates as a CSV a Belgian spreadsheet opens as it is: UTF-8 with a
// byte order mark, semicolons, decimal commas, DD/MM/YYYY dates.
//
// # Data and purity
//
// Organiser (DecodeOrganiser) and Paid (DecodePaid) are the JSON formats of
// the organiser and paid files of examples/monthend; SampleCases and
// SampleOrganiser make an organiser's month of any size from the reference
// scenarios, for examples, tests and benchmarks. Every function is pure —
// no clock, no I/O, no global state — and safe for concurrent use; a
// defect met while billing one case becomes that family's problem
// (CodeInternal), never a crash of the run. Money is exact (tariff.Money);
// problems are plan.Problem values with field paths, all at once.
//
// # Sources
//
//   - House rules of Zorg Leuven (seed 004) §3.6 — the monthly invoice of
//     each family: care by band, absences, extra costs, the total.
//   - Opgroeien, FO-SU-05.xsd v2.3 — the monthly attendance report, one
//     per location (locatiegegevens), each child with its code, voornaam
//     and naam as on the attest inkomenstarief (see package fosu05).
//   - FOD Financiën, fiscal certificate 281.86 (attest kinderopvang) and
//     the federal tax reduction for childcare — per child and year the
//     periods of care with their days, daily rate and amount, at most 4 per
//     certificate; 45 % of the costs paid within a cap per day of care (see
//     invoice.Certificates and invoice.TaxReduction).
package monthend
