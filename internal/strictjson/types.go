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
	format *Format // &formatValue when the type has a format
	enum   []string
	fields []field // structs
	// required are indices into fields.
	required []int
	elem     reflect.Type // pointers, slices, maps
	elemInfo *typeInfo    // elem's, once asked
	bits     int          // integers
	// formatValue holds the format in the typeInfo itself.
	formatValue Format
}

// field is one JSON field of a struct: field index of the struct, or, for
// a field promoted from an embedded struct, the path of indices promoted.
type field struct {
	name     string
	index    int
	promoted []int
	t        reflect.Type
	info     *typeInfo // t's, once asked
}

// of returns the field in struct value v.
func (f *field) of(v reflect.Value) reflect.Value {
	if f.promoted != nil {
		return v.FieldByIndex(f.promoted)
	}
	return v.Field(f.index)
}

// elemOf returns the typeInfo of ti's element type.
func (ts *types) elemOf(ti *typeInfo) *typeInfo {
	if ti.elemInfo == nil {
		ti.elemInfo = ts.info(ti.elem)
	}
	return ti.elemInfo
}

// fieldOf returns the typeInfo of a field's type.
func (ts *types) fieldOf(f *field) *typeInfo {
	if f.info == nil {
		f.info = ts.info(f.t)
	}
	return f.info
}

// types builds typeInfos, once per type and decoding.
type types struct {
	spec *Spec
	m    map[reflect.Type]*typeInfo
	slab []typeInfo // typeInfos are taken from it, a few at a time
}

func (ts *types) info(t reflect.Type) *typeInfo {
	textUnmarshaler := reflect.TypeFor[encoding.TextUnmarshaler]()
	if ti, ok := ts.m[t]; ok {
		return ti
	}
	if len(ts.slab) == cap(ts.slab) {
		ts.slab = make([]typeInfo, 0, min(4+2*len(ts.m), 32))
	}
	ts.slab = append(ts.slab, typeInfo{t: t})
	ti := &ts.slab[len(ts.slab)-1]
	ts.m[t] = ti
	pt := reflect.PointerTo(t)
	if f, ok := ts.spec.format(t); ok {
		// The decoder asserts encoding.TextUnmarshaler when it decodes.
		ti.formatValue = f
		ti.shape, ti.format = shapeText, &ti.formatValue
		return ti
	}
	if pt.NumMethod() > 0 {
		switch {
		case pt.Implements(reflect.TypeFor[json.Unmarshaler]()):
			ti.shape = shapeJSON
			return ti
		case pt.Implements(textUnmarshaler):
			ti.shape = shapeText
			return ti
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		ti.shape, ti.elem = shapePointer, t.Elem()
	case reflect.Struct:
		ti.shape = shapeStruct
		ti.fields = structFields(t, nil)
		for _, name := range ts.spec.required(t) {
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
		if t.Key().Kind() == reflect.String && !reflect.PointerTo(t.Key()).Implements(textUnmarshaler) && ts.spec.enum(t.Key()) == nil {
			ti.shape, ti.elem = shapeMap, t.Elem()
		}
	case reflect.String:
		ti.shape = shapeString
		ti.enum = ts.spec.enum(t)
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
