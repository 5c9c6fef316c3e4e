package fosu05

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kinderopvang/regels/plan"
)

// DocumentIndicator is the fixed value of Header/DocumentIndicator.
//
// Source: FO-SU-05.xsd, Header/DocumentIndicator fixed="FO-SU-05".
const DocumentIndicator = "FO-SU-05"

// Defaults of the header that New writes when the Input leaves them empty.
const (
	// DefaultFormVersion is the form version; the schema's annotation of
	// Header reads "FormVersion: 1.0".
	DefaultFormVersion = "1.0"
	// DefaultMinReaderVersion is the minimum Adobe Reader version; the
	// schema's annotation reads "Is standaard ingesteld op versie 9.1".
	DefaultMinReaderVersion = "9.1"
	// DefaultUsedViewer names the software that built the XML (the schema:
	// "naam en versie van de applicatie waarmee de XML data werd
	// opgebouwd").
	DefaultUsedViewer = "regels (github.com/kinderopvang/regels)"
)

// Limits of the schema's facets.
const (
	// MaxNameLength is the maxLength of naam_locatie, naam_organisator and
	// of a child's voornaam and naam, in characters.
	MaxNameLength = 50
	// MaxChildCodeLength is the maxLength of a child's code.
	MaxChildCodeLength = 13
	// MaxOpeningDays is the largest aantal_openingsdagen (at most 2 digits).
	MaxOpeningDays = 99
)

// Problem codes of this package, beside plan's CodeMissing,
// CodeInvalidValue and CodeInvalidMonth.
const (
	// CodeTooLongText: a text longer than the schema's maxLength.
	CodeTooLongText plan.Code = "text_too_long"
	// CodePattern: a value outside the schema's pattern or length.
	CodePattern plan.Code = "pattern_mismatch"
	// CodeInvalidChar: a text that is not valid UTF-8 or holds a character
	// XML 1.0 does not allow (most control characters, U+FFFE, U+FFFF).
	CodeInvalidChar plan.Code = "invalid_xml_char"
	// CodeNotPermitted: a count the location or child may not register
	// (min11uFlex without flex permission, min3u outside after-school care,
	// an after-school child at a location without after-school care).
	CodeNotPermitted plan.Code = "not_permitted"
	// CodeDuplicate: a child or a day that appears twice.
	CodeDuplicate plan.Code = "duplicate"
	// CodeUnknownChild: an invoice's child missing from the children.
	CodeUnknownChild plan.Code = "unknown_child"
	// CodeMalformedXML: input to Decode that is not well-formed XML or does
	// not have the schema's structure.
	CodeMalformedXML plan.Code = "malformed_xml"
)

// Document is one FO-SU-05 monthly attendance report (the root element
// IKG) as a Go value. It maps one to one onto the XML: Encode writes it,
// Decode reads it back into an equal value. The zero Document is not valid.
type Document struct {
	// Header is the IKG/Header element.
	Header Header `json:"header"`
	// Checked is FormulierGecontroleerd: the data were checked for
	// completeness and correctness. Opgroeien does not process a report
	// marked N ("Formulieren waarbij deze indicator op 'N' staat zullen niet
	// verwerkt worden").
	Checked bool `json:"checked"`
	// Location is locatiegegevens: the location, the month, its opening
	// days and its permissions.
	Location LocationDetails `json:"location"`
	// Children are the prestaties, one Entry (prestatie) per child; at least
	// one.
	Children []Entry `json:"children"`
	// Responsible is closing/verantwoordelijke: the name and first name of
	// the person responsible for the location.
	Responsible string `json:"responsible"`
	// Config is the optional IKG/Config element; nil when absent.
	Config *Config `json:"config,omitempty"`
}

// Header is the IKG/Header element, apart from the fixed DocumentIndicator.
// The schema allows FormVersion and MinReaderVersion to be nil; an xsi:nil
// element decodes as "".
type Header struct {
	// FormVersion is the version of the form (the schema's annotation:
	// "FormVersion: 1.0").
	FormVersion string `json:"form_version"`
	// MinReaderVersion is the minimum Adobe Reader version of the PDF form
	// (standard 9.1).
	MinReaderVersion string `json:"min_reader_version"`
	// UsedViewer names the software that built the XML, with its version.
	UsedViewer string `json:"used_viewer"`
}

// Config is the optional IKG/Config element: where the form is mailed and
// the mail's subject. An xsi:nil element decodes as "".
type Config struct {
	// TargetURL is the address the form is mailed to (by default
	// ko.formulieren@kindengezin.be, the schema says).
	TargetURL string `json:"target_url"`
	// Subject is the mail's subject (by default "Opvangprestaties").
	Subject string `json:"subject"`
}

// LocationDetails is the locatiegegevens element.
type LocationDetails struct {
	// Name is naam_locatie, as Opgroeien knows the location; 1 to 50
	// characters.
	Name string `json:"name"`
	// FileNumber is dossiernummer: 9 digits, then at most one digit, comma
	// or space.
	FileNumber string `json:"file_number"`
	// Organiser is naam_organisator; 1 to 50 characters.
	Organiser string `json:"organiser"`
	// Month is periode, written MM/YYYY.
	Month plan.Month `json:"month"`
	// OpeningDays is aantal_openingsdagen: the days the location was open
	// that month (0–99, at most the days of the month).
	OpeningDays int `json:"opening_days"`
	// AfterSchool is bo: the location may report after-school care.
	AfterSchool bool `json:"after_school"`
	// Flex is flex: the location has permission for flexible care, so it
	// may register min11uFlex.
	Flex bool `json:"flex"`
}

// Entry is one prestatie: a child and its days per band, present, absent
// justified and absent unjustified.
type Entry struct {
	// Code is the child code (kindcode) of the attest inkomenstarief.
	Code string `json:"code"`
	// FirstName and LastName are voornaam and naam, exactly as on the
	// attest inkomenstarief; 1 to 50 characters each.
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	// AfterSchool is the child's bo: the days are after-school care. Only
	// then may Third (min3u) be registered.
	AfterSchool bool `json:"after_school"`
	// Present is aanwezigheden: the days of care, by the band attended.
	Present Counts `json:"present"`
	// Justified is gerechtvaardigde_afwezigheden: reserved days wholly
	// absent with justification, by the band reserved.
	Justified Counts `json:"justified"`
	// Unjustified is niet_gerechtvaardigde_afwezigheden: reserved days
	// wholly absent without justification, by the band reserved.
	Unjustified Counts `json:"unjustified"`
}

// Counts is a number of days per band: one aanwezigheidsType of the
// schema.
type Counts struct {
	// Third is min3u: under 3 hours; after-school care only.
	Third int `json:"third"`
	// Half is min5u: under 5 hours (3h00 to 4h59 for a school-age child).
	Half int `json:"half"`
	// Full is min11u: 5 hours to 10h59 — and 11 hours or more at a location
	// without flex permission.
	Full int `json:"full"`
	// Flex is min11uFlex: 11 hours or more at a location with flex
	// permission.
	Flex int `json:"flex"`
}

// Total returns the number of days counted.
func (c Counts) Total() int { return c.Third + c.Half + c.Full + c.Flex }

// Total returns the days of the entry: present, justified and unjustified.
func (e Entry) Total() int { return e.Present.Total() + e.Justified.Total() + e.Unjustified.Total() }

// checker gathers problems.
type checker struct{ ps plan.Problems }

func (c *checker) add(code plan.Code, field, rule, source, format string, args ...any) {
	c.ps = append(c.ps, plan.Problem{Code: code, Field: field, Message: fmt.Sprintf(format, args...),
		Rule: plan.Rule{ID: rule, Source: source}})
}

// text checks that s is valid UTF-8 of XML characters only. It reports
// whether it is. The field is field+sub (joined only for a problem).
func (c *checker) text(field, sub, s string) bool {
	// Source: XML 1.0 §2.2 — Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] |
	// [#xE000-#xFFFD] | [#x10000-#x10FFFF].
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				c.add(CodeInvalidChar, field+sub, "fosu05.xml_char", srcXML, "the text is not valid UTF-8 (byte %d)", i)
				return false
			}
		}
		if !isXMLChar(r) {
			c.add(CodeInvalidChar, field+sub, "fosu05.xml_char", srcXML, "the text holds %U, which XML 1.0 does not allow", r)
			return false
		}
	}
	return true
}

// name checks a required name of at most MaxNameLength characters.
func (c *checker) name(field, sub, element, s string) {
	if !c.text(field, sub, s) {
		return
	}
	// Source: FO-SU-05.xsd — the schema allows an empty name, but Opgroeien
	// matches the names to its files ("dient exact overeen te komen met de
	// voornaam zoals terug te vinden is op het 'Attest inkomenstarief'").
	if strings.TrimSpace(s) == "" {
		c.add(plan.CodeMissing, field+sub, "fosu05."+element+".required", srcXSD+", "+element,
			"%s is required", element)
		return
	}
	// Source: FO-SU-05.xsd — maxLength value="50" (counted in characters).
	if n := utf8.RuneCountInString(s); n > MaxNameLength {
		c.add(CodeTooLongText, field+sub, "fosu05."+element+".max_length", srcXSD+", "+element+" maxLength 50",
			"%s has %d characters; the schema allows at most %d", element, n, MaxNameLength)
	}
}

// Validate checks the document against every constraint of FO-SU-05.xsd
// and the few the registration adds, and returns all problems at once (a
// plan.Problems), or nil. A document that passes encodes to XML that the
// schema accepts. Fields are Go paths: "location.name",
// "children[2].first_name", "children[0].present.flex", "responsible".
//
// Beyond the schema, Validate requires the names, the child codes and the
// responsible to be non-blank, the child codes to be distinct, no child to
// count more days than the month has, and the counts to respect the
// permissions: min3u only for after-school care, min11uFlex only at a flex
// location, an after-school child only at a location that may report
// after-school care.
func (d Document) Validate() error {
	var c checker
	c.text("header.form_version", "", d.Header.FormVersion)
	c.text("header.min_reader_version", "", d.Header.MinReaderVersion)
	c.text("header.used_viewer", "", d.Header.UsedViewer)
	if d.Config != nil {
		c.text("config.target_url", "", d.Config.TargetURL)
		c.text("config.subject", "", d.Config.Subject)
	}
	l := d.Location
	c.name("location.name", "", "naam_locatie", l.Name)
	c.name("location.organiser", "", "naam_organisator", l.Organiser)
	// Source: FO-SU-05.xsd, dossiernummer — minLength 9, maxLength 10,
	// pattern [0-9]{9}[0-9, ]*.
	if !validFileNumber(l.FileNumber) {
		if strings.TrimSpace(l.FileNumber) == "" {
			c.add(plan.CodeMissing, "location.file_number", "fosu05.dossiernummer.pattern", srcXSD+", dossiernummer",
				"the location's file number (dossiernummer) is required")
		} else {
			c.add(CodePattern, "location.file_number", "fosu05.dossiernummer.pattern", srcXSD+", dossiernummer: minLength 9, maxLength 10, pattern [0-9]{9}[0-9, ]*",
				"file number %q is not 9 digits followed by at most one digit, comma or space", l.FileNumber)
		}
	}
	days := 0
	// Source: FO-SU-05.xsd, periode — "formaat is MM/YYYY".
	if l.Month.IsZero() {
		c.add(plan.CodeInvalidMonth, "location.month", "fosu05.periode", srcXSD+", periode (MM/YYYY)", "the month of the report is required")
	} else {
		days = l.Month.Days().Len()
	}
	// Source: FO-SU-05.xsd, aantal_openingsdagen — 1 or 2 digits [0-9]*;
	// "Aantal dagen waarop de opvanglocatie open was tijdens de opgegeven
	// maand".
	switch {
	case l.OpeningDays < 0 || l.OpeningDays > MaxOpeningDays:
		c.add(plan.CodeInvalidValue, "location.opening_days", "fosu05.aantal_openingsdagen", srcXSD+", aantal_openingsdagen: 1 or 2 digits",
			"%d opening days: the schema allows 0 to %d", l.OpeningDays, MaxOpeningDays)
	case days > 0 && l.OpeningDays > days:
		c.add(plan.CodeInvalidValue, "location.opening_days", "fosu05.aantal_openingsdagen", srcXSD+", aantal_openingsdagen: the days the location was open in the month",
			"%d opening days in %s, which has %d days", l.OpeningDays, l.Month, days)
	}
	// Source: FO-SU-05.xsd, prestaties — at least one prestatie (minOccurs 1).
	if len(d.Children) == 0 {
		c.add(plan.CodeMissing, "children", "fosu05.prestatie.required", srcXSD+", prestaties/prestatie minOccurs 1",
			"the report needs at least one child (prestatie)")
	}
	codes := make(map[string]int, len(d.Children))
	for i, e := range d.Children {
		c.entry(i, e, l, days, codes)
	}
	if c.text("responsible", "", d.Responsible) && strings.TrimSpace(d.Responsible) == "" {
		c.add(plan.CodeMissing, "responsible", "fosu05.verantwoordelijke.required", srcXSD+", closing/verantwoordelijke",
			"the name of the person responsible for the location (verantwoordelijke) is required")
	}
	return c.ps.Err()
}

// entry checks children[i].
func (c *checker) entry(i int, e Entry, l LocationDetails, days int, codes map[string]int) {
	f := "children[" + strconv.Itoa(i) + "]"
	if c.text(f, ".code", e.Code) {
		// Source: FO-SU-05.xsd, kind/code — maxLength 13, pattern
		// [0-9]{6}([ -])?[0-9]{3}([ -])?([0-9]*)?; the schema also allows an
		// empty code, but the code is how Opgroeien finds the child's attest
		// ("de kindcode ... terug te vinden op het 'Attest inkomenstarief'").
		switch {
		case e.Code == "":
			c.add(plan.CodeMissing, f+".code", "fosu05.code.required", srcXSD+", kind/code",
				"the child code (kindcode of the attest inkomenstarief) is required")
		case !validChildCode(e.Code):
			c.add(CodePattern, f+".code", "fosu05.code.pattern", srcXSD+", kind/code: maxLength 13, pattern [0-9]{6}([ -])?[0-9]{3}([ -])?([0-9]*)?",
				"child code %q is not 6 digits, an optional space or dash, 3 digits, an optional space or dash and digits (at most 13 characters)", e.Code)
		}
		if j, dup := codes[e.Code]; dup && e.Code != "" {
			c.add(CodeDuplicate, f+".code", "fosu05.code.unique", srcXSD+", prestatie per child",
				"child code %q is also children[%d]: one prestatie per child", e.Code, j)
		} else {
			codes[e.Code] = i
		}
	}
	c.name(f, ".first_name", "voornaam", e.FirstName)
	c.name(f, ".last_name", "naam", e.LastName)
	// Source: FO-SU-05.xsd, locatiegegevens/bo — "Indicatie op de
	// opvanglocatie buitenschoolse prestaties ... mag doorgeven of niet".
	if e.AfterSchool && !l.AfterSchool {
		c.add(CodeNotPermitted, f+".after_school", "fosu05.bo", srcXSD+", locatiegegevens/bo and kind/bo",
			"an after-school child (bo J) at a location that may not report after-school care (bo N)")
	}
	groups := [...]struct {
		name string
		n    Counts
	}{{"present", e.Present}, {"justified", e.Justified}, {"unjustified", e.Unjustified}}
	for _, g := range groups {
		bands := [...]struct {
			name, element string
			n             int
		}{{"third", "min3u", g.n.Third}, {"half", "min5u", g.n.Half}, {"full", "min11u", g.n.Full}, {"flex", "min11uFlex", g.n.Flex}}
		for _, b := range bands {
			if b.n == 0 {
				continue
			}
			// Source: FO-SU-05.xsd, dagType — an xs:int; a count of days is
			// never negative.
			if b.n < 0 || b.n > math.MaxInt32 {
				c.add(plan.CodeInvalidValue, f+"."+g.name+"."+b.name, "fosu05.count", srcXSD+", dagType (xs:int)", "%s is %d: a count of days is 0 or more", b.element, b.n)
				continue
			}
			// Source: FO-SU-05.xsd, min3u — "dit kan enkel geregistreerd
			// worden voor buitenschoolse opvang".
			if b.name == "third" && !e.AfterSchool {
				c.add(CodeNotPermitted, f+"."+g.name+"."+b.name, "fosu05.min3u", srcXSD+", aanwezigheidsType/min3u",
					"min3u (under 3 hours) is registered only for after-school care (bo J)")
			}
			// Source: FO-SU-05.xsd, min11uFlex — "dit kan enkel geregistreerd
			// worden indien de opvanglocatie de erkenning heeft ontvangen om
			// flexibele opvang aan te bieden".
			if b.name == "flex" && !l.Flex {
				c.add(CodeNotPermitted, f+"."+g.name+"."+b.name, "fosu05.min11uFlex", srcXSD+", aanwezigheidsType/min11uFlex",
					"min11uFlex is registered only at a location with permission for flexible care (flex J); elsewhere 11 hours or more is min11u")
			}
		}
	}
	// Source: Opgroeien FAQ — "Er worden nooit meer dagen betaald dan het
	// aantal dagen in de maand": each day counts once.
	if days > 0 && e.Total() > days {
		c.add(plan.CodeInvalidValue, f, "fosu05.days_in_month", srcFAQDays,
			"%d days counted in %s, which has %d: each day counts once", e.Total(), l.Month, days)
	}
}

// isXMLChar reports whether r is a character XML 1.0 allows.
func isXMLChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// validFileNumber reports whether s is a dossiernummer the schema accepts:
// length 9–10 and pattern [0-9]{9}[0-9, ]* (so 9 digits and at most one
// digit, comma or space).
func validFileNumber(s string) bool {
	if len(s) < 9 || len(s) > 10 {
		return false
	}
	for i := range 9 {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) == 9 || isDigit(s[9]) || s[9] == ',' || s[9] == ' '
}

// validChildCode reports whether s is a non-empty child code the schema
// accepts: maxLength 13, pattern [0-9]{6}([ -])?[0-9]{3}([ -])?([0-9]*)?.
func validChildCode(s string) bool {
	if len(s) > MaxChildCodeLength {
		return false
	}
	digits := func(s string, n int) (string, bool) {
		if len(s) < n {
			return s, false
		}
		for i := range n {
			if !isDigit(s[i]) {
				return s, false
			}
		}
		return s[n:], true
	}
	sep := func(s string) string {
		if s != "" && (s[0] == ' ' || s[0] == '-') {
			return s[1:]
		}
		return s
	}
	rest, ok := digits(s, 6)
	if !ok {
		return false
	}
	rest, ok = digits(sep(rest), 3)
	if !ok {
		return false
	}
	// ([ -])?([0-9]*)? — an optional separator, then digits only. The
	// separator is optional, so "1234561234" is 6+3 digits then "4".
	rest = sep(rest)
	for i := 0; i < len(rest); i++ {
		if !isDigit(rest[i]) {
			return false
		}
	}
	return true
}
