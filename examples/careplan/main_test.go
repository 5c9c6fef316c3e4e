package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// The example prints a real month: April 2026 with Easter Monday and a
// training day closed.
func TestRunApril2026(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "2026-04", false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"2026-04-06 maandag   gesloten: Paasmaandag",
		"2026-04-16 donderdag gesloten: pedagogische studiedag",
		"2026-04-30 donderdag 07:45–12:30  (4u45)",
		"Gereserveerde dagen: 11",
		"Voltijdsbreuk (dagen per week ÷ 5): 0.6",
		"vroegste laatste dag volgens de opzegtermijn van 2 maanden: 2026-06-09",
		"te kort: 2026-05-01..2026-06-09",
		"Sluitingsdagen te laat gemeld:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestRunJSONAndErrors(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "2026-07", true); err != nil {
		t.Fatal(err)
	}
	var days []map[string]any
	if err := json.Unmarshal(b.Bytes(), &days); err != nil || len(days) == 0 {
		t.Fatalf("JSON output: %v, %d days", err, len(days))
	}
	if err := run(&b, "april", false); err == nil {
		t.Error("a malformed month must be an error")
	}
}
