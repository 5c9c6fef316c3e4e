package strictjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

type color string

// year is a text leaf: four digits.
type year int

func (y *year) UnmarshalText(b []byte) error {
	if len(b) != 4 {
		return fmt.Errorf("test: year %q: %w", b, plan.CodeInvalidDate)
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return fmt.Errorf("test: year %q: %w", b, plan.CodeInvalidDate)
		}
		n = n*10 + int(c-'0')
	}
	if n == 0 {
		return fmt.Errorf("test: year 0000 does not exist: %w", plan.CodeInvalidDate)
	}
	*y = year(n)
	return nil
}

func (y year) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%04d", int(y)), nil }

type inner struct {
	A string `json:"a"`
	N int8   `json:"n,omitempty"`
}

type Embedded struct {
	E string `json:"e,omitempty"`
}

type doc struct {
	Name  string         `json:"name"`
	Color color          `json:"color,omitempty"`
	Count int            `json:"count"`
	U     uint16         `json:"u,omitempty"`
	OK    bool           `json:"ok"`
	Year  year           `json:"year,omitzero"`
	Inner inner          `json:"inner"`
	List  []inner        `json:"list"`
	Ptr   *inner         `json:"ptr,omitempty"`
	M     map[string]int `json:"m,omitempty"`
	Tags  []string       `json:"tags,omitempty"`
	Embedded
	Dash int `json:"-"`
}

func testSpec() *Spec {
	return &Spec{
		Format: func(t reflect.Type) (Format, bool) {
			if t != reflect.TypeFor[year]() {
				return Format{}, false
			}
			return Format{Name: "year", Pattern: "^[0-9]{4}$", Description: "a year of four digits",
				Code: plan.CodeInvalidDate, Match: func(b []byte) bool { return len(b) == 4 && strings.Trim(string(b), "0123456789") == "" }}, true
		},
		Enum: func(t reflect.Type) []string {
			if t == reflect.TypeFor[color]() {
				return []string{"red", "green"}
			}
			return nil
		},
		Required: func(t reflect.Type) []string {
			if t == reflect.TypeFor[inner]() {
				return []string{"a"}
			}
			return nil
		},
		TrimPrefixes: []string{"test"},
	}
}

type want struct {
	Code  plan.Code
	Field string
	Msg   string // the message, line and column included
}

func problems(err error) []want {
	var out []want
	for _, p := range plan.AsProblems(err) {
		out = append(out, want{p.Code, p.Field, p.Message})
	}
	return out
}

// Every problem, with its JSON path and position (RFC 8259 for the
// syntax; the Spec for the rest).
func TestDecodeProblems(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []want
	}{
		{"unknown field, and a misspelt one", `{"name":"x","cnt":1,"Name":"y"}`, []want{
			{CodeUnknownField, "cnt", `line 1, column 13: unknown field "cnt" in strictjson.doc (did you mean "count"?); its fields are name, color, count, u, ok, year, inner, list, ptr, m, tags, e`},
			{CodeUnknownField, "Name", `line 1, column 21: unknown field "Name" in strictjson.doc (did you mean "name"?); its fields are name, color, count, u, ok, year, inner, list, ptr, m, tags, e`}}},
		{"duplicate", "{\"name\":\"x\",\n \"name\":\"y\"}", []want{
			{CodeDuplicateField, "name", `line 2, column 2: field "name" is given twice (first at line 1, column 2)`}}},
		{"wrong types, all at once", `{"name":1,"count":"2","ok":null,"list":{},"inner":[]}`, []want{
			{CodeWrongType, "name", "line 1, column 9: a string is expected here, not a number"},
			{CodeWrongType, "count", "line 1, column 19: an integer is expected here, not a string"},
			{CodeWrongType, "ok", "line 1, column 28: true or false is expected here, not null"},
			{CodeWrongType, "list", "line 1, column 40: an array is expected here, not an object"},
			{CodeWrongType, "inner", "line 1, column 51: an object is expected here, not an array"}}},
		{"float for an integer", `{"count":1.5}`, []want{{CodeWrongType, "count", "line 1, column 10: an integer is expected here, not 1.5"}}},
		{"exponent for an integer", `{"count":1e2}`, []want{{CodeWrongType, "count", "line 1, column 10: an integer is expected here, not 1e2"}}},
		{"out of range", `{"inner":{"a":"","n":128},"u":-1}`, []want{
			{plan.CodeOutOfRange, "inner.n", "line 1, column 22: 128 is out of range for int8"},
			{plan.CodeOutOfRange, "u", "line 1, column 31: -1 is out of range for uint16"}}},
		{"enum", `{"color":"carre"}`, []want{{plan.CodeInvalidValue, "color", `line 1, column 10: "carre" is not a value of strictjson.color; the values are "red" or "green"`}}},
		{"format and parser", `{"year":"25","list":[{"a":""},{"a":"","n":1},{"year":"0000"}]}`, []want{
			{plan.CodeInvalidDate, "year", `line 1, column 9: "25" is not a year of four digits`},
			{CodeUnknownField, "list[2].year", `line 1, column 47: unknown field "year" in strictjson.inner; its fields are a, n`},
			{plan.CodeMissing, "list[2].a", `line 1, column 46: strictjson.inner needs field "a"`}}},
		{"parser error, prefix trimmed", `{"year":"0000"}`, []want{{plan.CodeInvalidDate, "year", "line 1, column 9: year 0000 does not exist"}}},
		{"required", `{"inner":{}}`, []want{{plan.CodeMissing, "inner.a", `line 1, column 10: strictjson.inner needs field "a"`}}},
		{"null for a text", `{"year":null}`, []want{{CodeWrongType, "year", "line 1, column 9: a string (year) is expected here, not null"}}},
		{"truncated", "{\"name\":\"x\",\n\"list\":[", []want{{CodeInvalidJSON, "list[0]", "line 2, column 9: invalid JSON: unexpected end of input, expected a value"}}},
		{"problems before a syntax error are kept", `{"cnt":1,"name":"x" "ok":true}`, []want{
			{CodeUnknownField, "cnt", `line 1, column 2: unknown field "cnt" in strictjson.doc (did you mean "count"?); its fields are name, color, count, u, ok, year, inner, list, ptr, m, tags, e`},
			{CodeInvalidJSON, "", `line 1, column 21: invalid JSON: unexpected '"', expected ',' or '}' after an object field`}}},
		{"trailing data", `{} {}`, []want{{CodeInvalidJSON, "", `line 1, column 4: invalid JSON: data after the JSON value, starting with '{'`}}},
		{"empty", "  ", []want{{CodeInvalidJSON, "", "line 1, column 3: invalid JSON: no JSON value: the input is empty"}}},
		{"leading zero", `{"count":01}`, []want{{CodeInvalidJSON, "", "line 1, column 11: invalid JSON: unexpected '1', expected ',' or '}' after an object field"}}},
		{"bad escape", `{"name":"a\x"}`, []want{{CodeInvalidJSON, "name", `line 1, column 12: invalid JSON: unexpected 'x', expected an escape: one of \" \\ \/ \b \f \n \r \t \uXXXX`}}},
		{"control character", "{\"name\":\"a\tb\"}", []want{{CodeInvalidJSON, "name", "line 1, column 11: invalid JSON: control character 0x09 in a string (write it as an escape)"}}},
		{"columns count characters", `{"name":"é€","cnt":1}`, []want{
			{CodeUnknownField, "cnt", `line 1, column 14: unknown field "cnt" in strictjson.doc (did you mean "count"?); its fields are name, color, count, u, ok, year, inner, list, ptr, m, tags, e`}}},
		{"escaped names are decoded", `{"n\u0061me":"x","m":{"k":1,"k":2},"tags":["a",1]}`, []want{
			{CodeDuplicateField, "m.k", "line 1, column 29: key \"k\" is given twice (first at line 1, column 23)"},
			{CodeWrongType, "tags[1]", "line 1, column 48: a string is expected here, not a number"}}},
		{"odd names are quoted in paths", `{"a.b":1}`, []want{{CodeUnknownField, `["a.b"]`, `line 1, column 2: unknown field "a.b" in strictjson.doc; its fields are name, color, count, u, ok, year, inner, list, ptr, m, tags, e`}}},
		{"dash field is not a field", `{"Dash":1}`, []want{{CodeUnknownField, "Dash", `line 1, column 2: unknown field "Dash" in strictjson.doc; its fields are name, color, count, u, ok, year, inner, list, ptr, m, tags, e`}}},
		{"root of the wrong type", `[]`, []want{{CodeWrongType, "", "line 1, column 1: an object is expected here, not an array"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			err := Decode([]byte(tc.in), &d, testSpec())
			if diff := cmp.Diff(tc.want, problems(err)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	in := `{"name":"a\"b","color":"red","count":-9223372036854775808,"u":65535,"ok":true,"year":"2025",
	"inner":{"a":"x","n":-128},"list":[],"ptr":null,"m":{"z":1},"tags":null,"e":"emb"}`
	var d doc
	d.Ptr = &inner{A: "old"}
	if err := Decode([]byte(in), &d, testSpec()); err != nil {
		t.Fatal(err)
	}
	want := doc{Name: `a"b`, Color: "red", Count: -9223372036854775808, U: 65535, OK: true, Year: 2025, Inner: inner{A: "x", N: -128},
		List: []inner{}, M: map[string]int{"z": 1}, Embedded: Embedded{E: "emb"}}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if d.List == nil {
		t.Error("[] is an empty slice, as in encoding/json")
	}
}

func TestDecodeLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"tags":[`)
	for i := 0; i < MaxProblems+10; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("1")
	}
	b.WriteString("]}")
	var d doc
	ps := plan.AsProblems(Decode([]byte(b.String()), &d, testSpec()))
	if len(ps) != MaxProblems+1 || !strings.Contains(ps[MaxProblems].Message, "decoding stopped") {
		t.Errorf("%d problems, last %v", len(ps), ps[len(ps)-1])
	}
	deep := `{"e2":` + strings.Repeat("[", maxDepth+5) + strings.Repeat("]", maxDepth+5) + "}"
	ps = plan.AsProblems(Decode([]byte(deep), &d, testSpec()))
	if len(ps) != 2 || ps[1].Code != CodeInvalidJSON || !strings.Contains(ps[1].Message, "nested") {
		t.Errorf("deep nesting: %v", ps)
	}
	if err := Decode([]byte(`{}`), d, testSpec()); err == nil {
		t.Error("a non-pointer is an error, not a panic")
	}
	if !errors.Is(Decode([]byte(`{"cnt":1}`), &d, nil), CodeUnknownField) {
		t.Error("errors.Is finds the code")
	}
}

// Values marshalled by encoding/json come back exactly.
func TestDecodeRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		genInner := rapid.Custom(func(t *rapid.T) inner {
			return inner{A: rapid.String().Draw(t, "a"), N: rapid.Int8().Draw(t, "n")}
		})
		d := doc{
			Name:  rapid.String().Draw(t, "name"),
			Color: color(rapid.SampledFrom([]string{"", "red", "green"}).Draw(t, "color")),
			Count: rapid.Int().Draw(t, "count"),
			U:     rapid.Uint16().Draw(t, "u"),
			OK:    rapid.Bool().Draw(t, "ok"),
			Year:  year(rapid.IntRange(0, 9999).Draw(t, "year")),
			Inner: genInner.Draw(t, "inner"),
			List:  rapid.SliceOf(genInner).Draw(t, "list"),
			M:     rapid.MapOf(rapid.String(), rapid.Int()).Draw(t, "m"),
			Tags:  rapid.SliceOf(rapid.String()).Draw(t, "tags"),
		}
		if rapid.Bool().Draw(t, "ptr") {
			p := genInner.Draw(t, "p")
			d.Ptr = &p
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back doc
		if err := Decode(b, &back, testSpec()); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if diff := cmp.Diff(d, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", b, diff)
		}
	})
}

// Against encoding/json: input that is not JSON is always a syntax
// problem, and what Decode accepts encoding/json decodes to the same value
// (Decode is stricter, never looser).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"name":"x","list":[{"a":"b","n":3}],"year":"2024"}`, `{"m":{"a":1},"ptr":{"a":""}}`, `{"tags":["\u00e9\ud83d\ude00"]}`, `[1,{"a":[]}]`, `"x"`, `{"count":-0}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d doc
		err := Decode(data, &d, testSpec())
		ps := plan.AsProblems(err)
		if err != nil && len(ps) == 0 {
			t.Fatalf("an error that is not problems: %v", err)
		}
		for _, p := range ps {
			if !strings.HasPrefix(p.Message, "line ") || p.Code == "" {
				t.Fatalf("problem without position or code: %+v", p)
			}
		}
		if !json.Valid(data) {
			if !ps.Has(CodeInvalidJSON) {
				t.Fatalf("%q is not JSON, but: %v", data, err)
			}
			return
		}
		if ps.Has(CodeInvalidJSON) {
			t.Fatalf("%q is JSON, but: %v", data, err)
		}
		if err != nil {
			return
		}
		var std doc
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&std); err != nil {
			t.Fatalf("Decode accepts %q, encoding/json does not: %v", data, err)
		}
		if !cmp.Equal(std, d, cmpopts.EquateEmpty()) {
			t.Fatalf("%q (-encoding/json +Decode):\n%s", data, cmp.Diff(std, d, cmpopts.EquateEmpty()))
		}
	})
}
