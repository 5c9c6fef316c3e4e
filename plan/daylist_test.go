package plan_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// visit is a plan.Dated value: a day and what happened on it.
type visit struct {
	Date plan.Date `json:"date"`
	What string    `json:"what"`
}

func (v visit) Day() plan.Date          { return v.Date }
func (v visit) OnDay(d plan.Date) visit { v.Date = d; return v }
func (v visit) Equal(o visit) bool      { return v == o }

// A DayList is the list of its days' values, however they are shared:
// whatever the sequence of Add and AddLike, At, All, Slice, Len, Index,
// Equal and JSON give what a plain slice of the values gives, and JSON
// reads back an equal list.
func TestDayListIsItsSlice(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var l plan.DayList[visit]
		var want []visit // the model
		var added []int  // indexes Add returned
		start := plan.MustParseDate("2025-03-01")
		if rapid.Bool().Draw(t, "grow") {
			l.Grow(rapid.IntRange(0, 5).Draw(t, "days"))
			l.GrowValues(rapid.IntRange(0, 5).Draw(t, "values"))
			want = []visit{}
		}
		for i := range rapid.IntRange(0, 40).Draw(t, "n") {
			d := start.AddDays(i)
			if len(added) > 0 && rapid.Bool().Draw(t, "like") {
				k := added[rapid.IntRange(0, len(added)-1).Draw(t, "k")]
				l.AddLike(d, k)
				want = append(want, l.Value(k).OnDay(d))
				continue
			}
			v := visit{Date: d, What: rapid.SampledFrom([]string{"present", "absent", "closed"}).Draw(t, "what")}
			added = append(added, l.Add(v))
			want = append(want, v)
		}
		if l.Len() != len(want) {
			t.Fatalf("Len %d, want %d", l.Len(), len(want))
		}
		for i, v := range l.All() {
			if v != want[i] || l.At(i) != want[i] {
				t.Fatalf("day %d: All %v, At %v, want %v", i, v, l.At(i), want[i])
			}
		}
		if got := l.Slice(); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("Slice %v, want %v", got, want)
		}
		if i := l.Index(func(v visit) bool { return v.What == "absent" }); i != slices.IndexFunc(want, func(v visit) bool { return v.What == "absent" }) {
			t.Fatalf("Index %d", i)
		}
		if !l.Equal(plan.DayListOf(want...)) {
			t.Fatal("not Equal to the list of its values")
		}
		got, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		if plain, _ := json.Marshal(want); string(got) != string(plain) {
			t.Fatalf("JSON %s, want %s", got, plain)
		}
		var back plan.DayList[visit]
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatal(err)
		}
		if again, _ := json.Marshal(back); !back.Equal(l) || string(again) != string(got) {
			t.Fatalf("read back as %s", again)
		}
	})
}

// Lists that differ in a day, in its date or in their length are not
// Equal; an unknown field is refused when reading JSON.
func TestDayListUnequalAndStrict(t *testing.T) {
	d := plan.MustParseDate("2025-03-03")
	a := plan.DayListOf(visit{d, "present"}, visit{d.AddDays(1), "present"})
	var b plan.DayList[visit]
	b.AddLike(d.AddDays(1), b.Add(visit{d, "present"})) // shared, yet equal
	if !a.Equal(b) {
		t.Error("a shared value is not Equal to two of its own")
	}
	for _, o := range []plan.DayList[visit]{
		plan.DayListOf(visit{d, "present"}),
		plan.DayListOf(visit{d, "present"}, visit{d.AddDays(2), "present"}),
		plan.DayListOf(visit{d, "present"}, visit{d.AddDays(1), "absent"}),
	} {
		if a.Equal(o) {
			t.Errorf("%v Equal to %v", a.Slice(), o.Slice())
		}
	}
	var l plan.DayList[visit]
	if err := json.Unmarshal([]byte(`[{"date":"2025-03-03","what":"x","why":"y"}]`), &l); err == nil {
		t.Error("an unknown field was read")
	}
}

// A month of days present costs one value and a date a day.
func ExampleDayList() {
	var l plan.DayList[visit]
	first := l.Add(visit{Date: plan.MustParseDate("2025-03-03"), What: "present"})
	l.AddLike(plan.MustParseDate("2025-03-04"), first)
	l.Add(visit{Date: plan.MustParseDate("2025-03-05"), What: "absent"})
	for _, v := range l.All() {
		fmt.Println(v.Date, v.What)
	}
	b, _ := json.Marshal(l)
	fmt.Println(string(b))
	// Output:
	// 2025-03-03 present
	// 2025-03-04 present
	// 2025-03-05 absent
	// [{"date":"2025-03-03","what":"present"},{"date":"2025-03-04","what":"present"},{"date":"2025-03-05","what":"absent"}]
}
