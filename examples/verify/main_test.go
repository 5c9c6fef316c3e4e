package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "", ""); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"4 difference(s)", "- count: late pick-up", "- missing: waste, full day", "- total: total 330.49 expected, 320.80 invoiced"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
