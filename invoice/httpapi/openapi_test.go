package httpapi_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/internal/jsonschema"
	"github.com/kinderopvang/regels/invoice/httpapi"
	"github.com/kinderopvang/regels/invoice/schema"
)

// openAPI is the part of the document the tests read.
type openAPI struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		RequestBody *struct {
			Content map[string]struct {
				Schema struct {
					Ref string `json:"$ref"`
				} `json:"schema"`
				Examples map[string]struct {
					Value json.RawMessage `json:"value"`
				} `json:"examples"`
			} `json:"content"`
		} `json:"requestBody"`
		Responses map[string]struct {
			Content map[string]struct {
				Schema struct {
					Ref string `json:"$ref"`
				} `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	} `json:"paths"`
	Components struct {
		Schemas map[string]json.RawMessage `json:"schemas"`
	} `json:"components"`
}

func readOpenAPI(t *testing.T, h http.Handler) (openAPI, []byte) {
	t.Helper()
	rec := do(h, "GET", httpapi.PathOpenAPI, nil, nil)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("%d %s", rec.Code, rec.Header())
	}
	var doc openAPI
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc, rec.Body.Bytes()
}

// compile compiles a component schema, with the published definitions it
// refers to put back in place (the validator resolves references within
// one document only).
func compile(t *testing.T, b []byte) *jsonschema.Schema {
	t.Helper()
	published := map[string]map[string]json.RawMessage{}
	for id, s := range map[string][]byte{schema.CaseID: schema.Case(), schema.ExternalID: schema.External()} {
		var d struct {
			Defs map[string]json.RawMessage `json:"$defs"`
		}
		if err := json.Unmarshal(s, &d); err != nil {
			t.Fatal(err)
		}
		published[id] = d.Defs
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$defs"] != nil {
		var defs map[string]json.RawMessage
		if err := json.Unmarshal(doc["$defs"], &defs); err != nil {
			t.Fatal(err)
		}
		for name, d := range defs {
			var ref struct {
				Ref string `json:"$ref"`
			}
			_ = json.Unmarshal(d, &ref)
			id, def, ok := strings.Cut(ref.Ref, "#/$defs/")
			if !ok || id == "" {
				continue
			}
			p, ok := published[id][def]
			if !ok || def != name {
				t.Fatalf("%s refers to %s, which the published schemas do not hold", name, ref.Ref)
			}
			defs[name] = p
		}
		doc["$defs"], _ = json.Marshal(defs)
	}
	flat, _ := json.Marshal(doc)
	s, err := jsonschema.Compile(flat)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The OpenAPI document: 3.1, every route in it and nothing else, the
// published schemas as they are, every example request accepted by the
// handler and valid under its schema, every answer valid under its
// schema.
func TestOpenAPI(t *testing.T) {
	h := newHandler(t, httpapi.Options{})
	doc, raw := readOpenAPI(t, h)
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var paths []string
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	routes := slices.Sorted(slices.Values(httpapi.Routes()))
	if d := cmp.Diff(routes, paths); d != "" {
		t.Errorf("paths (-routes +document):\n%s", d)
	}
	for name, want := range map[string][]byte{"Case": schema.Case(), "External": schema.External()} {
		if d := cmp.Diff(asJSON(t, want), asJSON(t, doc.Components.Schemas[name])); d != "" {
			t.Errorf("component %s is not the published schema:\n%s", name, d)
		}
	}
	schemas := map[string]*jsonschema.Schema{}
	for name, b := range doc.Components.Schemas {
		schemas["#/components/schemas/"+name] = compile(t, b)
	}
	if !strings.Contains(string(raw), `"$ref": "`+schema.CaseID+`#/$defs/plan.Plan"`) {
		t.Error("the API's schemas do not refer to the published definitions")
	}
	examples, err := httpapi.Examples()
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for path, item := range doc.Paths {
		for method, op := range item {
			if op.RequestBody == nil {
				if method != "get" {
					t.Errorf("%s %s has no request body", method, path)
				}
				rec := do(h, strings.ToUpper(method), path, nil, nil)
				if rec.Code != 200 {
					t.Errorf("GET %s: %d", path, rec.Code)
				}
				validateResponse(t, schemas, op.Responses["200"].Content, rec.Header().Get("Content-Type"), rec.Body.Bytes(), path)
				continue
			}
			content, ok := op.RequestBody.Content["application/json"]
			if !ok || len(content.Examples) == 0 {
				t.Errorf("%s %s has no example request", method, path)
				continue
			}
			if len(content.Examples) != len(examples[path]) {
				t.Errorf("%s: %d examples in the document, %d in Examples", path, len(content.Examples), len(examples[path]))
			}
			for _, ex := range examples[path] {
				e, ok := content.Examples[ex.Name]
				if !ok {
					t.Errorf("%s: no example %s", path, ex.Name)
					continue
				}
				if err := schemas[content.Schema.Ref].Validate(e.Value); err != nil {
					t.Errorf("%s example %s is not valid under %s: %v", path, ex.Name, content.Schema.Ref, err)
				}
				rec := do(h, strings.ToUpper(method), path, ex.Header, e.Value)
				if rec.Code != 200 {
					t.Errorf("%s example %s: %d %s", path, ex.Name, rec.Code, rec.Body)
					continue
				}
				count++
				validateResponse(t, schemas, op.Responses["200"].Content, rec.Header().Get("Content-Type"), rec.Body.Bytes(), path+" "+ex.Name)
			}
			// The problems a route answers are problem documents.
			rec := do(h, "POST", path, nil, []byte(`{"x": 1`))
			if err := schemas["#/components/schemas/Problem"].Validate(rec.Body.Bytes()); err != nil || rec.Code != 400 {
				t.Errorf("%s: a 400 not under the Problem schema: %v", path, err)
			}
			for _, status := range []string{"400", "405", "413", "415", "422", "500"} {
				if _, ok := op.Responses[status]; !ok {
					t.Errorf("%s: no response %s", path, status)
				}
			}
		}
	}
	if count < 9 {
		t.Errorf("only %d example requests", count)
	}
}

func validateResponse(t *testing.T, schemas map[string]*jsonschema.Schema, content map[string]struct {
	Schema struct {
		Ref string `json:"$ref"`
	} `json:"schema"`
}, ct string, body []byte, what string) {
	t.Helper()
	mt, _, _ := strings.Cut(ct, ";")
	c, ok := content[mt]
	if !ok {
		t.Errorf("%s: the answer's %s is not in the document", what, mt)
		return
	}
	if c.Schema.Ref == "" {
		return // text or XML
	}
	if err := schemas[c.Schema.Ref].Validate(body); err != nil {
		t.Errorf("%s: the answer is not valid under %s: %v", what, c.Schema.Ref, err)
	}
}
