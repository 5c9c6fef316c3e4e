package invoice

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// checkProblems fails t unless err is nil or problems that each carry a
// code and a position, and unless input that is not JSON is reported as
// such.
func checkProblems(t *testing.T, data []byte, err error) {
	t.Helper()
	ps := plan.AsProblems(err)
	if err != nil && len(ps) == 0 {
		t.Fatalf("an error that is not problems: %v", err)
	}
	for _, p := range ps {
		if p.Code == "" || !strings.HasPrefix(p.Message, "line ") {
			t.Fatalf("a problem without code or position: %+v", p)
		}
	}
	if !json.Valid(data) && !ps.Has(CodeInvalidJSON) {
		t.Fatalf("%q is not JSON, but: %v", data, err)
	}
}

// DecodeExternal never panics, reports problems with their positions, and
// a decoded external invoice comes back from its JSON exactly.
func FuzzDecodeExternal(f *testing.F) {
	for _, s := range []string{
		`{"number":"N","family":"F","month":"2025-03","due_date":"2025-05-03","lines":[{"child":"K","kind":"care","band":"full","group":"baby_toddler","basis":"attest","count":"13","unit_price":"24.10","amount":"313.30"}],"total":"313.30"}`,
		`{"lines":[{"kind":"transport","count":"10.7","unit_price":"0.4269","amount":"4.57"},{"kind":"admin","count":"1","unit_price":"-3.5","amount":"-3.50"}],"total":null}`,
		`{"lines":[{"kind":"carre","cnt":1,"amount":1.5}]}`,
		`{"invoice":{"total":"1.00"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := DecodeExternalBytes(data)
		checkProblems(t, data, err)
		if err != nil {
			return
		}
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeExternalBytes(b)
		if err != nil {
			t.Fatalf("%s does not decode: %v", b, err)
		}
		// The same JSON again: the same invoice (cmp only to explain).
		if b2, _ := json.Marshal(back); !bytes.Equal(b, b2) {
			t.Fatalf("round trip: %s then %s\n%s", b, b2, cmp.Diff(x, back, cmpopts.EquateEmpty()))
		}
	})
}

// DecodeCase never panics and reports problems with their positions; a
// decoded case that validates comes back from its JSON exactly.
func FuzzDecodeCase(f *testing.F) {
	for _, s := range []string{
		`{"month":"2025-03","number":"N","invoice_date":"2025-04-03","family":{"id":"F"},"children":[{"child":{"code":"K","birth":"2023-06-12"},` +
			`"plans":[{"kind":"regular","start":"2025-03-01","schedule":{"weeks":[{"monday":[{"start":"07:45","end":"17:15"}]}]}}],` +
			`"attests":{"attests":[{"child_code":"K","kind":"regular","daily":"24.10","valid":{"start":"2025-01-01","end":"2025-12-31"}}],"grace_days":25},` +
			`"sessions":[{"in":"2025-03-03T07:45:00+01:00","out":"2025-03-03T17:00:00+01:00"}],"ledger":{"year":2025,"entitlement":"10","used":"1"}}]}`,
		`{"month":"2025-03","rules":{"hot_meal":[{"from":"2025-01-01","amount":"3.00"}],"bands":{"table":{"shares":[{"band":"full","share":"1"}]}}}}`,
		`{"month":"2025-02-30","children":[{"plans":[{"kind":"weekly"}]}],"nonsense":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCaseBytes(data)
		checkProblems(t, data, err)
		if err != nil || c.Validate() != nil {
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeCaseBytes(b)
		if err != nil {
			t.Fatalf("%s does not decode: %v", b, err)
		}
		if b2, _ := json.Marshal(back); !bytes.Equal(b, b2) {
			t.Fatalf("round trip: %s then %s\n%s", b, b2, cmp.Diff(c, back, cmpopts.EquateEmpty()))
		}
	})
}

// fuzzExternal makes an external invoice of any shape from bytes: each
// five bytes a line (a child, a kind, a band, a count and a unit price
// near one of the computed lines'; at most 8 lines), then a total and a
// header.
func fuzzExternal(inv Invoice, data []byte) External {
	x := ExternalOf(inv)
	x.Lines = nil
	children := []string{"", "K-118", "K-077", "Z"}
	kinds := []LineKind{LineCare, LineUnjustified, LineLateNotice, LineNoticeFee, LineLatePickup, LineWasteFull, LineWastePart, LineHotMeal, LineAdmin, LineTransport}
	bands := []tariff.Band{"", tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex}
	for len(data) >= 5 && len(x.Lines) < 8 {
		b := data[:5]
		data = data[5:]
		ref := Line{}
		if len(inv.Lines) > 0 {
			ref = inv.Lines[int(b[4])%len(inv.Lines)]
		}
		l := ExternalLine{Child: ref.Child, Kind: ref.Kind, Band: tariff.Band(ref.Band), Group: tariff.AgeGroup(ref.Group), Basis: tariff.Basis(ref.Basis),
			Count: ref.Count, UnitPrice: ref.UnitPrice}
		if b[0]&1 != 0 {
			l.Child = children[int(b[0]>>1)%len(children)]
		}
		if b[1]&1 != 0 {
			l.Kind = kinds[int(b[1]>>1)%len(kinds)]
		}
		if b[1]&2 != 0 {
			l.Band = bands[int(b[1]>>2)%len(bands)]
		}
		if b[0]&2 != 0 {
			l.Basis = ""
		}
		l.Count = l.Count.Add(decimal.New(int64(int8(b[2])), -1))
		l.UnitPrice, _ = l.UnitPrice.Add(tariff.Cents(int64(int8(b[3])) / 4))
		l.Amount, _ = l.UnitPrice.Times(l.Count)
		if b[3]&3 == 3 {
			l.Amount, _ = l.Amount.Add(tariff.Cents(int64(int8(b[4]))))
		}
		x.Lines = append(x.Lines, l)
	}
	switch {
	case len(data) == 0:
	case data[0]%3 == 0:
		x.Total = nil
	case data[0]%3 == 1:
		s := sumLines(x)
		x.Total = &s
	default:
		wrong, _ := inv.Total.Add(tariff.Cents(int64(int8(data[0]))))
		x.Total = &wrong
	}
	if len(data) > 1 && data[1]&1 != 0 {
		x.Number = ""
	}
	return x
}

// Verify never panics, on any external invoice and any options; its
// differences are well formed (a kind, a message, a rule, lines within
// range); none means the external invoice has
// the computed total and header.
func FuzzVerify(f *testing.F) {
	var invs []Invoice
	for _, s := range Scenarios() {
		inv, err := Build(s.Case)
		if err != nil {
			f.Fatal(err)
		}
		invs = append(invs, inv)
	}
	f.Add(byte(0), byte(0), []byte{})
	f.Add(byte(4), byte(1), []byte{0, 0, 0, 0, 0, 1, 0, 10, 3, 1, 2, 1})
	f.Add(byte(2), byte(2), []byte(`{"lines":[{"kind":"hot_meal","child":"K-077","count":"3","unit_price":"3.00","amount":"9.00"}],"total":"9.00"}`))
	f.Fuzz(func(t *testing.T, scenario, options byte, data []byte) {
		verifyAnything(t, invs, scenario, options, data)
	})
}

// verifyAnything is FuzzVerify's body.
func verifyAnything(t testing.TB, invs []Invoice, scenario, options byte, data []byte) {
	{
		inv := invs[int(scenario)%len(invs)]
		x, err := DecodeExternalBytes(data)
		if err != nil {
			x = fuzzExternal(inv, data)
		}
		opt := VerifyOptions{Rounding: Rounding(options & 1), Tolerance: tariff.Cents(int64(options >> 1 & 7))}
		ds, err := VerifyWith(inv, x, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if _, err := d.What.MarshalText(); err != nil || d.Message == "" || d.Rule.ID == "" {
				t.Fatalf("a difference without kind, message or rule: %+v", d)
			}
			for _, i := range d.External {
				if i < 0 || i >= len(x.Lines) {
					t.Fatalf("external line %d of %d: %+v", i, len(x.Lines), d)
				}
			}
			for _, i := range d.Computed {
				if i < 0 || i >= len(inv.Lines) {
					t.Fatalf("computed line %d of %d: %+v", i, len(inv.Lines), d)
				}
			}
		}
		if len(ds) == 0 && (x.Total == nil || *x.Total != inv.Total || x.Number != inv.Number || sumLines(x) != inv.Total) {
			t.Fatalf("no difference, but total %v and number %q", x.Total, x.Number)
		}
	}
}
