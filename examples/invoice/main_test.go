package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kinderopvang/regels/invoice"
)

var update = flag.Bool("update", false, "rewrite sample-case.json from the library's sample")

// The sample case file is the library's sample family, a month of 2025 with
// two children (a toddler and a school-age child), written by -update.
func TestSampleCaseFile(t *testing.T) {
	want := sample()
	if *update {
		b, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("sample-case.json", append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := invoice.DecodeCaseBytes(sampleCase)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("sample-case.json is stale; run go test ./examples/invoice -update (-want +got):\n%s", diff)
	}
}

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "", "", false, true, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"FACTUUR 2025-05-0042 — mei 2025", "Noor Peeters", "Lars Peeters", "TOTAAL", "line 1 [K-118] care"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	if err := run(&b, "", "after_school", true, false, false); err != nil {
		t.Fatal(err)
	}
	var inv invoice.Invoice
	if err := json.Unmarshal(b.Bytes(), &inv); err != nil || inv.Total.String() != "153.16" {
		t.Errorf("JSON: %v, total %s", err, inv.Total)
	}
	if err := run(&b, "no-such-file.json", "", false, false, false); err == nil {
		t.Error("a missing case file is an error")
	}
	if err := run(&b, "", "no-such-scenario", false, false, false); err == nil {
		t.Error("an unknown scenario is an error")
	}
}

func sample() invoice.Case { return invoice.SampleCase() }
