package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Milan 2026-11-02 geweigerd (school_holiday)",
		"Lena  2026-11-11 geweigerd (weekday)",
		"R6 Milan 2026-10-19: refused", // one place was left on 19 October
		"te laat? true — kost 5.00",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
