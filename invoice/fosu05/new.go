package fosu05

import (
	"fmt"
	"slices"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Location is the care location a report is for, as Opgroeien knows it,
// with its permissions and opening weekdays.
type Location struct {
	// ID, when set, is the tariff.Location ID of the care counted: a day of
	// care at another location is a problem (one report per location).
	ID string `json:"id,omitempty"`
	// Name is naam_locatie (1–50 characters).
	Name string `json:"name"`
	// FileNumber is dossiernummer, assigned by Opgroeien: 9 digits and at
	// most one more digit, comma or space.
	FileNumber string `json:"file_number"`
	// Organiser is naam_organisator (1–50 characters).
	Organiser string `json:"organiser"`
	// Responsible is closing/verantwoordelijke: name and first name of the
	// person responsible for the location.
	Responsible string `json:"responsible"`
	// AfterSchool is the location's bo: it may report after-school care.
	AfterSchool bool `json:"after_school,omitempty"`
	// Flex is the permission for flexible care: only then are days of 11
	// hours or more registered as min11uFlex.
	Flex bool `json:"flex,omitempty"`
	// OpenWeekdays are the weekdays the location opens; empty means Monday
	// to Friday.
	OpenWeekdays []time.Weekday `json:"open_weekdays,omitempty"`
}

// ChildInfo is what the report needs about a child beyond the invoice:
// the names exactly as on the attest inkomenstarief.
type ChildInfo struct {
	// Code is the child code (kindcode) of the attest inkomenstarief, as
	// the report writes it.
	Code string `json:"code"`
	// InvoiceCode is the child's code on the invoices (ChildSummary.Code)
	// when it differs from Code; empty means Code.
	InvoiceCode string `json:"invoice_code,omitempty"`
	// FirstName and LastName are voornaam and naam, exactly as on the
	// attest inkomenstarief (1–50 characters each).
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	// AfterSchool marks the child's days as after-school care (bo J) even
	// when no day of care says so (a school-age child absent all month).
	AfterSchool bool `json:"after_school,omitempty"`
}

// key returns the code the invoices know the child by.
func (c ChildInfo) key() string {
	if c.InvoiceCode != "" {
		return c.InvoiceCode
	}
	return c.Code
}

// Input is what New needs: the month, the location, its calendar, the
// children and the month's invoices of the location.
type Input struct {
	// Month is the month reported (periode).
	Month plan.Month `json:"month"`
	// Location is the location reported on.
	Location Location `json:"location"`
	// Calendar is the location's closing-day calendar, the one the
	// invoices were built with.
	Calendar plan.Calendar `json:"calendar"`
	// Children are the children of the report, one prestatie each, in this
	// order; every child on the invoices must be among them. A child
	// without any day that month is reported with zero counts.
	Children []ChildInfo `json:"children"`
	// Invoices are the month's invoices (invoice.Build) of the location.
	Invoices []invoice.Invoice `json:"invoices"`
	// Header fills IKG/Header; an empty field takes DefaultFormVersion,
	// DefaultMinReaderVersion or DefaultUsedViewer.
	Header Header `json:"header,omitzero"`
	// OmitHospitalDays leaves reserved days in hospital (with an admission
	// certificate) out of the report instead of counting them as justified
	// absence. The texts are silent (OPEN); see the package documentation.
	OmitHospitalDays bool `json:"omit_hospital_days,omitempty"`
}

// New builds the month's report from the invoices and checks it. Every
// problem of the input — the location's data against the schema's facets,
// the calendar, the children's codes and names, invoices of another month,
// children on an invoice but not among Children, a day counted twice, an
// unknown band or absence kind, care at another location — comes back at
// once as plan.Problems, with fields such as "location.name",
// "children[2].first_name", "invoices[0].children[1].code"; then the
// Document is the zero value.
//
// Counting, per child (see the package documentation for the sources):
//
//   - each day of care (ChildSummary.Care) counts once under aanwezigheden,
//     in the band attended — also a day partly attended (sent home ill),
//     whose absent part is not registered;
//   - a reserved day wholly absent counts in the reserved band under
//     gerechtvaardigde_afwezigheden when justified absence days covered it,
//     under niet_gerechtvaardigde_afwezigheden when they did not (also in
//     part); a day in hospital with an admission certificate counts as
//     justified unless OmitHospitalDays;
//   - a closing day counts nowhere;
//   - a flex day (11 hours or more) counts as min11uFlex at a location with
//     flex permission and as min11u elsewhere;
//   - the child is after-school (bo J) when a day of care was in the
//     school-age group, a day counted is a third day, or ChildInfo says so.
//
// The opening days are the days of the month on the location's opening
// weekdays on which the calendar is not closed. The Document is marked
// checked (FormulierGecontroleerd J): it passed Validate.
func New(in Input) (Document, error) {
	var c checker
	loc := in.Location
	if in.Month.IsZero() {
		c.add(plan.CodeInvalidMonth, "month", "fosu05.periode", srcXSD+", periode (MM/YYYY)", "the month of the report is required")
	}
	if err := in.Calendar.Validate(); err != nil {
		for _, p := range plan.AsProblems(err) {
			p.Field = "calendar." + p.Field
			c.ps = append(c.ps, p)
		}
	}
	open := [7]bool{}
	if len(loc.OpenWeekdays) == 0 {
		for wd := time.Monday; wd <= time.Friday; wd++ {
			open[wd] = true
		}
	}
	for i, wd := range loc.OpenWeekdays {
		f := fmt.Sprintf("location.open_weekdays[%d]", i)
		switch {
		case wd < time.Sunday || wd > time.Saturday:
			c.add(plan.CodeInvalidValue, f, "fosu05.open_weekdays", srcXSD+", aantal_openingsdagen", "%d is not a weekday (0 Sunday to 6 Saturday)", int(wd))
		case open[wd]:
			c.add(CodeDuplicate, f, "fosu05.open_weekdays", srcXSD+", aantal_openingsdagen", "%s is listed twice", wd)
		default:
			open[wd] = true
		}
	}

	header := in.Header
	if header.FormVersion == "" {
		header.FormVersion = DefaultFormVersion
	}
	if header.MinReaderVersion == "" {
		header.MinReaderVersion = DefaultMinReaderVersion
	}
	if header.UsedViewer == "" {
		header.UsedViewer = DefaultUsedViewer
	}
	d := Document{
		Header:  header,
		Checked: true,
		Location: LocationDetails{Name: loc.Name, FileNumber: loc.FileNumber, Organiser: loc.Organiser,
			Month: in.Month, AfterSchool: loc.AfterSchool, Flex: loc.Flex},
		Responsible: loc.Responsible,
	}
	if !in.Month.IsZero() {
		d.Location.OpeningDays = openingDays(in.Month, in.Calendar, open)
	}

	d.Children = make([]Entry, len(in.Children))
	byKey := make(map[string]int, len(in.Children))
	for i, ch := range in.Children {
		d.Children[i] = Entry{Code: ch.Code, FirstName: ch.FirstName, LastName: ch.LastName, AfterSchool: ch.AfterSchool}
		k := ch.key()
		if j, dup := byKey[k]; dup && k != "" {
			c.add(CodeDuplicate, fmt.Sprintf("children[%d].invoice_code", i), "fosu05.code.unique", srcXSD+", prestatie per child",
				"the invoice code %q is also children[%d]", k, j)
			continue
		}
		byKey[k] = i
	}

	// counted[child][day of the month] is 1 + the invoice that counted the
	// child's day (0: not counted).
	counted := make([]dayTally, len(in.Children))
	for i, inv := range in.Invoices {
		f := fmt.Sprintf("invoices[%d]", i)
		if inv.Month != in.Month {
			c.add(plan.CodeInvalidValue, f+".month", "fosu05.periode", srcXSD+", periode",
				"invoice %s is for %s, not %s", inv.Number, inv.Month, in.Month)
			continue
		}
		for j, cs := range inv.Children {
			cf := fmt.Sprintf("%s.children[%d]", f, j)
			k, ok := byKey[cs.Code]
			if !ok || cs.Code == "" {
				c.add(CodeUnknownChild, cf+".code", "fosu05.child_info", srcXSD+", kindInfo (code, voornaam, naam)",
					"child %q of invoice %s is not among the children: the report needs its code and names", cs.Code, inv.Number)
				continue
			}
			c.count(&d.Children[k], &counted[k], i, cf, inv.Number, cs, in, loc)
		}
	}

	if err := d.Validate(); err != nil {
		for _, p := range plan.AsProblems(err) {
			// The input's names for the document's fields.
			switch p.Field {
			case "responsible":
				p.Field = "location.responsible"
			case "location.month":
				continue // reported as "month"
			}
			c.ps = append(c.ps, p)
		}
	}
	if len(c.ps) > 0 {
		return Document{}, c.ps
	}
	return d, nil
}

// openingDays counts the days of m on an open weekday that the calendar
// does not close.
//
// Source: FO-SU-05.xsd, aantal_openingsdagen — "Aantal dagen waarop de
// opvanglocatie open was tijdens de opgegeven maand".
func openingDays(m plan.Month, cal plan.Calendar, open [7]bool) int {
	closed := cal.ClosedDays(m.Days())
	n := 0
	for d := range m.Days().Days() {
		if open[d.Weekday()] && !slices.ContainsFunc(closed, func(c plan.ClosedDay) bool { return c.Date == d }) {
			n++
		}
	}
	return n
}

// dayTally holds, per day of a month, 1 + the invoice that counted it (0:
// not counted).
type dayTally [32]int

// count adds one invoice's days of one child to e. Every day is in the
// month (checked before it is counted).
func (c *checker) count(e *Entry, counted *dayTally, inv int, f, number string, cs invoice.ChildSummary, in Input, loc Location) {
	once := func(list string, k int, d plan.Date) bool {
		if prev := counted[d.Day()] - 1; prev >= 0 {
			c.ps = append(c.ps, plan.Problem{Code: CodeDuplicate, Field: fmt.Sprintf("%s.%s[%d]", f, list, k), Date: d,
				Message: fmt.Sprintf("child %s's %s is also on invoices[%d]: each day counts once", cs.Code, d, prev),
				Rule:    plan.Rule{ID: "fosu05.day_once", Source: srcFAQDays}})
			return false
		}
		counted[d.Day()] = inv + 1
		return true
	}
	// The field of a day, built only for a problem.
	field := func(list string, k int) string { return fmt.Sprintf("%s.%s[%d]", f, list, k) }
	var cared [32]bool // days of care of this invoice, by day of the month
	for k, dc := range cs.Care {
		if dc.Date.MonthOf() != in.Month {
			df := field("care", k)
			c.add(plan.CodeInvalidValue, df+".date", "fosu05.periode", srcXSD+", periode", "a day of care on %s is outside %s", dc.Date, in.Month)
			continue
		}
		if loc.ID != "" && dc.Location.ID != "" && dc.Location.ID != loc.ID {
			df := field("care", k)
			c.add(plan.CodeInvalidValue, df+".location", "fosu05.location", srcXSD+", locatiegegevens (one location a report)",
				"care on %s was at location %q, not %q", dc.Date, dc.Location.ID, loc.ID)
			continue
		}
		if dc.Band == tariff.BandNone || cared[dc.Date.Day()] {
			continue
		}
		cared[dc.Date.Day()] = true
		if !once("care", k, dc.Date) {
			continue
		}
		// Source: Opgroeien registration rules 2025 p. 9 — present days in
		// the band attended (the invoice's band).
		if !c.band(&e.Present, dc.Band, loc.Flex, func() string { return field("care", k) + ".band" }) {
			continue
		}
		e.AfterSchool = e.AfterSchool || dc.Group == tariff.SchoolAge || dc.Band == tariff.BandThird
	}
	for k, o := range cs.Reserved {
		var into *Counts
		switch o.Kind {
		case absence.KindPresent, absence.KindPartlyPresent:
			// Counted from the day of care. Source: seed 004 §2.4 — a child
			// sent home ill is billed for the band attended; how to register
			// the absent rest the schema does not say (OPEN): not at all.
			continue
		case absence.KindClosed:
			// Source: FO-SU-05.xsd, aantal_openingsdagen — a closing day is
			// no opening day, so nothing is registered on it; the family
			// pays nothing for it and it is no justified absence day (Opgroeien
			// model written agreement).
			continue
		case absence.KindEnded:
			// Source: seed 004 §6.2.1 — care ends on the notice's last day:
			// a reserved day after it is neither care nor absence, so
			// nothing is registered on it (as invoice.AttendanceReport).
			continue
		case absence.KindJustified:
			into = &e.Justified
		case absence.KindUnjustified:
			// Source: seed 004 §3.4.2 — beyond the justified absence days a
			// day is unjustified; a day covered only in part is unjustified.
			into = &e.Unjustified
		case absence.KindHospital:
			// Source: seed 004 §3.4.2 — a hospital stay with an admission
			// certificate is not billed and uses no justified absence day:
			// a justified absence (OPEN; OmitHospitalDays leaves it out).
			if in.OmitHospitalDays {
				continue
			}
			into = &e.Justified
		default:
			c.add(plan.CodeInvalidValue, field("reserved", k)+".kind", "fosu05.absence_kind", srcXSD+", gerechtvaardigde_afwezigheden / niet_gerechtvaardigde_afwezigheden",
				"unknown kind %q of reserved day %s", o.Kind, o.Date)
			continue
		}
		if o.Date.MonthOf() != in.Month {
			c.add(plan.CodeInvalidValue, field("reserved", k)+".date", "fosu05.periode", srcXSD+", periode", "a reserved day on %s is outside %s", o.Date, in.Month)
			continue
		}
		// Only a day wholly absent is an absence; a day with care is
		// counted present.
		if o.Attended != tariff.BandNone || o.Reserved == tariff.BandNone || cared[o.Date.Day()] {
			continue
		}
		if !once("reserved", k, o.Date) {
			continue
		}
		// Source: Opgroeien registration rules 2025 p. 9 — an absent day in
		// the band reserved.
		if c.band(into, o.Reserved, loc.Flex, func() string { return field("reserved", k) + ".reserved" }) {
			e.AfterSchool = e.AfterSchool || o.Reserved == tariff.BandThird
		}
	}
}

// band adds a day of band b to n.
//
// Source: FO-SU-05.xsd — min3u "minder dan 3u", min5u "minder dan 5u",
// min11u "tussen 5u en 11u", min11uFlex "meer dan 11u ... enkel ... indien
// de opvanglocatie de erkenning heeft ontvangen om flexibele opvang aan te
// bieden"; Opgroeien registration rules 2025 p. 9 for the exact bounds.
// Without flex permission a day of 11 hours or more is min11u.
func (c *checker) band(n *Counts, b tariff.Band, flex bool, field func() string) bool {
	switch b {
	case tariff.BandThird:
		n.Third++
	case tariff.BandHalf:
		n.Half++
	case tariff.BandFull:
		n.Full++
	case tariff.BandFlex:
		if flex {
			n.Flex++
		} else {
			n.Full++
		}
	default:
		c.add(plan.CodeInvalidValue, field(), "fosu05.band", srcRegistration, "unknown band %q", b)
		return false
	}
	return true
}
