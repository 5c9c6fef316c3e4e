package httpapi

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/invoice/schema"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// The request bodies that are not a case file (an estimate, a verification,
// an attendance report, a cancellation) are decoded by the same strict
// decoder as invoice.DecodeCase, under a spec read from the published JSON
// Schemas: the text formats (dates, months, clock times, instants,
// decimals, amounts, tariffs) and the enumerations of every kind, band and
// other named value are those of schema.Case and schema.External, keyed by
// the Go type's name ("plan.Date"). A test checks that this spec decodes
// every reference case exactly as invoice.DecodeCaseBytes does, problems
// and all.

// formatNames are the names the decoder's messages give the text formats
// ("a string (date) is expected here") and the problem code of a text that
// does not match; the patterns and descriptions come from the schemas.
func formatNames() map[string]formatName {
	return map[string]formatName{
		"plan.Date":       {"date", plan.CodeInvalidDate},
		"plan.Month":      {"month", plan.CodeInvalidMonth},
		"plan.Clock":      {"clock time", plan.CodeInvalidClock},
		"time.Time":       {"instant", plan.CodeInvalidValue},
		"decimal.Decimal": {"decimal", plan.CodeInvalidValue},
		"tariff.Money":    {"amount", tariff.CodeInvalidMoney},
		"tariff.Tariff":   {"tariff", tariff.CodeInvalidTariff},
	}
}

// formatName is a text format's name in messages and its problem code.
type formatName struct {
	name string
	code plan.Code
}

// schemaSpec is what the strict decoder checks beyond the Go types, read
// from the published schemas once per Handler; it is immutable after
// newSchemaSpec, so one is shared by every request.
type schemaSpec struct {
	formats  map[string]strictjson.Format
	enums    map[string][]string
	required map[string][]string
	// extraEnums are the enumerations of the API's own types.
	extraEnums map[reflect.Type][]string
	// extraFormats are the text formats of types the published schemas do
	// not hold (invoice.DiffKind, in answers).
	extraFormats map[reflect.Type]strictjson.Format
}

// schemaDef is the part of a $defs entry the spec reads.
type schemaDef struct {
	Description string   `json:"description"`
	Pattern     string   `json:"pattern"`
	Enum        []string `json:"enum"`
	Required    []string `json:"required"`
}

// newSchemaSpec reads the formats and enumerations of the published
// schemas.
func newSchemaSpec() (*schemaSpec, error) {
	s := &schemaSpec{formats: map[string]strictjson.Format{}, enums: map[string][]string{},
		required: map[string][]string{}, extraEnums: map[reflect.Type][]string{}, extraFormats: map[reflect.Type]strictjson.Format{}}
	names := formatNames()
	for _, doc := range [][]byte{schema.Case(), schema.External()} {
		var sch struct {
			Defs map[string]schemaDef `json:"$defs"`
		}
		if err := json.Unmarshal(doc, &sch); err != nil {
			return nil, fmt.Errorf("httpapi: reading a published schema: %w", err)
		}
		for name, d := range sch.Defs {
			if d.Required != nil {
				s.required[name] = d.Required
			}
			if d.Enum != nil {
				s.enums[name] = d.Enum
			}
			if d.Pattern == "" {
				continue
			}
			fn, ok := names[name]
			if !ok {
				return nil, fmt.Errorf("httpapi: the schemas give %s a pattern the API does not know", name)
			}
			re, err := regexp.Compile(d.Pattern)
			if err != nil {
				return nil, fmt.Errorf("httpapi: the pattern of %s: %w", name, err)
			}
			s.formats[name] = strictjson.Format{Name: fn.name, Pattern: d.Pattern, Description: d.Description, Code: fn.code, Match: re.Match}
		}
	}
	for name := range names {
		if _, ok := s.formats[name]; !ok {
			return nil, fmt.Errorf("httpapi: the schemas give %s no pattern", name)
		}
	}
	return s, nil
}

// spec returns the strictjson.Spec; required adds the required fields of
// the API's own types.
func (s *schemaSpec) spec(required map[reflect.Type][]string) *strictjson.Spec {
	return &strictjson.Spec{
		Format: func(t reflect.Type) (strictjson.Format, bool) {
			if f, ok := s.extraFormats[t]; ok {
				return f, true
			}
			f, ok := s.formats[t.String()]
			return f, ok
		},
		Enum: func(t reflect.Type) []string {
			if e, ok := s.extraEnums[t]; ok {
				return e
			}
			if t.PkgPath() == "" {
				return nil
			}
			return s.enums[t.String()]
		},
		Required: func(t reflect.Type) []string {
			if r, ok := required[t]; ok {
				return r
			}
			if t.PkgPath() == "" {
				return nil
			}
			return s.required[t.String()]
		},
		TrimPrefixes: []string{"plan", "tariff", "absence", "invoice", "reservation", "fosu05"},
	}
}

// enumFormat is the text format of a type whose text is one of names.
func enumFormat(name string, names []string) strictjson.Format {
	pattern := "^(" + strings.Join(names, "|") + ")$"
	return strictjson.Format{Name: name, Pattern: pattern, Description: "one of " + strings.Join(names, ", "), Code: plan.CodeInvalidValue,
		Match: func(b []byte) bool { return slices.Contains(names, string(b)) }}
}
