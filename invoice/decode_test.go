package invoice

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"pgregory.net/rapid"
)

type problem struct {
	Code    plan.Code
	Field   string
	Message string
}

func problemsOf(err error) []problem {
	var out []problem
	for _, p := range plan.AsProblems(err) {
		out = append(out, problem{p.Code, p.Field, p.Message})
	}
	return out
}

// The external format is decoded strictly, every problem at once with its
// path and position: a misspelt field ("cnt") no longer drops a count, a
// kind outside LineKind ("carre") is refused, a float never becomes money.
func TestDecodeExternal(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []problem
	}{
		{"the issue's wrapper", `{"invoice":{"total":"1.00"}}`, []problem{
			{CodeUnknownField, "invoice", `line 1, column 2: unknown field "invoice" in invoice.External; its fields are number, family, month, due_date, lines, total`}}},
		{"every problem at once", `{
  "number": "2025-03-0042",
  "lines": [
    {"child": "K-118", "kind": "carre", "band": "full", "group": "baby_toddler", "count": "13", "unit_price": "24.10", "amount": "313.30"},
    {"child": "K-118", "kind": "waste_full", "cnt": "13", "unit_price": "0.13", "amount": 1.69},
    {"kind": "admin", "band": "whole", "group": "toddler", "count": 1, "unit_price": "3.5", "amount": "3.50"}
  ],
  "total": "318.49"
}`, []problem{
			{plan.CodeInvalidValue, "lines[0].kind", `line 4, column 32: "carre" is not a value of invoice.LineKind; the values are "care", "unjustified", "late_notice", "notice_fee", "late_pickup", "waste_full", "waste_part", "hot_meal", "admin", "transport", "reserved_absent" or "late_cancel"`},
			{CodeUnknownField, "lines[1].cnt", `line 5, column 46: unknown field "cnt" in invoice.ExternalLine (did you mean "count"?); its fields are child, kind, band, group, basis, pricing, count, unit_price, amount`},
			{CodeWrongType, "lines[1].amount", `line 5, column 91: a string (amount) is expected here, not a number`},
			{plan.CodeMissing, "lines[1].count", `line 5, column 5: invoice.ExternalLine needs field "count"`},
			{plan.CodeInvalidValue, "lines[2].band", `line 6, column 31: "whole" is not a value of tariff.Band; the values are "none", "third", "half", "full" or "flex"`},
			{plan.CodeInvalidValue, "lines[2].group", `line 6, column 49: "toddler" is not a value of tariff.AgeGroup; the values are "baby_toddler" or "school_age"`},
			{CodeWrongType, "lines[2].count", `line 6, column 69: a string (decimal) is expected here, not a number`}}},
		{"amounts are decimal strings", `{"total":"1e3","lines":[{"kind":"admin","count":"1.","unit_price":"3,50","amount":"-0.00001"}]}`, []problem{
			{tariff.CodeInvalidMoney, "total", `line 1, column 10: "1e3" is not an amount in euro, a decimal string with at most 13 digits and 4 decimals, "24.10" (a JSON number is refused)`},
			{plan.CodeInvalidValue, "lines[0].count", `line 1, column 49: "1." is not a decimal string with a point, "8" or "10.7" (no exponent; a JSON number is refused)`},
			{tariff.CodeInvalidMoney, "lines[0].unit_price", `line 1, column 67: "3,50" is not an amount in euro, a decimal string with at most 13 digits and 4 decimals, "24.10" (a JSON number is refused)`},
			{tariff.CodeInvalidMoney, "lines[0].amount", `line 1, column 83: "-0.00001" is not an amount in euro, a decimal string with at most 13 digits and 4 decimals, "24.10" (a JSON number is refused)`}}},
		{"header values", `{"month":"2025-13","due_date":"2025-02-30","family":7}`, []problem{
			{plan.CodeInvalidMonth, "month", `line 1, column 10: "2025-13" is not a month "YYYY-MM" ("" for no month)`},
			{plan.CodeInvalidDate, "due_date", `line 1, column 31: date "2025-02-30": day 30 does not exist in 2025-02`},
			{CodeWrongType, "family", `line 1, column 53: a string is expected here, not a number`}}},
		{"truncated", `{"lines":[{"kind":"care"`, []problem{
			{CodeInvalidJSON, "lines[0]", `line 1, column 25: invalid JSON: unexpected end of input, expected ',' or '}' after an object field`}}},
		{"two invoices", `{} {}`, []problem{{CodeInvalidJSON, "", `line 1, column 4: invalid JSON: data after the JSON value, starting with '{'`}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := DecodeExternal(strings.NewReader(tc.in))
			if diff := cmp.Diff(tc.want, problemsOf(err)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if err != nil && !cmp.Equal(x, External{}) {
				t.Errorf("a failed decoding returns the zero External: %+v", x)
			}
		})
	}
	x, err := DecodeExternalBytes([]byte(`{"number":"N","lines":[{"kind":"admin","count":"1","unit_price":"3.50","amount":"3.50"}],"total":"3.50"}`))
	if err != nil || x.Number != "N" || len(x.Lines) != 1 || *x.Total != tariff.MustMoney("3.50") {
		t.Errorf("%+v %v", x, err)
	}
	if _, err := DecodeExternal(errReader{}); !errors.Is(err, CodeInvalidJSON) {
		t.Errorf("a read error: %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// Every decode problem of a case is a plan.Problem with its JSON path and
// position, all at once, without a doubled prefix.
func TestDecodeCaseProblems(t *testing.T) {
	in := `{
  "month": "2025-03",
  "number": "2025-03-0042",
  "invoice_date": "2025-04-03",
  "family": {"id": "F-1042", "name": "Peeters", "adress": "Naamsesteenweg 12"},
  "children": [{
    "name": "Noor",
    "child": {"code": "K-118", "birth": "2023-06-12"},
    "plans": [{"kind": "regular", "start": "2025-02-30", "schedule": {"weeks": [{"monday": [{"start": "7:45", "end": "17:15"}]}]}}],
    "attests": {"attests": [{"child_code": "K-118", "kind": "regular", "daily": "abc", "valid": {"start": "2025-01-01", "end": "2025-12-31"}}], "grace_days": 25.5},
    "sessions": [{"in": "2025-03-03T07:45:00", "out": "2025-03-03T17:00:00+01:00"}],
    "ledger": {"year": 2025, "entitlement": 10, "used": "1"}
  }]
}`
	_, err := DecodeCase(strings.NewReader(in))
	want := []problem{
		{CodeUnknownField, "family.adress", `line 5, column 49: unknown field "adress" in invoice.Family (did you mean "address"?); its fields are id, name, address, social`},
		{plan.CodeInvalidDate, "children[0].plans[0].start", `line 9, column 44: date "2025-02-30": day 30 does not exist in 2025-02`},
		{plan.CodeInvalidClock, "children[0].plans[0].schedule.weeks[0].monday[0].start", `line 9, column 103: "7:45" is not a clock time "HH:MM", 00:00 to 24:00`},
		{tariff.CodeInvalidTariff, "children[0].attests.attests[0].daily", `line 10, column 81: "abc" is not a daily tariff in euro, at most 4 digits and 2 decimals, "24.10" ("" for none)`},
		{CodeWrongType, "children[0].attests.grace_days", `line 10, column 159: an integer is expected here, not 25.5`},
		{plan.CodeInvalidValue, "children[0].sessions[0].in", `line 11, column 25: "2025-03-03T07:45:00" is not an instant in RFC 3339 with its offset, "2025-05-26T17:52:00+02:00"`},
		{CodeWrongType, "children[0].ledger.entitlement", `line 12, column 45: a string (decimal) is expected here, not a number`},
	}
	if diff := cmp.Diff(want, problemsOf(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if strings.Contains(err.Error(), "invoice: ") || strings.Contains(err.Error(), "plan: ") {
		t.Errorf("no package prefixes in problems: %v", err)
	}
	for _, code := range []plan.Code{CodeUnknownField, plan.CodeInvalidDate, tariff.CodeInvalidTariff} {
		if !errors.Is(err, code) {
			t.Errorf("errors.Is(err, %s)", code)
		}
	}
	// Truncated: the syntax error, where the input ends.
	_, err = DecodeCaseBytes([]byte(in[:200]))
	if diff := cmp.Diff([]problem{
		{CodeUnknownField, "family.adress", `line 5, column 49: unknown field "adress" in invoice.Family (did you mean "address"?); its fields are id, name, address, social`},
		{CodeInvalidJSON, "children[0]", `line 7, column 20: invalid JSON: unexpected end of input, expected a field name in quotes`},
	}, problemsOf(err)); diff != "" {
		t.Errorf("truncated (-want +got):\n%s", diff)
	}
}

// Cases come back from their JSON through the strict decoder exactly, and
// the sample case file decodes.
func TestDecodeCaseRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genCase(t)
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeCaseBytes(b)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
	})
}

// The format matchers accept exactly what the published patterns match.
func TestFormatMatchers(t *testing.T) {
	for _, typ := range leafTypes() {
		f, _ := leafFormat(typ)
		re := regexp.MustCompile(f.Pattern)
		samples := []string{"", "0", "-", "2025-03-01", "2025-3-1", "2025-13-01", "2025-00-10", "2025-12-31", "2025-12-32", "9999-01-00",
			"2025-03", "2025-00", "2025-12", "07:30", "24:00", "24:01", "23:60", "7:30", "00:00",
			"2025-05-26T17:52:00+02:00", "2025-05-26T17:52:00Z", "2025-05-26T17:52:00.123456789Z", "2025-05-26T17:52:00.1234567891Z",
			"2025-05-26T17:52:00", "2025-05-26t17:52:00z", "2025-05-26T17:52:00+24:00", "2025-05-26T17:52:00.Z", "2025-05-26T24:00:00Z",
			"24.10", "-3.50", "3.5", "0.4269", "0.42691", "1e3", "+1", "1.", ".5", "12345678901234", "1234567890123", "12345", "1234.5", "1234.567",
			"-0", "00012.3400", "123456789012345678901", "12345678901234567890.12345678901234567890", "1,5", " 1", "1 "}
		for _, s := range samples {
			if got, want := f.Match([]byte(s)), re.MatchString(s); got != want {
				t.Errorf("%s %q: matcher %v, pattern %v", typ, s, got, want)
			}
		}
		rapid.Check(t, func(rt *rapid.T) {
			s := rapid.StringOf(rapid.RuneFrom([]rune("0123456789-.:TZ+ ez"))).Draw(rt, "s")
			if got, want := f.Match([]byte(s)), re.MatchString(s); got != want {
				rt.Fatalf("%s %q: matcher %v, pattern %v", typ, s, got, want)
			}
		})
	}
}
