// Command verify checks an invoice made by other software against the one
// this library computes from the same case, and lists every difference with
// the rule behind the expected value.
//
//	go run ./examples/verify                            # the built-in example
//	go run ./examples/verify -case c.json -invoice i.json
//
// The external invoice is JSON: {"number": …, "total": "…", "lines": [{"child",
// "kind", "band", "group", "count", "unit_price", "amount"}]} (see the README).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

func main() {
	caseFile := flag.String("case", "", "the JSON case the invoice is for (default: the scenario late_pickup)")
	invFile := flag.String("invoice", "", "the external invoice, JSON (default: a built-in one with two mistakes)")
	flag.Parse()
	if err := run(os.Stdout, *caseFile, *invFile); err != nil {
		fmt.Fprintln(os.Stderr, "verify:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, caseFile, invFile string) error {
	var c invoice.Case
	if caseFile == "" {
		s, err := invoice.ScenarioByName("late_pickup")
		if err != nil {
			return err
		}
		c = s.Case
	} else {
		f, err := os.Open(caseFile)
		if err != nil {
			return err
		}
		defer f.Close()
		if c, err = invoice.DecodeCase(f); err != nil {
			return err
		}
	}
	computed, err := invoice.Build(c)
	if err != nil {
		return err
	}
	var ext invoice.External
	if invFile == "" {
		ext = theirs(computed)
	} else {
		b, err := os.ReadFile(invFile)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &ext); err != nil {
			return fmt.Errorf("%s: %w", invFile, err)
		}
	}
	diffs := invoice.Verify(computed, ext)
	if len(diffs) == 0 {
		fmt.Fprintf(w, "invoice %s matches: total %s\n", computed.Number, computed.Total)
		return nil
	}
	fmt.Fprintf(w, "invoice %s: %d difference(s)\n", computed.Number, len(diffs))
	for _, d := range diffs {
		fmt.Fprintf(w, "- %s: %s\n", d.What, d.Message)
	}
	return nil
}

// theirs is the invoice another program made for the same month: it rounds
// the late pick-up down to whole half hours and forgot the waste.
func theirs(computed invoice.Invoice) invoice.External {
	ext := invoice.ExternalOf(computed)
	var lines []invoice.ExternalLine
	var total tariff.Money
	for _, l := range ext.Lines {
		switch l.Kind {
		case invoice.LineLatePickup:
			l.Count, l.Amount = decimal.NewFromInt(1), tariff.MustMoney("4.00")
		case invoice.LineWasteFull:
			continue
		}
		lines = append(lines, l)
		total, _ = total.Add(l.Amount) // computed lines: in range
	}
	ext.Lines, ext.Total = lines, &total
	return ext
}
