package fosu05

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The XML is checked against Opgroeien's own schema with xmllint (libxml2)
// when FOSU05_XMLLINT=1, as .ci/run sets it:
//
//	FOSU05_XMLLINT=1 go test -count=1 -run XMLLint ./invoice/fosu05
//
// The schema is ../shared/sources/FO-SU-05.xsd from the repository root
// (FOSU05_XSD overrides the path). Without FOSU05_XMLLINT the xmllint part
// is skipped; with it, a missing xmllint or schema fails the test.

// lintSample is the number of generated documents validated.
const lintSample = 64

// schemaFile finds FO-SU-05.xsd: $FOSU05_XSD, or ../shared/sources from the
// directory holding go.mod.
func schemaFile() (string, error) {
	if p := os.Getenv("FOSU05_XSD"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("FOSU05_XSD=%s: %w", p, err)
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "sources", "FO-SU-05.xsd")
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("the schema is not at %s (repository root/../shared/sources): %w", p, err)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// xmllint validates files against the schema and returns, per file,
// whether it validates and xmllint's messages. Without FOSU05_XMLLINT=1 it
// skips the test; with it, a missing tool or schema fails it.
func xmllint(t *testing.T, files []string) (map[string]bool, string) {
	t.Helper()
	bin, xsd := lintTool(t)
	out, err := exec.Command(bin, append([]string{"--noout", "--schema", xsd}, files...)...).CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running xmllint: %v", err)
	}
	if strings.Contains(string(out), "failed to compile") {
		t.Fatalf("xmllint could not compile %s:\n%s", xsd, out)
	}
	verdict := make(map[string]bool, len(files))
	for _, line := range strings.Split(string(out), "\n") {
		if f, ok := strings.CutSuffix(line, " validates"); ok {
			verdict[f] = true
		}
	}
	// xmllint exits 0 only when every file validates.
	if err == nil {
		for _, f := range files {
			if !verdict[f] {
				t.Fatalf("xmllint exited 0 but did not say %s validates:\n%s", f, out)
			}
		}
	}
	return verdict, string(out)
}

// lintTool returns the path of xmllint and of the schema. Without
// FOSU05_XMLLINT=1 it skips the test; with it, a missing tool or schema
// fails it.
func lintTool(t *testing.T) (bin, xsd string) {
	t.Helper()
	if os.Getenv("FOSU05_XMLLINT") != "1" {
		t.Skip("set FOSU05_XMLLINT=1 to check with xmllint against FO-SU-05.xsd (.ci/run does)")
	}
	xsd, err := schemaFile()
	if err != nil {
		t.Fatalf("FOSU05_XMLLINT=1 but the schema is missing: %v", err)
	}
	bin, err = exec.LookPath("xmllint")
	if err != nil {
		t.Fatalf("FOSU05_XMLLINT=1 but xmllint is not installed (apt-get install libxml2-utils): %v", err)
	}
	return bin, xsd
}

// writeDocs writes each document into dir and returns the paths, sorted.
func writeDocs(t *testing.T, dir string, docs map[string][]byte) []string {
	t.Helper()
	var files []string
	for name, b := range docs {
		p := filepath.Join(dir, name+".xml")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	sort.Strings(files)
	return files
}

// The report of every reference scenario (invoice.Scenarios, built with
// invoice.Build), of the sample case and of lintSample generated documents
// (fixed seeds) is valid against FO-SU-05.xsd.
func TestXMLLintValid(t *testing.T) {
	docs := map[string][]byte{}
	for name, d := range scenarioDocs(t) {
		b, err := d.XML()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs["scenario_"+name] = b
	}
	gen := docGen()
	for i := range lintSample {
		d := gen.Example(i)
		b, err := d.XML()
		if err != nil {
			t.Fatalf("generated %d: %v", i, err)
		}
		docs[fmt.Sprintf("generated_%03d", i)] = b
	}
	// The Go side always runs: every document reads back.
	for name, b := range docs {
		if _, err := Parse(b); err != nil {
			t.Fatalf("%s: Parse: %v", name, err)
		}
	}
	files := writeDocs(t, t.TempDir(), docs)
	verdict, out := xmllint(t, files)
	bad := 0
	for _, f := range files {
		if !verdict[f] {
			bad++
			t.Errorf("%s does not validate", filepath.Base(f))
		}
	}
	if bad > 0 {
		t.Logf("xmllint:\n%s", out)
	}
	t.Logf("xmllint: %d of %d documents validate against FO-SU-05.xsd", len(files)-bad, len(files))
}

// The schema's verdict on each hand-made case is the one the table
// expects — in particular xmllint rejects the documents built to break the
// schema, so the check bites; and where the schema refuses, Decode refuses
// too.
func TestXMLLintVerdicts(t *testing.T) {
	cases := xmlCases(t)
	docs := map[string][]byte{}
	names := map[string]xmlCase{}
	for i, c := range cases {
		if c.schema == false && c.decode == true {
			t.Fatalf("%s: Decode may not accept what the schema refuses", c.name)
		}
		key := fmt.Sprintf("case_%02d", i)
		docs[key] = []byte(c.xml)
		names[key] = c
	}
	dir := t.TempDir()
	files := writeDocs(t, dir, docs)
	verdict, out := xmllint(t, files)
	rejected := 0
	for _, f := range files {
		c := names[strings.TrimSuffix(filepath.Base(f), ".xml")]
		if verdict[f] != c.schema {
			t.Errorf("%s: xmllint says valid=%v, the table says %v", c.name, verdict[f], c.schema)
		}
		if !verdict[f] {
			rejected++
		}
	}
	if t.Failed() {
		t.Logf("xmllint:\n%s", out)
	}
	if rejected == 0 {
		t.Fatal("xmllint rejected nothing: the check does not bite")
	}
	t.Logf("xmllint: %d cases, %d rejected as the table expects", len(files), rejected)
}
