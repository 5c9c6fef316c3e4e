// Package jsonschema validates JSON documents against a JSON Schema (draft
// 2020-12) that uses only these keywords: $schema, $id, $ref (to "#" and
// "#/$defs/…" in the same schema), $defs, title, description, type,
// properties, additionalProperties, required, items, enum, const, pattern,
// oneOf, anyOf, minimum, maximum, minLength and maxLength, and boolean
// schemas. Compile refuses a schema with any other keyword, so a schema
// cannot rely on one this validator would ignore.
//
// It exists for the tests that check that the published schemas
// (invoice/schema) and the decoders agree, without a dependency in the
// module's go.mod; only tests import it. Patterns are Go regular
// expressions (RE2), which agree with ECMA-262 on the anchored character
// classes, groups, alternations and counted repetitions the schemas use.
//
// # Sources
//
//   - JSON Schema 2020-12, Core (§8.2.3 $ref and $defs, §10.2 applicators
//     oneOf and anyOf, §10.3 properties, additionalProperties, items) and
//     Validation (§6.1 type, enum, const; §6.2 minimum, maximum; §6.3
//     minLength, maxLength, pattern; §6.5 required): the semantics
//     implemented; "integer" is a number with a zero fractional part.
//   - RFC 8259: the documents parsed (with encoding/json).
package jsonschema
