package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/invoice"
)

// write puts data in a file of the test's temporary directory.
func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func exec(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestRun(t *testing.T) {
	code, out, _ := exec()
	if code != exitDifferences {
		t.Errorf("the built-in invoice has differences: exit %d", code)
	}
	for _, want := range []string{"invoice 2025-03-0042: 4 difference(s)", "count", "late pick-up without agreement", "duplicate", "missing", "waste, full day",
		"total 330.49 expected, 324.30 invoiced"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// Exit 0 on a match, 1 on differences, 2 on bad input.
func TestExitCodes(t *testing.T) {
	s, _ := invoice.ScenarioByName("late_pickup")
	caseJSON, _ := json.Marshal(s.Case)
	inv, _ := invoice.Build(s.Case)
	good, _ := json.Marshal(invoice.ExternalOf(inv))
	caseFile := write(t, "case.json", caseJSON)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"a match", []string{"-case", caseFile, "-invoice", write(t, "good.json", good)}, exitMatch, "matches: total 330.49", ""},
		{"a match with the default case", []string{"-invoice", write(t, "good2.json", good)}, exitMatch, "matches", ""},
		{"the issue's invoice is bad input", []string{"-invoice", write(t, "wrapped.json", []byte(`{"invoice":{"total":"1.00"}}`))}, exitBadInput, "",
			`unknown field "invoice"`},
		{"a float amount", []string{"-invoice", write(t, "float.json", []byte(`{"total":330.49}`))}, exitBadInput, "", "total: line 1, column 10: a string (amount) is expected here, not a number"},
		{"an empty invoice differs", []string{"-invoice", write(t, "empty.json", []byte(`{}`))}, exitDifferences, "header", ""},
		{"an unknown flag", []string{"-nonsense"}, exitBadInput, "", "flag provided but not defined"},
		{"an argument", []string{"extra"}, exitBadInput, "", "unexpected arguments"},
		{"a missing file", []string{"-invoice", filepath.Join(t.TempDir(), "nope.json")}, exitBadInput, "", "no such file"},
		{"a bad case", []string{"-case", write(t, "bad.json", []byte(`{"month":"2025-13"}`))}, exitBadInput, "", "month: line 1, column 10"},
		{"a case that cannot be billed", []string{"-case", write(t, "empty-case.json", []byte(`{}`))}, exitBadInput, "", "the case cannot be billed"},
		{"a bad rounding", []string{"-rounding", "daily"}, exitBadInput, "", "per_line or per_day"},
		{"a bad tolerance", []string{"-tolerance", "0,01"}, exitBadInput, "", "-tolerance"},
		{"options", []string{"-rounding", "per_day", "-tolerance", "0.01", "-invoice", write(t, "good3.json", good)}, exitMatch, "matches", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := exec(tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tc.code, out, errOut)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	code, out, _ := exec("-json")
	if code != exitDifferences {
		t.Fatalf("exit %d", code)
	}
	var r report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Match || len(r.Differences) != 4 || r.Differences[0].What != invoice.DiffCount || r.ComputedTotal.String() != "330.49" {
		t.Errorf("%+v", r)
	}
	if !strings.Contains(out, `"expected": {`) || !strings.Contains(out, `"amount": "12.00"`) {
		t.Errorf("money with two decimals:\n%s", out)
	}
}
