package monthend

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Each billed family's invoice is exactly invoice.Build of its case: the
// organiser month built once changes nothing.
func TestRunIsBuild(t *testing.T) {
	cases := SampleCases(30)
	res := Run(SampleOrganiser(), inputs(cases), Options{})
	checkAddsUp(t, inputs(cases), res)
	for i, c := range cases {
		want, err := invoice.Build(c)
		if err != nil {
			t.Fatalf("cases[%d]: %v", i, err)
		}
		if diff := cmp.Diff(want, res.Families[i].Invoice, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("cases[%d]: Run's invoice is not Build's (-Build +Run):\n%s", i, diff)
		}
	}
	if res.Summary.NotBilled != 0 || !res.Summary.OK() {
		t.Fatalf("the sample month does not bill cleanly:\n%s", res.Summary.Text())
	}
}

// One bad family among good ones: the others are billed, the bad one is
// in the summary with its problems at the case's field paths. Source: the
// issue "one bad case never blocks the rest"; seed 004 §3.6 (one invoice per
// family).
func TestOneBadFamily(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(c *Case, good []Case)
		code  plan.Code
		field string // the field of the (first) problem; a prefix when it ends in "…"
	}{
		{"a case that cannot be billed", func(c *Case, _ []Case) { c.Case.Family.ID = "" }, plan.CodeMissing, "family.id"},
		{"a child's attest of another child", func(c *Case, _ []Case) {
			c.Case.Children[0].Attests.Attests[0].ChildCode = "999999-999"
		}, "", "children[0].attests…"},
		{"other house rules", func(c *Case, _ []Case) { c.Case.Rules.HotMeal = invoice.Flat("3.50") }, CodeNotShared, "rules.hot_meal[0].amount"},
		{"house rules of another name", func(c *Case, _ []Case) { c.Case.Rules.Name = "Kinderopvang Elders" }, CodeNotShared, "rules.name"},
		{"another month", func(c *Case, _ []Case) { c.Case.Month = c.Case.Month.Add(1) }, CodeNotShared, "month"},
		{"another calendar", func(c *Case, _ []Case) {
			c.Case.Calendar.Closures = []plan.Closure{{Period: plan.Period{Start: plan.MustParseDate("2025-03-14"), End: plan.MustParseDate("2025-03-14")}, Reason: "studiedag"}}
		}, CodeNotShared, "calendar.closures"},
		{"amounts of its own", func(c *Case, _ []Case) {
			c.Case.Amounts = tariff.AmountTable{{Year: 2026, Kind: tariff.Maximum, Value: tariff.MustTariff("36.50"), Source: "test"}}
		}, CodeNotShared, "amounts"},
		{"an invoice number of an earlier case", func(c *Case, good []Case) { c.Case.Number = good[0].Case.Number }, CodeDuplicate, "number"},
		// A file that does not decode: the decoder's problems (any code).
		{"a file that does not decode", func(c *Case, _ []Case) { *c = ReadCase(c.Source, []byte(`{"month": "2025-03",`)) }, "", ""},
		{"a misspelt field", func(c *Case, _ []Case) { *c = ReadCase(c.Source, []byte(`{"mont": "2025-03"}`)) }, "", "…"},
		{"a field of the wrong type", func(c *Case, _ []Case) { *c = ReadCase(c.Source, []byte(`{"number": 42}`)) }, "", "number"},
		{"a stray brace after the case", func(c *Case, _ []Case) { *c = ReadCase(c.Source, []byte(`{"number": "1"}}`)) }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := inputs(SampleCases(9))
			const bad = 4
			tt.spoil(&in[bad], in)
			res := Run(SampleOrganiser(), in, Options{Workers: 3})
			checkAddsUp(t, in, res)
			for i, f := range res.Families {
				if i != bad && !f.Billed {
					t.Errorf("families[%d] not billed: %v", i, f.Problems)
				}
			}
			f := res.Families[bad]
			if f.Billed || len(f.Problems) == 0 {
				t.Fatalf("the bad family is billed")
			}
			p := f.Problems[0]
			if tt.code != "" && !f.Problems.Has(tt.code) {
				t.Errorf("problems %v lack code %s", f.Problems, tt.code)
			}
			if prefix, ok := strings.CutSuffix(tt.field, "…"); ok {
				if !strings.HasPrefix(p.Field, prefix) {
					t.Errorf("field %q, want %s…: %v", p.Field, prefix, p)
				}
			} else if p.Field != tt.field {
				t.Errorf("field %q, want %q: %v", p.Field, tt.field, p)
			}
			if s := res.Summary; s.Billed != len(in)-1 || s.NotBilled != 1 || s.OK() {
				t.Errorf("summary: %d billed, %d not, ok %v", s.Billed, s.NotBilled, s.OK())
			}
			if txt := res.Summary.Text(); !strings.Contains(txt, "Not billed:") || !strings.Contains(txt, in[bad].Source) {
				t.Errorf("the text does not name the family not billed:\n%s", txt)
			}
			if unread := len(in[bad].Problems) > 0; f.Unread != unread || unread && f.Number != "" {
				t.Errorf("unread %v, number %q, for a case with %d problems before billing", f.Unread, f.Number, len(in[bad].Problems))
			}
		})
	}
}

// A case with other house rules is refused with the first JSON path that
// differs and both values, never billed with the wrong rules.
func TestOtherHouseRulesRefused(t *testing.T) {
	in := inputs(SampleCases(3))
	in[1].Case.Rules.PaymentTermMonths = 2
	res := Run(SampleOrganiser(), in, Options{})
	want := plan.Problems{{Code: CodeNotShared, Field: "rules.payment_term_months",
		Message: "house rules of the case: rules.payment_term_months differs from the organiser's (case 2, organiser 1); a family is billed only with its organiser's month, calendar, house rules and amounts",
		Rule:    plan.Rule{ID: "monthend.shared", Source: srcSeed004Invoice}}}
	if diff := cmp.Diff(want, res.Families[1].Problems); diff != "" {
		t.Fatalf("problems (-want +got):\n%s", diff)
	}
	if !errors.Is(res.Families[1].Problems, CodeNotShared) {
		t.Error("errors.Is(problems, CodeNotShared) is false")
	}
}

// Results come in the input's order whatever the number of workers, and
// are the same.
func TestInputOrder(t *testing.T) {
	in := inputs(SampleCases(40))
	in[7].Case.Family.ID = ""
	in[23].Case.Rules.Name = "other"
	want := Run(SampleOrganiser(), in, Options{Workers: 1})
	checkAddsUp(t, in, want)
	wantJSON, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{0, 2, 3, 8, 64, runtime.GOMAXPROCS(0)} {
		got := Run(SampleOrganiser(), in, Options{Workers: workers})
		// The same output, byte for byte (the XML too); cmp shows where not.
		gotJSON, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		same := bytes.Equal(wantJSON, gotJSON) && len(want.Reports) == len(got.Reports)
		for i := 0; same && i < len(want.Reports); i++ {
			same = bytes.Equal(want.Reports[i].XML, got.Reports[i].XML)
		}
		if !same {
			t.Fatalf("workers=%d differs from one worker (-1 +%d):\n%s", workers, workers, cmp.Diff(want, got, cmpopts.EquateEmpty()))
		}
	}
}

// Progress is told once per family, counting up, never at once.
func TestProgress(t *testing.T) {
	in := inputs(SampleCases(25))
	var seen []int
	Run(SampleOrganiser(), in, Options{Workers: 4, Progress: func(done, total int) {
		if total != len(in) {
			t.Errorf("total %d", total)
		}
		seen = append(seen, done) // calls never overlap: no lock needed
	}})
	for i, d := range seen {
		if d != i+1 {
			t.Fatalf("progress %v", seen)
		}
	}
	if len(seen) != len(in) {
		t.Fatalf("%d progress calls for %d families", len(seen), len(in))
	}
}

// Without a shared part, the one most cases have is the organiser's (the
// first of the most common); the others are refused.
func TestSharedFromMostCases(t *testing.T) {
	in := inputs(SampleCases(5))
	in[0].Case.Rules.Name = "Minority"
	in[3].Case.Rules.Name = "Minority"
	org := SampleOrganiser()
	org.Shared = nil
	res := Run(org, in, Options{})
	checkAddsUp(t, in, res)
	if res.Summary.Organiser != invoice.Seed004HouseRules().Name || res.Summary.Billed != 3 {
		t.Fatalf("organiser %q, %d billed", res.Summary.Organiser, res.Summary.Billed)
	}
	if want := "cases: 3 of 5 agree (cases[1] and those equal to it)"; res.Summary.SharedFrom != want {
		t.Errorf("shared from %q, want %q", res.Summary.SharedFrom, want)
	}
	for _, i := range []int{0, 3} {
		if f := res.Families[i]; f.Billed || f.Problems[0].Field != "rules.name" {
			t.Errorf("families[%d]: %v", i, f.Problems)
		}
	}
	// A tie goes to the first.
	in = in[:2]
	res = Run(org, in, Options{})
	if res.Summary.Organiser != "Minority" || !res.Families[0].Billed || res.Families[1].Billed {
		t.Errorf("a tie: organiser %q", res.Summary.Organiser)
	}
	// No usable case: nothing billed, and no organiser problem made up.
	bad := []Case{ReadCase("a.json", []byte("{")), ReadCase("b.json", []byte("[]"))}
	res = Run(org, bad, Options{})
	checkAddsUp(t, bad, res)
	if len(res.Summary.Problems) != 0 || res.Summary.NotBilled != 2 {
		t.Errorf("undecodable cases only: %v", res.Summary.Problems)
	}
}

// Invalid shared house rules: no family is billed, the summary holds the
// rules' problems under "shared.", each family a CodeOrganiser problem.
func TestOrganiserInvalid(t *testing.T) {
	in := inputs(SampleCases(4))
	org := SampleOrganiser()
	org.Shared.Rules.PaymentTermMonths = 0
	for i := range in {
		in[i].Case.Rules.PaymentTermMonths = 0
	}
	res := Run(org, in, Options{})
	checkAddsUp(t, in, res)
	if len(res.Summary.Problems) == 0 || res.Summary.Problems[0].Field != "shared.rules.payment_term_months" {
		t.Fatalf("summary problems %v", res.Summary.Problems)
	}
	for i, f := range res.Families {
		if f.Billed || !f.Problems.Has(CodeOrganiser) {
			t.Errorf("families[%d]: %v", i, f.Problems)
		}
	}
	if res.Summary.OK() || !strings.Contains(res.Summary.Text(), "no family billed") {
		t.Errorf("the text:\n%s", res.Summary.Text())
	}
}

// Run does not change its input.
func TestRunLeavesInput(t *testing.T) {
	in := inputs(SampleCases(12))
	again := inputs(SampleCases(12))
	Run(SampleOrganiser(), in, Options{Workers: 3})
	if diff := cmp.Diff(again, in, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("the input changed:\n%s", diff)
	}
}

// The sample is what it says: n families, distinct numbers and codes,
// three locations, a second child every sixth family; all billable.
func TestSampleCases(t *testing.T) {
	cases := SampleCases(60)
	if len(cases) != 60 || SampleCases(0) != nil {
		t.Fatalf("%d cases", len(cases))
	}
	numbers, codes, locs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	two := 0
	for _, c := range cases {
		numbers[c.Number] = true
		for _, ch := range c.Children {
			codes[ch.Child.Code] = true
			locs[ch.Location.ID] = true
		}
		if len(c.Children) == 2 {
			two++
		}
	}
	if len(numbers) != 60 || len(codes) != 70 || len(locs) != 3 || two != 10 {
		t.Errorf("%d numbers, %d codes, %d locations, %d families of two", len(numbers), len(codes), len(locs), two)
	}
	if diff := cmp.Diff(SampleCases(60), cases, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("not deterministic:\n%s", diff)
	}
}

func TestJSONDiff(t *testing.T) {
	tests := []struct {
		a, b, path, av, bv string
	}{
		{`{"a":1,"b":{"c":[1,2]}}`, `{"a":1,"b":{"c":[1,3]}}`, "r.b.c[1]", "2", "3"},
		{`{"a":1}`, `{"a":1,"b":2}`, "r.b", "absent", "2"},
		{`[1]`, `[1,2]`, "r[1]", "absent", "2"},
		{`{"a":"1.0"}`, `{"a":1.0}`, "r.a", `"1.0"`, "1.0"},
		{`1.0`, `1.00`, "r", "1.0", "1.00"},
		{`{"a":null}`, `{"a":false}`, "r.a", "null", "false"},
		{`{"x":"` + strings.Repeat("é", 40) + `"}`, `{"x":""}`, "r.x", `"` + strings.Repeat("é", 29) + "…", `""`},
		{`not json`, `{}`, "r", "not json", "{}"},
	}
	for _, tt := range tests {
		path, av, bv := jsonDiff([]byte(tt.a), []byte(tt.b), "r")
		if path != tt.path || av != tt.av || bv != tt.bv {
			t.Errorf("jsonDiff(%s, %s) = %q %q %q, want %q %q %q", tt.a, tt.b, path, av, bv, tt.path, tt.av, tt.bv)
		}
	}
}

func TestReadCase(t *testing.T) {
	c := SampleCases(1)[0]
	b, err := jsonMarshal(c)
	if err != nil {
		t.Fatal(err)
	}
	got := ReadCase("x.json", b)
	if len(got.Problems) != 0 || got.Source != "x.json" {
		t.Fatalf("%v", got.Problems)
	}
	if diff := cmp.Diff(c, got.Case, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("round trip:\n%s", diff)
	}
	for _, bad := range []string{"", "{", "[]", `{"month": "2025-13"}`, string(b) + "]", string(b) + "}", string(b) + " {}"} {
		got := ReadCase("y.json", []byte(bad))
		if len(got.Problems) == 0 || got.Source != "y.json" || !cmp.Equal(got.Case, invoice.Case{}, cmpopts.EquateEmpty()) {
			t.Errorf("ReadCase(%.20q): %v", bad, got.Problems)
		}
	}
	// A decoder's error that holds no problem becomes one.
	if got := ReadCase("z.json", []byte(`{"number": "1"}]`)); len(got.Problems) != 1 || got.Problems[0].Field != "" {
		t.Errorf("a stray bracket: %v", got.Problems)
	}
}
