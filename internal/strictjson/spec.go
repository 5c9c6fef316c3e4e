package strictjson

import (
	"reflect"

	"github.com/kinderopvang/regels/plan"
)

// Problem codes of decoding, beside the codes of the values' own parsers
// (plan.CodeInvalidDate, …), plan.CodeInvalidValue for a value outside an
// enumeration and plan.CodeMissing for an absent required field.
const (
	// CodeInvalidJSON is input that is not JSON (RFC 8259): a syntax error,
	// truncated input, or data after the value.
	CodeInvalidJSON plan.Code = "invalid_json"
	// CodeUnknownField is an object field the Go type does not have.
	CodeUnknownField plan.Code = "unknown_field"
	// CodeDuplicateField is an object field given twice.
	CodeDuplicateField plan.Code = "duplicate_field"
	// CodeWrongType is a JSON value of the wrong type: a number where a
	// string is expected, a float where an integer is, null where a value
	// is required.
	CodeWrongType plan.Code = "wrong_type"
)

// MaxProblems bounds the problems one decoding reports; past it the decoder
// stops with a last problem that says so.
const MaxProblems = 1000

// maxDepth bounds the nesting of JSON values, like encoding/json.
const maxDepth = 10000

// Spec says what the decoder checks beyond the shape of the Go type, and
// what the schema generated from it says. Its functions are asked once per
// type and decoding; a nil function answers nothing.
type Spec struct {
	// Format returns the text format of a leaf type: a JSON value of such a
	// type must be a string that the format matches, which the type's
	// UnmarshalText then decodes.
	Format func(reflect.Type) (Format, bool)
	// Enum returns the values allowed for a named string type, or nil when
	// any string is.
	Enum func(reflect.Type) []string
	// Required returns, for a struct type, the JSON names of the fields that
	// must be present.
	Required func(reflect.Type) []string
	// TrimPrefixes are package prefixes ("plan") to drop from the messages
	// of the values' own errors ("plan: date …" reads "date …").
	TrimPrefixes []string
}

func (s *Spec) format(t reflect.Type) (Format, bool) {
	if s.Format == nil {
		return Format{}, false
	}
	return s.Format(t)
}

func (s *Spec) enum(t reflect.Type) []string {
	if s.Enum == nil {
		return nil
	}
	return s.Enum(t)
}

func (s *Spec) required(t reflect.Type) []string {
	if s.Required == nil {
		return nil
	}
	return s.Required(t)
}

// Format is the text format of a leaf type.
type Format struct {
	// Name names the format in messages: "date", "amount".
	Name string
	// Pattern is the regular expression of the format in the schema: in the
	// common subset of ECMA-262 and RE2, anchored with ^ and $.
	Pattern string
	// Description says in English what the format is, for messages and the
	// schema.
	Description string
	// Code is the problem code of a value that does not match.
	Code plan.Code
	// Match reports whether a text is in the format; it must accept exactly
	// what Pattern matches.
	Match func([]byte) bool
}
