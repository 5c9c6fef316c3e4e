package fosu05

import (
	"bytes"
	"fmt"
	"io"
	"slices"
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

// Decode reads one FO-SU-05 document: XML 1.0 in UTF-8, at most
// MaxDocumentSize bytes; an XML declaration of another version or
// encoding, a DOCTYPE, and every well-formedness or namespace error are
// refused. It checks the schema's structure — unknown or repeated elements,
// missing required ones, text where the schema has elements, attributes
// other than xsi:nil on nillable elements (and namespace declarations and
// schema-location hints), J/N flags, periode, aantal_openingsdagen, counts
// that are not an xs:int, the fixed DocumentIndicator — each with a
// plan.Problem whose Field is the XML path (e.g.
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
	name   string
	parent *node
	// index is the element's position among its parent's children.
	index int
	nil   bool
	// text is the element's text; mixed says an element with children
	// also holds text other than whitespace.
	text  string
	mixed bool
	// marked says the text so far held a reference or a CDATA section:
	// never ignorable white space.
	marked bool
	// raw gathers the text while it comes in more than one segment.
	raw  []byte
	kids []*node
}

// path returns the element's XML path, e.g.
// "IKG/prestaties/prestatie[1]/kindInfo"; prestatie elements carry their
// index.
func (n *node) path() string {
	if n == nil {
		return ""
	}
	s := n.name
	if n.name == "prestatie" && n.parent != nil {
		s = fmt.Sprintf("prestatie[%d]", n.index)
	}
	if n.parent == nil {
		return s
	}
	return n.parent.path() + "/" + s
}

func malformed(path, format string, args ...any) plan.Problem {
	return plan.Problem{Code: CodeMalformedXML, Field: path, Message: fmt.Sprintf(format, args...),
		Rule: plan.Rule{ID: "fosu05.structure", Source: srcXSD}}
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

func isXMLSpace(b string) bool {
	for _, c := range []byte(b) {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// reader turns the tree into a Document, gathering every problem.
type reader struct{ ps plan.Problems }

func (r *reader) fail(path, format string, args ...any) {
	switch {
	case len(r.ps) < maxProblems:
		r.ps = append(r.ps, malformed(path, format, args...))
	case len(r.ps) == maxProblems:
		r.ps = append(r.ps, malformed("", "more than %d problems; the rest are not listed", maxProblems))
	}
}

// maxProblems bounds the structural problems Decode lists.
const maxProblems = 100

// spec describes a child element of an xs:all.
type spec struct {
	name     string
	optional bool
	nillable bool
}

// found are the children of an xs:all, by spec.
type found struct {
	specs []spec
	nodes []*node
}

// get returns the child called name, or nil.
func (f found) get(name string) *node {
	for i, s := range f.specs {
		if s.name == name {
			return f.nodes[i]
		}
	}
	return nil
}

// ok reports whether the element's content could be read.
func (f found) ok() bool { return f.nodes != nil }

// complex checks that n is an element-only element whose children are the
// elements of an xs:all, each at most once, the required ones present, and
// returns them.
func (r *reader) complex(n *node, all ...spec) found {
	if !r.elementOnly(n) {
		return found{}
	}
	f := found{specs: all, nodes: make([]*node, len(all))}
	for _, k := range n.kids {
		i := slices.IndexFunc(all, func(s spec) bool { return s.name == k.name })
		switch {
		case i < 0:
			r.fail(k.path(), "<%s> is not allowed in <%s>", k.name, n.name)
			continue
		case f.nodes[i] != nil:
			r.fail(k.path(), "<%s> appears twice in <%s>", k.name, n.name)
			continue
		case k.nil && !all[i].nillable:
			r.fail(k.path(), "<%s> is not nillable", k.name)
			continue
		}
		f.nodes[i] = k
	}
	for i, s := range all {
		if !s.optional && f.nodes[i] == nil {
			r.fail(n.path()+"/"+s.name, "<%s> is required in <%s>", s.name, n.name)
		}
	}
	return f
}

// elementOnly checks that n holds elements and whitespace only.
func (r *reader) elementOnly(n *node) bool {
	if n.nil {
		r.fail(n.path(), "<%s> is not nillable", n.name)
		return false
	}
	if n.mixed || !isXMLSpace(n.text) {
		r.fail(n.path(), "<%s> holds text; the schema allows only elements in it", n.name)
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
		r.fail(n.kids[0].path(), "<%s> is a simple value; it holds no elements", n.name)
		return "", false
	}
	if n.nil {
		if n.text != "" {
			r.fail(n.path(), "<%s> is nil but holds text", n.name)
			return "", false
		}
		return "", true
	}
	return n.text, true
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
	r.fail(n.path(), "%q is not J or N", s)
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
		r.fail(n.path(), "%q is not an empty value nor an xs:int", s)
		return 0
	}
	return int(v)
}

func (r *reader) document(root *node) Document {
	var d Document
	if root.name != "IKG" {
		r.fail(root.path(), "the root element is <%s>, not <IKG>", root.name)
		return d
	}
	// Source: FO-SU-05.xsd, IKG — xs:all of prestaties, closing,
	// locatiegegevens, Header, FormulierGecontroleerd and an optional
	// Config.
	top := r.complex(root, spec{name: "prestaties"}, spec{name: "closing"}, spec{name: "locatiegegevens"},
		spec{name: "Header"}, spec{name: "FormulierGecontroleerd"}, spec{name: "Config", optional: true})
	if !top.ok() {
		return d
	}
	if h := top.get("Header"); h != nil {
		if hs := r.complex(h, spec{name: "DocumentIndicator"}, spec{name: "FormVersion", nillable: true},
			spec{name: "MinReaderVersion", nillable: true}, spec{name: "UsedViewer"}); hs.ok() {
			// Source: FO-SU-05.xsd — DocumentIndicator fixed="FO-SU-05" (an
			// empty element takes the fixed value).
			if di := hs.get("DocumentIndicator"); di != nil {
				if s, ok := r.simple(di); ok && s != DocumentIndicator && s != "" {
					r.fail(di.path(), "DocumentIndicator is %q; the schema fixes it to %q", s, DocumentIndicator)
				}
			}
			d.Header = Header{FormVersion: r.str(hs.get("FormVersion")), MinReaderVersion: r.str(hs.get("MinReaderVersion")), UsedViewer: r.str(hs.get("UsedViewer"))}
		}
	}
	if n := top.get("FormulierGecontroleerd"); n != nil {
		d.Checked = r.flag(n)
	}
	if c := top.get("Config"); c != nil {
		if cs := r.complex(c, spec{name: "TargetURL", nillable: true}, spec{name: "Subject", nillable: true}); cs.ok() {
			d.Config = &Config{TargetURL: r.str(cs.get("TargetURL")), Subject: r.str(cs.get("Subject"))}
		}
	}
	if l := top.get("locatiegegevens"); l != nil {
		d.Location = r.location(l)
	}
	if p := top.get("prestaties"); p != nil {
		d.Children = r.entries(p)
	}
	if c := top.get("closing"); c != nil && r.elementOnly(c) {
		// Source: FO-SU-05.xsd, closing — a sequence of one verantwoordelijke.
		if len(c.kids) != 1 || c.kids[0].name != "verantwoordelijke" || c.kids[0].nil {
			r.fail(c.path(), "<closing> holds exactly one <verantwoordelijke>")
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
	if !ls.ok() {
		return LocationDetails{}
	}
	l := LocationDetails{Name: r.str(ls.get("naam_locatie")), FileNumber: r.str(ls.get("dossiernummer")), Organiser: r.str(ls.get("naam_organisator"))}
	if p := ls.get("periode"); p != nil {
		if s, ok := r.simple(p); ok {
			m, err := parsePeriod(s)
			if err != nil {
				r.fail(p.path(), "%s", err.Error())
			}
			l.Month = m
		}
	}
	// Source: FO-SU-05.xsd, aantal_openingsdagen — minLength 1, maxLength
	// 2, pattern [0-9]*.
	if o := ls.get("aantal_openingsdagen"); o != nil {
		if s, ok := r.simple(o); ok {
			if len(s) < 1 || len(s) > 2 || !isDigit(s[0]) || !isDigit(s[len(s)-1]) {
				r.fail(o.path(), "%q is not 1 or 2 digits", s)
			} else {
				l.OpeningDays, _ = strconv.Atoi(s)
			}
		}
	}
	if b := ls.get("bo"); b != nil {
		l.AfterSchool = r.flag(b)
	}
	if f := ls.get("flex"); f != nil {
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
		r.fail(n.path()+"/prestatie", "<prestaties> holds at least one <prestatie>")
	}
	out := make([]Entry, 0, len(n.kids))
	for _, k := range n.kids {
		if k.name != "prestatie" {
			r.fail(k.path(), "<%s> is not allowed in <prestaties>", k.name)
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
	if !ps.ok() {
		return e
	}
	if ki := ps.get("kindInfo"); ki != nil && r.elementOnly(ki) {
		// Source: FO-SU-05.xsd, kindInfo — a sequence of one kind, an xs:all
		// of code, voornaam, naam and bo, none nillable.
		if len(ki.kids) != 1 || ki.kids[0].name != "kind" {
			r.fail(ki.path(), "<kindInfo> holds exactly one <kind>")
		} else {
			kind := ki.kids[0]
			if ks := r.complex(kind, spec{name: "code"}, spec{name: "voornaam"}, spec{name: "naam"}, spec{name: "bo"}); ks.ok() {
				e.Code, e.FirstName, e.LastName = r.str(ks.get("code")), r.str(ks.get("voornaam")), r.str(ks.get("naam"))
				e.AfterSchool = r.flag(ks.get("bo"))
			}
		}
	}
	e.Present = r.counts(ps.get("aanwezigheden"))
	e.Justified = r.counts(ps.get("gerechtvaardigde_afwezigheden"))
	e.Unjustified = r.counts(ps.get("niet_gerechtvaardigde_afwezigheden"))
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
	if !cs.ok() {
		return Counts{}
	}
	var c Counts
	if k := cs.get("min3u"); k != nil {
		c.Third = r.count(k)
	}
	if k := cs.get("min5u"); k != nil {
		c.Half = r.count(k)
	}
	if k := cs.get("min11u"); k != nil {
		c.Full = r.count(k)
	}
	if k := cs.get("min11uFlex"); k != nil {
		c.Flex = r.count(k)
	}
	return c
}
