package invoice

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/internal/jsonschema"
	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/invoice/schema"
	"pgregory.net/rapid"
)

// tb is what the helpers need of *testing.T and *rapid.T.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// schemaFile is one published schema: the Go type it describes, the spec
// its decoder applies, its file and its embedded text.
type schemaFile struct {
	name     string
	root     reflect.Type
	spec     *strictjson.Spec
	meta     strictjson.Meta
	embedded []byte
	decode   func([]byte) error
}

func schemaFiles() []schemaFile {
	return []schemaFile{
		{"case.schema.json", reflect.TypeFor[Case](), caseSpec(), strictjson.Meta{ID: schema.CaseID, Title: "regels case file",
			Description: "One family's month, as invoice.Build bills it (invoice.Case); read strictly by invoice.DecodeCase. Generated from the Go types: go test ./invoice -run TestSchemaFiles -update."},
			schema.Case(), func(b []byte) error { _, err := DecodeCaseBytes(b); return err }},
		{"external.schema.json", reflect.TypeFor[External](), externalSpec(), strictjson.Meta{ID: schema.ExternalID, Title: "regels external invoice",
			Description: "An invoice made by other software, to verify (invoice.External); read strictly by invoice.DecodeExternal. Generated from the Go types: go test ./invoice -run TestSchemaFiles -update."},
			schema.External(), func(b []byte) error { _, err := DecodeExternalBytes(b); return err }},
	}
}

// The published schemas are those the Go types and the decoders' specs
// give: regenerate with go test ./invoice -run TestSchemaFiles -update
// after a change of the case or external format.
func TestSchemaFiles(t *testing.T) {
	for _, f := range schemaFiles() {
		got, err := strictjson.Schema(f.root, f.spec, f.meta)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(filepath.Join("schema", f.name), got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(got, f.embedded) {
			t.Errorf("schema/%s is out of date: run go test ./invoice -run TestSchemaFiles -update and review the diff\n%s", f.name, cmp.Diff(string(f.embedded), string(got)))
		}
	}
}

// The schemas use only the keywords package schema documents (the case
// file requires no property: what a case needs is Validate's business).
func TestSchemaKeywords(t *testing.T) {
	all := []string{"$defs", "$id", "$ref", "$schema", "additionalProperties", "description", "enum", "items", "oneOf", "pattern", "properties", "required", "title", "type"}
	want := map[string][]string{
		"case.schema.json":     slices.DeleteFunc(slices.Clone(all), func(k string) bool { return k == "required" }),
		"external.schema.json": all,
	}
	for _, f := range schemaFiles() {
		s, err := jsonschema.Compile(f.embedded)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if diff := cmp.Diff(want[f.name], s.Used()); diff != "" {
			t.Errorf("%s: keywords (-documented +used):\n%s", f.name, diff)
		}
	}
}

// parsedSchema is the part of a schema file the drift checks read.
type parsedSchema struct {
	Ref  string `json:"$ref"`
	Defs map[string]struct {
		Type                 any                        `json:"type"`
		Properties           map[string]json.RawMessage `json:"properties"`
		AdditionalProperties *bool                      `json:"additionalProperties"`
		Enum                 []string                   `json:"enum"`
	} `json:"$defs"`
}

// jsonFields lists the JSON names of a struct's fields, as encoding/json
// names them (written apart from the decoder, to check it).
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

// Every JSON field of every struct of the formats is in the schema, and
// nothing else: a field the lead engineer adds to Case, Child or HouseRules
// fails here until the schema is regenerated.
func TestSchemaFields(t *testing.T) {
	for _, f := range schemaFiles() {
		var s parsedSchema
		if err := json.Unmarshal(f.embedded, &s); err != nil {
			t.Fatal(err)
		}
		if s.Ref != "#/$defs/"+f.root.String() {
			t.Errorf("%s: the root is %s", f.name, s.Ref)
		}
		seen := map[reflect.Type]bool{}
		var walk func(reflect.Type)
		walk = func(ty reflect.Type) {
			for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
				ty = ty.Elem()
			}
			if _, leaf := leafFormat(ty); seen[ty] || ty.Kind() != reflect.Struct || leaf {
				return
			}
			seen[ty] = true
			def, ok := s.Defs[ty.String()]
			if !ok {
				t.Errorf("%s: no definition of %s", f.name, ty)
				return
			}
			if def.AdditionalProperties == nil || *def.AdditionalProperties {
				t.Errorf("%s: %s allows other properties", f.name, ty)
			}
			fields := jsonFields(ty)
			var want, got []string
			for name, ft := range fields {
				want = append(want, name)
				walk(ft)
			}
			for name := range def.Properties {
				got = append(got, name)
			}
			slices.Sort(want)
			slices.Sort(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: the properties of %s (-Go fields +schema):\n%s", f.name, ty, diff)
			}
		}
		walk(f.root)
	}
}

// constants returns the string constants declared with type name in the
// non-test Go files of dir: the values of an enumerated type.
func constants(t *testing.T, dir, name string) []string {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != name {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						out = append(out, s)
					}
				}
			}
		}
	}
	return out
}

// namedStrings lists the named string types reachable from t.
func namedStrings(t reflect.Type) []reflect.Type {
	var out []reflect.Type
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if _, leaf := leafFormat(ty); seen[ty] || leaf {
			return
		}
		seen[ty] = true
		switch {
		case ty.Kind() == reflect.String && ty.PkgPath() != "":
			out = append(out, ty)
		case ty.Kind() == reflect.Struct:
			for _, ft := range jsonFields(ty) {
				walk(ft)
			}
		}
	}
	walk(t)
	return out
}

// Every named string type of the formats that has constants is an
// enumeration, and its values are every constant of the type as declared
// in its package: a constant (or an enumerated type) added to plan,
// tariff, absence or invoice fails here until enumValues (decode.go) lists
// it and the schema is regenerated.
func TestSchemaEnums(t *testing.T) {
	const module = "github.com/kinderopvang/regels/"
	for _, f := range schemaFiles() {
		var s parsedSchema
		if err := json.Unmarshal(f.embedded, &s); err != nil {
			t.Fatal(err)
		}
		types := namedStrings(f.root)
		if len(types) < 3 {
			t.Fatalf("%s: only %v", f.name, types)
		}
		for _, typ := range types {
			vals := enumValues(typ)
			dir := filepath.Join("..", strings.TrimPrefix(typ.PkgPath(), module))
			want := constants(t, dir, typ.Name())
			if len(want) == 0 && vals == nil {
				continue // a named string without constants is free text
			}
			if diff := cmp.Diff(slices.Sorted(slices.Values(want)), slices.Sorted(slices.Values(vals))); diff != "" {
				t.Errorf("%s: the values of %s (-declared +decoder):\n%s", f.name, typ, diff)
			}
			if def := s.Defs[typ.String()]; !cmp.Equal(def.Enum, vals) {
				t.Errorf("%s: the schema's values of %s are %v, the decoder's %v", f.name, typ, def.Enum, vals)
			}
		}
	}
}

// jsonTree is a JSON document as maps and slices, numbers kept as written.
func jsonTree(t tb, b []byte) any {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// patched returns doc with the value at a dotted path ("children.0.plans.0.kind")
// set to v, or deleted when v is deleteMarker{}.
func patched(t tb, doc []byte, path string, v any) []byte {
	root := jsonTree(t, doc)
	parts := strings.Split(path, ".")
	cur := root
	for i, p := range parts {
		last := i == len(parts)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				if _, del := v.(deleteMarker); del {
					delete(c, p)
				} else {
					c[p] = v
				}
				break
			}
			cur = c[p]
		case []any:
			k, err := strconv.Atoi(p)
			if err != nil || k >= len(c) {
				t.Fatalf("%s: no element %s", path, p)
			}
			if last {
				c[k] = v
				break
			}
			cur = c[k]
		default:
			t.Fatalf("%s: %s is not in the document", path, p)
		}
	}
	b, err := json.Marshal(root)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// deleteMarker, as the value of patched, deletes the property.
type deleteMarker struct{}

// agreement checks that the schema and the decoder agree on doc: both
// accept it (valid), both refuse it, or — a gap the schema cannot express
// — the schema accepts what the decoder refuses.
type agreement int

const (
	bothValid agreement = iota
	bothInvalid
	onlyDecoderRefuses
)

func checkAgreement(t tb, f schemaFile, s *jsonschema.Schema, name string, doc []byte, want agreement) {
	t.Helper()
	serr, derr := s.Validate(doc), f.decode(doc)
	ok := false
	switch want {
	case bothValid:
		ok = serr == nil && derr == nil
	case bothInvalid:
		ok = serr != nil && derr != nil
	case onlyDecoderRefuses:
		ok = serr == nil && derr != nil
	}
	if !ok {
		t.Errorf("%s, %s: schema: %v\ndecoder: %v\n%.600s", f.name, name, serr, derr, doc)
	}
}

func compiled(t tb) (caseFile, extFile schemaFile, caseSchema, extSchema *jsonschema.Schema) {
	fs := schemaFiles()
	cs, err := jsonschema.Compile(fs[0].embedded)
	if err != nil {
		t.Fatal(err)
	}
	xs, err := jsonschema.Compile(fs[1].embedded)
	if err != nil {
		t.Fatal(err)
	}
	return fs[0], fs[1], cs, xs
}

// The decoders and the schemas agree on every reference scenario (case and
// invoice), the sample case file, and hand-made invalid documents.
func TestSchemaAgreement(t *testing.T) {
	cf, xf, cs, xs := compiled(t)
	sample, err := os.ReadFile(filepath.Join("..", "examples", "invoice", "sample-case.json"))
	if err != nil {
		t.Fatal(err)
	}
	checkAgreement(t, cf, cs, "sample-case.json", sample, bothValid)
	sampleCase, _ := json.Marshal(SampleCase())
	checkAgreement(t, cf, cs, "SampleCase", sampleCase, bothValid)
	for _, sc := range Scenarios() {
		b, _ := json.Marshal(sc.Case)
		checkAgreement(t, cf, cs, sc.Name, b, bothValid)
		inv, err := Build(sc.Case)
		if err != nil {
			t.Fatal(err)
		}
		x, _ := json.Marshal(ExternalOf(inv))
		checkAgreement(t, xf, xs, sc.Name, x, bothValid)
	}

	base, _ := json.Marshal(fullTimeToddler().Case)
	for _, tc := range []struct {
		name  string
		path  string
		value any
		want  agreement
	}{
		{"unknown field", "nonsense", 1, bothInvalid},
		{"unknown nested field", "children.0.child.nickname", "Noortje", bothInvalid},
		{"misspelt field", "family.adress", "Naamsesteenweg 12", bothInvalid},
		{"bad plan kind", "children.0.plans.0.kind", "weekly", bothInvalid},
		{"bad attest kind", "children.0.attests.attests.0.kind", "rich", bothInvalid},
		{"bad band", "rules.bands.table.shares.0.band", "double", bothInvalid},
		{"float amount", "rules.hot_meal.0.amount", json.Number("3.00"), bothInvalid},
		{"money with five decimals", "rules.hot_meal.0.amount", "3.00001", bothInvalid},
		{"decimal as a number", "children.0.ledger.entitlement", json.Number("18"), bothInvalid},
		{"decimal with an exponent", "children.0.ledger.entitlement", "1.8e1", bothInvalid},
		{"bad date pattern", "invoice_date", "2025-4-3", bothInvalid},
		{"bad month", "month", "2025-13", bothInvalid},
		{"bad clock", "children.0.plans.0.schedule.weeks.0.monday.0.start", "7:45", bothInvalid},
		{"clock 24:01", "children.0.plans.0.schedule.weeks.0.monday.0.end", "24:01", bothInvalid},
		{"instant without offset", "children.0.sessions.0.in", "2025-03-03T07:50:00", bothInvalid},
		{"tariff abc", "children.0.attests.attests.0.daily", "abc", bothInvalid},
		{"tariff with three decimals", "children.0.attests.attests.0.daily", "24.105", bothInvalid},
		{"children as an object", "children", map[string]any{}, bothInvalid},
		{"family as a string", "family", "F-1042", bothInvalid},
		{"null for a date", "invoice_date", nil, bothInvalid},
		{"integer as a string", "rules.payment_term_months", "1", bothInvalid},
		{"integer with a fraction", "rules.payment_term_months", json.Number("1.5"), bothInvalid},
		{"boolean as a string", "children.0.attests.maximum_when_missing", "true", bothInvalid},
		{"null for a list", "children.0.absences", nil, bothValid},
		{"null for an optional object", "children.0.notice", nil, bothValid},
		{"a day that does not exist", "invoice_date", "2025-02-30", onlyDecoderRefuses},
		{"the year 0000", "month", "0000-03", onlyDecoderRefuses},
		{"a tariff of zero", "children.0.attests.attests.0.daily", "0.00", onlyDecoderRefuses},
		{"an integer written with a fraction", "rules.payment_term_months", json.Number("1.0"), onlyDecoderRefuses},
		{"an integer beyond int64", "rules.payment_term_months", json.Number("9223372036854775808"), onlyDecoderRefuses},
	} {
		checkAgreement(t, cf, cs, tc.name, patched(t, base, tc.path, tc.value), tc.want)
	}
	checkAgreement(t, cf, cs, "a field given twice", append([]byte(`{"month":"2025-03",`), base[1:]...), onlyDecoderRefuses)
	checkAgreement(t, cf, cs, "truncated", base[:len(base)/2], bothInvalid)
	checkAgreement(t, cf, cs, "two cases", append(slices.Clone(base), base...), bothInvalid)

	inv, _ := Build(fullTimeToddler().Case)
	ext, _ := json.Marshal(ExternalOf(inv))
	for _, tc := range []struct {
		name  string
		path  string
		value any
		want  agreement
	}{
		{"the issue's wrapper", "invoice", map[string]any{"total": "1.00"}, bothInvalid},
		{"cnt for count", "lines.0.cnt", "20", bothInvalid},
		{"kind carre", "lines.0.kind", "carre", bothInvalid},
		{"band whole", "lines.0.band", "whole", bothInvalid},
		{"group toddler", "lines.0.group", "toddler", bothInvalid},
		{"basis income", "lines.0.basis", "income", bothInvalid},
		{"float amount", "lines.0.amount", json.Number("482.00"), bothInvalid},
		{"float total", "total", json.Number("487.10"), bothInvalid},
		{"count as a number", "lines.0.count", json.Number("20"), bothInvalid},
		{"amount 1e3", "lines.0.amount", "1e3", bothInvalid},
		{"amount with a comma", "lines.0.unit_price", "24,10", bothInvalid},
		{"no amount", "lines.0.amount", deleteMarker{}, bothInvalid},
		{"no kind", "lines.0.kind", deleteMarker{}, bothInvalid},
		{"no count", "lines.0.count", deleteMarker{}, bothInvalid},
		{"lines as an object", "lines", map[string]any{}, bothInvalid},
		{"a bad month", "month", "2025-3", bothInvalid},
		{"a family object", "family", map[string]any{"id": "F-1042"}, bothInvalid},
		{"no total", "total", deleteMarker{}, bothValid},
		{"null total", "total", nil, bothValid},
		{"no basis", "lines.0.basis", deleteMarker{}, bothValid},
		{"a negative unit price", "lines.0.unit_price", "-24.10", bothValid},
		{"an amount beyond the range", "lines.0.amount", "9999999999999.99", onlyDecoderRefuses},
		{"a due date that does not exist", "due_date", "2025-04-31", onlyDecoderRefuses},
	} {
		checkAgreement(t, xf, xs, tc.name, patched(t, ext, tc.path, tc.value), tc.want)
	}
	checkAgreement(t, xf, xs, "an empty invoice", []byte(`{}`), bothValid)
	checkAgreement(t, xf, xs, "a field given twice", append([]byte(`{"number":"x",`), ext[1:]...), onlyDecoderRefuses)
}

// For generated cases and their invoices, and for random single changes to
// them that no format allows (a property added to any object, a value of
// another JSON type anywhere), the decoders and the schemas agree.
func TestSchemaAgreementGenerated(t *testing.T) {
	cf, xf, cs, xs := compiled(t)
	rapid.Check(t, func(rt *rapid.T) {
		c := genCase(rt)
		cb, err := json.Marshal(c)
		if err != nil {
			rt.Fatal(err)
		}
		checkAgreement(rt, cf, cs, "generated case", cb, bothValid)
		inv, err := Build(c)
		if err != nil {
			rt.Fatal(err)
		}
		xb, _ := json.Marshal(ExternalOf(inv))
		checkAgreement(rt, xf, xs, "its invoice", xb, bothValid)
		for _, d := range []struct {
			f   schemaFile
			s   *jsonschema.Schema
			doc []byte
		}{{cf, cs, cb}, {xf, xs, xb}} {
			objects, leaves := nodes(rt, d.doc)
			o := rapid.SampledFrom(objects).Draw(rt, "object")
			checkAgreement(rt, d.f, d.s, "a property added at "+o, patched(rt, d.doc, joinPath(o, "zz_unknown"), "x"), bothInvalid)
			if len(leaves) > 0 {
				l := rapid.SampledFrom(leaves).Draw(rt, "leaf")
				var other any = json.Number("1.5")
				if _, isNumber := valueAt(rt, d.doc, l).(json.Number); isNumber {
					other = "1"
				}
				checkAgreement(rt, d.f, d.s, "another type at "+l, patched(rt, d.doc, l, other), bothInvalid)
			}
		}
	})
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// nodes lists the dotted paths of a document's objects and of its leaves
// (strings, numbers, booleans).
func nodes(t tb, doc []byte) (objects, leaves []string) {
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch v := v.(type) {
		case map[string]any:
			objects = append(objects, at)
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range v {
					if !yield(k) {
						return
					}
				}
			}) {
				walk(v[k], joinPath(at, k))
			}
		case []any:
			for i, x := range v {
				walk(x, joinPath(at, strconv.Itoa(i)))
			}
		case nil:
		default:
			leaves = append(leaves, at)
		}
	}
	walk(jsonTree(t, doc), "")
	return objects, leaves
}

func valueAt(t tb, doc []byte, path string) any {
	cur := jsonTree(t, doc)
	for _, p := range strings.Split(path, ".") {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[p]
		case []any:
			k, _ := strconv.Atoi(p)
			cur = c[k]
		}
	}
	return cur
}
