package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
)

// SchemaDraft is the JSON Schema dialect Schema writes.
const SchemaDraft = "https://json-schema.org/draft/2020-12/schema"

// Meta is what a generated schema says about itself.
type Meta struct {
	ID, Title, Description string
}

// Schema returns the JSON Schema (draft 2020-12) of what Decode accepts
// into a value of type root under spec, indented, with a final newline.
// Every named type is a definition under $defs, named by its Go name
// ("plan.Date"); objects allow no other properties; a slice or map may be
// null, as may a pointer. It uses only the keywords $schema, $id, $ref,
// $defs, title, description, type, properties, additionalProperties,
// required, items, enum, pattern, oneOf and, for unsigned integers, minimum. It is an error when a type
// cannot be described (a leaf type without a Format, a float).
func Schema(root reflect.Type, spec *Spec, meta Meta) ([]byte, error) {
	g := &generator{types: types{spec: spec, m: map[reflect.Type]*typeInfo{}}, defs: map[string]*node{}}
	ref, err := g.schemaOf(root)
	if err != nil {
		return nil, err
	}
	top := &node{Schema: SchemaDraft, ID: meta.ID, Title: meta.Title, Description: meta.Description, Ref: ref.Ref}
	names := make([]string, 0, len(g.defs))
	for n := range g.defs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		top.Defs = append(top.Defs, def{n, g.defs[n]})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(top); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// node is a schema, its keywords in the order they are written.
type node struct {
	Schema               string   `json:"$schema,omitempty"`
	ID                   string   `json:"$id,omitempty"`
	Title                string   `json:"title,omitempty"`
	Description          string   `json:"description,omitempty"`
	Ref                  string   `json:"$ref,omitempty"`
	Type                 any      `json:"type,omitempty"`
	Enum                 []string `json:"enum,omitempty"`
	Pattern              string   `json:"pattern,omitempty"`
	Minimum              *int     `json:"minimum,omitempty"`
	Properties           props    `json:"properties,omitempty"`
	Required             []string `json:"required,omitempty"`
	AdditionalProperties any      `json:"additionalProperties,omitempty"`
	Items                *node    `json:"items,omitempty"`
	OneOf                []*node  `json:"oneOf,omitempty"`
	Defs                 defs     `json:"$defs,omitempty"`
}

type prop struct {
	name string
	s    *node
}

// props are properties in struct order.
type props []prop

func (ps props) MarshalJSON() ([]byte, error) {
	return orderedJSON(len(ps), func(i int) (string, any) { return ps[i].name, ps[i].s })
}

type def struct {
	name string
	s    *node
}

// defs are definitions in name order.
type defs []def

func (ds defs) MarshalJSON() ([]byte, error) {
	return orderedJSON(len(ds), func(i int) (string, any) { return ds[i].name, ds[i].s })
}

func orderedJSON(n int, kv func(int) (string, any)) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		k, v := kv(i)
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		var vb bytes.Buffer
		enc := json.NewEncoder(&vb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimRight(vb.Bytes(), "\n"))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type generator struct {
	types types
	defs  map[string]*node
}

// schemaOf returns the schema of t: a $ref for a named type (defining it
// on first use), the schema itself otherwise.
func (g *generator) schemaOf(t reflect.Type) (*node, error) {
	ti := g.types.info(t)
	named := t.PkgPath() != "" && t.Name() != "" && ti.shape != shapePointer
	if named {
		name := t.String()
		ref := &node{Ref: "#/$defs/" + name}
		if _, ok := g.defs[name]; ok {
			return ref, nil
		}
		g.defs[name] = &node{} // placeholder against recursion
		s, err := g.build(ti)
		if err != nil {
			return nil, err
		}
		if s.Title == "" {
			s.Title = name
		}
		g.defs[name] = s
		return ref, nil
	}
	return g.build(ti)
}

func (g *generator) build(ti *typeInfo) (*node, error) {
	switch ti.shape {
	case shapeText:
		if ti.format == nil {
			return nil, fmt.Errorf("strictjson: %s is decoded from text but has no Format", ti.t)
		}
		return &node{Description: ti.format.Description, Type: "string", Pattern: ti.format.Pattern}, nil
	case shapePointer:
		s, err := g.schemaOf(ti.elem)
		if err != nil {
			return nil, err
		}
		return &node{OneOf: []*node{{Type: "null"}, s}}, nil
	case shapeStruct:
		s := &node{Type: "object", AdditionalProperties: false}
		for _, f := range ti.fields {
			fs, err := g.schemaOf(f.t)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", ti.t, f.name, err)
			}
			s.Properties = append(s.Properties, prop{f.name, fs})
		}
		for _, i := range ti.required {
			s.Required = append(s.Required, ti.fields[i].name)
		}
		if s.Properties == nil {
			s.Properties = props{}
		}
		return s, nil
	case shapeSlice:
		items, err := g.schemaOf(ti.elem)
		if err != nil {
			return nil, err
		}
		return &node{Type: []string{"array", "null"}, Items: items}, nil
	case shapeMap:
		vs, err := g.schemaOf(ti.elem)
		if err != nil {
			return nil, err
		}
		return &node{Type: []string{"object", "null"}, AdditionalProperties: vs}, nil
	case shapeString:
		s := &node{Type: "string"}
		if ti.enum != nil {
			s.Enum = append([]string{}, ti.enum...)
		}
		return s, nil
	case shapeBool:
		return &node{Type: "boolean"}, nil
	case shapeInt:
		return &node{Type: "integer"}, nil
	case shapeUint:
		zero := 0
		return &node{Type: "integer", Minimum: &zero}, nil
	}
	return nil, fmt.Errorf("strictjson: cannot describe Go type %s", ti.t)
}
