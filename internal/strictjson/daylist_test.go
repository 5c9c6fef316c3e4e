package strictjson

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
)

// day is a plan.Dated value for the list shape.
type day struct {
	Date plan.Date `json:"date"`
	N    int       `json:"n"`
}

func (d day) Day() plan.Date        { return d.Date }
func (d day) OnDay(x plan.Date) day { d.Date = x; return d }
func (d day) Equal(o day) bool      { return d == o }
func dateSpec() *Spec               { return &Spec{Format: dateFormat} }
func dateFormat(t reflect.Type) (Format, bool) {
	if t != reflect.TypeFor[plan.Date]() {
		return Format{}, false
	}
	return Format{Name: "date", Pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", Description: "a date YYYY-MM-DD", Code: plan.CodeInvalidDate,
		Match: func(b []byte) bool { return len(b) == 10 }}, true
}

type days struct {
	Days plan.DayList[day] `json:"days"`
}

// A plan.DayList is read as the array of its values: its problems keep
// their paths and positions, unknown fields inside are refused, null is the
// zero list and [] an empty one; its schema is that of the array.
func TestDecodeDayList(t *testing.T) {
	var d days
	err := Decode([]byte(`{"days":[{"date":"2025-03-03","n":1},`+"\n"+`{"date":"2025-03-04","n":"2","x":0}]}`), &d, dateSpec())
	want := []want{
		{CodeWrongType, "days[1].n", "line 2, column 26: an integer is expected here, not a string"},
		{CodeUnknownField, "days[1].x", `line 2, column 30: unknown field "x" in strictjson.day; its fields are date, n`}}
	if diff := cmp.Diff(want, problems(err)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	in := `{"days":[{"date":"2025-03-03","n":1},{"date":"2025-03-04","n":2}]}`
	if err := Decode([]byte(in), &d, dateSpec()); err != nil {
		t.Fatal(err)
	}
	wantList := plan.DayListOf(day{plan.MustParseDate("2025-03-03"), 1}, day{plan.MustParseDate("2025-03-04"), 2})
	if !d.Days.Equal(wantList) {
		t.Errorf("decoded %v, want %v", d.Days.Slice(), wantList.Slice())
	}
	if b, _ := json.Marshal(d); string(b) != in {
		t.Errorf("written again as %s", b)
	}
	for _, in := range []string{`{"days":null}`, `{"days":[]}`} {
		var d days
		if err := Decode([]byte(in), &d, dateSpec()); err != nil {
			t.Fatal(err)
		}
		if b, _ := json.Marshal(d); string(b) != in {
			t.Errorf("%s written again as %s", in, b)
		}
	}
	s, err := Schema(reflect.TypeFor[days](), dateSpec(), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var sch struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(s, &sch); err != nil {
		t.Fatal(err)
	}
	got := string(sch.Defs["strictjson.days"].Properties["days"])
	if w := `{"type":["array","null"],"items":{"$ref":"#/$defs/strictjson.day"}}`; compact(got) != compact(w) {
		t.Errorf("the list's schema is %s, want %s", compact(got), w)
	}
}

func compact(s string) string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}
