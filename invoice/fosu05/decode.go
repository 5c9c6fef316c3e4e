package fosu05

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// MaxDocumentSize is the largest XML Decode reads, in bytes (a report of
// thousands of children takes a few megabytes).
const MaxDocumentSize = 16 << 20

// maxDepth is the deepest nesting of the schema: IKG, prestaties, prestatie,
// kindInfo, kind, code.
const maxDepth = 6

const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// Decode reads one FO-SU-05 document (UTF-8, at most MaxDocumentSize
// bytes). It checks the schema's structure — unknown or repeated elements,
// missing required ones, text where the schema has elements, attributes
// other than xsi:nil on nillable elements (and namespace declarations and
// schema-location hints), J/N flags, periode, aantal_openingsdagen, counts
// that are not an xs:int, the fixed DocumentIndicator — and refuses a
// DOCTYPE, each with a plan.Problem whose Field is the XML path (e.g.
// "IKG/prestaties/prestatie[2]/aanwezigheden/min5u"). Then it runs
// Document.Validate, which checks the schema's facets and the
// registration's own rules; so periode must also be an existing month
// written in ASCII digits. Whatever Decode accepts encodes again to XML
// the schema accepts.
//
// When the XML has the schema's structure but the document fails
// Validate, Decode returns the document as read together with the
// problems; on any other error it returns the zero Document. An empty or
// nil count (min3u, min5u, ...) reads as 0, a nil FormVersion,
// MinReaderVersion, TargetURL or Subject as "".
func Decode(r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return Document{}, err
	}
	return Parse(data)
}

// Parse is Decode on a byte slice.
func Parse(data []byte) (Document, error) {
	if len(data) > MaxDocumentSize {
		return Document{}, plan.Problem{Code: CodeMalformedXML, Message: fmt.Sprintf("the document is larger than %d bytes", MaxDocumentSize)}
	}
	// A byte order mark is not part of the document.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	root, err := parseTree(data)
	if err != nil {
		return Document{}, err
	}
	var rd reader
	d := rd.document(root)
	if len(rd.ps) > 0 {
		return Document{}, rd.ps
	}
	if err := d.Validate(); err != nil {
		return d, err
	}
	return d, nil
}

// node is an element of the document.
type node struct {
	name string
	path string
	nil  bool
	text []byte
	kids []*node
}

func malformed(path, format string, args ...any) plan.Problem {
	return plan.Problem{Code: CodeMalformedXML, Field: path, Message: fmt.Sprintf(format, args...),
		Rule: plan.Rule{ID: "fosu05.structure", Source: srcXSD}}
}

// parseTree reads the XML into a tree of elements. It checks
// well-formedness, namespaces, attributes and depth; the schema's structure
// is checked by reader.
func parseTree(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root *node
	var stack []*node
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, malformed("", "line %d: %s", se.Line, se.Msg)
			}
			return nil, malformed("", "%s", err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, malformed("", "a second root element <%s>", t.Name.Local)
			}
			path := t.Name.Local
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				path = p.path + "/" + t.Name.Local
				// Each prestatie is told apart by its index.
				if t.Name.Local == "prestatie" {
					path = fmt.Sprintf("%s[%d]", path, len(p.kids))
				}
			}
			if len(stack) >= maxDepth {
				return nil, malformed(path, "nested deeper than the schema allows")
			}
			// Source: FO-SU-05.xsd has no targetNamespace: every element is
			// unqualified.
			if t.Name.Space != "" {
				return nil, malformed(path, "element in namespace %q; the schema's elements have none", t.Name.Space)
			}
			n := &node{name: t.Name.Local, path: path}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns"):
					// a namespace declaration
				case a.Name.Space == xsiNS && a.Name.Local == "nil":
					v, ok := parseXSBool(a.Value)
					if !ok {
						return nil, malformed(path, "xsi:nil=%q is not a boolean", a.Value)
					}
					n.nil = v
				case a.Name.Space == xsiNS && (a.Name.Local == "schemaLocation" || a.Name.Local == "noNamespaceSchemaLocation"):
					// a schema location hint
				default:
					return nil, malformed(path, "attribute %q is not in the schema", a.Name.Local)
				}
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if !isXMLSpace(t) {
					return nil, malformed("", "text outside the root element")
				}
				continue
			}
			n := stack[len(stack)-1]
			n.text = append(n.text, t...)
		case xml.Directive:
			return nil, malformed("", "a DOCTYPE or other directive is not allowed")
		}
	}
	if root == nil {
		return nil, malformed("", "no root element")
	}
	return root, nil
}

// parseXSBool parses an xs:boolean (whitespace collapsed).
func parseXSBool(s string) (bool, bool) {
	switch strings.Trim(s, " \t\n\r") {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

func isXMLSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// reader turns the tree into a Document, gathering every problem.
type reader struct{ ps plan.Problems }

func (r *reader) fail(path, format string, args ...any) {
	r.ps = append(r.ps, malformed(path, format, args...))
}

// spec describes a child element of an xs:all.
type spec struct {
	name     string
	optional bool
	nillable bool
}

// complex checks that n is an element-only element whose children are the
// elements of an xs:all, each at most once, the required ones present, and
// returns them by name.
func (r *reader) complex(n *node, all ...spec) map[string]*node {
	if !r.elementOnly(n) {
		return nil
	}
	got := make(map[string]*node, len(all))
	for _, k := range n.kids {
		var s *spec
		for i := range all {
			if all[i].name == k.name {
				s = &all[i]
			}
		}
		switch {
		case s == nil:
			r.fail(k.path, "<%s> is not allowed in <%s>", k.name, n.name)
			continue
		case got[k.name] != nil:
			r.fail(k.path, "<%s> appears twice in <%s>", k.name, n.name)
			continue
		case k.nil && !s.nillable:
			r.fail(k.path, "<%s> is not nillable", k.name)
			continue
		}
		got[k.name] = k
	}
	for _, s := range all {
		if !s.optional && got[s.name] == nil {
			r.fail(n.path+"/"+s.name, "<%s> is required in <%s>", s.name, n.name)
		}
	}
	return got
}

// elementOnly checks that n holds elements and whitespace only.
func (r *reader) elementOnly(n *node) bool {
	if n.nil {
		r.fail(n.path, "<%s> is not nillable", n.name)
		return false
	}
	if !isXMLSpace(n.text) {
		r.fail(n.path, "<%s> holds text; the schema allows only elements in it", n.name)
		return false
	}
	return true
}

// simple returns the text of a simple-typed element (nil: ""), or reports
// child elements.
func (r *reader) simple(n *node) (string, bool) {
	if n == nil {
		return "", false
	}
	if len(n.kids) > 0 {
		r.fail(n.kids[0].path, "<%s> is a simple value; it holds no elements", n.name)
		return "", false
	}
	if n.nil {
		if len(n.text) > 0 {
			r.fail(n.path, "<%s> is nil but holds text", n.name)
			return "", false
		}
		return "", true
	}
	return string(n.text), true
}

// str returns the text of n (the schema's xs:string keeps whitespace).
func (r *reader) str(n *node) string {
	s, _ := r.simple(n)
	return s
}

// flag reads a J/N enumeration.
//
// Source: FO-SU-05.xsd — the enumerations N, n, J, j of FormulierGecontroleerd,
// bo and flex.
func (r *reader) flag(n *node) bool {
	s, ok := r.simple(n)
	if !ok {
		return false
	}
	switch s {
	case "J", "j":
		return true
	case "N", "n":
		return false
	}
	if n.nil {
		return false
	}
	r.fail(n.path, "%q is not J or N", s)
	return false
}

// count reads a dagType: an empty string or an xs:int.
//
// Source: FO-SU-05.xsd, dagType — the union of a string of length 0 and
// xs:int.
func (r *reader) count(n *node) int {
	s, ok := r.simple(n)
	if !ok || s == "" {
		return 0
	}
	v, err := strconv.ParseInt(strings.Trim(s, " \t\n\r"), 10, 32)
	if err != nil {
		r.fail(n.path, "%q is not an empty value nor an xs:int", s)
		return 0
	}
	return int(v)
}

func (r *reader) document(root *node) Document {
	var d Document
	if root.name != "IKG" {
		r.fail(root.path, "the root element is <%s>, not <IKG>", root.name)
		return d
	}
	// Source: FO-SU-05.xsd, IKG — xs:all of prestaties, closing,
	// locatiegegevens, Header, FormulierGecontroleerd and an optional
	// Config.
	top := r.complex(root, spec{name: "prestaties"}, spec{name: "closing"}, spec{name: "locatiegegevens"},
		spec{name: "Header"}, spec{name: "FormulierGecontroleerd"}, spec{name: "Config", optional: true})
	if top == nil {
		return d
	}
	if h := top["Header"]; h != nil {
		if hs := r.complex(h, spec{name: "DocumentIndicator"}, spec{name: "FormVersion", nillable: true},
			spec{name: "MinReaderVersion", nillable: true}, spec{name: "UsedViewer"}); hs != nil {
			// Source: FO-SU-05.xsd — DocumentIndicator fixed="FO-SU-05" (an
			// empty element takes the fixed value).
			if di := hs["DocumentIndicator"]; di != nil {
				if s, ok := r.simple(di); ok && s != DocumentIndicator && s != "" {
					r.fail(di.path, "DocumentIndicator is %q; the schema fixes it to %q", s, DocumentIndicator)
				}
			}
			d.Header = Header{FormVersion: r.str(hs["FormVersion"]), MinReaderVersion: r.str(hs["MinReaderVersion"]), UsedViewer: r.str(hs["UsedViewer"])}
		}
	}
	if n := top["FormulierGecontroleerd"]; n != nil {
		d.Checked = r.flag(n)
	}
	if c := top["Config"]; c != nil {
		if cs := r.complex(c, spec{name: "TargetURL", nillable: true}, spec{name: "Subject", nillable: true}); cs != nil {
			d.Config = &Config{TargetURL: r.str(cs["TargetURL"]), Subject: r.str(cs["Subject"])}
		}
	}
	if l := top["locatiegegevens"]; l != nil {
		d.Location = r.location(l)
	}
	if p := top["prestaties"]; p != nil {
		d.Children = r.entries(p)
	}
	if c := top["closing"]; c != nil && r.elementOnly(c) {
		// Source: FO-SU-05.xsd, closing — a sequence of one verantwoordelijke.
		if len(c.kids) != 1 || c.kids[0].name != "verantwoordelijke" || c.kids[0].nil {
			r.fail(c.path, "<closing> holds exactly one <verantwoordelijke>")
		} else {
			d.Responsible = r.str(c.kids[0])
		}
	}
	return d
}

func (r *reader) location(n *node) LocationDetails {
	// Source: FO-SU-05.xsd, locatieType — xs:all; only flex is nillable.
	ls := r.complex(n, spec{name: "naam_locatie"}, spec{name: "dossiernummer"}, spec{name: "naam_organisator"},
		spec{name: "periode"}, spec{name: "aantal_openingsdagen"}, spec{name: "bo"}, spec{name: "flex", nillable: true})
	if ls == nil {
		return LocationDetails{}
	}
	l := LocationDetails{Name: r.str(ls["naam_locatie"]), FileNumber: r.str(ls["dossiernummer"]), Organiser: r.str(ls["naam_organisator"])}
	if p := ls["periode"]; p != nil {
		if s, ok := r.simple(p); ok {
			m, err := parsePeriod(s)
			if err != nil {
				r.fail(p.path, "%s", err.Error())
			}
			l.Month = m
		}
	}
	// Source: FO-SU-05.xsd, aantal_openingsdagen — minLength 1, maxLength
	// 2, pattern [0-9]*.
	if o := ls["aantal_openingsdagen"]; o != nil {
		if s, ok := r.simple(o); ok {
			if len(s) < 1 || len(s) > 2 || !isDigit(s[0]) || !isDigit(s[len(s)-1]) {
				r.fail(o.path, "%q is not 1 or 2 digits", s)
			} else {
				l.OpeningDays, _ = strconv.Atoi(s)
			}
		}
	}
	if b := ls["bo"]; b != nil {
		l.AfterSchool = r.flag(b)
	}
	if f := ls["flex"]; f != nil {
		l.Flex = r.flag(f)
	}
	return l
}

// parsePeriod parses MM/YYYY.
func parsePeriod(s string) (plan.Month, error) {
	if len(s) != 7 || s[2] != '/' {
		return plan.Month{}, fmt.Errorf("periode %q is not MM/YYYY", s)
	}
	for i, c := range []byte(s) {
		if i != 2 && !isDigit(c) {
			return plan.Month{}, fmt.Errorf("periode %q is not MM/YYYY in digits 0-9", s)
		}
	}
	m, _ := strconv.Atoi(s[:2])
	y, _ := strconv.Atoi(s[3:])
	month, err := plan.NewMonth(y, time.Month(m))
	if err != nil {
		return plan.Month{}, fmt.Errorf("periode %q is not an existing month", s)
	}
	return month, nil
}

func (r *reader) entries(n *node) []Entry {
	// Source: FO-SU-05.xsd, prestaties — a sequence of one or more prestatie.
	if !r.elementOnly(n) {
		return nil
	}
	if len(n.kids) == 0 {
		r.fail(n.path+"/prestatie", "<prestaties> holds at least one <prestatie>")
	}
	out := make([]Entry, 0, len(n.kids))
	for _, k := range n.kids {
		if k.name != "prestatie" {
			r.fail(k.path, "<%s> is not allowed in <prestaties>", k.name)
			continue
		}
		out = append(out, r.entry(k))
	}
	return out
}

func (r *reader) entry(n *node) Entry {
	// Source: FO-SU-05.xsd, prestatietype — xs:all of kindInfo,
	// aanwezigheden, gerechtvaardigde_afwezigheden and
	// niet_gerechtvaardigde_afwezigheden.
	ps := r.complex(n, spec{name: "kindInfo"}, spec{name: "aanwezigheden"}, spec{name: "gerechtvaardigde_afwezigheden"},
		spec{name: "niet_gerechtvaardigde_afwezigheden"})
	var e Entry
	if ps == nil {
		return e
	}
	if ki := ps["kindInfo"]; ki != nil && r.elementOnly(ki) {
		// Source: FO-SU-05.xsd, kindInfo — a sequence of one kind, an xs:all
		// of code, voornaam, naam and bo, none nillable.
		if len(ki.kids) != 1 || ki.kids[0].name != "kind" {
			r.fail(ki.path, "<kindInfo> holds exactly one <kind>")
		} else {
			kind := ki.kids[0]
			if ks := r.complex(kind, spec{name: "code"}, spec{name: "voornaam"}, spec{name: "naam"}, spec{name: "bo"}); ks != nil {
				e.Code, e.FirstName, e.LastName = r.str(ks["code"]), r.str(ks["voornaam"]), r.str(ks["naam"])
				e.AfterSchool = r.flag(ks["bo"])
			}
		}
	}
	e.Present = r.counts(ps["aanwezigheden"])
	e.Justified = r.counts(ps["gerechtvaardigde_afwezigheden"])
	e.Unjustified = r.counts(ps["niet_gerechtvaardigde_afwezigheden"])
	return e
}

func (r *reader) counts(n *node) Counts {
	if n == nil {
		return Counts{}
	}
	// Source: FO-SU-05.xsd, aanwezigheidsType — xs:all; min3u and
	// min11uFlex optional; all four nillable.
	cs := r.complex(n, spec{name: "min3u", optional: true, nillable: true}, spec{name: "min5u", nillable: true},
		spec{name: "min11u", nillable: true}, spec{name: "min11uFlex", optional: true, nillable: true})
	if cs == nil {
		return Counts{}
	}
	var c Counts
	if k := cs["min3u"]; k != nil {
		c.Third = r.count(k)
	}
	if k := cs["min5u"]; k != nil {
		c.Half = r.count(k)
	}
	if k := cs["min11u"]; k != nil {
		c.Full = r.count(k)
	}
	if k := cs["min11uFlex"]; k != nil {
		c.Flex = r.count(k)
	}
	return c
}
