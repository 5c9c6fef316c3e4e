package strictjson

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kinderopvang/regels/plan"
)

// Decode decodes the JSON value in data into v, a non-nil pointer, under
// spec, and returns every problem it finds as plan.Problems (nil when there
// is none). After a problem in a well-formed value it goes on with the next
// value; after a syntax error it stops. Each problem's Field is the JSON
// path of the value ("children[0].plans[0].start", "" for the whole
// document) and its Message starts with "line L, column C: ", the position
// of the value, field name or character concerned (lines and columns count
// from 1; a column counts characters, not bytes). When Decode returns
// problems, *v holds a partial result that the caller must not use.
func Decode(data []byte, v any, spec *Spec) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return plan.Problem{Code: plan.CodeInvalidValue, Message: fmt.Sprintf("internal: decoding needs a non-nil pointer, not %T", v)}
	}
	if spec == nil {
		spec = &Spec{}
	}
	d := &decoder{data: data, spec: spec, types: types{spec: spec, m: make(map[reflect.Type]*typeInfo)}}
	d.ws()
	if d.pos >= len(d.data) {
		d.syntax("no JSON value: the input is empty")
		return d.probs.Err()
	}
	d.value(rv.Elem(), d.types.info(rv.Elem().Type()))
	if !d.fatal {
		d.ws()
		if d.pos < len(d.data) {
			d.syntax(fmt.Sprintf("data after the JSON value, starting with %s", quoteChar(d.data[d.pos:])))
		}
	}
	return d.probs.Err()
}

type decoder struct {
	data  []byte
	pos   int
	spec  *Spec
	types types
	path  []seg
	probs plan.Problems
	fatal bool
	depth int
	lines lineCursor
}

// seg is one step of a JSON path: a field name, or an index when name is
// "".
type seg struct {
	name  string
	index int
}

func (d *decoder) push(name string)          { d.path = append(d.path, seg{name: name}) }
func (d *decoder) pushIndex(i int)           { d.path = append(d.path, seg{index: i}) }
func (d *decoder) pop()                      { d.path = d.path[:len(d.path)-1] }
func (d *decoder) fieldPath() string         { return pathString(d.path, "") }
func (d *decoder) childPath(k string) string { return pathString(d.path, k) }

// pathString formats a path, with field extra appended when it is not "".
func pathString(path []seg, extra string) string {
	var b strings.Builder
	add := func(name string) {
		if isIdent(name) {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(name)
			return
		}
		b.WriteString("[")
		b.WriteString(strconv.Quote(name))
		b.WriteString("]")
	}
	for _, s := range path {
		if s.name == "" {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		add(s.name)
	}
	if extra != "" {
		add(extra)
	}
	return b.String()
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// problem records a problem at byte offset off under field path.
func (d *decoder) problem(code plan.Code, path string, off int, msg string) {
	if d.fatal {
		return
	}
	if len(d.probs) >= MaxProblems {
		d.probs = append(d.probs, plan.Problem{Code: code, Field: path,
			Message: d.lines.at(d.data, off) + fmt.Sprintf("more than %d problems; decoding stopped here", MaxProblems)})
		d.fatal = true
		return
	}
	d.probs = append(d.probs, plan.Problem{Code: code, Field: path, Message: d.lines.at(d.data, off) + msg})
}

// syntax records a syntax error at the current position and stops.
func (d *decoder) syntax(msg string) {
	d.problem(CodeInvalidJSON, d.fieldPath(), d.pos, "invalid JSON: "+msg)
	d.fatal = true
}

// unexpected records a syntax error on the character at the current
// position (or the end of the input), naming what was expected.
func (d *decoder) unexpected(expected string) {
	if d.pos >= len(d.data) {
		d.syntax("unexpected end of input, expected " + expected)
		return
	}
	d.syntax(fmt.Sprintf("unexpected %s, expected %s", quoteChar(d.data[d.pos:]), expected))
}

// quoteChar names the character at the start of b.
func quoteChar(b []byte) string {
	r, _ := utf8.DecodeRune(b)
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", b[0])
	}
	return strconv.QuoteRune(r)
}

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// value decodes the value at the current position into v, of type ti.
func (d *decoder) value(v reflect.Value, ti *typeInfo) {
	if d.fatal {
		return
	}
	d.ws()
	if d.pos >= len(d.data) {
		d.unexpected("a value")
		return
	}
	if d.depth >= maxDepth {
		d.syntax(fmt.Sprintf("values nested more than %d deep", maxDepth))
		return
	}
	d.depth++
	switch ti.shape {
	case shapeText:
		d.text(v, ti)
	case shapeJSON:
		d.unmarshaler(v, ti)
	case shapePointer:
		if d.data[d.pos] == 'n' {
			if d.literal("null") {
				v.SetZero()
			}
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(ti.elem))
		}
		d.depth-- // a pointer adds no JSON nesting
		d.value(v.Elem(), d.types.elemOf(ti))
		d.depth++
	case shapeStruct:
		d.object(v, ti)
	case shapeSlice:
		d.array(v, ti)
	case shapeMap:
		d.mapValue(v, ti)
	case shapeString:
		d.stringValue(v, ti)
	case shapeBool:
		d.boolValue(v, ti)
	case shapeInt, shapeUint:
		d.intValue(v, ti)
	default:
		d.problem(plan.CodeInvalidValue, d.fieldPath(), d.pos, fmt.Sprintf("internal: the decoder cannot decode Go type %s", ti.t))
		d.skip()
	}
	d.depth--
}

// jsonKind names the JSON value starting at the current position.
func (d *decoder) jsonKind() string {
	switch c := d.data[d.pos]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	}
	return ""
}

// wrongType records a value of the wrong JSON type and skips it.
func (d *decoder) wrongType(ti *typeInfo) {
	got := d.jsonKind()
	if got == "" {
		d.unexpected("a value")
		return
	}
	d.problem(CodeWrongType, d.fieldPath(), d.pos, fmt.Sprintf("%s is expected here, not %s", ti.describe(), got))
	d.skip()
}

// text decodes a JSON string with the type's UnmarshalText, after checking
// its format.
func (d *decoder) text(v reflect.Value, ti *typeInfo) {
	if d.data[d.pos] != '"' {
		d.wrongType(ti)
		return
	}
	start := d.pos
	b, ok := d.str()
	if !ok {
		return
	}
	if f := ti.format; f != nil && !f.Match(b) {
		d.problem(f.Code, d.fieldPath(), start, fmt.Sprintf("%s is not %s", strconv.Quote(string(b)), f.Description))
		return
	}
	u, ok := v.Addr().Interface().(encoding.TextUnmarshaler)
	if !ok {
		return // info checked it
	}
	if err := u.UnmarshalText(b); err != nil {
		code := plan.CodeInvalidValue
		if ti.format != nil {
			code = ti.format.Code
		}
		d.problem(codeOf(err, code), d.fieldPath(), start, d.message(err))
	}
}

// unmarshaler decodes a value with the type's UnmarshalJSON.
func (d *decoder) unmarshaler(v reflect.Value, ti *typeInfo) {
	start := d.pos
	d.skip()
	if d.fatal {
		return
	}
	u, ok := v.Addr().Interface().(json.Unmarshaler)
	if !ok {
		return
	}
	if err := u.UnmarshalJSON(d.data[start:d.pos]); err != nil {
		d.problem(codeOf(err, plan.CodeInvalidValue), d.fieldPath(), start, d.message(err))
	}
}

// codeOf returns the problem code err carries, or def.
func codeOf(err error, def plan.Code) plan.Code {
	if ps := plan.AsProblems(err); len(ps) > 0 {
		return ps[0].Code
	}
	var c plan.Code
	if errors.As(err, &c) {
		return c
	}
	return def
}

// message is err's text without the package prefixes of spec.TrimPrefixes
// and without a trailing problem code.
func (d *decoder) message(err error) string {
	if ps := plan.AsProblems(err); len(ps) > 0 {
		return ps[0].Message
	}
	s := err.Error()
	var c plan.Code
	if errors.As(err, &c) {
		s = strings.TrimSuffix(s, ": "+string(c))
	}
	for _, p := range d.spec.TrimPrefixes {
		s = strings.TrimPrefix(s, p+": ")
		s = strings.ReplaceAll(s, ": "+p+": ", ": ")
	}
	return s
}

func (d *decoder) stringValue(v reflect.Value, ti *typeInfo) {
	if d.data[d.pos] != '"' {
		d.wrongType(ti)
		return
	}
	start := d.pos
	b, ok := d.str()
	if !ok {
		return
	}
	if ti.enum != nil && !slices.Contains(ti.enum, string(b)) {
		d.problem(plan.CodeInvalidValue, d.fieldPath(), start, fmt.Sprintf("%s is not a value of %s; the values are %s", strconv.Quote(string(b)), ti.t, quoteList(ti.enum)))
		return
	}
	v.SetString(string(b))
}

// quoteList formats allowed values: "a", "b" or "c".
func quoteList(vals []string) string {
	var b strings.Builder
	for i, v := range vals {
		switch {
		case i == 0:
		case i == len(vals)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(v))
	}
	return b.String()
}

func (d *decoder) boolValue(v reflect.Value, ti *typeInfo) {
	switch d.data[d.pos] {
	case 't':
		if d.literal("true") {
			v.SetBool(true)
		}
	case 'f':
		if d.literal("false") {
			v.SetBool(false)
		}
	default:
		d.wrongType(ti)
	}
}

// intValue decodes an integer: a JSON number without fraction or exponent,
// within the Go type's range.
func (d *decoder) intValue(v reflect.Value, ti *typeInfo) {
	c := d.data[d.pos]
	if c != '-' && (c < '0' || c > '9') {
		d.wrongType(ti)
		return
	}
	start := d.pos
	isInt, ok := d.number()
	if !ok {
		return
	}
	lit := d.data[start:d.pos]
	if !isInt {
		d.problem(CodeWrongType, d.fieldPath(), start, fmt.Sprintf("an integer is expected here, not %s", lit))
		return
	}
	neg := lit[0] == '-'
	digits := lit
	if neg {
		digits = lit[1:]
	}
	var u uint64
	over := false
	for _, ch := range digits {
		if u > (1<<64-1)/10 {
			over = true
			break
		}
		u = u*10 + uint64(ch-'0')
		if u < uint64(ch-'0') {
			over = true
			break
		}
	}
	if ti.shape == shapeUint {
		if neg || over || ti.bits < 64 && u >= 1<<ti.bits {
			d.problem(plan.CodeOutOfRange, d.fieldPath(), start, fmt.Sprintf("%s is out of range for %s", lit, ti.t))
			return
		}
		v.SetUint(u)
		return
	}
	limit := uint64(1) << (ti.bits - 1) // |min|; max is limit-1
	if over || !neg && u >= limit || neg && u > limit {
		d.problem(plan.CodeOutOfRange, d.fieldPath(), start, fmt.Sprintf("%s is out of range for %s", lit, ti.t))
		return
	}
	n := int64(u)
	if neg {
		n = -n // u == limit gives the minimum
	}
	v.SetInt(n)
}

// object decodes a JSON object into a struct.
func (d *decoder) object(v reflect.Value, ti *typeInfo) {
	if d.data[d.pos] != '{' {
		d.wrongType(ti)
		return
	}
	open := d.pos
	d.pos++
	var seenSmall [64]int32 // offset+1 of each field's name, 0 when not seen
	seen := seenSmall[:0]
	if len(ti.fields) <= len(seenSmall) {
		seen = seenSmall[:len(ti.fields)]
	} else {
		seen = make([]int32, len(ti.fields))
	}
	d.members(func(keyAt int, key []byte) {
		i := -1
		for k := range ti.fields {
			if ti.fields[k].name == string(key) {
				i = k
				break
			}
		}
		switch {
		case i < 0:
			d.problem(CodeUnknownField, d.childPath(string(key)), keyAt, d.unknownField(ti, string(key)))
			d.skip()
		case seen[i] != 0:
			first := d.lines.position(d.data, int(seen[i]-1))
			d.problem(CodeDuplicateField, d.childPath(string(key)), keyAt, fmt.Sprintf("field %q is given twice (first at %s)", key, first))
			d.skip()
		default:
			seen[i] = int32(keyAt + 1)
			f := &ti.fields[i]
			d.push(f.name)
			d.value(f.of(v), d.types.fieldOf(f))
			d.pop()
		}
	})
	if d.fatal {
		return
	}
	for _, i := range ti.required {
		if seen[i] == 0 {
			d.problem(plan.CodeMissing, d.childPath(ti.fields[i].name), open, fmt.Sprintf("%s needs field %q", ti.t, ti.fields[i].name))
		}
	}
}

// unknownField says a field is unknown, and which one may have been meant.
func (d *decoder) unknownField(ti *typeInfo, key string) string {
	names := make([]string, len(ti.fields))
	for i, f := range ti.fields {
		names[i] = f.name
	}
	msg := fmt.Sprintf("unknown field %q in %s", key, ti.t)
	if s := suggest(key, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return msg + "; its fields are " + strings.Join(names, ", ")
}

// suggest returns the name closest to key, when it is close: the same but
// for case, or at most two edits away (and fewer than the length of key).
func suggest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if strings.EqualFold(n, key) {
			return n
		}
		if dist := editDistance(key, n); dist < bestD && dist < len(key) {
			best, bestD = n, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b (bytes), for short
// field names.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// mapValue decodes a JSON object into a map with string keys.
func (d *decoder) mapValue(v reflect.Value, ti *typeInfo) {
	if d.data[d.pos] == 'n' {
		if d.literal("null") {
			v.SetZero()
		}
		return
	}
	if d.data[d.pos] != '{' {
		d.wrongType(ti)
		return
	}
	d.pos++
	m := reflect.MakeMap(ti.t)
	v.Set(m)
	elem := d.types.elemOf(ti)
	firstAt := map[string]int{}
	d.members(func(keyAt int, key []byte) {
		k := string(key)
		if at, dup := firstAt[k]; dup {
			d.problem(CodeDuplicateField, d.childPath(k), keyAt, fmt.Sprintf("key %q is given twice (first at %s)", k, d.lines.position(d.data, at)))
			d.skip()
			return
		}
		firstAt[k] = keyAt
		e := reflect.New(ti.elem).Elem()
		d.push(k)
		d.value(e, elem)
		d.pop()
		m.SetMapIndex(reflect.ValueOf(k).Convert(ti.t.Key()), e)
	})
}

// members reads the members of an object whose '{' is consumed, calling
// fn with each name (at the position of its value's start, after the
// colon); fn must consume the value.
func (d *decoder) members(fn func(keyAt int, key []byte)) {
	d.ws()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return
	}
	for !d.fatal {
		d.ws()
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			d.unexpected("a field name in quotes")
			return
		}
		keyAt := d.pos
		key, ok := d.str()
		if !ok {
			return
		}
		d.ws()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			d.unexpected("':' after a field name")
			return
		}
		d.pos++
		fn(keyAt, key)
		if d.fatal {
			return
		}
		d.ws()
		if d.pos >= len(d.data) {
			d.unexpected("',' or '}' after an object field")
			return
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return
		default:
			d.unexpected("',' or '}' after an object field")
			return
		}
	}
}

// array decodes a JSON array (or null) into a slice.
func (d *decoder) array(v reflect.Value, ti *typeInfo) {
	switch d.data[d.pos] {
	case 'n':
		if d.literal("null") {
			v.SetZero()
		}
		return
	case '[':
	default:
		d.wrongType(ti)
		return
	}
	d.pos++
	elem := d.types.elemOf(ti)
	v.Set(reflect.MakeSlice(ti.t, 0, 0))
	n := 0
	d.ws()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return
	}
	for !d.fatal {
		if n == v.Cap() {
			grown := reflect.MakeSlice(ti.t, n, max(4, 2*n))
			reflect.Copy(grown, v)
			v.Set(grown)
		}
		v.SetLen(n + 1)
		d.pushIndex(n)
		d.value(v.Index(n), elem)
		d.pop()
		n++
		if d.fatal {
			return
		}
		d.ws()
		if d.pos >= len(d.data) {
			d.unexpected("',' or ']' after an array element")
			return
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return
		default:
			d.unexpected("',' or ']' after an array element")
			return
		}
	}
}

// skip checks and skips the value at the current position.
func (d *decoder) skip() {
	d.ws()
	if d.pos >= len(d.data) {
		d.unexpected("a value")
		return
	}
	if d.depth >= maxDepth {
		d.syntax(fmt.Sprintf("values nested more than %d deep", maxDepth))
		return
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		d.pos++
		d.depth++
		d.members(func(int, []byte) { d.skip() })
		d.depth--
	case c == '[':
		d.pos++
		d.depth++
		d.ws()
		if d.pos < len(d.data) && d.data[d.pos] == ']' {
			d.pos++
			d.depth--
			return
		}
		for !d.fatal {
			d.skip()
			if d.fatal {
				break
			}
			d.ws()
			if d.pos < len(d.data) && d.data[d.pos] == ',' {
				d.pos++
				continue
			}
			if d.pos < len(d.data) && d.data[d.pos] == ']' {
				d.pos++
				break
			}
			d.unexpected("',' or ']' after an array element")
		}
		d.depth--
	case c == '"':
		d.str()
	case c == 't':
		d.literal("true")
	case c == 'f':
		d.literal("false")
	case c == 'n':
		d.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		d.number()
	default:
		d.unexpected("a value")
	}
}

// literal consumes lit (true, false, null) or records a syntax error.
func (d *decoder) literal(lit string) bool {
	for i := 0; i < len(lit); i++ {
		if d.pos >= len(d.data) || d.data[d.pos] != lit[i] {
			d.unexpected(fmt.Sprintf("%q", lit))
			return false
		}
		d.pos++
	}
	return true
}

// number consumes a JSON number (RFC 8259 §6) and reports whether it is an
// integer (no fraction, no exponent).
func (d *decoder) number() (isInt, ok bool) {
	isInt = true
	if d.data[d.pos] == '-' {
		d.pos++
	}
	switch {
	case d.pos < len(d.data) && d.data[d.pos] == '0':
		d.pos++
	case d.pos < len(d.data) && d.data[d.pos] >= '1' && d.data[d.pos] <= '9':
		d.digits()
	default:
		d.unexpected("a digit")
		return false, false
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		isInt = false
		d.pos++
		if d.digits() == 0 {
			d.unexpected("a digit after the decimal point")
			return false, false
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		isInt = false
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if d.digits() == 0 {
			d.unexpected("a digit in the exponent")
			return false, false
		}
	}
	return isInt, true
}

func (d *decoder) digits() int {
	n := 0
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
		n++
	}
	return n
}

// str consumes a JSON string and returns its value: a subslice of the
// input when it has no escape and is valid UTF-8, otherwise a copy decoded
// as encoding/json does (invalid UTF-8 becomes U+FFFD).
func (d *decoder) str() ([]byte, bool) {
	start := d.pos
	d.pos++ // the opening quote
	plain := true
	for {
		if d.pos >= len(d.data) {
			d.unexpected("'\"' to end the string")
			return nil, false
		}
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			raw := d.data[start:d.pos]
			if plain && utf8.Valid(raw) {
				return raw[1 : len(raw)-1], true
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				d.pos = start
				d.syntax("a string that cannot be decoded: " + err.Error())
				return nil, false
			}
			return []byte(s), true
		case c == '\\':
			plain = false
			d.pos++
			if d.pos >= len(d.data) {
				d.unexpected("an escape after '\\'")
				return nil, false
			}
			switch d.data[d.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				d.pos++
			case 'u':
				d.pos++
				for k := 0; k < 4; k++ {
					if d.pos >= len(d.data) || !isHex(d.data[d.pos]) {
						d.unexpected("four hexadecimal digits after '\\u'")
						return nil, false
					}
					d.pos++
				}
			default:
				d.unexpected("an escape: one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
				return nil, false
			}
		case c < 0x20:
			d.syntax(fmt.Sprintf("control character 0x%02x in a string (write it as an escape)", c))
			return nil, false
		default:
			d.pos++
		}
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// lineCursor turns byte offsets into lines and columns, remembering the
// last one so that offsets met in order cost one pass over the input.
type lineCursor struct {
	off, line, lineStart int
}

// at returns "line L, column C: " for offset off.
func (c *lineCursor) at(data []byte, off int) string {
	return c.position(data, off) + ": "
}

// position returns "line L, column C" for offset off.
func (c *lineCursor) position(data []byte, off int) string {
	off = min(max(off, 0), len(data))
	if c.line == 0 || off < c.off {
		*c = lineCursor{line: 1}
	}
	for i := c.off; i < off; i++ {
		if data[i] == '\n' {
			c.line++
			c.lineStart = i + 1
		}
	}
	c.off = off
	col := utf8.RuneCount(data[c.lineStart:off]) + 1
	return "line " + strconv.Itoa(c.line) + ", column " + strconv.Itoa(col)
}
