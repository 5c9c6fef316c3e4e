// Package invoicetest lets a Go test check an invoice made by other
// software in one line:
//
//	invoicetest.Check(t, c, external)
//
// builds the invoice of case c with invoice.Build, verifies the external
// invoice against it with invoice.Verify, and fails the test with one line
// per difference — its kind, what is expected and what is invoiced, and the
// rule behind the expected value. CheckWith states the other software's
// rounding conventions (invoice.VerifyOptions); CheckJSON reads the case and
// the external invoice from their JSON files, strictly (invoice.DecodeCase,
// invoice.DecodeExternal), so a test suite of software that writes JSON
// needs no Go types of its own.
//
// The helpers report through testing.TB's Errorf (never Fatal), so a test
// sees every failing invoice of a table, and return the differences for
// further checks.
//
// # Sources
//
//   - house rules Zorg Leuven §3.6 (seed 004): the monthly invoice lists
//     each cost with its nature, count and amount — what Verify compares;
//   - the rules behind each expected value are those of package invoice,
//     named in each difference.
package invoicetest
