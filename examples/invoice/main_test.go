package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"

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
	if err := run(&b, options{trace: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"FACTUUR 2025-05-0042 — mei 2025", "Noor Peeters", "Lars Peeters", "TOTAAL", "line 1 [K-118] care"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	if err := run(&b, options{scenario: "after_school", asJSON: true}); err != nil {
		t.Fatal(err)
	}
	var inv invoice.Invoice
	if err := json.Unmarshal(b.Bytes(), &inv); err != nil || inv.Total.String() != "153.16" {
		t.Errorf("JSON: %v, total %s", err, inv.Total)
	}
	if err := run(&b, options{caseFile: "no-such-file.json"}); !errors.Is(err, errUsage) {
		t.Errorf("a missing case file is a usage error (exit 2): %v", err)
	}
	// An unknown scenario lists the valid ones.
	if err := run(&b, options{scenario: "no-such-scenario"}); !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "after_school") {
		t.Errorf("an unknown scenario: %v", err)
	}
	// -trace with -json is refused, never ignored.
	if err := run(&b, options{trace: true, asJSON: true}); !errors.Is(err, errUsage) {
		t.Errorf("-trace -json: %v", err)
	}
}

// A new year's amounts come from a file: a 2026 case whose late-notice fee
// needs 2026's minimum contribution fails without them (exit 1, the error
// names the amount and the year) and bills with -amounts.
func TestAmountsFile(t *testing.T) {
	dir := t.TempDir()
	c := invoice.SampleCase()
	c.Month, c.InvoiceDate = plan.MustMonth(2026, time.May), plan.MustParseDate("2026-06-04")
	c.Calendar.Closures = nil
	c.Children = c.Children[:1] // Noor: her plan runs to August 2026
	for i := range c.Children {
		ch := &c.Children[i]
		ch.Ledger = absence.Ledger{}
		for k := range ch.Attests.Attests {
			ch.Attests.Attests[k].Valid = plan.Period{Start: plan.MustParseDate("2026-01-01"), End: plan.MustParseDate("2026-12-31")}
		}
		ch.Sessions, ch.Absences, ch.HotMeals = nil, nil, nil
	}
	caseFile := filepath.Join(dir, "case.json")
	b, _ := json.Marshal(c)
	if err := os.WriteFile(caseFile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := run(&out, options{caseFile: caseFile})
	if err == nil || errors.Is(err, errUsage) || !strings.Contains(err.Error(), "amounts: the maximum tariff of 2026 is not known") || !strings.Contains(err.Error(), "-amounts FILE") {
		t.Fatalf("2026 without its amounts: %v", err)
	}
	amounts := filepath.Join(dir, "amounts-2026.json")
	if err := os.WriteFile(amounts, []byte(`[
  {"year": 2026, "kind": "standard_minimum", "value": "6.60", "confirmed": false, "source": "placeholder for a test"},
  {"year": 2026, "kind": "maximum", "value": "36.50", "confirmed": false, "source": "placeholder for a test"}
]`), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(&out, options{caseFile: caseFile, amounts: amounts}); err != nil || !strings.Contains(out.String(), "FACTUUR") {
		t.Fatalf("2026 with -amounts: %v\n%s", err, out.String())
	}
	if err := os.WriteFile(amounts, []byte(`[{"year": 2026, "kind": "maximum", "value": 36.5}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(&out, options{caseFile: caseFile, amounts: amounts}); !errors.Is(err, errUsage) {
		t.Errorf("a bad amounts file: %v", err)
	}
}

func sample() invoice.Case { return invoice.SampleCase() }
