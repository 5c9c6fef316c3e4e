// Command verify checks an invoice made by other software against the one
// this library computes from the same case, and lists every difference with
// the rule behind the expected value.
//
//	go run ./examples/verify                            # the built-in example: an invoice with mistakes
//	go run ./examples/verify -case c.json -invoice i.json
//	go run ./examples/verify -case c.json -invoice i.json -json
//	go run ./examples/verify -case c.json -invoice i.json -rounding per_day -tolerance 0.01
//
// The case is the JSON case file format and the external invoice the format
// of invoice.External (see the README; both are published as JSON Schemas in
// invoice/schema), both decoded strictly.
//
// Exit status, for test suites: 0 when the invoice matches, 1 when there are
// differences, 2 on bad input (bad flags, a file that cannot be read or
// decoded, a case that cannot be billed).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// The exit codes.
const (
	exitMatch       = 0
	exitDifferences = 1
	exitBadInput    = 2
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// report is the -json output.
type report struct {
	Number        string                `json:"number"`
	ComputedTotal tariff.Money          `json:"computed_total"`
	Match         bool                  `json:"match"`
	Options       invoice.VerifyOptions `json:"options"`
	Differences   []invoice.Difference  `json:"differences"`
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	caseFile := fs.String("case", "", "the JSON case the invoice is for (default: the scenario late_pickup)")
	invFile := fs.String("invoice", "", "the external invoice, JSON (default: a built-in one with mistakes)")
	asJSON := fs.Bool("json", false, "print the differences as JSON")
	rounding := fs.String("rounding", "per_line", "the other software's rounding: per_line (exact) or per_day")
	tolerance := fs.String("tolerance", "0.00", "accept line amounts this far from count × unit price, reported as within tolerance")
	if err := fs.Parse(args); err != nil {
		return exitBadInput
	}
	bad := func(err error) int {
		fmt.Fprintln(stderr, "verify:", err)
		return exitBadInput
	}
	if fs.NArg() > 0 {
		return bad(fmt.Errorf("unexpected arguments %q", fs.Args()))
	}
	var opt invoice.VerifyOptions
	var err error
	if opt.Rounding, err = invoice.ParseRounding(*rounding); err != nil {
		return bad(err)
	}
	if opt.Tolerance, err = tariff.ParseMoney(*tolerance); err != nil {
		return bad(fmt.Errorf("-tolerance: %w", err))
	}
	c, err := readCase(*caseFile)
	if err != nil {
		return bad(err)
	}
	computed, err := invoice.Build(c)
	if err != nil {
		return bad(problems("the case cannot be billed", err))
	}
	var ext invoice.External
	if *invFile == "" {
		ext = theirs(computed)
	} else {
		f, err := os.Open(*invFile)
		if err != nil {
			return bad(err)
		}
		ext, err = invoice.DecodeExternal(f)
		f.Close()
		if err != nil {
			return bad(problems(*invFile, err))
		}
	}
	diffs, err := invoice.VerifyWith(computed, ext, opt)
	if err != nil {
		return bad(err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if diffs == nil {
			diffs = []invoice.Difference{}
		}
		if err := enc.Encode(report{Number: computed.Number, ComputedTotal: computed.Total, Match: len(diffs) == 0, Options: opt, Differences: diffs}); err != nil {
			return bad(err)
		}
	} else if len(diffs) == 0 {
		fmt.Fprintf(stdout, "invoice %s matches: total %s\n", computed.Number, computed.Total)
	} else {
		fmt.Fprintf(stdout, "invoice %s: %d difference(s) from the computed invoice (total %s)\n\n%s", computed.Number, len(diffs), computed.Total, invoice.DifferencesText(diffs))
	}
	if len(diffs) > 0 {
		return exitDifferences
	}
	return exitMatch
}

// readCase reads the case file, or returns the default scenario.
func readCase(path string) (invoice.Case, error) {
	if path == "" {
		s, err := invoice.ScenarioByName("late_pickup")
		return s.Case, err
	}
	f, err := os.Open(path)
	if err != nil {
		return invoice.Case{}, err
	}
	defer f.Close()
	c, err := invoice.DecodeCase(f)
	if err != nil {
		return invoice.Case{}, problems(path, err)
	}
	return c, nil
}

// problems lists every problem of err, one per line, under a heading.
func problems(heading string, err error) error {
	ps := plan.AsProblems(err)
	if ps == nil {
		return fmt.Errorf("%s: %w", heading, err)
	}
	msg := fmt.Sprintf("%s: %d problem(s)", heading, len(ps))
	for _, p := range ps {
		msg += "\n  " + p.Error()
	}
	return errors.New(msg)
}

// theirs is the invoice another program made for the same month: it rounds
// the late pick-up down to whole half hours, forgot the waste and bills the
// administration twice.
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
		case invoice.LineAdmin:
			lines = append(lines, l)
			total, _ = total.Add(l.Amount) // computed lines: in range
		}
		lines = append(lines, l)
		total, _ = total.Add(l.Amount)
	}
	ext.Lines, ext.Total = lines, &total
	return ext
}
