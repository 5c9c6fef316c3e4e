// Package strictjson decodes JSON into Go values strictly, reporting every
// problem at once with its JSON path and its line and column, and writes
// the JSON Schema of what it accepts. It is the decoder behind
// invoice.DecodeCase and invoice.DecodeExternal; no user needs to name it.
//
// Decode walks the input once, by hand, against the Go type (found by
// reflection, as encoding/json finds it: the json tags' names, exported
// fields, embedded structs promoted), and refuses what encoding/json lets
// pass: a field the type does not have, a field given twice, a name that
// differs only in case, a value of the wrong JSON type (a number for a
// date, a float for an integer, null for a value), a named string outside
// its enumeration, a text that does not match its Format, and anything
// after the value. A syntax error stops decoding; any other problem skips
// the value concerned and goes on, so one run lists them all. A string is
// decoded as encoding/json decodes it (escapes, invalid UTF-8 as U+FFFD);
// text leaves go through the type's own UnmarshalText after the Format
// check, so the values are exactly those of encoding/json.
//
// Each problem is a plan.Problem: Code (CodeInvalidJSON, CodeUnknownField,
// CodeDuplicateField, CodeWrongType, plan.CodeMissing, plan.CodeInvalidValue,
// or the code of the value's parser such as plan.CodeInvalidDate), Field
// (the JSON path, "children[0].plans[0].start"; "" for the document) and
// Message, which starts with "line L, column C: " (both from 1; a column
// counts characters).
//
// Schema writes the JSON Schema (draft 2020-12) of the same type and Spec,
// so the published schemas cannot drift from the decoder.
//
// # Sources
//
//   - RFC 8259, The JavaScript Object Notation (JSON) Data Interchange
//     Format: the grammar checked (§2–§7).
//   - JSON Schema 2020-12, Core and Validation: the keywords written.
//   - encoding/json (Go standard library): the field names and string
//     decoding followed.
package strictjson
