// Command invoice prints a family's monthly invoice under the house rules
// of the Zorg Leuven family daycare service (seed 004).
//
//	go run ./examples/invoice                         # the sample case, in Dutch
//	go run ./examples/invoice -trace                  # with the English trace of every line
//	go run ./examples/invoice -json                   # the invoice as JSON
//	go run ./examples/invoice -case my-case.json      # another case file (format: README)
//	go run ./examples/invoice -scenario after_school  # one of the reference scenarios
//	go run ./examples/invoice -print-case             # the sample case file itself
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kinderopvang/regels/invoice"
)

//go:embed sample-case.json
var sampleCase []byte

func main() {
	caseFile := flag.String("case", "", "a JSON case file; default: the embedded sample (sample-case.json)")
	scenario := flag.String("scenario", "", "a reference scenario instead: "+scenarioNames())
	asJSON := flag.Bool("json", false, "print the invoice as JSON")
	trace := flag.Bool("trace", false, "also print the English trace of every line")
	printCase := flag.Bool("print-case", false, "print the case instead of the invoice")
	flag.Parse()
	if err := run(os.Stdout, *caseFile, *scenario, *asJSON, *trace, *printCase); err != nil {
		fmt.Fprintln(os.Stderr, "invoice:", err)
		os.Exit(1)
	}
}

func scenarioNames() string {
	s := ""
	for i, sc := range invoice.Scenarios() {
		if i > 0 {
			s += ", "
		}
		s += sc.Name
	}
	return s
}

func run(w io.Writer, caseFile, scenario string, asJSON, trace, printCase bool) error {
	var c invoice.Case
	var err error
	switch {
	case scenario != "":
		s, err := invoice.ScenarioByName(scenario)
		if err != nil {
			return err
		}
		c = s.Case
	case caseFile != "":
		f, err := os.Open(caseFile)
		if err != nil {
			return err
		}
		defer f.Close()
		if c, err = invoice.DecodeCase(f); err != nil {
			return err
		}
	default:
		if c, err = invoice.DecodeCaseBytes(sampleCase); err != nil {
			return err
		}
	}
	if printCase {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	}
	inv, err := invoice.Build(c)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(inv)
	}
	fmt.Fprint(w, inv.Text())
	if trace {
		fmt.Fprintln(w)
		fmt.Fprint(w, inv.Trace())
	}
	return nil
}
