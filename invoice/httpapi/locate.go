package httpapi

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pathSeg is one step of a JSON path: a member name, or an index when
// index >= 0.
type pathSeg struct {
	name  string
	index int
}

// parsePath splits a JSON path as the library writes it
// ("children[0].plans[0].start", `rules["odd key"]`) into its steps; it
// stops at the first step it cannot read.
func parsePath(p string) []pathSeg {
	var out []pathSeg
	for len(p) > 0 {
		switch p[0] {
		case '.':
			p = p[1:]
		case '[':
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return out
			}
			inner := p[1:end]
			if strings.HasPrefix(inner, `"`) {
				// A quoted name may hold "]": find the closing quote.
				q, err := strconv.QuotedPrefix(p[1:])
				if err != nil {
					return out
				}
				name, _ := strconv.Unquote(q)
				rest := p[1+len(q):]
				if !strings.HasPrefix(rest, "]") {
					return out
				}
				out = append(out, pathSeg{name: name, index: -1})
				p = rest[1:]
				continue
			}
			i, err := strconv.Atoi(inner)
			if err != nil || i < 0 {
				return out
			}
			out = append(out, pathSeg{index: i})
			p = p[end+1:]
		default:
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			out = append(out, pathSeg{name: p[:end], index: -1})
			p = p[end:]
		}
	}
	return out
}

// locate returns the 1-based line and column (in characters) of the value
// at JSON path path in the well-formed JSON document doc, or of the
// deepest value on the path that the document has (the document itself
// for ""). A path that names no value of the document — a field the
// library names but the request leaves out — so points at the closest
// value that holds it.
func locate(doc []byte, path string) (line, column int) {
	off := valueStart(doc, 0)
	for _, s := range parsePath(path) {
		next, ok := child(doc, off, s)
		if !ok {
			break
		}
		off = next
	}
	return position(doc, off)
}

// position turns a byte offset into a line and a column, as the strict
// decoder counts them.
func position(doc []byte, off int) (line, column int) {
	off = min(max(off, 0), len(doc))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if doc[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(doc[start:off]) + 1
}

// valueStart skips white space from off.
func valueStart(doc []byte, off int) int {
	for off < len(doc) {
		switch doc[off] {
		case ' ', '\t', '\n', '\r':
			off++
		default:
			return off
		}
	}
	return off
}

// child returns the offset of the member or element s of the value at off.
func child(doc []byte, off int, s pathSeg) (int, bool) {
	if off >= len(doc) {
		return 0, false
	}
	switch {
	case doc[off] == '{' && s.index < 0:
		off = valueStart(doc, off+1)
		for off < len(doc) && doc[off] == '"' {
			end := skipValue(doc, off)
			var key string
			if json.Unmarshal(doc[off:end], &key) != nil {
				return 0, false
			}
			off = valueStart(doc, end)
			if off >= len(doc) || doc[off] != ':' {
				return 0, false
			}
			off = valueStart(doc, off+1)
			if key == s.name {
				return off, true
			}
			off = valueStart(doc, skipValue(doc, off))
			if off < len(doc) && doc[off] == ',' {
				off = valueStart(doc, off+1)
			}
		}
	case doc[off] == '[' && s.index >= 0:
		off = valueStart(doc, off+1)
		for i := 0; off < len(doc) && doc[off] != ']'; i++ {
			if i == s.index {
				return off, true
			}
			off = valueStart(doc, skipValue(doc, off))
			if off < len(doc) && doc[off] == ',' {
				off = valueStart(doc, off+1)
			}
		}
	}
	return 0, false
}

// skipValue returns the offset just past the value at off (a string, an
// object, an array, or a literal or number).
func skipValue(doc []byte, off int) int {
	if off >= len(doc) {
		return off
	}
	switch doc[off] {
	case '"':
		for i := off + 1; i < len(doc); i++ {
			switch doc[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(doc)
	case '{', '[':
		depth := 0
		for i := off; i < len(doc); i++ {
			switch doc[i] {
			case '"':
				i = skipValue(doc, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(doc)
	}
	i := off
	for i < len(doc) && !strings.ContainsRune(" \t\r\n,]}", rune(doc[i])) {
		i++
	}
	return i
}
