package fosu05

import (
	"io"
	"strconv"
)

// Encode validates d and writes it as FO-SU-05 XML (UTF-8, indented with
// tabs). When d is not valid it writes nothing and returns every problem
// (see Validate): what Encode writes, the schema accepts.
func (d Document) Encode(w io.Writer) error {
	b, err := d.XML()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// XML validates d and returns it as FO-SU-05 XML; see Encode.
func (d Document) XML() ([]byte, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return d.appendXML(nil), nil
}

// appendXML writes d without validating it. The elements of an xs:all come
// in one fixed order (any order is valid); optional elements are written
// when they apply: min3u for an after-school child (bo J), min11uFlex at a
// flex location, Config when set.
func (d Document) appendXML(b []byte) []byte {
	w := xmlWriter{b: b}
	w.b = append(w.b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"...)
	w.open("IKG")
	// Source: FO-SU-05.xsd, IKG/Header — DocumentIndicator (fixed FO-SU-05),
	// FormVersion, MinReaderVersion, UsedViewer; all required.
	w.open("Header")
	w.leaf("DocumentIndicator", DocumentIndicator)
	w.leaf("FormVersion", d.Header.FormVersion)
	w.leaf("MinReaderVersion", d.Header.MinReaderVersion)
	w.leaf("UsedViewer", d.Header.UsedViewer)
	w.close("Header")
	w.leaf("FormulierGecontroleerd", yesNo(d.Checked))
	if d.Config != nil {
		w.open("Config")
		w.leaf("TargetURL", d.Config.TargetURL)
		w.leaf("Subject", d.Config.Subject)
		w.close("Config")
	}
	l := d.Location
	w.open("locatiegegevens")
	w.leaf("naam_locatie", l.Name)
	w.leaf("dossiernummer", l.FileNumber)
	w.leaf("naam_organisator", l.Organiser)
	w.leaf("periode", period(l))
	w.leaf("aantal_openingsdagen", strconv.Itoa(l.OpeningDays))
	w.leaf("bo", yesNo(l.AfterSchool))
	w.leaf("flex", yesNo(l.Flex))
	w.close("locatiegegevens")
	w.open("prestaties")
	for _, e := range d.Children {
		w.open("prestatie")
		// Source: FO-SU-05.xsd, kindInfo — a sequence of one kind: code,
		// voornaam, naam, bo (xs:all).
		w.open("kindInfo")
		w.open("kind")
		w.leaf("code", e.Code)
		w.leaf("voornaam", e.FirstName)
		w.leaf("naam", e.LastName)
		w.leaf("bo", yesNo(e.AfterSchool))
		w.close("kind")
		w.close("kindInfo")
		w.counts("aanwezigheden", e.Present, e.AfterSchool, l.Flex)
		w.counts("gerechtvaardigde_afwezigheden", e.Justified, e.AfterSchool, l.Flex)
		w.counts("niet_gerechtvaardigde_afwezigheden", e.Unjustified, e.AfterSchool, l.Flex)
		w.close("prestatie")
	}
	w.close("prestaties")
	w.open("closing")
	w.leaf("verantwoordelijke", d.Responsible)
	w.close("closing")
	w.close("IKG")
	return w.b
}

// period formats the month as MM/YYYY ("" for the zero month).
//
// Source: FO-SU-05.xsd, periode — pattern \d{2}/\d{4}, "formaat is MM/YYYY".
func period(l LocationDetails) string {
	if l.Month.IsZero() {
		return ""
	}
	b := make([]byte, 0, 7)
	if m := int(l.Month.Month()); m < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(l.Month.Month()), 10)
	b = append(b, '/')
	y := l.Month.Year()
	for p := 1000; p > 1 && y < p; p /= 10 {
		b = append(b, '0')
	}
	return string(strconv.AppendInt(b, int64(y), 10))
}

// yesNo writes a flag as the schema's J or N.
func yesNo(v bool) string {
	if v {
		return "J"
	}
	return "N"
}

// xmlWriter writes indented XML into b.
type xmlWriter struct {
	b     []byte
	depth int
}

func (w *xmlWriter) indent() {
	for range w.depth {
		w.b = append(w.b, '\t')
	}
}

func (w *xmlWriter) open(name string) {
	w.indent()
	w.b = append(append(append(w.b, '<'), name...), ">\n"...)
	w.depth++
}

func (w *xmlWriter) close(name string) {
	w.depth--
	w.indent()
	w.b = append(append(append(w.b, "</"...), name...), ">\n"...)
}

// leaf writes <name>text</name>, the text escaped so that every character
// reads back unchanged: &, < and > as entities, a carriage return as &#xD;
// (a parser would otherwise turn a raw CR or CR LF into LF).
func (w *xmlWriter) leaf(name, text string) {
	w.indent()
	w.b = append(append(append(w.b, '<'), name...), '>')
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '&':
			w.b = append(w.b, "&amp;"...)
		case '<':
			w.b = append(w.b, "&lt;"...)
		case '>':
			w.b = append(w.b, "&gt;"...)
		case '\r':
			w.b = append(w.b, "&#xD;"...)
		default:
			w.b = append(w.b, c)
		}
	}
	w.b = append(append(append(w.b, "</"...), name...), ">\n"...)
}

// counts writes one aanwezigheidsType.
//
// Source: FO-SU-05.xsd, aanwezigheidsType — min5u and min11u required;
// min3u optional, "enkel ... voor buitenschoolse opvang"; min11uFlex
// optional, "enkel ... indien de opvanglocatie de erkenning heeft ontvangen
// om flexibele opvang aan te bieden".
func (w *xmlWriter) counts(name string, c Counts, afterSchool, flex bool) {
	w.open(name)
	if afterSchool {
		w.leaf("min3u", strconv.Itoa(c.Third))
	}
	w.leaf("min5u", strconv.Itoa(c.Half))
	w.leaf("min11u", strconv.Itoa(c.Full))
	if flex {
		w.leaf("min11uFlex", strconv.Itoa(c.Flex))
	}
	w.close(name)
}
