package monthend

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Problem codes of this package, beside those of plan, tariff, invoice and
// fosu05 that the problems of a case or a report keep.
const (
	// CodeNotShared: a case whose month, calendar, house rules or amounts
	// differ from the organiser's (their JSON encodings differ).
	CodeNotShared plan.Code = "not_shared"
	// CodeDuplicate: an invoice number, a location or a child listed twice.
	CodeDuplicate plan.Code = "duplicate"
	// CodeMalformedCase: a case that does not decode (ReadCase), when the
	// decoder gives no problems of its own.
	CodeMalformedCase plan.Code = "malformed_case"
	// CodeOrganiser: the organiser's month itself cannot be prepared (its
	// calendar, house rules or amounts are invalid), so no family is billed.
	CodeOrganiser plan.Code = "organiser_month"
	// CodeName: a child's full name that cannot be split into a first and
	// a last name for FO-SU-05, with no names given in the organiser data.
	CodeName plan.Code = "name_not_split"
	// CodeIncomplete: a location's report lacks the children of families
	// that could not be billed.
	CodeIncomplete plan.Code = "incomplete_report"
	// CodeInternal: billing a case failed unexpectedly (a defect of the
	// library: please report it with the case).
	CodeInternal plan.Code = "internal_error"
	// CodeUnknownChild: year end, paid care of a child the paid file does
	// not list.
	CodeUnknownChild plan.Code = "unknown_child"
)

// Shared is what every family of an organiser shares in a month: the
// month, the closing-day calendar, the house rules and the yearly amounts
// (empty: the statutory ones). A case bills only with its organiser's.
type Shared struct {
	// Month is the month billed.
	Month plan.Month `json:"month"`
	// Calendar is the organiser's closing-day calendar.
	Calendar plan.Calendar `json:"calendar"`
	// Rules are the organiser's house rules.
	Rules invoice.HouseRules `json:"rules"`
	// Amounts extend or replace the statutory yearly amounts (empty: the
	// statutory ones).
	Amounts tariff.AmountTable `json:"amounts,omitempty"`
}

// SharedOf returns the shared part of case c.
func SharedOf(c invoice.Case) Shared {
	return Shared{Month: c.Month, Calendar: c.Calendar, Rules: c.Rules, Amounts: c.Amounts}
}

// Case is one family's case as a month end receives it.
type Case struct {
	// Source says where the case came from (a file name); it is carried into
	// the summary, nothing else.
	Source string `json:"source,omitempty"`
	// Case is the family's month.
	Case invoice.Case `json:"case"`
	// Problems are problems found before billing (ReadCase: a file that
	// does not decode). A case with problems is not billed (nor read: its
	// Case is ignored); they are its problems in the summary.
	Problems plan.Problems `json:"problems,omitempty"`
}

// ReadCase decodes one case file (the format of invoice.DecodeCase, which
// refuses unknown fields and trailing data). A file that does not decode
// gives a Case with problems — the family appears in the summary, never
// silently dropped: the decoder's own problems when it gives plan.Problems
// (their codes and JSON paths intact), else one CodeMalformedCase problem
// with the decoder's message, at the JSON field at fault when the decoder
// names one.
func ReadCase(source string, data []byte) Case {
	c, err := invoice.DecodeCaseBytes(data)
	if err == nil {
		// Some versions of DecodeCase let a stray "}" or "]" after the case
		// pass.
		err = decodeStrict(data, &json.RawMessage{})
	}
	if ps := plan.AsProblems(err); len(ps) > 0 {
		return Case{Source: source, Problems: ps}
	}
	if err != nil {
		p := plan.Problem{Code: CodeMalformedCase, Message: err.Error()}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			p.Field = te.Field
		}
		return Case{Source: source, Problems: plan.Problems{p}}
	}
	return Case{Source: source, Case: c}
}

// Options tune a run; the zero Options are the defaults.
type Options struct {
	// Workers is the number of goroutines billing families; zero or less
	// means runtime.GOMAXPROCS(0). The result never depends on it.
	Workers int
	// Progress, when set, is called after each family is billed with the
	// number done so far and the number of cases. Calls never overlap and
	// done grows by one each call, but they come from the worker
	// goroutines: keep it short.
	Progress func(done, total int)
}

// FamilySummary is what the summary says of one family.
type FamilySummary struct {
	// Index is the case's place in the input; Source its Case.Source.
	Index  int    `json:"index"`
	Source string `json:"source,omitempty"`
	// Number, Family and Name are the case's invoice number, family id and
	// family name, as the case gives them.
	Number string `json:"number"`
	Family string `json:"family"`
	Name   string `json:"name,omitempty"`
	// Billed is true when the family has its invoice; then Problems is
	// empty, and otherwise it holds every problem of the case.
	Billed bool `json:"billed"`
	// Unread is true when the case could not be read (Case.Problems): who
	// the family is and where its children are is unknown.
	Unread bool `json:"unread,omitempty"`
	// Children is the number of children of the case.
	Children int `json:"children"`
	// Days are the days of the invoice per band (zero when not billed).
	Days Days `json:"days"`
	// Total is the invoice's total (zero when not billed).
	Total    tariff.Money  `json:"total"`
	Problems plan.Problems `json:"problems,omitempty"`
}

// Family is one family's outcome: its summary and, when billed, its
// invoice.
type Family struct {
	FamilySummary
	// Invoice is the family's invoice; the zero Invoice when not Billed.
	Invoice invoice.Invoice `json:"invoice,omitzero"`
}

// Result is a month end: every family in the input's order, every
// location's FO-SU-05 report by location id, and the summary.
type Result struct {
	// Families are the families, in the input's order.
	Families []Family `json:"families"`
	// Reports are the locations' FO-SU-05 reports, by location id.
	Reports []Report `json:"reports"`
	// Summary adds it all up.
	Summary Summary `json:"summary"`
}

// Run makes an organiser's month end: it bills every case with the
// organiser's month prepared once (invoice.NewOrganiserMonth, then
// OrganiserMonth.Build for each family) on opt.Workers goroutines, builds
// the FO-SU-05 report of each location from its invoices, and sums it all
// up.
//
// The organiser's month, calendar, house rules and amounts are org.Shared;
// when it is nil, the shared part most cases have (the first of the most
// common, comparing JSON encodings), which the summary states
// (Summary.SharedFrom).
//
// One bad case never blocks the rest. A family is not billed, and appears
// in the summary with every problem of its case (the field paths of the
// case, as invoice.Build gives them), when its case did not decode, when its
// month, calendar, house rules or amounts differ from the organiser's
// (CodeNotShared, at the first JSON path that differs: "rules.hot_meal[0].amount"),
// when its invoice number is an earlier case's (CodeDuplicate), or when
// invoice.Build refuses it. When the organiser's own month is invalid no
// family is billed: Summary.Problems holds its problems, under "shared.",
// and each family a CodeOrganiser problem.
//
// The reports are one per location (tariff.Location.ID of the children of
// the cases), built with fosu05.New from the invoices of that location's
// children, with the location's data from org.Locations and the children's
// report codes and names from org.Children (by invoice code), or else the
// invoice code and the child's Name split at its first white space: first
// name before it, last name after ("Jan Van den Broeck" is Jan, Van den
// Broeck). A one-word name is a CodeName problem of that report. A location
// without data gets no XML (ReportNoData); one with problems gets none
// either (ReportFailed); one whose families were not all billed gets its
// XML and a CodeIncomplete problem (ReportIncomplete). No report stops
// another.
//
// The summary's total is exactly the sum of the invoices' totals, its days
// the sum of the invoices' days per band (the counting of
// invoice.AttendanceReport). The result depends only on the input, never on
// the number of workers or their scheduling. Run is pure and safe for
// concurrent use; it does not modify its input.
func Run(org Organiser, cases []Case, opt Options) Result {
	r := runner{org: org, cases: cases, opt: opt}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	r.prepare(workers)
	res := Result{Families: make([]Family, len(cases))}
	forEach(len(cases), workers, func(i int) {
		res.Families[i] = r.safeBill(i)
		r.progress()
	})
	res.Reports = r.reports(res.Families, workers)
	res.Summary = r.summary(res)
	return res
}

// runner is one Run.
type runner struct {
	org   Organiser
	cases []Case
	opt   Options

	shared     Shared
	sharedFrom string
	want       encoding   // the shared part's encodings
	encs       []encoding // each case's, when computed up front
	om         *invoice.OrganiserMonth
	omProblems plan.Problems  // the shared part's problems
	dupOf      map[int]int    // case → earlier case with its number
	childIdx   map[string]int // invoice code → the organiser's child data
	mu         sync.Mutex     // guards done
	done       int
}

// prepare settles the shared part, prepares the organiser month and finds
// repeated invoice numbers.
func (r *runner) prepare(workers int) {
	if r.org.Shared != nil {
		r.shared, r.sharedFrom = *r.org.Shared, "organiser"
	} else {
		r.encs = make([]encoding, len(r.cases))
		forEach(len(r.cases), workers, func(i int) {
			if len(r.cases[i].Problems) == 0 {
				r.encs[i] = encode(SharedOf(r.cases[i].Case))
			}
		})
		k, n, usable := mostCommon(r.cases, r.encs)
		r.sharedFrom = "none: no case could be read"
		if k >= 0 {
			r.shared = SharedOf(r.cases[k].Case)
			r.sharedFrom = fmt.Sprintf("cases: %d of %d agree (cases[%d] and those equal to it)", n, usable, k)
		}
	}
	r.want = encode(r.shared)
	usable := false
	for _, c := range r.cases {
		usable = usable || len(c.Problems) == 0
	}
	if usable {
		om, err := invoice.NewOrganiserMonth(r.shared.Month, r.shared.Calendar, r.shared.Rules, r.shared.Amounts)
		if err != nil {
			r.omProblems = prefixed("shared", problemsOf(err))
		}
		r.om = om
	}
	r.childIdx = make(map[string]int, len(r.org.Children))
	for m, c := range r.org.Children {
		if _, dup := r.childIdx[invoiceCode(c)]; !dup {
			r.childIdx[invoiceCode(c)] = m
		}
	}
	seen := make(map[string]int, len(r.cases))
	for i, c := range r.cases {
		if len(c.Problems) > 0 || c.Case.Number == "" {
			continue
		}
		if j, ok := seen[c.Case.Number]; ok {
			if r.dupOf == nil {
				r.dupOf = map[int]int{}
			}
			r.dupOf[i] = j
			continue
		}
		seen[c.Case.Number] = i
	}
}

// progress counts a family done and tells opt.Progress.
func (r *runner) progress() {
	if r.opt.Progress == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done++
	r.opt.Progress(r.done, len(r.cases))
}

// safeBill bills case i; a panic (a defect) becomes the family's problem
// instead of stopping the others.
func (r *runner) safeBill(i int) (f Family) {
	defer func() {
		if v := recover(); v != nil {
			f = Family{FamilySummary: r.head(i)}
			f.Problems = plan.Problems{{Code: CodeInternal,
				Message: fmt.Sprintf("billing the case failed unexpectedly (%v): a defect of the library; please report it with the case", v)}}
		}
	}()
	return r.bill(i)
}

// head is the summary of case i before billing.
func (r *runner) head(i int) FamilySummary {
	c := r.cases[i]
	if len(c.Problems) > 0 {
		return FamilySummary{Index: i, Source: c.Source, Unread: true}
	}
	return FamilySummary{Index: i, Source: c.Source, Number: c.Case.Number, Family: c.Case.Family.ID, Name: c.Case.Family.Name,
		Children: len(c.Case.Children)}
}

func (r *runner) bill(i int) Family {
	c := r.cases[i]
	f := Family{FamilySummary: r.head(i)}
	switch {
	case len(c.Problems) > 0:
		f.Problems = c.Problems
		return f
	case r.omProblems != nil:
		f.Problems = plan.Problems{{Code: CodeOrganiser,
			Message: "the organiser's month cannot be prepared (its calendar, house rules or amounts are invalid: see the summary's problems), so no family is billed"}}
		return f
	}
	var enc encoding
	if r.encs != nil {
		enc = r.encs[i]
	} else {
		enc = encode(SharedOf(c.Case))
	}
	ps := notShared(enc, r.want)
	if j, ok := r.dupOf[i]; ok {
		ps = append(ps, plan.Problem{Code: CodeDuplicate, Field: "number",
			Message: fmt.Sprintf("invoice number %q is also that of cases[%d]%s: each invoice has its own number", c.Case.Number, j, sourceNote(r.cases[j].Source)),
			Rule:    plan.Rule{ID: "monthend.invoice_number", Source: srcSeed004Invoice}})
	}
	if len(ps) > 0 {
		f.Problems = ps
		return f
	}
	inv, err := r.om.Build(c.Case.FamilyMonth())
	if err != nil {
		f.Problems = problemsOf(err)
		return f
	}
	f.Billed, f.Invoice, f.Total, f.Days = true, inv, inv.Total, daysOf(inv)
	return f
}

func sourceNote(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// problemsOf returns the problems of err; an error that holds none becomes
// one problem with its text.
func problemsOf(err error) plan.Problems {
	if ps := plan.AsProblems(err); len(ps) > 0 {
		return ps
	}
	return plan.Problems{{Code: plan.CodeInvalidValue, Message: err.Error()}}
}

// prefixed places problems under field.
func prefixed(field string, ps plan.Problems) plan.Problems {
	out := make(plan.Problems, len(ps))
	for i, p := range ps {
		if p.Field == "" {
			p.Field = field
		} else {
			p.Field = field + "." + p.Field
		}
		out[i] = p
	}
	return out
}

// forEach calls f(0) … f(n-1) on workers goroutines, each index once.
func forEach(n, workers int, f func(i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64 // the next index to take
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
