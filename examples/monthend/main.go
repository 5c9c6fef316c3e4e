// Command monthend runs an organiser's month end — every family's invoice,
// the FO-SU-05 report of each location, a summary — and its year end, the
// fiscal certificates (281.86) of every child.
//
//	go run ./examples/monthend -cases DIR -out DIR [-organiser FILE] [-workers N]
//	go run ./examples/monthend -certificates YEAR -paid FILE -out DIR
//	go run ./examples/monthend -write-sample N -cases DIR [-organiser FILE] [-paid FILE]
//
// The month end reads every *.json file of -cases (one invoice.Case each,
// the format of examples/invoice) and the optional -organiser file (the
// locations' FO-SU-05 data, optionally the children's report codes and
// names and the shared month, calendar, house rules and amounts: see
// monthend.Organiser), bills them all on -workers goroutines (default: one
// per core; they read and write the files too) and writes into -out:
//
//	invoices/NAME.txt, invoices/NAME.json   the invoice of cases/NAME.json, in Dutch and as JSON
//	fosu05/LOCATION.xml                     the FO-SU-05 report of each location with data
//	fosu05/LOCATION.incomplete.xml          … of a location whose families were not all billed
//	summary.json, summary.txt               the summary: counts, days per band, total, problems
//
// A run of 100 families or more prints its progress on stderr. It exits 0
// when every family was billed and every report is ready, 1 when some had
// problems (everything else is still written, the problems are in the
// summary), 2 for bad flags or unreadable input (a missing directory, a
// file that cannot be read, an organiser file that does not decode). A
// case file that does not decode is a family with a problem, not
// unreadable input.
//
// The year end reads the -paid file (monthend.Paid: the children, the
// invoices paid with their payment date, optionally the tax caps) and
// writes into -out:
//
//	certificates/CODE.json, certificates/CODE.csv   each child's certificates of the year
//	certificates-YEAR.csv                           every child's, in one file
//	year-end-YEAR.json                              certificates, tax reductions and problems
//
// The CSV files open in a spreadsheet with Belgian settings as they are:
// UTF-8 with a byte order mark, semicolons, decimal commas, DD/MM/YYYY.
// Exit codes as for the month end.
//
// -write-sample N writes N sample families (monthend.SampleCases) as case
// files into -cases and, with -organiser, the sample organiser file: the
// input of a month end of any size; with -paid, the year end's paid file of
// their invoices (monthend.SamplePaid).
//
// A run overwrites the files it writes and leaves any other file in -out
// alone; summary.json names each family's case file (source), whose base
// name its invoice files share.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kinderopvang/regels/invoice/monthend"
)

// options are the command's flags.
type options struct {
	cases, out, organiser string
	workers               int
	certificates          int // the year of the year end; 0: a month end
	paid                  string
	writeSample           int
	// now reads the clock for the timings on stderr; nil reads none (the
	// timings are 0). No date of the run comes from it.
	now func() time.Time
}

var (
	// errUsage marks bad flags or unreadable input: exit code 2.
	errUsage = errors.New("usage")
	// errProblems marks a run in which some families, reports or
	// certificates had problems: exit code 1.
	errProblems = errors.New("problems")
)

func main() {
	var o options
	flag.StringVar(&o.cases, "cases", "", "the directory of case files (*.json, one invoice.Case each)")
	flag.StringVar(&o.out, "out", "", "the directory to write invoices, reports, certificates and the summary into")
	flag.StringVar(&o.organiser, "organiser", "", "the organiser file (JSON: locations' FO-SU-05 data, children's names, the shared month and rules)")
	flag.IntVar(&o.workers, "workers", 0, "goroutines billing families, and reading and writing their files (0: one per core)")
	flag.IntVar(&o.certificates, "certificates", 0, "the year end instead: make the fiscal certificates of `YEAR` from -paid")
	flag.StringVar(&o.paid, "paid", "", "the paid file of the year end (JSON: children and paid invoices)")
	flag.IntVar(&o.writeSample, "write-sample", 0, "write `N` sample case files into -cases (and the sample organiser file to -organiser, their paid invoices to -paid)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage:\n  monthend -cases DIR -out DIR [-organiser FILE] [-workers N]\n  monthend -certificates YEAR -paid FILE -out DIR\n  monthend -write-sample N -cases DIR [-organiser FILE] [-paid FILE]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "monthend: unexpected arguments %q\n", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	o.now = time.Now
	if err := run(os.Stdout, os.Stderr, o); err != nil {
		if err != errProblems { // the problems themselves are already told
			fmt.Fprintln(os.Stderr, "monthend:", err)
		}
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// run does what the flags say; errUsage means exit code 2, any other error
// exit code 1.
func run(stdout, stderr io.Writer, o options) error {
	switch {
	case o.writeSample != 0:
		if o.writeSample < 0 || o.cases == "" || o.out != "" || o.certificates != 0 || o.workers != 0 {
			return fmt.Errorf("%w: -write-sample N (N > 0) goes with -cases DIR and optionally -organiser FILE and -paid FILE only", errUsage)
		}
		return writeSample(stdout, o)
	case o.certificates != 0:
		if o.certificates < 1 || o.certificates > 9999 || o.paid == "" || o.out == "" || o.cases != "" || o.organiser != "" || o.workers != 0 {
			return fmt.Errorf("%w: -certificates YEAR (1 to 9999) goes with -paid FILE and -out DIR only", errUsage)
		}
		return yearEnd(stdout, stderr, o)
	case o.paid != "":
		return fmt.Errorf("%w: -paid goes with -certificates YEAR or -write-sample N", errUsage)
	case o.cases == "" || o.out == "":
		return fmt.Errorf("%w: a month end needs -cases DIR and -out DIR (or -certificates YEAR -paid FILE -out DIR for the year end)", errUsage)
	case o.workers < 0:
		return fmt.Errorf("%w: -workers %d: the number of workers is 0 (one per core) or more", errUsage, o.workers)
	case sameDir(o.cases, o.out):
		return fmt.Errorf("%w: -out is the -cases directory: its summary.json would be read as a case the next time", errUsage)
	}
	return monthEnd(stdout, stderr, o)
}

// sameDir reports whether a and b name the same directory.
func sameDir(a, b string) bool {
	x, errA := filepath.Abs(a)
	y, errB := filepath.Abs(b)
	return errA == nil && errB == nil && x == y
}

// monthEnd bills every case of o.cases and writes the results into o.out.
func monthEnd(stdout, stderr io.Writer, o options) error {
	var org monthend.Organiser
	if o.organiser != "" {
		b, err := os.ReadFile(o.organiser)
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if org, err = monthend.DecodeOrganiser(b); err != nil {
			return fmt.Errorf("%w: %s:\n%v", errUsage, o.organiser, err)
		}
	}
	now := o.now
	if now == nil {
		now = func() time.Time { return time.Time{} }
	}
	start := now()
	cases, err := readCases(o.cases, o.workers)
	if err != nil {
		return err
	}
	read := now().Sub(start)

	start = now()
	last := start
	opt := monthend.Options{Workers: o.workers}
	if len(cases) >= progressFrom {
		opt.Progress = func(done, total int) {
			if now := now(); done%progressEvery == 0 || now.Sub(last) >= time.Second {
				last = now
				fmt.Fprintf(stderr, "monthend: %d of %d families billed (%s)\n", done, total, now.Sub(start).Round(time.Millisecond))
			}
		}
	}
	res := monthend.Run(org, cases, opt)
	billed := now().Sub(start)

	files, err := writeMonthEnd(o.out, cases, res, o.workers)
	if err != nil {
		return err
	}
	s := res.Summary
	if len(cases) >= progressFrom {
		fmt.Fprintf(stderr, "monthend: %d case files read in %s, billed in %s, %d files written in %s\n", len(cases),
			read.Round(time.Millisecond), billed.Round(time.Millisecond), files, (now().Sub(start) - billed).Round(time.Millisecond))
	}
	fmt.Fprintf(stdout, "%s: %d families, %d billed, %d not billed; total %s; %d report(s) ready; written to %s\n",
		s.Month, s.Families, s.Billed, s.NotBilled, s.Total, ready(s), o.out)
	if !s.OK() {
		fmt.Fprintf(stderr, "monthend: some families or reports have problems: see %s\n", filepath.Join(o.out, "summary.txt"))
		return errProblems
	}
	return nil
}

// readCases reads every *.json file of dir, in name order, on workers
// goroutines (0: one per core).
func readCases(dir string, workers int) ([]monthend.Case, error) {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no case files (*.json) in %s", errUsage, dir)
	}
	cases := make([]monthend.Case, len(names))
	errs := make([]error, len(names))
	parallel(len(names), workers, func(i int) {
		b, err := os.ReadFile(filepath.Join(dir, names[i]))
		if err != nil {
			errs[i] = fmt.Errorf("%w: %v", errUsage, err)
			return
		}
		cases[i] = monthend.ReadCase(names[i], b)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return cases, nil
}

// parallel calls f(0) … f(n-1) on workers goroutines (0: one per core).
func parallel(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// maxListed is the most households whose tax reduction the year end
// prints.
const maxListed = 20

// Progress lines: for runs of progressFrom families or more, every
// progressEvery families or every second.
const (
	progressFrom  = 100
	progressEvery = 100
)

func ready(s monthend.Summary) int {
	n := 0
	for _, l := range s.Locations {
		if l.Status == monthend.ReportReady {
			n++
		}
	}
	return n
}

// writeMonthEnd writes the invoices, the reports and the summary, and
// returns the number of files written; the invoices on workers goroutines.
func writeMonthEnd(out string, cases []monthend.Case, res monthend.Result, workers int) (int, error) {
	for _, dir := range []string{out, filepath.Join(out, "invoices"), filepath.Join(out, "fosu05")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, err
		}
	}
	write := func(name string, b []byte) error { return os.WriteFile(filepath.Join(out, name), b, 0o644) }
	errs := make([]error, len(res.Families))
	n := 0
	for _, f := range res.Families {
		if f.Billed {
			n += 2
		}
	}
	parallel(len(res.Families), workers, func(i int) {
		f := res.Families[i]
		if !f.Billed {
			return
		}
		base := filepath.Join("invoices", strings.TrimSuffix(cases[i].Source, ".json"))
		b, err := json.MarshalIndent(f.Invoice, "", "  ")
		if err == nil {
			err = write(base+".txt", []byte(f.Invoice.Text()))
		}
		if err == nil {
			err = write(base+".json", append(b, '\n'))
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	names := fileNames{}
	for _, r := range res.Reports {
		if r.XML == nil {
			continue
		}
		suffix := ".xml"
		if r.Status == monthend.ReportIncomplete {
			suffix = ".incomplete.xml"
		}
		n++
		if err := write(filepath.Join("fosu05", names.of(r.Location)+suffix), r.XML); err != nil {
			return n, err
		}
	}
	b, err := json.MarshalIndent(res.Summary, "", "  ")
	if err != nil {
		return n, err
	}
	if err := write("summary.json", append(b, '\n')); err != nil {
		return n, err
	}
	return n + 2, write("summary.txt", []byte(res.Summary.Text()))
}

// fileNames turns ids into distinct file names: characters other than
// letters, digits, '.', '-' and '_' become '_', and a name already given
// gets "-2", "-3", ….
type fileNames map[string]bool

func (u fileNames) of(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	name := strings.TrimLeft(string(b), ".")
	if name == "" {
		name = "_"
	}
	for k, try := 2, name; ; k++ {
		if !u[strings.ToLower(try)] {
			u[strings.ToLower(try)] = true
			return try
		}
		try = name + "-" + strconv.Itoa(k)
	}
}

// yearEnd makes the certificates of o.certificates from o.paid.
func yearEnd(stdout, stderr io.Writer, o options) error {
	b, err := os.ReadFile(o.paid)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	paid, err := monthend.DecodePaid(b)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", errUsage, o.paid, err)
	}
	res := monthend.YearEnd(o.certificates, paid)
	dir := filepath.Join(o.out, "certificates")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := fileNames{}
	file := make([]string, len(res.Children)) // each child's file name, "" when it has no certificate
	certs := 0
	for i, c := range res.Children {
		if len(c.Certificates) > 0 {
			certs += len(c.Certificates)
			file[i] = names.of(c.Code)
		}
	}
	errs := make([]error, len(res.Children))
	parallel(len(res.Children), 0, func(i int) {
		if file[i] == "" {
			return
		}
		c := res.Children[i]
		j, err := json.MarshalIndent(c, "", "  ")
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, file[i]+".json"), append(j, '\n'), 0o644)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, file[i]+".csv"), monthend.CertificatesCSV([]monthend.ChildCertificates{c}), 0o644)
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	year := strconv.Itoa(o.certificates)
	if err := os.WriteFile(filepath.Join(o.out, "certificates-"+year+".csv"), monthend.CertificatesCSV(res.Children), 0o644); err != nil {
		return err
	}
	j, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.out, "year-end-"+year+".json"), append(j, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d certificate(s) of %d child(ren), %d household(s); written to %s\n", year, certs, len(res.Children), len(res.Households), o.out)
	// The households' tax reductions, one line each for a few; the
	// year-end file holds them all.
	if len(res.Households) <= maxListed {
		for _, h := range res.Households {
			if len(h.Problems) == 0 {
				fmt.Fprintf(stdout, "  family %s: tax reduction %s (45 %% of %s)\n", h.Family.ID, h.Reduction.Total, h.Reduction.Eligible)
			}
		}
	}
	if !res.OK() {
		for _, p := range res.Problems {
			fmt.Fprintf(stderr, "monthend: %s\n", p.Error())
		}
		for _, c := range res.Children {
			for _, p := range c.Problems {
				fmt.Fprintf(stderr, "monthend: child %s: %s\n", c.Code, p.Error())
			}
		}
		for _, h := range res.Households {
			for _, p := range h.Problems {
				fmt.Fprintf(stderr, "monthend: family %s: %s\n", h.Family.ID, p.Error())
			}
		}
		return errProblems
	}
	return nil
}

// writeSample writes o.writeSample sample case files into o.cases, the
// sample organiser file to o.organiser and the sample paid file (their
// invoices, paid) to o.paid.
func writeSample(stdout io.Writer, o options) error {
	if err := os.MkdirAll(o.cases, 0o755); err != nil {
		return err
	}
	cases := monthend.SampleCases(o.writeSample)
	for i, c := range cases {
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(o.cases, fmt.Sprintf("family-%05d.json", i+1)), append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	if o.organiser != "" {
		b, err := json.MarshalIndent(monthend.SampleOrganiser(), "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(o.organiser, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	if o.paid != "" {
		b, err := json.Marshal(monthend.SamplePaid(o.writeSample))
		if err != nil {
			return err
		}
		if err := os.WriteFile(o.paid, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "%d sample case file(s) written to %s\n", len(cases), o.cases)
	return nil
}
