package strictjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
)

// shape is how a Go type is read from JSON.
type shape uint8

const (
	shapeUnsupported shape = iota
	shapeText              // a string decoded by UnmarshalText (with a Format or without)
	shapeJSON              // a value decoded by UnmarshalJSON
	shapePointer
	shapeStruct
	shapeSlice
	shapeMap
	shapeString
	shapeBool
	shapeInt
	shapeUint
)

// typeInfo is what the decoder and the schema generator know of a Go type.
type typeInfo struct {
	t      reflect.Type
	shape  shape
	format *Format
	enum   []string
	fields []field // structs
	// required are indices into fields.
	required []int
	elem     reflect.Type // pointers, slices, maps
	bits     int          // integers
}

// field is one JSON field of a struct: field index of the struct, or, for
// a field promoted from an embedded struct, the path of indices promoted.
type field struct {
	name     string
	index    int
	promoted []int
	t        reflect.Type
}

// of returns the field in struct value v.
func (f *field) of(v reflect.Value) reflect.Value {
	if f.promoted != nil {
		return v.FieldByIndex(f.promoted)
	}
	return v.Field(f.index)
}

// types builds typeInfos, once per type and decoding.
type types struct {
	spec *Spec
	m    map[reflect.Type]*typeInfo
}

func (ts *types) info(t reflect.Type) *typeInfo {
	textUnmarshaler := reflect.TypeFor[encoding.TextUnmarshaler]()
	if ti, ok := ts.m[t]; ok {
		return ti
	}
	ti := &typeInfo{t: t}
	ts.m[t] = ti
	if f, ok := ts.spec.Formats[t]; ok {
		ti.shape, ti.format = shapeText, &f
		if !reflect.PointerTo(t).Implements(textUnmarshaler) {
			ti.shape = shapeUnsupported
		}
		return ti
	}
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(reflect.TypeFor[json.Unmarshaler]()):
		ti.shape = shapeJSON
		return ti
	case pt.Implements(textUnmarshaler):
		ti.shape = shapeText
		return ti
	}
	switch t.Kind() {
	case reflect.Pointer:
		ti.shape, ti.elem = shapePointer, t.Elem()
	case reflect.Struct:
		ti.shape = shapeStruct
		ti.fields = structFields(t, nil)
		for _, name := range ts.spec.Required[t] {
			for i, f := range ti.fields {
				if f.name == name {
					ti.required = append(ti.required, i)
				}
			}
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			break // []byte is base64 in encoding/json: not supported here
		}
		ti.shape, ti.elem = shapeSlice, t.Elem()
	case reflect.Map:
		if t.Key().Kind() == reflect.String && !reflect.PointerTo(t.Key()).Implements(textUnmarshaler) && ts.spec.Enums[t.Key()] == nil {
			ti.shape, ti.elem = shapeMap, t.Elem()
		}
	case reflect.String:
		ti.shape = shapeString
		ti.enum = ts.spec.Enums[t]
	case reflect.Bool:
		ti.shape = shapeBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		ti.shape, ti.bits = shapeInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		ti.shape, ti.bits = shapeUint, t.Bits()
	}
	return ti
}

// structFields lists the JSON fields of struct type t as encoding/json
// names them: exported fields, the tag's name or the field's, "-" skipped;
// the fields of an embedded struct without a name are promoted.
func structFields(t reflect.Type, prefix []int) []field {
	out := make([]field, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			out = append(out, structFields(sf.Type, append(append([]int(nil), prefix...), i))...)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f := field{name: name, index: i, t: sf.Type}
		if prefix != nil {
			f.promoted = append(append([]int(nil), prefix...), i)
		}
		out = append(out, f)
	}
	return out
}

// describe names the JSON a type expects, for messages.
func (ti *typeInfo) describe() string {
	switch ti.shape {
	case shapeText:
		if ti.format != nil {
			return "a string (" + ti.format.Name + ")"
		}
		return "a string"
	case shapeStruct, shapeMap:
		return "an object"
	case shapeSlice:
		return "an array"
	case shapeString:
		return "a string"
	case shapeBool:
		return "true or false"
	case shapeInt, shapeUint:
		return "an integer"
	}
	return "a value"
}
