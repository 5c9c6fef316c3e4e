package jsonschema

import (
	"strings"
	"testing"
)

// The keywords' semantics (JSON Schema 2020-12 Validation §6, Core §10).
func TestValidate(t *testing.T) {
	schema := `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$ref": "#/$defs/doc",
  "$defs": {
    "doc": {"type": "object", "additionalProperties": false, "required": ["name"],
      "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 3},
        "kind": {"$ref": "#/$defs/kind"},
        "n": {"type": "integer", "minimum": 0, "maximum": 10},
        "day": {"type": "string", "pattern": "^[0-9]{4}$"},
        "list": {"type": ["array", "null"], "items": {"$ref": "#/$defs/doc"}},
        "ptr": {"oneOf": [{"type": "null"}, {"type": "string"}]},
        "any": {"anyOf": [{"type": "boolean"}, {"const": 7}]},
        "map": {"type": "object", "additionalProperties": {"type": "number"}},
        "no": false
      }},
    "kind": {"type": "string", "enum": ["a", "b"]}
  }
}`
	s, err := Compile([]byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		doc  string
		errs []string // substrings, one per violation; none: valid
	}{
		{`{"name":"x"}`, nil},
		{`{"name":"xé€","kind":"b","n":10,"day":"2024","list":[{"name":"y"}],"ptr":null,"any":7.0,"map":{"a":1.5}}`, nil},
		{`{"name":"x","n":1.0,"list":null,"ptr":"p","any":true}`, nil},
		{`{}`, []string{`property "name" is required`}},
		{`{"name":"","x":1}`, []string{"shorter than 1", "/x: no value is allowed"}},
		{`{"name":"abcd","kind":"c","n":1.5,"day":"24","list":[{}],"ptr":1,"any":8,"map":{"a":"s"},"no":1}`, []string{
			"longer than 3", `"c" is not one of`, "not of type integer", `"24" does not match`, `/list/0: property "name"`,
			"matches 0 of oneOf", "none of anyOf", "/map/a: a string is not of type number", "/no: no value"}},
		{`{"name":"x","n":-1}`, []string{"below the minimum 0"}},
		{`{"name":"x","n":11}`, []string{"above the maximum 10"}},
		{`[1]`, []string{"an array is not of type object"}},
		{`{"name":"x"} {}`, []string{"not JSON"}},
		{`{"name":`, []string{"not JSON"}},
	} {
		err := s.Validate([]byte(tc.doc))
		if len(tc.errs) == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.doc, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: valid, want %q", tc.doc, tc.errs)
			continue
		}
		lines := strings.Split(err.Error(), "\n")
		if len(lines) != len(tc.errs) && !strings.Contains(err.Error(), "not JSON") {
			t.Errorf("%s: %d violations, want %d:\n%v", tc.doc, len(lines), len(tc.errs), err)
		}
		for _, want := range tc.errs {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v lacks %q", tc.doc, err, want)
			}
		}
	}
	if got := strings.Join(s.Used(), " "); got != "$defs $ref $schema additionalProperties anyOf const enum items maxLength maximum minLength minimum oneOf pattern properties required type" {
		t.Errorf("used: %s", got)
	}
}

func TestCompileRefuses(t *testing.T) {
	for _, schema := range []string{
		`{"type":"string","format":"date"}`,                    // an unsupported keyword
		`{"$ref":"#/$defs/none"}`,                              // a dangling reference
		`{"$ref":"other.json#/x"}`,                             // a remote reference
		`{"pattern":"(["}`,                                     // a bad pattern
		`{"properties":{"a":{"unevaluatedProperties":false}}}`, // deep
		`{"oneOf":[]}`,
		`[1]`,
		`{`,
	} {
		if _, err := Compile([]byte(schema)); err == nil {
			t.Errorf("%s compiles", schema)
		}
	}
}
