package fosu05

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// wfCase is a snippet of XML, whether libxml2 reads it without any error
// or warning (clean), and whether Decode's reader accepts it. The reader
// also refuses what no report has — a DOCTYPE, an encoding other than
// UTF-8, a namespace on an element, attributes beside xsi:nil and
// namespace declarations, nesting deeper than the schema — so it may
// refuse what libxml2 reads cleanly, never the other way round.
type wfCase struct {
	name   string
	xml    string
	clean  bool // libxml2 (xmllint --noout) reports nothing
	accept bool // parseTree accepts it
}

func wfCases() []wfCase {
	return []wfCase{
		{"empty element", `<a/>`, true, true},
		{"declaration", `<?xml version="1.0"?><a/>`, true, true},
		{"full declaration", `<?xml version="1.0" encoding="utf-8" standalone="no"?>` + "\n<a/>", true, true},
		{"declaration in single quotes", `<?xml version='1.0' encoding='UTF-8' ?><a/>`, true, true},
		{"another encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, true, false},
		{"XML 1.1", `<?xml version="1.1"?><a/>`, false, false},
		{"declaration not first", ` <?xml version="1.0"?><a/>`, false, false},
		{"declaration without version", `<?xml encoding="UTF-8"?><a/>`, false, false},
		{"no space before encoding", `<?xml version="1.0"encoding="UTF-8"?><a/>`, false, false},
		{"comment and PI around the root", `<!-- a --><?pi x?><a/><!-- b --><?pi?>` + "\n", true, true},
		{"double hyphen in a comment", `<a><!-- c -- d --></a>`, false, false},
		{"comment ending in ---", `<a><!-- c ---></a>`, false, false},
		{"unterminated comment", `<a><!-- c </a>`, false, false},
		{"]]> in text", `<a>x]]>y</a>`, false, false},
		{"] and > in text", `<a>x] ]> >]</a>`, true, true},
		{"undeclared entity", `<a>&nbsp;</a>`, false, false},
		{"predefined entities", `<a>&lt;&gt;&amp;&apos;&quot;</a>`, true, true},
		{"reference without semicolon", `<a>&amp</a>`, false, false},
		{"character references", `<a>&#65;&#x42;&#x000043;&#x10FFFF;&#xD;</a>`, true, true},
		{"reference to NUL", `<a>&#0;</a>`, false, false},
		{"reference to U+FFFE", `<a>&#xFFFE;</a>`, false, false},
		{"reference to a surrogate", `<a>&#xD800;</a>`, false, false},
		{"reference beyond Unicode", `<a>&#x110000;</a>`, false, false},
		{"empty character reference", `<a>&#x;</a>`, false, false},
		{"bad digit in a reference", `<a>&#12a;</a>`, false, false},
		{"attribute twice", `<a b="1" b="2"/>`, false, false},
		{"same namespaced attribute twice", `<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>`, false, false},
		{"undeclared prefix", `<a><x:b/></a>`, false, false},
		{"empty prefixed namespace", `<a xmlns:p=""/>`, false, false},
		{"declaring xmlns", `<a xmlns:xmlns="u"/>`, false, false},
		{"xml bound elsewhere", `<a xmlns:xml="u"/>`, false, false},
		{"another prefix for the xml namespace", `<a xmlns:x="http://www.w3.org/XML/1998/namespace"/>`, false, false},
		{"xml prefix declared rightly", `<a xmlns:xml="http://www.w3.org/XML/1998/namespace"/>`, true, true},
		{"xsi declared and used", `<a xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/>`, true, true},
		{"xsi declared on the parent", `<a xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><b xsi:nil="false"></b></a>`, true, true},
		{"xsi out of scope", `<a><b xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/><c xsi:nil="true"/></a>`, false, false},
		{"two colons", `<a:b:c/>`, false, false},
		{"< in an attribute", `<a b="<"/>`, false, false},
		{"unquoted attribute", `<a b=1/>`, false, false},
		{"no space between attributes", `<a xmlns:p="u"xmlns:q="v"/>`, false, false},
		{"space before />", `<a/ >`, false, false},
		{"mismatched end tag", `<a></b>`, false, false},
		{"crossed elements", `<a><b></a></b>`, false, false},
		{"unclosed root", `<a>`, false, false},
		{"end tag only", `</a>`, false, false},
		{"end tag with a space", `<a></a >`, true, true},
		{"two roots", `<a/><b/>`, false, false},
		{"text after the root", `<a/>text`, false, false},
		{"text before the root", `text<a/>`, false, false},
		{"XML declaration inside", `<a><?xml x?></a>`, false, false},
		{"PI inside", `<a><?pi data?></a>`, true, true},
		{"CDATA", `<a><![CDATA[<&]]]></a>`, true, true},
		{"unterminated CDATA", `<a><![CDATA[x</a>`, false, false},
		{"accented name", `<é/>`, true, true},
		{"middle dot inside a name", `<a·b/>`, true, true},
		{"middle dot first", `<·a/>`, false, false},
		{"digit first", `<1a/>`, false, false},
		{"control character", "<a>\x01</a>", false, false},
		{"invalid UTF-8", "<a>\xff</a>", false, false},
		{"U+FFFF", "<a>\uFFFF</a>", false, false},
		{"CR LF", "<a>x\r\ny\rz</a>", true, true},
		{"nothing", ``, false, false},
		{"declaration only", `<?xml version="1.0"?>`, false, false},
		{"DOCTYPE", `<!DOCTYPE a><a/>`, true, false},
		{"default namespace", `<a xmlns="http://example.org/x"/>`, true, false},
		{"empty default namespace", `<a xmlns=""/>`, true, true},
		{"xml:lang", `<a xml:lang="nl"/>`, true, false},
		{"seven levels", `<a><b><c><d><e><f><g/></f></e></d></c></b></a>`, true, false},
		{"six levels", `<a><b><c><d><e><f/></e></d></c></b></a>`, true, true},
	}
}

func TestScanCases(t *testing.T) {
	for _, c := range wfCases() {
		if c.accept && !c.clean {
			t.Errorf("%s: the table accepts what libxml2 does not", c.name)
		}
		_, err := parseTree([]byte(c.xml))
		if (err == nil) != c.accept {
			t.Errorf("%s: accepted %v, want %v (%v)", c.name, err == nil, c.accept, err)
		}
	}
}

// Text and attribute values read as XML says: line ends normalized,
// references replaced, CDATA kept.
func TestScanText(t *testing.T) {
	root, err := parseTree([]byte("<a xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><b>x\r\ny\rz&#xD;&lt;<![CDATA[\r\n<]]><!-- c -->!</b><c xsi:nil=\" true\t\"/></a>"))
	if err != nil {
		t.Fatal(err)
	}
	if got := root.kids[0].text; got != "x\ny\nz\r<\n<!" {
		t.Errorf("text %q", got)
	}
	if !root.kids[1].nil {
		t.Error("xsi:nil with white space is true")
	}
	if root.mixed || root.kids[0].path() != "a/b" {
		t.Errorf("mixed %v, path %s", root.mixed, root.kids[0].path())
	}
}

// libxml2 agrees with the table: where the reader accepts, xmllint reads
// the snippet without any error or warning.
func TestXMLLintWellFormed(t *testing.T) {
	docs := map[string][]byte{}
	cases := map[string]wfCase{}
	for i, c := range wfCases() {
		key := fmt.Sprintf("wf_%03d", i)
		docs[key] = []byte(c.xml)
		cases[key] = c
	}
	bin, _ := lintTool(t) // well-formedness only: no schema
	files := writeDocs(t, t.TempDir(), docs)
	out, _ := exec.Command(bin, append([]string{"--noout"}, files...)...).CombinedOutput()
	for _, f := range files {
		c := cases[strings.TrimSuffix(filepath.Base(f), ".xml")]
		clean := !strings.Contains(string(out), f+":")
		if clean != c.clean {
			t.Errorf("%s: libxml2 clean=%v, the table says %v", c.name, clean, c.clean)
		}
	}
	if t.Failed() {
		t.Logf("xmllint:\n%s", out)
	}
	t.Logf("xmllint: %d snippets read as the table expects", len(files))
}
