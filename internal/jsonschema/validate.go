package jsonschema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Keywords are the keywords Compile accepts.
func Keywords() []string {
	return []string{"$schema", "$id", "$ref", "$defs", "title", "description", "type", "properties", "additionalProperties", "required",
		"items", "enum", "const", "pattern", "oneOf", "anyOf", "minimum", "maximum", "minLength", "maxLength"}
}

// Schema is a compiled schema.
type Schema struct {
	root     any
	patterns map[string]*regexp.Regexp
	// used are the keywords the schema uses.
	used map[string]bool
}

// Compile parses a schema and checks its keywords, references and
// patterns.
func Compile(b []byte) (*Schema, error) {
	root, err := parse(b)
	if err != nil {
		return nil, fmt.Errorf("jsonschema: the schema is not JSON: %w", err)
	}
	s := &Schema{root: root, patterns: map[string]*regexp.Regexp{}, used: map[string]bool{}}
	allowed := map[string]bool{}
	for _, k := range Keywords() {
		allowed[k] = true
	}
	var errs []error
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch v := v.(type) {
		case bool:
			return
		case map[string]any:
			for k, sub := range v {
				if !allowed[k] {
					errs = append(errs, fmt.Errorf("%s: keyword %q is not supported", at, k))
					continue
				}
				s.used[k] = true
				switch k {
				case "properties", "$defs":
					m, ok := sub.(map[string]any)
					if !ok {
						errs = append(errs, fmt.Errorf("%s/%s: not an object", at, k))
						continue
					}
					for name, p := range m {
						walk(p, at+"/"+k+"/"+escape(name))
					}
				case "additionalProperties", "items":
					walk(sub, at+"/"+k)
				case "oneOf", "anyOf":
					l, ok := sub.([]any)
					if !ok || len(l) == 0 {
						errs = append(errs, fmt.Errorf("%s/%s: not a non-empty array", at, k))
						continue
					}
					for i, p := range l {
						walk(p, fmt.Sprintf("%s/%s/%d", at, k, i))
					}
				case "pattern":
					p, ok := sub.(string)
					if !ok {
						errs = append(errs, fmt.Errorf("%s/pattern: not a string", at))
						continue
					}
					re, err := regexp.Compile(p)
					if err != nil {
						errs = append(errs, fmt.Errorf("%s/pattern: %w", at, err))
						continue
					}
					s.patterns[p] = re
				case "$ref":
					r, ok := sub.(string)
					if !ok {
						errs = append(errs, fmt.Errorf("%s/$ref: not a string", at))
					} else if _, err := s.resolve(r); err != nil {
						errs = append(errs, fmt.Errorf("%s/$ref: %w", at, err))
					}
				}
			}
		default:
			errs = append(errs, fmt.Errorf("%s: a schema is an object or a boolean", at))
		}
	}
	walk(root, "#")
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// Used returns the keywords the schema uses, sorted.
func (s *Schema) Used() []string {
	out := make([]string, 0, len(s.used))
	for k := range s.used {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Validate reports whether doc is JSON valid under the schema: nil, or an
// error listing every violation with its JSON pointer.
func (s *Schema) Validate(doc []byte) error {
	v, err := parse(doc)
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	var errs []string
	s.validate(s.root, v, "", &errs, 0)
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

// parse decodes one JSON value, numbers as json.Number.
func parse(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("data after the value")
	}
	return v, nil
}

func escape(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1") }

// resolve finds a local reference: "#" or "#/a/b".
func (s *Schema) resolve(ref string) (any, error) {
	if ref == "#" {
		return s.root, nil
	}
	if !strings.HasPrefix(ref, "#/") {
		return nil, fmt.Errorf("only local references are supported, not %q", ref)
	}
	cur := s.root
	for _, tok := range strings.Split(ref[2:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%q does not resolve", ref)
		}
		if cur, ok = m[tok]; !ok {
			return nil, fmt.Errorf("%q does not resolve", ref)
		}
	}
	return cur, nil
}

func (s *Schema) validate(schema, v any, at string, errs *[]string, depth int) {
	fail := func(format string, a ...any) {
		*errs = append(*errs, "/"+strings.TrimPrefix(at, "/")+": "+fmt.Sprintf(format, a...))
	}
	if depth > 1000 {
		fail("references nested too deep")
		return
	}
	switch sc := schema.(type) {
	case bool:
		if !sc {
			fail("no value is allowed here")
		}
		return
	case map[string]any:
		if r, ok := sc["$ref"].(string); ok {
			target, _ := s.resolve(r) // checked by Compile
			s.validate(target, v, at, errs, depth+1)
		}
		if t, ok := sc["type"]; ok && !typeMatches(t, v) {
			fail("%s is not of type %v", kindOf(v), t)
			return
		}
		if e, ok := sc["enum"].([]any); ok {
			found := false
			for _, x := range e {
				found = found || equal(x, v)
			}
			if !found {
				fail("%s is not one of the enum's values", short(v))
			}
		}
		if c, ok := sc["const"]; ok && !equal(c, v) {
			fail("%s is not the constant %s", short(v), short(c))
		}
		if str, ok := v.(string); ok {
			if p, ok := sc["pattern"].(string); ok && !s.patterns[p].MatchString(str) {
				fail("%s does not match %s", short(v), p)
			}
			n := utf8.RuneCountInString(str)
			if m, ok := number(sc["minLength"]); ok && big.NewRat(int64(n), 1).Cmp(m) < 0 {
				fail("%s is shorter than %s", short(v), m.RatString())
			}
			if m, ok := number(sc["maxLength"]); ok && big.NewRat(int64(n), 1).Cmp(m) > 0 {
				fail("%s is longer than %s", short(v), m.RatString())
			}
		}
		if x, ok := number(v); ok {
			if m, ok := number(sc["minimum"]); ok && x.Cmp(m) < 0 {
				fail("%s is below the minimum %s", short(v), m.RatString())
			}
			if m, ok := number(sc["maximum"]); ok && x.Cmp(m) > 0 {
				fail("%s is above the maximum %s", short(v), m.RatString())
			}
		}
		if obj, ok := v.(map[string]any); ok {
			props, _ := sc["properties"].(map[string]any)
			if req, ok := sc["required"].([]any); ok {
				for _, r := range req {
					if name, _ := r.(string); name != "" {
						if _, has := obj[name]; !has {
							fail("property %q is required", name)
						}
					}
				}
			}
			names := make([]string, 0, len(obj))
			for k := range obj {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				if p, ok := props[k]; ok {
					s.validate(p, obj[k], at+"/"+escape(k), errs, depth+1)
				} else if ap, ok := sc["additionalProperties"]; ok {
					s.validate(ap, obj[k], at+"/"+escape(k), errs, depth+1)
				}
			}
		}
		if arr, ok := v.([]any); ok {
			if it, ok := sc["items"]; ok {
				for i, x := range arr {
					s.validate(it, x, at+"/"+strconv.Itoa(i), errs, depth+1)
				}
			}
		}
		if l, ok := sc["oneOf"].([]any); ok {
			valid := 0
			for _, sub := range l {
				var e []string
				s.validate(sub, v, at, &e, depth+1)
				if len(e) == 0 {
					valid++
				}
			}
			if valid != 1 {
				fail("%s matches %d of oneOf's %d schemas, not exactly one", short(v), valid, len(l))
			}
		}
		if l, ok := sc["anyOf"].([]any); ok {
			valid := false
			for _, sub := range l {
				var e []string
				s.validate(sub, v, at, &e, depth+1)
				valid = valid || len(e) == 0
			}
			if !valid {
				fail("%s matches none of anyOf's schemas", short(v))
			}
		}
	}
}

func typeMatches(t, v any) bool {
	switch t := t.(type) {
	case string:
		return isType(t, v)
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && isType(s, v) {
				return true
			}
		}
	}
	return false
}

func isType(t string, v any) bool {
	switch t {
	case "null":
		return v == nil
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		r, ok := number(v)
		return ok && r.IsInt()
	}
	return false
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	}
	return "a value"
}

// number returns a JSON number as an exact rational.
func number(v any) (*big.Rat, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(string(n))
	return r, ok
}

// equal compares JSON values (numbers by value).
func equal(a, b any) bool {
	if x, ok := number(a); ok {
		y, ok := number(b)
		return ok && x.Cmp(y) == 0
	}
	switch a := a.(type) {
	case []any:
		bb, ok := b.([]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for i := range a {
			if !equal(a[i], bb[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bb, ok := b.(map[string]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for k, x := range a {
			y, ok := bb[k]
			if !ok || !equal(x, y) {
				return false
			}
		}
		return true
	}
	return a == b
}

func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(b)
}
