// Command invoice prints a family's monthly invoice under the house rules
// of the Zorg Leuven family daycare service (seed 004).
//
//	go run ./examples/invoice                         # the sample case, in Dutch
//	go run ./examples/invoice -trace                  # with the English trace of every line
//	go run ./examples/invoice -json                   # the invoice as JSON
//	go run ./examples/invoice -case my-case.json      # another case file (format: README)
//	go run ./examples/invoice -amounts amounts.json   # the statutory amounts of a new year (README)
//	go run ./examples/invoice -scenario after_school  # one of the reference scenarios
//	go run ./examples/invoice -print-case             # the sample case file itself
//
// It exits 0 with the invoice, 1 when the case cannot be billed (every
// problem is printed, with its field), 2 on bad flags or unreadable files.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

//go:embed sample-case.json
var sampleCase []byte

// options are the command's flags.
type options struct {
	caseFile, scenario, amounts string
	asJSON, trace, printCase    bool
}

// errUsage marks an error in the flags or the files given: exit code 2.
var errUsage = errors.New("usage")

func main() {
	var o options
	flag.StringVar(&o.caseFile, "case", "", "a JSON case file; default: the embedded sample (sample-case.json)")
	flag.StringVar(&o.scenario, "scenario", "", "a reference scenario instead: "+strings.Join(scenarioNames(), ", "))
	flag.StringVar(&o.amounts, "amounts", "", "a JSON file of yearly statutory amounts to add to the library's (see the README)")
	flag.BoolVar(&o.asJSON, "json", false, "print the invoice as JSON")
	flag.BoolVar(&o.trace, "trace", false, "also print the English trace of every line (not with -json: the JSON carries every rule)")
	flag.BoolVar(&o.printCase, "print-case", false, "print the case instead of the invoice")
	flag.Parse()
	if err := run(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "invoice:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

func scenarioNames() []string {
	var names []string
	for _, sc := range invoice.Scenarios() {
		names = append(names, sc.Name)
	}
	return names
}

func run(w io.Writer, o options) error {
	if o.trace && o.asJSON {
		return fmt.Errorf("%w: -trace and -json do not go together: the JSON carries every line's rule and every day's explanation", errUsage)
	}
	c, err := loadCase(o)
	if err != nil {
		return err
	}
	if o.amounts != "" {
		own, err := loadAmounts(o.amounts)
		if err != nil {
			return err
		}
		c.Amounts = c.Amounts.Merge(own)
	}
	if o.printCase {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	}
	inv, err := invoice.Build(c)
	if err != nil {
		if ps := plan.AsProblems(err); len(ps) > 0 {
			return fmt.Errorf("the case cannot be billed (%d problem(s)):\n%w", len(ps), err)
		}
		return err
	}
	if o.asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(inv)
	}
	fmt.Fprint(w, inv.Text())
	if o.trace {
		fmt.Fprintln(w)
		fmt.Fprint(w, inv.Trace())
	}
	return nil
}

func loadCase(o options) (invoice.Case, error) {
	switch {
	case o.scenario != "":
		s, err := invoice.ScenarioByName(o.scenario)
		if err != nil {
			return invoice.Case{}, fmt.Errorf("%w: no scenario %q; the scenarios are %s", errUsage, o.scenario, strings.Join(scenarioNames(), ", "))
		}
		return s.Case, nil
	case o.caseFile != "":
		f, err := os.Open(o.caseFile)
		if err != nil {
			return invoice.Case{}, fmt.Errorf("%w: %v", errUsage, err)
		}
		defer f.Close()
		c, err := invoice.DecodeCase(f)
		if err != nil {
			return invoice.Case{}, fmt.Errorf("%w: %s: %v", errUsage, o.caseFile, err)
		}
		return c, nil
	}
	return invoice.DecodeCaseBytes(sampleCase)
}

// loadAmounts reads a JSON list of yearly amounts (tariff.AmountTable).
func loadAmounts(path string) (tariff.AmountTable, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	var t tariff.AmountTable
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", errUsage, path, err)
	}
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %s:\n%v", errUsage, path, err)
	}
	return t, nil
}
