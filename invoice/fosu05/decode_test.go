package fosu05

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// baseDoc is a small valid report at a flex location with after-school
// care: a toddler with a flex day and a school-age child with third days.
func baseDoc() Document {
	return Document{
		Header:  Header{FormVersion: "1.0", MinReaderVersion: "9.1", UsedViewer: "test"},
		Checked: true,
		Location: LocationDetails{Name: "Kinderopvang De Vlinder", FileNumber: "123456789", Organiser: "vzw De Vlinder",
			Month: plan.MustMonth(2025, time.March), OpeningDays: 21, AfterSchool: true, Flex: true},
		Children: []Entry{
			{Code: "230612-118-01", FirstName: "Noor", LastName: "Peeters",
				Present: Counts{Half: 2, Full: 10, Flex: 1}, Justified: Counts{Full: 1}},
			{Code: "181103077", FirstName: "Lars", LastName: "Peeters", AfterSchool: true,
				Present: Counts{Third: 8, Full: 4}, Unjustified: Counts{Third: 1}},
		},
		Responsible: "Janssens An",
	}
}

const xsiDecl = `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`

// xmlCase is a hand-made document and the verdicts of the schema and of
// Decode on it. Where they differ, Decode is the stricter one, for a
// reason given in the case's name.
type xmlCase struct {
	name   string
	xml    string
	schema bool // FO-SU-05.xsd accepts it (checked with xmllint in CI)
	decode bool // Decode accepts it
}

// xmlCases mutates the base document's XML. Each replacement must apply.
func xmlCases(t testing.TB) []xmlCase {
	t.Helper()
	base := string(baseDoc().appendXML(nil))
	edit := func(pairs ...string) string {
		s := base
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("edit: %q not in the base document", pairs[i])
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		return s
	}
	noChildren := baseDoc()
	noChildren.Children = nil
	closing := "\t<closing>\n\t\t<verantwoordelijke>Janssens An</verantwoordelijke>\n\t</closing>\n"
	return []xmlCase{
		// Accepted by both.
		{"as encoded", base, true, true},
		// Source: FO-SU-05.xsd — IKG, locatieType and aanwezigheidsType are
		// xs:all: any order.
		{"xs:all in another order", edit(closing, "", "<IKG>\n", "<IKG>\n"+closing,
			"\t\t<naam_locatie>", "\t\t<flex>J</flex>\n\t\t<naam_locatie>", "\t\t<flex>J</flex>\n\t</locatiegegevens>", "\t</locatiegegevens>"), true, true},
		// Source: FO-SU-05.xsd — FormVersion, MinReaderVersion, flex and the
		// counts are nillable.
		{"nil FormVersion", edit("<FormVersion>1.0</FormVersion>", `<FormVersion `+xsiDecl+` xsi:nil="true"/>`), true, true},
		{"nil flex reads N, so the flex count is refused", edit("<IKG>", "<IKG "+xsiDecl+">", "<flex>J</flex>", `<flex xsi:nil="true"></flex>`), true, false},
		{"nil count", edit("<IKG>", "<IKG "+xsiDecl+">", "<min5u>2</min5u>", `<min5u xsi:nil="1"/>`), true, true},
		// Source: FO-SU-05.xsd, dagType — an empty string or an xs:int.
		{"empty count", edit("<min5u>2</min5u>", "<min5u></min5u>"), true, true},
		{"count with spaces, sign and leading zero", edit("<min11u>10</min11u>", "<min11u> +010\n</min11u>"), true, true},
		{"optional Config", edit("<IKG>\n", "<IKG>\n<Config><TargetURL>ko.formulieren@kindengezin.be</TargetURL><Subject>Opvangprestaties</Subject></Config>\n"), true, true},
		{"byte order mark", "\ufeff" + base, true, true},
		{"lower-case flags", edit("<bo>J</bo>", "<bo>j</bo>", "<FormulierGecontroleerd>J<", "<FormulierGecontroleerd>j<"), true, true},
		// Source: FO-SU-05.xsd, dossiernummer — [0-9]{9}[0-9, ]*, length 9–10.
		{"file number with a comma", edit("123456789<", "123456789,<"), true, true},
		{"ten-digit file number", edit("123456789<", "1234567890<"), true, true},
		{"file number with a trailing space", edit("123456789<", "123456789 <"), true, true},
		// Source: FO-SU-05.xsd, kind/code — [0-9]{6}([ -])?[0-9]{3}([ -])?([0-9]*)?.
		{"child code with spaces", edit("<code>181103077<", "<code>181103 077 4<"), true, true},
		{"child code of 13 characters", edit("<code>181103077<", "<code>181103-077-04<"), true, true},
		// Source: FO-SU-05.xsd, aantal_openingsdagen — 1 or 2 digits.
		{"opening days with a leading zero", edit("<aantal_openingsdagen>21<", "<aantal_openingsdagen>05<"), true, true},
		// Source: FO-SU-05.xsd — DocumentIndicator fixed="FO-SU-05".
		{"empty DocumentIndicator takes the fixed value", edit("<DocumentIndicator>FO-SU-05</DocumentIndicator>", "<DocumentIndicator/>"), true, true},
		{"comment and CDATA in a name", edit("<voornaam>Noor</voornaam>", "<voornaam><![CDATA[No]]><!-- c -->or</voornaam>"), true, true},
		{"50 accented characters", edit("<voornaam>Noor<", "<voornaam>"+strings.Repeat("é", 50)+"<"), true, true},
		{"markup characters escaped", edit("<naam_organisator>vzw De Vlinder<", "<naam_organisator>A &amp; B &lt;vzw&gt; &#x1F600;<"), true, true},
		{"schema location hint", edit("<IKG>", "<IKG "+xsiDecl+` xsi:noNamespaceSchemaLocation="FO-SU-05.xsd">`), true, true},

		// Accepted by the schema, refused by Decode (Validate's own rules).
		// The child code and the names identify the child at Opgroeien.
		{"empty child code", edit("<code>181103077<", "<code><"), true, false},
		{"empty first name", edit("<voornaam>Noor<", "<voornaam><"), true, false},
		{"blank organiser", edit("<naam_organisator>vzw De Vlinder<", "<naam_organisator>  <"), true, false},
		{"empty responsible", edit("<verantwoordelijke>Janssens An<", "<verantwoordelijke><"), true, false},
		// periode must be a month; \d in XSD is any Unicode digit.
		{"month 13", edit("<periode>03/2025<", "<periode>13/2025<"), true, false},
		{"periode in Arabic-Indic digits", edit("<periode>03/2025<", "<periode>٠٣/٢٠٢٥<"), true, false},
		{"negative count", edit("<min5u>2</min5u>", "<min5u>-2</min5u>"), true, false},
		{"more opening days than the month", edit("<aantal_openingsdagen>21<", "<aantal_openingsdagen>32<"), true, false},
		// Source: FO-SU-05.xsd, min11uFlex — only with flex permission.
		{"flex count without flex permission", edit("<flex>J</flex>", "<flex>N</flex>"), true, false},
		// Source: FO-SU-05.xsd, min3u — only for after-school care.
		{"min3u without bo", edit("\t\t\t\t\t<bo>J</bo>", "\t\t\t\t\t<bo>N</bo>"), true, false},
		{"after-school child at a location without bo", edit("\t\t<bo>J</bo>", "\t\t<bo>N</bo>"), true, false},
		{"DOCTYPE", edit("?>\n", "?>\n<!DOCTYPE IKG>\n"), true, false},
		// libxml2 takes a reference to a space between elements as white
		// space; Decode refuses any reference there.
		{"space reference between elements", edit("<closing>", "<closing>&#32;"), true, false},

		// Refused by both.
		{"eight-digit file number", edit("123456789<", "12345678<"), false, false},
		{"letter in the file number", edit("123456789<", "12345678A<"), false, false},
		{"eleven-character file number", edit("123456789<", "123456789 0<"), false, false},
		{"location name of 51 characters", edit("<naam_locatie>Kinderopvang De Vlinder<", "<naam_locatie>"+strings.Repeat("a", 51)+"<"), false, false},
		{"first name of 51 accented characters", edit("<voornaam>Noor<", "<voornaam>"+strings.Repeat("é", 51)+"<"), false, false},
		{"child code K-118", edit("<code>181103077<", "<code>K-118<"), false, false},
		{"child code of 14 characters", edit("<code>181103077<", "<code>181103-077-041<"), false, false},
		{"100 opening days", edit("<aantal_openingsdagen>21<", "<aantal_openingsdagen>100<"), false, false},
		{"no opening days value", edit("<aantal_openingsdagen>21<", "<aantal_openingsdagen><"), false, false},
		{"periode 3/2025", edit("<periode>03/2025<", "<periode>3/2025<"), false, false},
		{"periode 2025-03", edit("<periode>03/2025<", "<periode>2025-03<"), false, false},
		{"missing min5u", edit("<min5u>2</min5u>", ""), false, false},
		{"missing closing", edit(closing, ""), false, false},
		{"no prestatie", string(noChildren.appendXML(nil)), false, false},
		{"FormulierGecontroleerd X", edit("<FormulierGecontroleerd>J<", "<FormulierGecontroleerd>X<"), false, false},
		{"flag Ja", edit("<bo>J</bo>", "<bo>Ja</bo>"), false, false},
		{"DocumentIndicator FO-SU-06", edit("<DocumentIndicator>FO-SU-05<", "<DocumentIndicator>FO-SU-06<"), false, false},
		{"unknown element", edit("<naam_locatie>", "<straat>Naamsestraat</straat><naam_locatie>"), false, false},
		{"element twice in an xs:all", edit("<naam_organisator>", "<naam_locatie>X</naam_locatie><naam_organisator>"), false, false},
		{"kind twice in kindInfo", edit("</kind>", "</kind><kind><code/><voornaam>A</voornaam><naam>B</naam><bo>N</bo></kind>"), false, false},
		{"text in element-only content", edit("<closing>", "<closing>hallo"), false, false},
		{"CDATA space between elements", edit("<closing>", "<closing><![CDATA[ ]]>"), false, false},
		{"nil on a non-nillable element", edit("<naam_locatie>Kinderopvang De Vlinder</naam_locatie>", `<naam_locatie `+xsiDecl+` xsi:nil="true"/>`), false, false},
		{"nil with content", edit("<FormVersion>1.0<", `<FormVersion `+xsiDecl+` xsi:nil="true">1.0<`), false, false},
		{"attribute not in the schema", edit("<IKG>", `<IKG versie="2.3">`), false, false},
		{"count not an integer", edit("<min5u>2<", "<min5u>1.5<"), false, false},
		{"count of a space", edit("<min5u>2<", "<min5u> <"), false, false},
		{"count above xs:int", edit("<min5u>2<", "<min5u>2147483648<"), false, false},
		{"namespace on the root", edit("<IKG>", `<IKG xmlns="http://example.org/fosu05">`), false, false},
		{"element in a simple value", edit("<voornaam>Noor<", "<voornaam><b>Noor</b><"), false, false},
		{"wrong root", strings.ReplaceAll(base, "IKG>", "KG>"), false, false},
		{"not well-formed", base[:len(base)-8], false, false},
	}
}

// Decode accepts and refuses as the table says, refusals with problems
// whose code says why.
func TestDecodeCases(t *testing.T) {
	for _, c := range xmlCases(t) {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse([]byte(c.xml))
			if c.decode {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if _, err := d.XML(); err != nil {
					t.Fatalf("a decoded document does not encode: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Parse accepted it")
			}
			ps := plan.AsProblems(err)
			if len(ps) == 0 {
				t.Fatalf("not a plan.Problem: %v", err)
			}
			for _, p := range ps {
				if p.Code == "" || p.Message == "" {
					t.Errorf("problem without code or message: %+v", p)
				}
			}
		})
	}
}

// Structural errors name the XML path; all of them come at once.
func TestDecodeProblemPaths(t *testing.T) {
	base := string(baseDoc().appendXML(nil))
	s := strings.Replace(base, "<min5u>2</min5u>", "", 1)
	s = strings.Replace(s, "<bo>J</bo>", "<bo>Ja</bo>", 1)
	_, err := Parse([]byte(s))
	ps := plan.AsProblems(err)
	want := map[string]bool{
		"IKG/prestaties/prestatie[0]/aanwezigheden/min5u": false,
		"IKG/locatiegegevens/bo":                          false,
	}
	for _, p := range ps {
		if _, ok := want[p.Field]; ok {
			want[p.Field] = true
		}
		if !errors.Is(err, CodeMalformedXML) {
			t.Errorf("problem %v: not CodeMalformedXML", p)
		}
	}
	for f, seen := range want {
		if !seen {
			t.Errorf("no problem at %s; got %v", f, err)
		}
	}
}

// A document that fails only Validate comes back as read, with the
// problems.
func TestDecodeReturnsDocumentWithProblems(t *testing.T) {
	s := strings.Replace(string(baseDoc().appendXML(nil)), "<voornaam>Noor<", "<voornaam><", 1)
	d, err := Parse([]byte(s))
	if err == nil || d.Location.Name != "Kinderopvang De Vlinder" {
		t.Fatalf("got %v, %+v", err, d.Location)
	}
	if ps := plan.AsProblems(err); len(ps) != 1 || ps[0].Field != "children[0].first_name" || ps[0].Code != plan.CodeMissing {
		t.Fatalf("problems: %v", err)
	}
}

// Decode reads no more than MaxDocumentSize.
func TestDecodeTooLarge(t *testing.T) {
	big := strings.Repeat(" ", MaxDocumentSize+1)
	if _, err := Decode(strings.NewReader(big)); !errors.Is(err, CodeMalformedXML) {
		t.Fatalf("got %v", err)
	}
}
