package monthend

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/plan"
)

// ReportStatus says what became of a location's FO-SU-05 report.
type ReportStatus string

// The statuses of a report.
const (
	// ReportReady: the XML is made and every family with children at the
	// location was billed.
	ReportReady ReportStatus = "ready"
	// ReportIncomplete: the XML is made from the invoices billed, but
	// families with children at the location were not billed
	// (CodeIncomplete): do not send it before they are.
	ReportIncomplete ReportStatus = "incomplete"
	// ReportFailed: the report has problems (fosu05.New's, or a name that
	// cannot be split); no XML.
	ReportFailed ReportStatus = "failed"
	// ReportNoData: children are at the location, but the organiser gave
	// no data for it (name, dossiernummer, …); no XML.
	ReportNoData ReportStatus = "no_data"
	// ReportNoChildren: the organiser gave the location's data, but no case
	// has a child there; no XML (a report needs at least one child).
	ReportNoChildren ReportStatus = "no_children"
)

// LocationSummary is what the summary says of one location's report.
type LocationSummary struct {
	// Location is the tariff.Location.ID of the children.
	Location string `json:"location"`
	// Status is what became of the report; Note says it in a sentence.
	Status ReportStatus `json:"status"`
	Note   string       `json:"note"`
	// Families are the cases billed with children at the location, by
	// index; Unbilled those not billed.
	Families []int `json:"families,omitempty"`
	Unbilled []int `json:"unbilled,omitempty"`
	// Children are the invoice codes of the location's children, in the
	// order of the report (first appearance in the cases).
	Children []string `json:"children,omitempty"`
	// Problems are every problem of the report, at paths of the month
	// end's input: "locations[0].file_number" (the organiser's data),
	// "children[3].first_name" (the organiser's children),
	// "cases[12].children[0].name" (a case), "invoices[12].children[0].care[3]"
	// (the invoice of cases[12]), "shared.calendar…".
	Problems plan.Problems `json:"problems,omitempty"`
}

// Report is one location's FO-SU-05 report.
type Report struct {
	LocationSummary
	// Document is the report (zero unless the status is ready or
	// incomplete) and XML its encoding.
	Document fosu05.Document `json:"document,omitzero"`
	XML      []byte          `json:"-"`
}

// group gathers what one location's report needs.
type group struct {
	id       string
	invoices []invoice.Invoice // the invoices, each with the location's children only
	cases    []int             // the case of each invoice
	kids     [][]int           // per invoice, the invoice child index of each child kept
	codes    []string          // invoice codes, in order of first appearance
	first    map[string][2]int // code → case and case child of its first appearance
	unbilled []int
}

// locationOf returns the location of child code in case c, trying the
// child at index k first (a billed invoice keeps the case's order).
func locationOf(c invoice.Case, k int, code string) (string, int) {
	if k < len(c.Children) && c.Children[k].Child.Code == code {
		return c.Children[k].Location.ID, k
	}
	for j, ch := range c.Children {
		if ch.Child.Code == code {
			return ch.Location.ID, j
		}
	}
	return "", -1
}

// reports builds every location's report.
func (r *runner) reports(fams []Family, workers int) []Report {
	groups := map[string]*group{}
	get := func(id string) *group {
		g := groups[id]
		if g == nil {
			g = &group{id: id, first: map[string][2]int{}}
			groups[id] = g
		}
		return g
	}
	for i, f := range fams {
		c := r.cases[i].Case
		if !f.Billed {
			if len(r.cases[i].Problems) > 0 {
				continue // nothing known of its children
			}
			for _, ch := range c.Children {
				if g := get(ch.Location.ID); !slices.Contains(g.unbilled, i) {
					g.unbilled = append(g.unbilled, i)
				}
			}
			continue
		}
		// The invoice's children, split by location.
		byLoc := map[string]int{} // location → index in the group's invoices
		for q, cs := range f.Invoice.Children {
			id, cc := locationOf(c, q, cs.Code)
			g := get(id)
			k, ok := byLoc[id]
			if !ok {
				inv := f.Invoice
				inv.Children = nil
				k = len(g.invoices)
				byLoc[id] = k
				g.invoices = append(g.invoices, inv)
				g.cases = append(g.cases, i)
				g.kids = append(g.kids, nil)
			}
			g.invoices[k].Children = append(g.invoices[k].Children, cs)
			g.kids[k] = append(g.kids[k], q)
			if _, seen := g.first[cs.Code]; !seen {
				g.first[cs.Code] = [2]int{i, cc}
				g.codes = append(g.codes, cs.Code)
			}
		}
	}
	for _, l := range r.org.Locations {
		get(l.ID)
	}
	ids := make([]string, 0, len(groups))
	for id := range groups {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]Report, len(ids))
	forEach(len(ids), workers, func(i int) {
		out[i] = r.safeReport(groups[ids[i]])
	})
	return out
}

// safeReport builds the report of one location; a panic (a defect) becomes
// its problem instead of stopping the others.
func (r *runner) safeReport(g *group) (rep Report) {
	defer func() {
		if v := recover(); v != nil {
			rep = Report{LocationSummary: LocationSummary{Location: g.id, Status: ReportFailed, Families: g.cases, Unbilled: g.unbilled, Children: g.codes,
				Note: "no FO-SU-05 report: building it failed unexpectedly",
				Problems: plan.Problems{{Code: CodeInternal,
					Message: fmt.Sprintf("building the report failed unexpectedly (%v): a defect of the library; please report it with the month's data", v)}}}}
		}
	}()
	return r.report(g)
}

// report builds the report of one location.
func (r *runner) report(g *group) Report {
	rep := Report{LocationSummary: LocationSummary{Location: g.id, Families: g.cases, Unbilled: g.unbilled, Children: g.codes}}
	li := slices.IndexFunc(r.org.Locations, func(l fosu05.Location) bool { return l.ID == g.id })
	switch {
	case li < 0:
		rep.Status = ReportNoData
		rep.Note = "no FO-SU-05 report: the organiser gave no data for this location (name, dossiernummer, organiser, responsible)"
		return rep
	case len(g.codes) == 0 && len(g.unbilled) == 0:
		rep.Status = ReportNoChildren
		rep.Note = "no FO-SU-05 report: no case has a child at this location"
		return rep
	}

	// The children's report codes and names: the organiser's, or the
	// invoice code and the full name split.
	infos := make([]fosu05.ChildInfo, len(g.codes))
	from := make([]string, len(g.codes)) // the input path of each child's info
	split := make([]bool, len(g.codes))  // names split from the case's Name
	var ps plan.Problems
	for k, code := range g.codes {
		if m, ok := r.childIdx[code]; ok {
			infos[k], from[k] = r.org.Children[m], "children["+strconv.Itoa(m)+"]"
			continue
		}
		at := g.first[code]
		from[k] = fmt.Sprintf("cases[%d].children[%d]", at[0], at[1])
		split[k] = true
		name := r.cases[at[0]].Case.Children[at[1]].Name
		first, last, ok := splitName(name)
		infos[k] = fosu05.ChildInfo{Code: code, FirstName: first, LastName: last}
		if !ok {
			ps = append(ps, plan.Problem{Code: CodeName, Field: from[k] + ".name",
				Message: fmt.Sprintf("child %s's name %q cannot be split into a first and a last name for the report: give them in the organiser's children (code, invoice_code, first_name, last_name)", code, name),
				Rule:    plan.Rule{ID: "monthend.child_names", Source: srcFOSU05}})
		}
	}
	doc, err := fosu05.New(fosu05.Input{Month: r.shared.Month, Location: r.org.Locations[li], Calendar: r.shared.Calendar,
		Children: infos, Invoices: g.invoices})
	for _, p := range plan.AsProblems(err) {
		// A name already reported as not split is not reported twice.
		if k, rest, ok := indexed(p.Field, "children"); ok && k < len(split) && split[k] && rest == ".last_name" && p.Code == plan.CodeMissing {
			continue
		}
		p.Field = g.field(p.Field, li, from, split)
		ps = append(ps, p)
	}
	if err != nil && len(plan.AsProblems(err)) == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Message: err.Error()})
	}
	if len(g.unbilled) > 0 {
		list := make([]string, len(g.unbilled))
		for k, i := range g.unbilled {
			list[k] = "cases[" + strconv.Itoa(i) + "]" + sourceNote(r.cases[i].Source)
		}
		ps = append(ps, plan.Problem{Code: CodeIncomplete, Field: "cases",
			Message: fmt.Sprintf("%d famil%s with children at this location could not be billed, so the report lacks their days: %s", len(list), plural(len(list), "y", "ies"), strings.Join(list, ", ")),
			Rule:    plan.Rule{ID: "monthend.report_complete", Source: srcFOSU05}})
	}
	rep.Problems = ps
	if err == nil && !ps.Has(CodeName) {
		xml, xerr := doc.XML()
		if xerr != nil {
			rep.Problems = append(rep.Problems, problemsOf(xerr)...)
		} else {
			rep.Document, rep.XML = doc, xml
		}
	}
	switch {
	case rep.XML == nil:
		rep.Status = ReportFailed
		rep.Note = fmt.Sprintf("no FO-SU-05 report: %d problem(s)", len(rep.Problems))
	case len(g.unbilled) > 0:
		rep.Status = ReportIncomplete
		rep.Note = fmt.Sprintf("FO-SU-05 report of %d %s, INCOMPLETE: do not send it before the families not billed are", len(g.codes), plural(len(g.codes), "child", "children"))
	default:
		rep.Status = ReportReady
		rep.Note = fmt.Sprintf("FO-SU-05 report of %d %s", len(g.codes), plural(len(g.codes), "child", "children"))
	}
	return rep
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// splitName splits a full name at its first white space: the first name
// before it, the last name after. ok is false for a name of one word.
func splitName(name string) (first, last string, ok bool) {
	name = strings.TrimSpace(name)
	i := strings.IndexFunc(name, unicode.IsSpace)
	if i < 0 {
		return name, "", false
	}
	first, last = name[:i], strings.TrimSpace(name[i:])
	return first, last, first != "" && last != ""
}

// indexed parses "name[k]rest".
func indexed(field, name string) (k int, rest string, ok bool) {
	s, found := strings.CutPrefix(field, name+"[")
	if !found {
		return 0, "", false
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return 0, "", false
	}
	k, err := strconv.Atoi(s[:end])
	if err != nil || k < 0 {
		return 0, "", false
	}
	return k, s[end+1:], true
}

// field turns a path of fosu05.Input into one of the month end's input.
func (g *group) field(f string, li int, from []string, split []bool) string {
	switch {
	case f == "month":
		return "shared.month"
	case strings.HasPrefix(f, "calendar"):
		return "shared." + f
	case f == "location" || strings.HasPrefix(f, "location."):
		return "locations[" + strconv.Itoa(li) + "]" + strings.TrimPrefix(f, "location")
	}
	if k, rest, ok := indexed(f, "children"); ok && k < len(from) {
		if split[k] {
			switch rest {
			case ".first_name", ".last_name":
				rest = ".name"
			case ".code":
				rest = ".child.code"
			}
		}
		return from[k] + rest
	}
	if j, rest, ok := indexed(f, "invoices"); ok && j < len(g.cases) {
		head := "invoices[" + strconv.Itoa(g.cases[j]) + "]"
		if q, more, ok := indexed(strings.TrimPrefix(rest, "."), "children"); ok && strings.HasPrefix(rest, ".") && q < len(g.kids[j]) {
			return head + ".children[" + strconv.Itoa(g.kids[j][q]) + "]" + more
		}
		return head + rest
	}
	return f
}

// invoiceCode is the code the invoices know child c by.
func invoiceCode(c fosu05.ChildInfo) string {
	if c.InvoiceCode != "" {
		return c.InvoiceCode
	}
	return c.Code
}
