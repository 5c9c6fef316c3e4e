package monthend

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// PaidChild is a child whose certificates the year end makes.
type PaidChild struct {
	// Code is the child code on the invoices' lines.
	Code string `json:"code"`
	// Name is the child's name on the certificate.
	Name string `json:"name"`
	// Birth is the birth date: care counts until the 14th birthday (21st
	// with a severe disability).
	Birth plan.Date `json:"birth"`
	// SevereDisability marks a child with a severe disability.
	SevereDisability bool `json:"severe_disability,omitempty"`
}

// Paid is what the year end needs: the children and the invoices paid,
// with the day each was paid, and optionally the caps of the tax reduction
// per day of care (extending invoice.TaxCaps() by year). It is the format of the -paid
// file of examples/monthend:
//
//	{"children": [{"code": "K-118", "name": "Noor Peeters", "birth": "2023-06-12"}],
//	 "paid": [{"invoice": {…an invoice as JSON…}, "paid_on": "2025-04-20",
//	           "credits": [{…a credit note on it, as JSON…}]}],
//	 "caps": [{"year": 2026, "per_day": "17.40", "confirmed": true, "source": "…"}]}
type Paid struct {
	// Children are the children to certify.
	Children []PaidChild `json:"children"`
	// Paid are the invoices paid, each with its payment date and its
	// credit notes (care credited is not certified); only those paid in the
	// year count.
	Paid []invoice.PaidInvoice `json:"paid"`
	// Caps are the caps per day of care of the tax reduction; they extend
	// or replace invoice.TaxCaps() by year.
	Caps []invoice.TaxCap `json:"caps,omitempty"`
}

// DecodePaid reads a Paid from JSON as strictly as invoice.DecodeCase
// reads a case (invoice.DecodeJSON): unknown fields, trailing data and
// values of the wrong format are problems at their path, with line and
// column, every one at once.
func DecodePaid(data []byte) (Paid, error) {
	var p Paid
	if err := invoice.DecodeJSON(data, &p); err != nil {
		return Paid{}, err
	}
	return p, nil
}

// ChildCertificates are one child's fiscal certificates (281.86) of a
// year, or the problems that kept them from being made.
type ChildCertificates struct {
	// Code and Name are the child's, as the paid data give them.
	Code string `json:"code"`
	Name string `json:"name"`
	// Certificates are the child's certificates of the year, none when no
	// care was paid that year (or when there are problems).
	Certificates []invoice.Certificate `json:"certificates"`
	// Problems are why the certificates could not be made, at paths of
	// the paid data ("children[3].birth").
	Problems plan.Problems `json:"problems,omitempty"`
}

// Household is the federal tax reduction of one family (the family of the
// paid invoices) for the year, from its children's certificates.
type Household struct {
	// Family is the family of the paid invoices.
	Family invoice.Family `json:"family"`
	// Children are the codes of its children with certificates.
	Children []string `json:"children"`
	// Reduction is the tax reduction (zero when there are problems).
	Reduction invoice.Reduction `json:"reduction,omitzero"`
	// Problems are why the reduction could not be computed.
	Problems plan.Problems `json:"problems,omitempty"`
}

// YearEndResult is a year end: each child's certificates, each household's
// tax reduction, and the problems of the paid data as a whole.
type YearEndResult struct {
	// Year is the year of payment the certificates are for.
	Year int `json:"year"`
	// Children are the certificates of each child of the paid data, in
	// its order; Households the reduction of each family, in order of its
	// first paid invoice.
	Children   []ChildCertificates `json:"children"`
	Households []Household         `json:"households"`
	// Problems are those of the paid data: children listed twice or
	// without a code, invoices paid twice, paid care of a child not listed.
	Problems plan.Problems `json:"problems,omitempty"`
	// Rule names where the year end comes from.
	Rule plan.Rule `json:"rule"`
}

// OK reports whether the year end has no problem.
func (r YearEndResult) OK() bool {
	if len(r.Problems) > 0 {
		return false
	}
	for _, c := range r.Children {
		if len(c.Problems) > 0 {
			return false
		}
	}
	for _, h := range r.Households {
		if len(h.Problems) > 0 {
			return false
		}
	}
	return true
}

// YearEnd makes the fiscal certificates of year (invoice.Certificates: care
// itself, paid in the year, before the 14th birthday or the 21st with a
// severe disability, at most 4 periods a certificate) of every child of p,
// in p's order, and the tax reduction of each household (invoice.TaxReduction:
// 45 % of the certified amounts within the year's cap per day of care), by
// the family of the invoices, in order of first appearance. A child whose
// certificates cannot be made has its problems and never stops the others;
// so does a household. A child whose invoices are of more than one family
// gets its certificates, but no household's reduction counts it (a problem
// of each of those households: whose tax it reduces the invoices do not
// say). Paid care of a child p does not list, an invoice paid twice
// (the same number: its days would count twice, so the later payment is
// left out) and a child listed twice or without a code are problems of the
// result; a day of care billed by two payments, of this year or of another
// year p holds, is a problem of the child's (it is certified once). YearEnd is pure and safe for concurrent use.
func YearEnd(year int, p Paid) YearEndResult {
	res := YearEndResult{Year: year, Children: make([]ChildCertificates, 0, len(p.Children)),
		Rule: plan.Rule{ID: "monthend.year_end", Source: srcFiscal + "; " + srcTaxReduction}}
	// The payments of the year, each invoice once.
	var paid []invoice.PaidInvoice
	var at []int // the index in p.Paid of each payment kept
	// The payments of other years, read for the days they certified.
	var before []invoice.PaidInvoice
	var beforeAt []int
	numbers := map[string]int{}
	for j, pi := range p.Paid {
		if pi.PaidOn.IsZero() {
			res.Problems = append(res.Problems, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("paid[%d].paid_on", j),
				Message: fmt.Sprintf("invoice %s has no payment date", pi.Invoice.Number)})
			continue
		}
		if pi.PaidOn.Year() != year {
			before, beforeAt = append(before, pi), append(beforeAt, j)
			continue
		}
		if k, dup := numbers[pi.Invoice.Number]; dup && pi.Invoice.Number != "" {
			res.Problems = append(res.Problems, plan.Problem{Code: CodeDuplicate, Field: fmt.Sprintf("paid[%d].invoice.number", j),
				Message: fmt.Sprintf("invoice %s is also paid[%d]: each invoice counts once; this payment is left out", pi.Invoice.Number, k),
				Rule:    plan.Rule{ID: "monthend.paid_once", Source: srcFiscal}})
			continue
		}
		numbers[pi.Invoice.Number] = j
		paid = append(paid, pi)
		at = append(at, j)
	}

	// The payments with care of each child: Certificates then reads only
	// those (it keeps the child's lines alone anyway).
	// Those of other years go with them: a day one of them certified is not
	// certified again (invoice.Certificates).
	of := map[string][]invoice.PaidInvoice{}
	ofAt := map[string][]int{} // the index in p.Paid of each of them
	for _, list := range []struct {
		paid []invoice.PaidInvoice
		at   []int
	}{{paid, at}, {before, beforeAt}} {
		for n, pi := range list.paid {
			for k, l := range pi.Invoice.Lines {
				if l.Deductible && !slices.ContainsFunc(pi.Invoice.Lines[:k], func(m invoice.Line) bool { return m.Deductible && m.Child == l.Child }) {
					of[l.Child] = append(of[l.Child], pi)
					ofAt[l.Child] = append(ofAt[l.Child], list.at[n])
				}
			}
		}
	}

	listed := map[string]int{}
	for i, c := range p.Children {
		f := fmt.Sprintf("children[%d]", i)
		cc := ChildCertificates{Code: c.Code, Name: c.Name}
		switch j, dup := listed[c.Code]; {
		case c.Code == "":
			cc.Problems = plan.Problems{{Code: plan.CodeMissing, Field: f + ".code", Message: "a child needs its code, as on the invoices"}}
		case dup:
			cc.Problems = plan.Problems{{Code: CodeDuplicate, Field: f + ".code", Message: fmt.Sprintf("child %s is also children[%d]: one entry per child", c.Code, j)}}
		default:
			listed[c.Code] = i
			certs, err := invoice.Certificates(year, tariff.Child{Code: c.Code, Birth: c.Birth, SevereDisability: c.SevereDisability}, c.Name, of[c.Code])
			if err != nil {
				var ps plan.Problems
				for _, q := range problemsOf(err) {
					// A problem of the paid invoices is at its place in the
					// paid file; the paid file's child has no "child" level.
					if k, rest, ok := indexed(q.Field, "paid"); ok && k < len(ofAt[c.Code]) {
						q.Field = fmt.Sprintf("paid[%d]%s", ofAt[c.Code][k], rest)
						cc.Problems = append(cc.Problems, q)
						continue
					}
					q.Field = strings.TrimPrefix(q.Field, "child.")
					ps = append(ps, q)
				}
				cc.Problems = append(cc.Problems, prefixed(f, ps)...)
			} else {
				cc.Certificates = certs
			}
		}
		res.Children = append(res.Children, cc)
	}

	// The caps are the paid file's: checked once, for every household.
	capsOK := true
	if err := invoice.ValidateTaxCaps(p.Caps); err != nil {
		capsOK = false
		res.Problems = append(res.Problems, problemsOf(err)...)
	}

	// The families of each child, from the deductible lines of the year,
	// and paid care of children not listed.
	type household struct {
		family invoice.Family
		kids   []string
	}
	var homes []household
	home := map[string]int{}            // family id → index in homes
	familiesOf := map[string][]string{} // child → family ids
	unknown := map[string]bool{}
	for n, pi := range paid {
		j := at[n]
		for k, l := range pi.Invoice.Lines {
			if !l.Deductible {
				continue
			}
			if _, ok := listed[l.Child]; !ok {
				if !unknown[l.Child] {
					unknown[l.Child] = true
					res.Problems = append(res.Problems, plan.Problem{Code: CodeUnknownChild, Field: fmt.Sprintf("paid[%d].invoice.lines[%d].child", j, k),
						Message: fmt.Sprintf("invoice %s bills care of child %q, who is not among the children: add the child (code, name, birth) to get its certificate", pi.Invoice.Number, l.Child),
						Rule:    plan.Rule{ID: "monthend.certificate_child", Source: srcFiscal}})
				}
				continue
			}
			id := pi.Invoice.Family.ID
			if !slices.Contains(familiesOf[l.Child], id) {
				familiesOf[l.Child] = append(familiesOf[l.Child], id)
			}
			h, ok := home[id]
			if !ok {
				h = len(homes)
				home[id] = h
				homes = append(homes, household{family: pi.Invoice.Family})
			}
			if !slices.Contains(homes[h].kids, l.Child) {
				homes[h].kids = append(homes[h].kids, l.Child)
			}
		}
	}
	for _, h := range homes {
		hh := Household{Family: h.family, Children: h.kids}
		var certs []invoice.Certificate
		for _, code := range h.kids {
			c := res.Children[listed[code]]
			switch {
			case len(familiesOf[code]) > 1:
				hh.Problems = append(hh.Problems, plan.Problem{Code: plan.CodeInvalidValue, Field: "children",
					Message: fmt.Sprintf("child %s's care was invoiced to families %s: its certificates count in no household's reduction (the invoices do not say whose tax they reduce)", code, strings.Join(familiesOf[code], ", ")),
					Rule:    plan.Rule{ID: "monthend.household", Source: srcTaxReduction}})
			case len(c.Problems) > 0:
				hh.Problems = append(hh.Problems, plan.Problem{Code: plan.CodeInvalidValue, Field: "children",
					Message: fmt.Sprintf("child %s has no certificates (see its problems), so the reduction cannot count it", code)})
			default:
				certs = append(certs, c.Certificates...)
			}
		}
		if len(hh.Problems) == 0 && len(certs) > 0 && !capsOK {
			hh.Problems = plan.Problems{{Code: plan.CodeInvalidValue, Field: "caps",
				Message: "the paid file's caps per day of care are not valid (see the result's problems): no reduction is computed"}}
		}
		if len(hh.Problems) == 0 && len(certs) > 0 {
			red, err := invoice.TaxReduction(certs, p.Caps)
			if err != nil {
				hh.Problems = problemsOf(err)
			} else {
				hh.Reduction = red
			}
		}
		res.Households = append(res.Households, hh)
	}
	return res
}

// CertificatesCSV writes certificates as a CSV file an accountant opens
// in a spreadsheet with Belgian settings: UTF-8 with a byte order mark (so
// Excel reads "é" right), fields separated by semicolons and amounts with a
// decimal comma (Excel's defaults in nl-BE and fr-BE, where the comma is
// the decimal mark), dates as DD/MM/YYYY, CRLF line ends. The header row
// is in Dutch: kindcode, naam, jaar, attest (the certificate's number for
// the child, 1 and up: a certificate holds at most 4 periods), begin,
// einde, dagen, dagprijs (what a day of care cost), dagtarief (the income
// tariff behind it), bedrag; then one row per certificate period, in the
// children's order. A code or name that a spreadsheet would read as a
// formula (starting with =, +, -, @) is written after an apostrophe.
func CertificatesCSV(children []ChildCertificates) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.UseCRLF = true
	// Writing to a bytes.Buffer never fails.
	_ = w.Write([]string{"kindcode", "naam", "jaar", "attest", "begin", "einde", "dagen", "dagprijs", "dagtarief", "bedrag"})
	for _, c := range children {
		for k, cert := range c.Certificates {
			for _, p := range cert.Periods {
				_ = w.Write([]string{text(cert.Child), text(cert.Name), strconv.Itoa(cert.Year), strconv.Itoa(k + 1),
					csvDate(p.Period.Start), csvDate(p.Period.End), strconv.Itoa(p.Days),
					decimalComma(p.DailyRate.String()), decimalComma(p.DailyTariff), decimalComma(p.Amount.String())})
			}
		}
	}
	w.Flush()
	return b.Bytes()
}

// text guards a cell against being read as a formula.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func csvDate(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), int(d.Month()), d.Year())
}

// decimalComma writes a decimal with a comma: "24.10" is "24,10".
func decimalComma(s string) string { return strings.Replace(s, ".", ",", 1) }
