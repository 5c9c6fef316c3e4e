package strictjson

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
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
	// viaPointer is set when a field is promoted through an embedded
	// pointer: the decoder allocates it for every object, so that a value
	// decoded is never left with a nil one.
	viaPointer bool
	// required are indices into fields.
	required []int
	elem     reflect.Type // pointers, slices, maps
	elemInfo *typeInfo    // elem's, once asked
	bits     int          // integers
	// formatValue holds the format in the typeInfo itself.
	formatValue Format
}

// field is one JSON field of a struct: field index of the struct, or, for
// a field promoted from an embedded struct (or pointer to one), the path of
// indices promoted.
type field struct {
	name       string
	index      int
	promoted   []int
	viaPointer bool // the path goes through an embedded pointer
	tagged     bool // named by its tag
	t          reflect.Type
	info       *typeInfo // t's, once asked
}

// of returns the field in struct value v, allocating the embedded structs
// its path points through, as encoding/json does.
func (f *field) of(v reflect.Value) reflect.Value {
	if f.promoted == nil {
		return v.Field(f.index)
	}
	for _, i := range f.promoted {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v
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
		ti.fields = dominant(structFields(t, nil, false))
		for _, f := range ti.fields {
			ti.viaPointer = ti.viaPointer || f.viaPointer
		}
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
// the fields of an embedded struct without a name are promoted, and so are
// those of an embedded pointer to an exported struct (viaPointer).
func structFields(t reflect.Type, prefix []int, viaPointer bool) []field {
	out := make([]field, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			out = append(out, structFields(sf.Type, append(append([]int(nil), prefix...), i), viaPointer)...)
			continue
		}
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Pointer && sf.Type.Elem().Kind() == reflect.Struct {
			if sf.IsExported() { // an unexported one cannot be set (encoding/json refuses it too)
				out = append(out, structFields(sf.Type.Elem(), append(append([]int(nil), prefix...), i), true)...)
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f := field{name: name, index: i, t: sf.Type, viaPointer: viaPointer, tagged: name != sf.Name || tag != ""}
		if prefix != nil {
			f.promoted = append(append([]int(nil), prefix...), i)
		}
		out = append(out, f)
	}
	return out
}

// dominant keeps, of the fields that share a JSON name, the one encoding/json
// uses: the least deeply promoted, the tagged one among those, none when
// that leaves more than one. The order is kept. It applies to a struct
// with an embedded pointer (absence.DatedOutcome's Date shadows its
// outcome's); the others are as structFields lists them.
func dominant(fs []field) []field {
	if !slices.ContainsFunc(fs, func(f field) bool { return f.viaPointer }) {
		return fs // the fields of a struct and of its embedded structs, as before
	}
	depth := func(f field) int { return len(f.promoted) }
	keep := make([]bool, len(fs))
	for i, f := range fs {
		best, n := -1, 0
		for j, g := range fs {
			if g.name != f.name {
				continue
			}
			switch {
			case best < 0 || depth(g) < depth(fs[best]) || depth(g) == depth(fs[best]) && g.tagged && !fs[best].tagged:
				best, n = j, 1
			case depth(g) == depth(fs[best]) && g.tagged == fs[best].tagged:
				n++
			}
		}
		keep[i] = best == i && n == 1
	}
	out := fs[:0:0]
	for i, f := range fs {
		if keep[i] {
			out = append(out, f)
		}
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
