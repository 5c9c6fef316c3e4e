package monthend

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/plan"
)

// Each location's report is fosu05.New on the invoices of the families
// there (the sample keeps a family at one location), with the children's
// names split; its XML is the document's.
func TestReportsPerLocation(t *testing.T) {
	cases := SampleCases(40)
	org := SampleOrganiser()
	res := Run(org, inputs(cases), Options{})
	if len(res.Reports) != 3 {
		t.Fatalf("%d reports", len(res.Reports))
	}
	for li, l := range org.Locations {
		k := slices.IndexFunc(res.Reports, func(r Report) bool { return r.Location == l.ID })
		rep := res.Reports[k]
		var invs []invoice.Invoice
		var kids []fosu05.ChildInfo
		var fams []int
		for i, c := range cases {
			if c.Children[0].Location.ID != l.ID {
				continue
			}
			fams = append(fams, i)
			invs = append(invs, res.Families[i].Invoice)
			for _, ch := range c.Children {
				first, last, _ := strings.Cut(ch.Name, " ")
				kids = append(kids, fosu05.ChildInfo{Code: ch.Child.Code, FirstName: first, LastName: last})
			}
		}
		want, err := fosu05.New(fosu05.Input{Month: org.Shared.Month, Location: org.Locations[li], Calendar: org.Shared.Calendar, Children: kids, Invoices: invs})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Status != ReportReady || len(rep.Problems) > 0 {
			t.Fatalf("%s: %s %v", l.ID, rep.Status, rep.Problems)
		}
		if diff := cmp.Diff(want, rep.Document); diff != "" {
			t.Errorf("%s: the report is not fosu05.New's (-want +got):\n%s", l.ID, diff)
		}
		xml, _ := want.XML()
		if !bytes.Equal(xml, rep.XML) {
			t.Errorf("%s: the XML is not the document's", l.ID)
		}
		if !slices.Equal(rep.Families, fams) || len(rep.Children) != len(kids) {
			t.Errorf("%s: families %v, want %v; %d children, want %d", l.ID, rep.Families, fams, len(rep.Children), len(kids))
		}
	}
	// The reports count the invoices' days (no flex day, no hospital day in
	// the sample: the two countings agree).
	var present, justified, unjustified int
	for _, r := range res.Reports {
		for _, e := range r.Document.Children {
			present += e.Present.Total()
			justified += e.Justified.Total()
			unjustified += e.Unjustified.Total()
		}
	}
	d := res.Summary.Days
	if present != d.Present.Total() || justified != d.Justified.Total() || unjustified != d.Unjustified.Total() {
		t.Errorf("reports count %d/%d/%d days, the invoices %d/%d/%d", present, justified, unjustified,
			d.Present.Total(), d.Justified.Total(), d.Unjustified.Total())
	}
}

// What becomes of each location's report: problems of one location never
// stop another's. Source: the issue; FO-SU-05.xsd (one report per
// location, voornaam and naam as on the attest).
func TestReportStatuses(t *testing.T) {
	byID := func(res Result, id string) Report {
		k := slices.IndexFunc(res.Reports, func(r Report) bool { return r.Location == id })
		if k < 0 {
			t.Fatalf("no report of %s", id)
		}
		return res.Reports[k]
	}
	// famAt returns the first case with its children at location id.
	famAt := func(in []Case, id string) int {
		return slices.IndexFunc(in, func(c Case) bool { return c.Case.Children[0].Location.ID == id })
	}
	t.Run("no data", func(t *testing.T) {
		org := SampleOrganiser()
		org.Locations = org.Locations[:1] // OO-Els only
		res := Run(org, inputs(SampleCases(12)), Options{})
		for _, id := range []string{"OO-Berk", "OO-Linde"} {
			r := byID(res, id)
			if r.Status != ReportNoData || r.XML != nil || len(r.Problems) > 0 || !strings.Contains(r.Note, "no data") {
				t.Errorf("%s: %s %q %v", id, r.Status, r.Note, r.Problems)
			}
		}
		if byID(res, "OO-Els").Status != ReportReady || !res.Summary.OK() {
			t.Error("OO-Els is not ready, or a location without data fails the month end")
		}
		if !strings.Contains(res.Summary.Text(), "OO-Berk: no_data") {
			t.Errorf("the text does not say so:\n%s", res.Summary.Text())
		}
	})
	t.Run("no children", func(t *testing.T) {
		org := SampleOrganiser()
		org.Locations = append(org.Locations, fosu05.Location{ID: "OO-Leeg", Name: "Leeg", FileNumber: "423456789", Organiser: "Zorg Leuven", Responsible: "Janssens An"})
		res := Run(org, inputs(SampleCases(12)), Options{})
		if r := byID(res, "OO-Leeg"); r.Status != ReportNoChildren || r.XML != nil || len(r.Problems) > 0 {
			t.Errorf("%s %v", r.Status, r.Problems)
		}
	})
	t.Run("bad location data", func(t *testing.T) {
		org := SampleOrganiser()
		org.Locations[1].FileNumber = "12345"
		org.Locations[1].Name = strings.Repeat("x", 51)
		res := Run(org, inputs(SampleCases(12)), Options{})
		r := byID(res, org.Locations[1].ID)
		fields := []string{}
		for _, p := range r.Problems {
			fields = append(fields, p.Field)
		}
		slices.Sort(fields)
		if r.Status != ReportFailed || r.XML != nil || !slices.Equal(fields, []string{"locations[1].file_number", "locations[1].name"}) {
			t.Errorf("%s: %v", r.Status, r.Problems)
		}
		for _, id := range []string{org.Locations[0].ID, org.Locations[2].ID} {
			if byID(res, id).Status != ReportReady {
				t.Errorf("%s is not ready", id)
			}
		}
		if res.Summary.OK() || res.Summary.NotBilled != 0 {
			t.Error("a failed report leaves the month end OK")
		}
	})
	t.Run("a one-word name", func(t *testing.T) {
		in := inputs(SampleCases(12))
		i := famAt(in, "OO-Linde")
		in[i].Case.Children[0].Name = "Noor"
		res := Run(SampleOrganiser(), in, Options{})
		r := byID(res, "OO-Linde")
		want := plan.Problems{{Code: CodeName, Field: "cases[" + itoa(i) + "].children[0].name",
			Message: "child " + in[i].Case.Children[0].Child.Code + "'s name \"Noor\" cannot be split into a first and a last name for the report: give them in the organiser's children (code, invoice_code, first_name, last_name)",
			Rule:    plan.Rule{ID: "monthend.child_names", Source: srcFOSU05}}}
		if diff := cmp.Diff(want, r.Problems); diff != "" || r.Status != ReportFailed {
			t.Errorf("%s (-want +got):\n%s", r.Status, diff)
		}
		if !res.Families[i].Billed {
			t.Error("a name the report cannot split keeps the family from its invoice")
		}
		// Given by the organiser, the names are used.
		org := SampleOrganiser()
		code := in[i].Case.Children[0].Child.Code
		org.Children = []fosu05.ChildInfo{{Code: "230612-118-01", InvoiceCode: code, FirstName: "Noor", LastName: "Van den Broeck"}}
		res = Run(org, in, Options{})
		r = byID(res, "OO-Linde")
		k := slices.IndexFunc(r.Document.Children, func(e fosu05.Entry) bool { return e.Code == "230612-118-01" })
		if r.Status != ReportReady || k < 0 || r.Document.Children[k].LastName != "Van den Broeck" {
			t.Errorf("%s %v", r.Status, r.Problems)
		}
	})
	t.Run("organiser's child data at fault", func(t *testing.T) {
		in := inputs(SampleCases(12))
		i := famAt(in, "OO-Els")
		org := SampleOrganiser()
		org.Children = []fosu05.ChildInfo{{Code: "K-1", InvoiceCode: in[i].Case.Children[0].Child.Code, FirstName: "Noor", LastName: "Peeters"}}
		res := Run(org, in, Options{})
		r := byID(res, "OO-Els")
		if r.Status != ReportFailed || len(r.Problems) != 1 || r.Problems[0].Field != "children[0].code" || r.Problems[0].Code != fosu05.CodePattern {
			t.Errorf("%s %v", r.Status, r.Problems)
		}
	})
	t.Run("a child code the report refuses", func(t *testing.T) {
		in := inputs(SampleCases(12))
		i := famAt(in, "OO-Berk")
		ch := &in[i].Case.Children[0]
		ch.Child.Code = "K-118"
		for a := range ch.Attests.Attests {
			ch.Attests.Attests[a].ChildCode = "K-118"
		}
		res := Run(SampleOrganiser(), in, Options{})
		r := byID(res, "OO-Berk")
		if r.Status != ReportFailed || len(r.Problems) != 1 || r.Problems[0].Field != "cases["+itoa(i)+"].children[0].child.code" {
			t.Errorf("%s %v", r.Status, r.Problems)
		}
	})
	t.Run("families not billed", func(t *testing.T) {
		in := inputs(SampleCases(12))
		i := famAt(in, "OO-Els")
		in[i].Case.Family.ID = ""
		res := Run(SampleOrganiser(), in, Options{})
		r := byID(res, "OO-Els")
		if r.Status != ReportIncomplete || r.XML == nil || !r.Problems.Has(CodeIncomplete) || !slices.Equal(r.Unbilled, []int{i}) {
			t.Errorf("%s %v unbilled %v", r.Status, r.Problems, r.Unbilled)
		}
		if !strings.Contains(r.Problems[0].Message, in[i].Source) {
			t.Errorf("the problem does not name the case: %v", r.Problems[0])
		}
		// Only families not billed: no XML.
		only := []Case{in[i]}
		res = Run(SampleOrganiser(), only, Options{})
		if r := byID(res, "OO-Els"); r.Status != ReportFailed || r.XML != nil || !r.Problems.Has(CodeIncomplete) {
			t.Errorf("%s %v", r.Status, r.Problems)
		}
	})
	t.Run("two children at two locations", func(t *testing.T) {
		in := inputs(SampleCases(12))
		i := 5 // a family of two
		in[i].Case.Children[1].Location.ID = "OO-Elders"
		org := SampleOrganiser()
		org.Locations = append(org.Locations, fosu05.Location{ID: "OO-Elders", Name: "Elders", FileNumber: "523456789", Organiser: "Zorg Leuven", Responsible: "Janssens An", AfterSchool: true})
		res := Run(org, in, Options{})
		r := byID(res, "OO-Elders")
		if r.Status != ReportReady || !slices.Equal(r.Children, []string{in[i].Case.Children[1].Child.Code}) || len(r.Document.Children) != 1 {
			t.Errorf("%s %v %v", r.Status, r.Children, r.Problems)
		}
		home := byID(res, in[i].Case.Children[0].Location.ID)
		if home.Status != ReportReady || slices.Contains(home.Children, in[i].Case.Children[1].Child.Code) {
			t.Errorf("the first child's location: %s %v", home.Status, home.Children)
		}
	})
}

func itoa(i int) string { return strconv.Itoa(i) }

// The paths of fosu05.New's input become paths of the month end's.
func TestReportFieldPaths(t *testing.T) {
	g := &group{cases: []int{3, 17}, kids: [][]int{{0}, {1, 0}}}
	from := []string{"children[4]", "cases[17].children[1]"}
	split := []bool{false, true}
	tests := []struct{ in, want string }{
		{"month", "shared.month"},
		{"calendar.closures[0].period", "shared.calendar.closures[0].period"},
		{"location.name", "locations[2].name"},
		{"location.open_weekdays[1]", "locations[2].open_weekdays[1]"},
		{"children[0].first_name", "children[4].first_name"},
		{"children[1].first_name", "cases[17].children[1].name"},
		{"children[1].code", "cases[17].children[1].child.code"},
		{"children[1]", "cases[17].children[1]"},
		{"invoices[1].children[0].care[3].band", "invoices[17].children[1].care[3].band"},
		{"invoices[1].children[1].code", "invoices[17].children[0].code"},
		{"invoices[0].month", "invoices[3].month"},
		{"children", "children"},
		{"children[9].code", "children[9].code"},
		{"invoices[5].month", "invoices[5].month"},
	}
	for _, tt := range tests {
		if got := g.field(tt.in, 2, from, split); got != tt.want {
			t.Errorf("field(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct {
		name, first, last string
		ok                bool
	}{
		{"Noor Peeters", "Noor", "Peeters", true},
		{"Jan Van den Broeck", "Jan", "Van den Broeck", true},
		{"  Lien\tDe Smet ", "Lien", "De Smet", true},
		{"Noor", "Noor", "", false},
		{"", "", "", false},
		{"Zoë\u00a0Maes", "Zoë", "Maes", true},
	}
	for _, tt := range tests {
		first, last, ok := splitName(tt.name)
		if first != tt.first || last != tt.last || ok != tt.ok {
			t.Errorf("splitName(%q) = %q %q %v", tt.name, first, last, ok)
		}
	}
}
