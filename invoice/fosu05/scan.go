package fosu05

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// The XML reader of Decode: a strict, namespace-aware reader of the XML 1.0
// documents a report can be — UTF-8, elements, attributes, text, character
// references and the five predefined entities, CDATA sections, comments,
// processing instructions — that builds the element tree in one pass
// without a token per element. It refuses a DOCTYPE (no report needs
// one), an XML declaration other than version 1.0 in UTF-8, and every
// well-formedness or namespace error (XML 1.0 Fifth Edition; Namespaces in
// XML 1.0). encoding/xml would do, but at a tenth of the speed, and it
// accepts some malformed input (repeated attributes, for one).

// scanner reads src from pos.
type scanner struct {
	src []byte
	pos int
	buf []byte
	// ns are the namespace bindings in scope, innermost last; each element
	// records how many there were when it started.
	ns []binding
	// slab holds the nodes, allocated a chunk at a time.
	slab []node
}

// newNode returns a new node from the slab. A full chunk is never grown,
// so the pointers stay valid.
func (s *scanner) newNode() *node {
	if len(s.slab) == cap(s.slab) {
		s.slab = make([]node, 0, 32)
	}
	s.slab = s.slab[:len(s.slab)+1]
	return &s.slab[len(s.slab)-1]
}

type binding struct{ prefix, uri string }

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// maxAttributes bounds the attributes of one tag (a report's elements have
// namespace declarations and xsi:nil at most).
const maxAttributes = 32

// scanError is a well-formedness error at a byte offset.
type scanError struct {
	pos int
	msg string
}

func (s *scanner) fail(format string, args ...any) *scanError {
	return &scanError{pos: s.pos, msg: fmt.Sprintf(format, args...)}
}

// problem turns a scan error into a Problem with its line.
func (s *scanner) problem(e *scanError) error {
	line := 1 + bytes.Count(s.src[:min(e.pos, len(s.src))], []byte{'\n'})
	return malformed("", "line %d: %s", line, e.msg)
}

func (s *scanner) eof() bool { return s.pos >= len(s.src) }

func (s *scanner) peek(p string) bool { return bytes.HasPrefix(s.src[s.pos:], []byte(p)) }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isSpaceBytes(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// space skips white space and reports whether there was any.
func (s *scanner) space() bool {
	start := s.pos
	for s.pos < len(s.src) && isSpace(s.src[s.pos]) {
		s.pos++
	}
	return s.pos > start
}

// checkChars checks that src is UTF-8 of XML characters only.
//
// Source: XML 1.0 §2.2 — every character of a document is a Char.
func checkChars(src []byte) *scanError {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return &scanError{pos: i, msg: fmt.Sprintf("character %U is not allowed in XML", rune(c))}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return &scanError{pos: i, msg: "the document is not valid UTF-8"}
		}
		if !isXMLChar(r) {
			return &scanError{pos: i, msg: fmt.Sprintf("character %U is not allowed in XML", r)}
		}
		i += size
	}
	return nil
}

// isNameStart and isNameChar are XML 1.0 Fifth Edition's NameStartChar and
// NameChar, without the colon (namespaces give it a meaning of its own).
func isNameStart(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || (r >= 0xD8 && r <= 0xF6) || (r >= 0xF8 && r <= 0x2FF) || (r >= 0x370 && r <= 0x37D) ||
		(r >= 0x37F && r <= 0x1FFF) || (r >= 0x200C && r <= 0x200D) || (r >= 0x2070 && r <= 0x218F) ||
		(r >= 0x2C00 && r <= 0x2FEF) || (r >= 0x3001 && r <= 0xD7FF) || (r >= 0xF900 && r <= 0xFDCF) ||
		(r >= 0xFDF0 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0xEFFFF)
}

func isNameChar(r rune) bool {
	return isNameStart(r) || r == '-' || r == '.' || (r >= '0' && r <= '9') || r == 0xB7 ||
		(r >= 0x300 && r <= 0x36F) || (r >= 0x203F && r <= 0x2040)
}

// ncname reads a name without a colon (NCName); "" when there is none.
func (s *scanner) ncname() string {
	start := s.pos
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c < utf8.RuneSelf {
			ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' ||
				s.pos > start && (c >= '0' && c <= '9' || c == '-' || c == '.')
			if !ok {
				break
			}
			s.pos++
			continue
		}
		r, size := utf8.DecodeRune(s.src[s.pos:])
		if (s.pos == start && !isNameStart(r)) || (s.pos > start && !isNameChar(r)) {
			break
		}
		s.pos += size
	}
	return intern(s.src[start:s.pos])
}

// intern returns the schema's names without allocating.
func intern(b []byte) string {
	switch string(b) {
	case "IKG":
		return "IKG"
	case "Header":
		return "Header"
	case "DocumentIndicator":
		return "DocumentIndicator"
	case "FormVersion":
		return "FormVersion"
	case "MinReaderVersion":
		return "MinReaderVersion"
	case "UsedViewer":
		return "UsedViewer"
	case "FormulierGecontroleerd":
		return "FormulierGecontroleerd"
	case "locatiegegevens":
		return "locatiegegevens"
	case "naam_locatie":
		return "naam_locatie"
	case "dossiernummer":
		return "dossiernummer"
	case "naam_organisator":
		return "naam_organisator"
	case "periode":
		return "periode"
	case "aantal_openingsdagen":
		return "aantal_openingsdagen"
	case "bo":
		return "bo"
	case "flex":
		return "flex"
	case "prestaties":
		return "prestaties"
	case "prestatie":
		return "prestatie"
	case "kindInfo":
		return "kindInfo"
	case "kind":
		return "kind"
	case "code":
		return "code"
	case "voornaam":
		return "voornaam"
	case "naam":
		return "naam"
	case "aanwezigheden":
		return "aanwezigheden"
	case "gerechtvaardigde_afwezigheden":
		return "gerechtvaardigde_afwezigheden"
	case "niet_gerechtvaardigde_afwezigheden":
		return "niet_gerechtvaardigde_afwezigheden"
	case "min3u":
		return "min3u"
	case "min5u":
		return "min5u"
	case "min11u":
		return "min11u"
	case "min11uFlex":
		return "min11uFlex"
	case "closing":
		return "closing"
	case "verantwoordelijke":
		return "verantwoordelijke"
	case "Config":
		return "Config"
	case "TargetURL":
		return "TargetURL"
	case "Subject":
		return "Subject"
	}
	return string(b)
}

// qname reads prefix:local or local.
//
// Source: Namespaces in XML 1.0 §4 — QName ::= PrefixedName | UnprefixedName.
func (s *scanner) qname() (prefix, local string, err *scanError) {
	local = s.ncname()
	if local == "" {
		return "", "", s.fail("a name is expected")
	}
	if s.pos < len(s.src) && s.src[s.pos] == ':' {
		s.pos++
		prefix, local = local, s.ncname()
		if local == "" {
			return "", "", s.fail("a name is expected after the prefix %q", prefix)
		}
	}
	if s.pos < len(s.src) && s.src[s.pos] == ':' {
		return "", "", s.fail("a name has at most one colon")
	}
	return prefix, local, nil
}

// lookup returns the namespace bound to prefix, and whether it is bound.
func (s *scanner) lookup(prefix string) (string, bool) {
	if prefix == "xml" {
		return xmlNS, true
	}
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].prefix == prefix {
			return s.ns[i].uri, true
		}
	}
	return "", prefix == ""
}

// reference reads a character or entity reference after '&' and appends
// its character to buf.
//
// Source: XML 1.0 §4.1 and §4.6 — character references to a Char, and the
// predefined entities lt, gt, amp, apos, quot (without a DTD no other
// entity is declared).
func (s *scanner) reference() *scanError {
	s.pos++ // &
	start := s.pos
	if !s.eof() && s.src[s.pos] == '#' {
		s.pos++
		base := rune(10)
		if !s.eof() && s.src[s.pos] == 'x' {
			s.pos++
			base = 16
		}
		digits := s.pos
		var r rune
		for !s.eof() {
			c, v := s.src[s.pos], rune(-1)
			switch {
			case c >= '0' && c <= '9':
				v = rune(c - '0')
			case base == 16 && c >= 'a' && c <= 'f':
				v = rune(c-'a') + 10
			case base == 16 && c >= 'A' && c <= 'F':
				v = rune(c-'A') + 10
			}
			if v < 0 {
				break
			}
			// Beyond U+10FFFF it stays out of range (leading zeros are fine).
			r = min(r*base+v, utf8.MaxRune+1)
			s.pos++
		}
		if s.pos == digits || s.eof() || s.src[s.pos] != ';' {
			return s.fail("a bad character reference")
		}
		s.pos++
		if !isXMLChar(r) {
			return s.fail("the character reference &%s is not an XML character", s.src[start-1:s.pos])
		}
		s.buf = utf8.AppendRune(s.buf, r)
		return nil
	}
	name := s.ncname()
	if s.eof() || s.src[s.pos] != ';' {
		return s.fail("a reference without ';'")
	}
	s.pos++
	switch name {
	case "lt":
		s.buf = append(s.buf, '<')
	case "gt":
		s.buf = append(s.buf, '>')
	case "amp":
		s.buf = append(s.buf, '&')
	case "apos":
		s.buf = append(s.buf, '\'')
	case "quot":
		s.buf = append(s.buf, '"')
	default:
		return s.fail("the entity &%s; is not declared", name)
	}
	return nil
}

// comment reads <!-- ... -->.
//
// Source: XML 1.0 §2.5 — "--" does not occur within a comment.
func (s *scanner) comment() *scanError {
	s.pos += len("<!--")
	end := bytes.Index(s.src[s.pos:], []byte("--"))
	if end < 0 {
		return s.fail("an unterminated comment")
	}
	s.pos += end
	if !s.peek("-->") {
		return s.fail("'--' inside a comment")
	}
	s.pos += len("-->")
	return nil
}

// pi reads a processing instruction <?target ...?>.
//
// Source: XML 1.0 §2.6 — the target is a Name other than "xml" in any case;
// Namespaces in XML 1.0 §7 — without a colon.
func (s *scanner) pi() *scanError {
	s.pos += len("<?")
	target := s.ncname()
	if target == "" {
		return s.fail("a processing instruction without a target")
	}
	if len(target) == 3 && (target[0]|0x20) == 'x' && (target[1]|0x20) == 'm' && (target[2]|0x20) == 'l' {
		return s.fail("the XML declaration is allowed only at the very start")
	}
	if s.peek("?>") {
		s.pos += 2
		return nil
	}
	if !s.space() {
		return s.fail("a space is expected after the processing instruction's target")
	}
	end := bytes.Index(s.src[s.pos:], []byte("?>"))
	if end < 0 {
		return s.fail("an unterminated processing instruction")
	}
	s.pos += end + 2
	return nil
}

// declaration reads the XML declaration: version 1.0, encoding UTF-8 (or
// none), standalone yes or no.
//
// Source: XML 1.0 §2.8 and §4.3.3.
func (s *scanner) declaration() *scanError {
	s.pos += len("<?xml")
	attr := func(name string, required bool) (string, *scanError) {
		save := s.pos
		if !s.space() || !s.peek(name) {
			s.pos = save
			if required {
				return "", s.fail("the XML declaration needs %s", name)
			}
			return "", nil
		}
		s.pos += len(name)
		s.space()
		if s.eof() || s.src[s.pos] != '=' {
			return "", s.fail("'=' is expected after %s", name)
		}
		s.pos++
		s.space()
		if s.eof() || (s.src[s.pos] != '"' && s.src[s.pos] != '\'') {
			return "", s.fail("a quoted value is expected for %s", name)
		}
		q := s.src[s.pos]
		s.pos++
		end := bytes.IndexByte(s.src[s.pos:], q)
		if end < 0 {
			return "", s.fail("an unterminated value of %s", name)
		}
		v := string(s.src[s.pos : s.pos+end])
		s.pos += end + 1
		return v, nil
	}
	v, err := attr("version", true)
	if err != nil {
		return err
	}
	if v != "1.0" {
		return s.fail("XML version %q; the report is XML 1.0", v)
	}
	if v, err = attr("encoding", false); err != nil {
		return err
	}
	if v != "" && !bytes.EqualFold([]byte(v), []byte("UTF-8")) {
		return s.fail("encoding %q; the report is read in UTF-8", v)
	}
	if v, err = attr("standalone", false); err != nil {
		return err
	}
	if v != "" && v != "yes" && v != "no" {
		return s.fail("standalone=%q is not yes or no", v)
	}
	s.space()
	if !s.peek("?>") {
		return s.fail("the XML declaration does not end with '?>'")
	}
	s.pos += 2
	return nil
}

// misc skips comments, processing instructions and white space outside the
// root element.
func (s *scanner) misc() *scanError {
	for {
		s.space()
		switch {
		case s.peek("<!--"):
			if err := s.comment(); err != nil {
				return err
			}
		case s.peek("<?"):
			if err := s.pi(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

// attribute is an attribute as read, before namespace processing.
type attribute struct {
	prefix, local, value string
}

// attrValue reads a quoted attribute value, normalized: references
// replaced, each white-space character (and CR LF) a space.
//
// Source: XML 1.0 §3.3.3 — attribute-value normalization; §2.3 — no '<' in
// an attribute value.
func (s *scanner) attrValue() (string, *scanError) {
	if s.eof() || (s.src[s.pos] != '"' && s.src[s.pos] != '\'') {
		return "", s.fail("a quoted attribute value is expected")
	}
	q := s.src[s.pos]
	s.pos++
	s.buf = s.buf[:0]
	for {
		if s.eof() {
			return "", s.fail("an unterminated attribute value")
		}
		switch c := s.src[s.pos]; c {
		case q:
			s.pos++
			return string(s.buf), nil
		case '<':
			return "", s.fail("'<' in an attribute value")
		case '&':
			if err := s.reference(); err != nil {
				return "", err
			}
		case '\r':
			s.pos++
			if !s.eof() && s.src[s.pos] == '\n' {
				s.pos++
			}
			s.buf = append(s.buf, ' ')
		case '\t', '\n':
			s.pos++
			s.buf = append(s.buf, ' ')
		default:
			s.pos++
			s.buf = append(s.buf, c)
		}
	}
}

// startTag reads a start tag after '<' and returns the element, whether it
// is empty (<x/>), and its raw attributes.
func (s *scanner) startTag() (prefix, local string, attrs []attribute, empty bool, err *scanError) {
	s.pos++ // <
	if prefix, local, err = s.qname(); err != nil {
		return
	}
	for {
		spaced := s.space()
		switch {
		case s.peek("/>"):
			s.pos += 2
			return prefix, local, attrs, true, nil
		case s.peek(">"):
			s.pos++
			return prefix, local, attrs, false, nil
		case !spaced:
			err = s.fail("a space, '>' or '/>' is expected in the tag <%s>", local)
			return
		}
		var a attribute
		if a.prefix, a.local, err = s.qname(); err != nil {
			return
		}
		s.space()
		if s.eof() || s.src[s.pos] != '=' {
			err = s.fail("'=' is expected after the attribute %s", a.local)
			return
		}
		s.pos++
		s.space()
		if a.value, err = s.attrValue(); err != nil {
			return
		}
		if len(attrs) == maxAttributes {
			err = s.fail("more than %d attributes in <%s>", maxAttributes, local)
			return
		}
		// Source: XML 1.0 §3.1 — an attribute name appears at most once in a
		// tag.
		for _, b := range attrs {
			if b.prefix == a.prefix && b.local == a.local {
				err = s.fail("the attribute %s appears twice", a.local)
				return
			}
		}
		attrs = append(attrs, a)
	}
}

// text reads character data up to the next '<' into s.buf, with line ends
// normalized, and reports whether it held a reference.
//
// Source: XML 1.0 §2.4 — "]]>" does not occur in character data; §2.11 —
// CR LF and CR read as LF.
func (s *scanner) text() (bool, *scanError) {
	ref := false
	for !s.eof() {
		switch c := s.src[s.pos]; c {
		case '<':
			return ref, nil
		case '&':
			ref = true
			if err := s.reference(); err != nil {
				return ref, err
			}
		case '\r':
			s.pos++
			if !s.eof() && s.src[s.pos] == '\n' {
				s.pos++
			}
			s.buf = append(s.buf, '\n')
		case ']':
			if s.peek("]]>") {
				return ref, s.fail("']]>' in text")
			}
			s.pos++
			s.buf = append(s.buf, c)
		default:
			s.pos++
			s.buf = append(s.buf, c)
		}
	}
	return ref, nil
}

// cdata reads a CDATA section into s.buf.
func (s *scanner) cdata() *scanError {
	s.pos += len("<![CDATA[")
	end := bytes.Index(s.src[s.pos:], []byte("]]>"))
	if end < 0 {
		return s.fail("an unterminated CDATA section")
	}
	// Source: XML 1.0 §2.11 — CR LF and CR read as LF here too.
	text := s.src[s.pos : s.pos+end]
	for i, c := range text {
		switch {
		case c != '\r':
			s.buf = append(s.buf, c)
		case i+1 == len(text) || text[i+1] != '\n':
			s.buf = append(s.buf, '\n')
		}
	}
	s.pos += end + len("]]>")
	return nil
}

// addText gives the text in s.buf to n: a simple element keeps it; in an
// element with children, anything but plain white space is mixed content.
func addText(n *node, text []byte, marked bool) {
	if len(text) == 0 && !marked {
		return
	}
	if len(n.kids) > 0 {
		n.mixed = n.mixed || marked || !isSpaceBytes(text)
		return
	}
	n.marked = n.marked || marked
	// One segment (the usual case) is one string; more are gathered in raw
	// and joined when the element ends, so text cut up by comments costs
	// linear time.
	switch {
	case n.text == "" && n.raw == nil:
		n.text = string(text)
	case n.raw == nil:
		n.raw = append([]byte(n.text), text...)
		n.text = ""
	default:
		n.raw = append(n.raw, text...)
	}
}

// closeNode joins the text segments of n.
func closeNode(n *node) {
	if n.raw != nil {
		n.text, n.raw = string(n.raw), nil
	}
}

// parseTree reads the XML into a tree of elements. It checks
// well-formedness, namespaces, attributes and depth; the schema's structure
// is checked by reader.
func parseTree(data []byte) (*node, error) {
	s := &scanner{src: data}
	if err := checkChars(data); err != nil {
		return nil, s.problem(err)
	}
	root, err := s.document()
	if err != nil {
		return nil, s.problem(err)
	}
	return root, nil
}

func (s *scanner) document() (*node, *scanError) {
	if s.peek("<?xml") && len(s.src) > 5 && (isSpace(s.src[5]) || s.src[5] == '?') {
		if err := s.declaration(); err != nil {
			return nil, err
		}
	}
	if err := s.misc(); err != nil {
		return nil, err
	}
	switch {
	case s.peek("<!DOCTYPE"), s.peek("<!"):
		return nil, s.fail("a DOCTYPE or other declaration is not allowed")
	case !s.peek("<"):
		return nil, s.fail("no root element")
	}
	root, err := s.element()
	if err != nil {
		return nil, err
	}
	if err := s.misc(); err != nil {
		return nil, err
	}
	if !s.eof() {
		if s.peek("<") {
			return nil, s.fail("a second root element or markup after the root element")
		}
		return nil, s.fail("text after the root element")
	}
	return root, nil
}

// element reads the root element and its content.
func (s *scanner) element() (*node, *scanError) {
	type open struct {
		n      *node
		qname  string
		nsMark int
	}
	var stack []open
	var root *node
elements:
	for {
		// At a '<' that starts an element.
		var parent *node
		if len(stack) > 0 {
			parent = stack[len(stack)-1].n
		}
		n, qname, empty, mark, err := s.start(parent, len(stack))
		if err != nil {
			return nil, err
		}
		if parent == nil {
			root = n
		}
		if !empty {
			stack = append(stack, open{n: n, qname: qname, nsMark: mark})
		} else {
			s.ns = s.ns[:mark]
		}
		// Content, up to the next start tag or the end of the root.
		for {
			if len(stack) == 0 {
				return root, nil
			}
			top := &stack[len(stack)-1]
			s.buf = s.buf[:0]
			ref, err := s.text()
			if err != nil {
				return nil, err
			}
			addText(top.n, s.buf, ref)
			switch {
			case s.eof():
				return nil, s.fail("the element <%s> is not closed", top.qname)
			case s.peek("</"):
				s.pos += 2
				p, l, err := s.qname()
				if err != nil {
					return nil, err
				}
				q := l
				if p != "" {
					q = p + ":" + l
				}
				if q != top.qname {
					return nil, s.fail("</%s> closes <%s>", q, top.qname)
				}
				s.space()
				if !s.peek(">") {
					return nil, s.fail("'>' is expected after </%s", q)
				}
				s.pos++
				s.ns = s.ns[:top.nsMark]
				closeNode(top.n)
				stack = stack[:len(stack)-1]
			case s.peek("<!--"):
				if err := s.comment(); err != nil {
					return nil, err
				}
			case s.peek("<![CDATA["):
				s.buf = s.buf[:0]
				if err := s.cdata(); err != nil {
					return nil, err
				}
				addText(top.n, s.buf, true)
			case s.peek("<?"):
				if err := s.pi(); err != nil {
					return nil, err
				}
			case s.peek("<!"):
				return nil, s.fail("a declaration inside an element")
			default:
				continue elements // a start tag
			}
		}
	}
}

// start reads a start tag, applies its namespace declarations and checks
// the element and its attributes against the schema's few rules: no
// namespace on elements, no attributes but xsi:nil and schema-location
// hints.
func (s *scanner) start(parent *node, depth int) (n *node, qname string, empty bool, mark int, err *scanError) {
	at := s.pos
	prefix, local, attrs, empty, err := s.startTag()
	if err != nil {
		return
	}
	qname = local
	if prefix != "" {
		qname = prefix + ":" + local
	}
	n = s.newNode()
	n.name = local
	if parent != nil {
		n.parent, n.index = parent, len(parent.kids)
	}
	mark = len(s.ns)
	fail := func(format string, args ...any) *scanError {
		return &scanError{pos: at, msg: fmt.Sprintf(format, args...)}
	}
	// Source: Namespaces in XML 1.0 §3 — declarations first; xmlns:p=""
	// is not allowed, nor binding xmlns, or xml to another namespace.
	for _, a := range attrs {
		switch {
		case a.prefix == "" && a.local == "xmlns":
			if a.value == xmlNS || a.value == "http://www.w3.org/2000/xmlns/" {
				return nil, "", false, 0, fail("the default namespace may not be %s", a.value)
			}
			s.ns = append(s.ns, binding{"", a.value})
		case a.prefix == "xmlns":
			switch {
			case a.local == "xmlns":
				return nil, "", false, 0, fail("the prefix xmlns may not be declared")
			case a.local == "xml" && a.value != xmlNS, a.local != "xml" && a.value == xmlNS:
				return nil, "", false, 0, fail("the prefix xml is bound to %s only", xmlNS)
			case a.value == "":
				return nil, "", false, 0, fail("xmlns:%s may not be empty", a.local)
			case a.value == "http://www.w3.org/2000/xmlns/":
				return nil, "", false, 0, fail("no prefix may be bound to the xmlns namespace")
			}
			s.ns = append(s.ns, binding{a.local, a.value})
		}
	}
	if depth >= maxDepth {
		return nil, "", false, 0, fail("<%s> is nested deeper than the schema allows", local)
	}
	uri, ok := s.lookup(prefix)
	if !ok {
		return nil, "", false, 0, fail("the prefix %q of <%s> is not declared", prefix, qname)
	}
	// Source: FO-SU-05.xsd has no targetNamespace: every element is
	// unqualified.
	if uri != "" {
		return nil, "", false, 0, fail("<%s> is in namespace %q; the schema's elements have none", local, uri)
	}
	var seen []string
	for _, a := range attrs {
		if a.prefix == "xmlns" || (a.prefix == "" && a.local == "xmlns") {
			continue
		}
		if a.prefix == "" {
			return nil, "", false, 0, fail("the attribute %s of <%s> is not in the schema", a.local, local)
		}
		uri, ok := s.lookup(a.prefix)
		if !ok {
			return nil, "", false, 0, fail("the prefix %q of the attribute %s is not declared", a.prefix, a.local)
		}
		// Source: Namespaces in XML 1.0 §6.3 — no two attributes with the
		// same namespace and local name.
		key := uri + " " + a.local
		for _, k := range seen {
			if k == key {
				return nil, "", false, 0, fail("the attribute {%s}%s appears twice", uri, a.local)
			}
		}
		seen = append(seen, key)
		switch {
		case uri == xsiNS && a.local == "nil":
			v, ok := parseXSBool(a.value)
			if !ok {
				return nil, "", false, 0, fail("xsi:nil=%q is not a boolean", a.value)
			}
			n.nil = v
		case uri == xsiNS && (a.local == "schemaLocation" || a.local == "noNamespaceSchemaLocation"):
			// a schema location hint
		default:
			return nil, "", false, 0, fail("the attribute %s:%s of <%s> is not in the schema", a.prefix, a.local, local)
		}
	}
	if parent != nil {
		// The text before the first child: white space, or mixed content.
		if len(parent.kids) == 0 {
			closeNode(parent)
			parent.mixed = parent.marked || !isXMLSpace(parent.text)
			parent.text, parent.marked = "", false
		}
		parent.kids = append(parent.kids, n)
	}
	return n, qname, empty, mark, nil
}
