package monthend

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/kinderopvang/regels/plan"
)

// encoding is the JSON encoding of each part of a Shared, or the error that
// kept one from encoding.
type encoding struct {
	parts [4][]byte
	err   error
}

// part returns the JSON name (the case's field path) of part i of a
// Shared, in the order of encoding.parts, and what a message calls it.
func part(i int) (field, what string) {
	switch i {
	case 0:
		return "month", "month"
	case 1:
		return "calendar", "calendar"
	case 2:
		return "rules", "house rules"
	}
	return "amounts", "amounts"
}

// encode encodes s part by part. Empty amounts encode as null: they mean
// the statutory table, like nil.
func encode(s Shared) encoding {
	var e encoding
	values := [4]any{s.Month, s.Calendar, s.Rules, s.Amounts}
	if len(s.Amounts) == 0 {
		values[3] = nil
	}
	for i, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			_, what := part(i)
			e.err = fmt.Errorf("the %s do not encode as JSON: %w", what, err)
			return e
		}
		e.parts[i] = b
	}
	return e
}

// key is the whole encoding as one string (JSON never holds a raw NUL).
func (e encoding) key() string {
	return string(bytes.Join(e.parts[:], []byte{0}))
}

// mostCommon returns the first case of the most common shared part among
// the cases without problems, how many share it, and how many cases have
// no problem; k is -1 when none has.
func mostCommon(cases []Case, encs []encoding) (k, n, usable int) {
	type tally struct{ first, n int }
	counts := map[string]*tally{}
	k = -1
	for i, c := range cases {
		if len(c.Problems) > 0 || encs[i].err != nil {
			continue
		}
		usable++
		key := encs[i].key()
		t := counts[key]
		if t == nil {
			t = &tally{first: i}
			counts[key] = t
		}
		t.n++
		if t.n > n || (t.n == n && t.first < k) {
			k, n = t.first, t.n
		}
	}
	return k, n, usable
}

// notShared returns a CodeNotShared problem for each part of a case's
// encoding that differs from the organiser's, at the first JSON path that
// differs.
func notShared(got, want encoding) plan.Problems {
	if got.err != nil || want.err != nil {
		err := got.err
		if err == nil {
			err = want.err
		}
		return plan.Problems{{Code: CodeNotShared, Message: "the case cannot be compared with the organiser's month: " + err.Error()}}
	}
	var ps plan.Problems
	for i := range got.parts {
		if bytes.Equal(got.parts[i], want.parts[i]) {
			continue
		}
		field, what := part(i)
		path, g, w := jsonDiff(got.parts[i], want.parts[i], field)
		ps = append(ps, plan.Problem{Code: CodeNotShared, Field: path,
			Message: fmt.Sprintf("%s of the case: %s differs from the organiser's (case %s, organiser %s); a family is billed only with its organiser's month, calendar, house rules and amounts",
				what, path, g, w),
			Rule: plan.Rule{ID: "monthend.shared", Source: srcSeed004Invoice}})
	}
	return ps
}

// jsonDiff returns the first path at which JSON documents a and b differ
// (keys in sorted order, then array elements), with the two values there,
// shortened. Numbers compare as written.
func jsonDiff(a, b []byte, root string) (path, av, bv string) {
	x, errA := decodeAny(a)
	y, errB := decodeAny(b)
	if errA != nil || errB != nil {
		return root, short(a), short(b)
	}
	path, u, v, _ := diffAny(x, y, root)
	return path, shortValue(u), shortValue(v)
}

func decodeAny(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// missing stands for a key or element one side lacks.
type missing struct{}

// diffAny returns the first path where x and y differ, and their values
// there; ok is false when they are equal.
func diffAny(x, y any, path string) (string, any, any, bool) {
	switch xv := x.(type) {
	case map[string]any:
		yv, isMap := y.(map[string]any)
		if !isMap {
			break
		}
		keys := make([]string, 0, len(xv)+len(yv))
		for k := range xv {
			keys = append(keys, k)
		}
		for k := range yv {
			if _, ok := xv[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			u, okX := xv[k]
			v, okY := yv[k]
			if !okX {
				u = missing{}
			}
			if !okY {
				v = missing{}
			}
			if p, a, b, ok := diffAny(u, v, path+"."+k); ok {
				return p, a, b, true
			}
		}
		return "", nil, nil, false
	case []any:
		yv, isList := y.([]any)
		if !isList {
			break
		}
		for i := range max(len(xv), len(yv)) {
			var u, v any = missing{}, missing{}
			if i < len(xv) {
				u = xv[i]
			}
			if i < len(yv) {
				v = yv[i]
			}
			if p, a, b, ok := diffAny(u, v, path+"["+strconv.Itoa(i)+"]"); ok {
				return p, a, b, true
			}
		}
		return "", nil, nil, false
	}
	if sameScalar(x, y) {
		return "", nil, nil, false
	}
	return path, x, y, true
}

// sameScalar compares two decoded JSON values that are not both objects or
// both arrays.
func sameScalar(x, y any) bool {
	switch xv := x.(type) {
	case nil:
		return y == nil
	case bool:
		yv, ok := y.(bool)
		return ok && xv == yv
	case string:
		yv, ok := y.(string)
		return ok && xv == yv
	case json.Number:
		yv, ok := y.(json.Number)
		return ok && xv == yv
	case missing:
		_, ok := y.(missing)
		return ok
	}
	return false
}

// maxShown is the longest value a message quotes, in bytes.
const maxShown = 60

func shortValue(v any) string {
	if _, ok := v.(missing); ok {
		return "absent"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return short(b)
}

func short(b []byte) string {
	if len(b) <= maxShown {
		return string(b)
	}
	// Cut at a rune boundary.
	n := maxShown
	for n > 0 && b[n]&0xC0 == 0x80 {
		n--
	}
	return string(b[:n]) + "…"
}
