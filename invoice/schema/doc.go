// Package schema publishes the JSON Schemas (draft 2020-12) of the two
// JSON formats a test suite writes: the case file (Case, what
// invoice.DecodeCase reads) and the external invoice (External, what
// invoice.DecodeExternal reads and invoice.Verify checks). The files,
// case.schema.json and external.schema.json in this directory, are
// embedded; editors and validators in any language can use them.
//
// The schemas are written from the Go types and the decoders' own rules
// (go test ./invoice -run TestSchemaFiles -update regenerates them, and the
// test fails when they are out of date), so they are as strict as the
// decoders: no property beyond those of the format (additionalProperties
// false on every object), dates "YYYY-MM-DD", months "YYYY-MM", clock times
// "HH:MM", instants in RFC 3339 with an offset, amounts
// ^-?[0-9]{1,13}(\.[0-9]{1,4})?$ as strings (a JSON number is refused),
// decimals (counts, days, shares) as strings, daily tariffs with at most two
// decimals, and enumerations for every kind, band, group, basis and other
// named value. A list may be null (Go's nil slice); an optional object may
// be null.
//
// # Keywords
//
// The schemas use only $schema, $id, $ref (to #/$defs/…), $defs, title,
// description, type, properties, additionalProperties, required, items,
// enum, pattern and oneOf (for null or a value). Patterns are in the common
// subset of ECMA-262 and RE2.
//
// # What only the decoders check
//
// A schema checks form; the decoders also check what JSON Schema cannot
// say or what depends on the calendar: a date that does not exist
// ("2025-02-30"), the year 0000, a tariff outside 0.01–9999.99, an amount
// beyond ±1,000,000,000,000 euro, an integer written with a fraction or an
// exponent (1.0, 1e2: integers for JSON Schema) or beyond the Go type's
// range, and a property given twice in one object. So a document the
// decoder accepts is valid under the schema, and one the schema refuses is
// refused by the decoder; the tests check both on every reference
// scenario, the sample case file, generated cases and hand-made invalid
// documents. Whether a valid case makes sense (a plan that reserves
// nothing) is invoice.Case.Validate's business.
//
// # Sources
//
//   - JSON Schema 2020-12, Core and Validation (json-schema.org).
//   - The case file format and the external invoice format: the README and
//     package invoice (Case, External).
//   - RFC 3339 (instants) and ISO 8601 (dates, months).
package schema
