package strictjson

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Outcome and datedOutcome have the shape of absence.DayOutcome and
// absence.DatedOutcome: a struct with a date, behind an embedded pointer
// whose own date the outer one shadows.
type Outcome struct {
	Date year   `json:"date"`
	Kind string `json:"kind"`
	N    int    `json:"n,omitempty"`
}

type datedOutcome struct {
	Date year `json:"date"`
	*Outcome
}

type outcomes struct {
	Days []datedOutcome `json:"days"`
}

// Fields promoted through an embedded pointer are read as encoding/json
// reads them: the outer date shadows the inner one, the pointer is
// allocated (also for an object that names only the date, so that no value
// decoded has a nil one), problems keep their paths and positions, and the
// schema lists each name once.
func TestDecodeEmbeddedPointer(t *testing.T) {
	var o outcomes
	err := Decode([]byte(`{"days":[{"date":"2025","kind":"present"},`+"\n"+`{"date":"2026","kind":1,"x":0},{"date":"2027"}]}`), &o, testSpec())
	want := []want{
		{CodeWrongType, "days[1].kind", "line 2, column 23: a string is expected here, not a number"},
		{CodeUnknownField, "days[1].x", `line 2, column 25: unknown field "x" in strictjson.datedOutcome; its fields are date, kind, n`}}
	if diff := cmp.Diff(want, problems(err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	in := `{"days":[{"date":"2025","kind":"present"},{"date":"2026","kind":"absent","n":2},{"date":"2027","kind":""}]}`
	o = outcomes{}
	if err := Decode([]byte(`{"days":[{"date":"2025","kind":"present"},{"date":"2026","kind":"absent","n":2},{"date":"2027"}]}`), &o, testSpec()); err != nil {
		t.Fatal(err)
	}
	wantDays := []datedOutcome{{2025, &Outcome{Kind: "present"}}, {2026, &Outcome{Kind: "absent", N: 2}}, {2027, &Outcome{}}}
	if diff := cmp.Diff(wantDays, o.Days, cmp.AllowUnexported(datedOutcome{})); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
	if b, _ := json.Marshal(o); string(b) != in {
		t.Errorf("written again as %s", b)
	}
	s, err := Schema(reflect.TypeFor[outcomes](), testSpec(), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var sch struct {
		Defs map[string]struct {
			Properties json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(s, &sch); err != nil {
		t.Fatal(err)
	}
	var names []string
	dec := json.NewDecoder(bytesReader(sch.Defs["strictjson.datedOutcome"].Properties))
	dec.Token()
	for dec.More() {
		tok, _ := dec.Token()
		names = append(names, tok.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	if diff := cmp.Diff([]string{"date", "kind", "n"}, names); diff != "" {
		t.Errorf("the schema's properties (-want +got):\n%s", diff)
	}
}

// A and B are embedded through pointers with a field of one name.
type A struct {
	X int `json:"x"`
}

// B is A's twin.
type B struct {
	X int `json:"x"`
}

// Of two fields with one name at one depth neither is read, as in
// encoding/json; an unexported embedded pointer promotes nothing.
func TestDominantFields(t *testing.T) {
	type both struct {
		*A
		*B
		Y int `json:"y"`
	}
	ti := (&types{spec: &Spec{}, m: map[reflect.Type]*typeInfo{}}).info(reflect.TypeFor[both]())
	var names []string
	for _, f := range ti.fields {
		names = append(names, f.name)
	}
	if diff := cmp.Diff([]string{"y"}, names); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	var v both
	if err := json.Unmarshal([]byte(`{"x":1,"y":2}`), &v); err != nil || v.A != nil || v.B != nil || v.Y != 2 {
		t.Errorf("encoding/json reads %+v, %v", v, err)
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
