// Package httpapi is the library over HTTP: an http.Handler a Go service
// mounts, for the users who do not write Go — a municipal parent portal, a
// test suite that checks invoices made by other software. It calls the
// public API of the other packages only and holds no rule of its own: it
// decodes, checks the size of the work asked, calls the library and writes
// its answer. It keeps no state between requests and is safe for
// concurrent use; nothing in it reads the clock (the moment of a
// cancellation comes in the request).
//
// # Routes
//
//	POST /v1/invoices            a case file (invoice.Case) → its invoice (invoice.Build) as JSON,
//	                             or with Accept: text/plain the Dutch text (Invoice.Text)
//	POST /v1/estimates           invoice.EstimateInput → invoice.Estimate (invoice.EstimateMonth):
//	                             the month's expected invoice and the year's total
//	POST /v1/verifications       VerificationRequest (a case, an external invoice, options) →
//	                             VerificationResult: verdict match or differences, and every
//	                             typed difference (invoice.VerifyWith)
//	POST /v1/attendance-reports  fosu05.Input (the month's invoices, the location, the children) →
//	                             the FO-SU-05 XML (fosu05.New, Document.XML), application/xml
//	POST /v1/cancellations       CancellationRequest (a reservation, its location, the policy, the
//	                             moment) → CancellationResult: free or the fee, with the deadline,
//	                             the rule and the texts of reservation.Book.CancelQuote
//	GET  /v1/amounts             the statutory amounts with their sources and confirmed flags
//	GET  /openapi.json           the OpenAPI 3.1 document
//
// The OpenAPI document's schemas are the published JSON Schemas
// (schema.Case, schema.External) and schemas written from the Go types by
// the same generator, whose definitions refer to the published ones where
// they agree; its example requests (Examples) are accepted by the handler,
// which the tests check. To mount the API under a prefix, strip it:
// mux.Handle("/regels/", http.StripPrefix("/regels", h)).
//
// # Decoding
//
// A case is read by invoice.DecodeCaseBytes; every other body by the same
// strict decoder under the formats and enumerations of the published
// schemas: an unknown field, a field given twice, a JSON number for an
// amount, a date, clock time or kind that does not parse is a problem with
// its JSON path and its line and column, and every problem is reported at
// once.
//
// # Errors
//
// Every error is application/problem+json (RFC 9457, ProblemDetails): its
// Type (one of the Type… constants), title, status and detail and, for a
// body, every problem of it (InputProblem: the library's code, the JSON
// path in the body, the line and column, the message, the rule). A problem
// the library finds after decoding (a plan that reserves nothing) names the
// field of the request it concerns and the position of that field in the
// body. Statuses: 400 a body that is not JSON or not of the route's
// format, 422 an input the library refuses or a request beyond a limit,
// 413 a body over the limit, 415 a body that is not application/json, 405
// a method the route does not take (with Allow), 406 an Accept the route
// cannot meet, 404 no such route, 500 a failure of the server — never a
// stack trace, a Go type name or an internal message.
//
// # Limits
//
// Options bound the body (1 MiB by default) and the work one request may
// ask for: children per case, dated entries per child (sessions,
// absences, reservations, a plan's slots), days per period (absences,
// closures), invoices per report, lines per external invoice. A request
// beyond one gets a 422 whose Limit names it. Cross-origin calls from a
// browser are allowed only from Options.AllowedOrigins (none by default).
// The handler logs nothing but recovered panics, with the route and the
// stack and never the request, so no personal data.
//
// # Sources
//
//   - RFC 9110, HTTP Semantics: methods, status codes, Allow (§10.2.1),
//     content negotiation with Accept (§12.5.1).
//   - RFC 9457, Problem Details for HTTP APIs: the error format.
//   - OpenAPI Specification 3.1.0, with JSON Schema 2020-12 as its schema
//     dialect.
//   - Fetch Standard, CORS protocol: the Access-Control-* headers.
//   - The library's own documentation for every result: package invoice
//     (the case file, the estimate, verification), invoice/fosu05, reservation
//     and tariff.
package httpapi
