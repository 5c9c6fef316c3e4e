package fosu05

import (
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/plan"
)

// FuzzDecode reads arbitrary bytes: an error made of plan.Problems, or a
// document that encodes again and reads back equal — never a panic.
//
//	go test -run '^$' -fuzz '^FuzzDecode$' -fuzztime 10s ./invoice/fosu05
func FuzzDecode(f *testing.F) {
	// Compact seeds (no indentation) keep the inputs short, so the fuzzer
	// runs more of them.
	indentation := regexp.MustCompile(`>\n\t*<`)
	compact := func(s string) []byte { return []byte(indentation.ReplaceAllString(s, "><")) }
	for _, name := range []string{"sample_case", "ill_sent_home"} {
		b, err := scenarioDocs(f)[name].XML()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(compact(string(b)))
	}
	for _, c := range xmlCases(f) {
		f.Add(compact(c.xml))
	}
	f.Add([]byte(`<IKG/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			if len(plan.AsProblems(err)) == 0 {
				t.Fatalf("an error that is no plan.Problem: %v", err)
			}
			return
		}
		b, err := d.XML()
		if err != nil {
			t.Fatalf("a decoded document does not encode: %v", err)
		}
		back, err := Parse(b)
		if err != nil {
			t.Fatalf("the re-encoded document does not decode: %v\n%s", err, b)
		}
		if !equalDocs(d, back) {
			t.Fatalf("decode → encode → decode differs:\n%s", cmp.Diff(d, back))
		}
	})
}

// FuzzNew builds reports from arbitrary location and child data around
// the sample case's invoice: plan.Problems, or a document whose XML reads
// back equal — never a panic, never XML that Decode (which checks the
// schema's structure and facets) refuses.
//
//	go test -run '^$' -fuzz '^FuzzNew$' -fuzztime 10s ./invoice/fosu05
func FuzzNew(f *testing.F) {
	inv, err := invoice.Build(invoice.SampleCase())
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Onthaalouder Els", "123456789", "Zorg Leuven", "Janssens An", "230612-118-01", "Noor", "Peeters", 2025, 5, uint8(0b011))
	f.Add("", "12345678", "", "", "K-118", "", "", 0, 13, uint8(0xff))
	f.Add("a&b<c>\r\n", "123456789,", "\x00", "é", "123456 789 12", "\uFFFE", "😀", 9999, 12, uint8(0b100))
	f.Fuzz(func(t *testing.T, name, fileNumber, organiser, responsible, code, first, last string, year, month int, flags uint8) {
		m, _ := plan.NewMonth(year, time.Month(month))
		in := Input{
			Month: m,
			Location: Location{Name: name, FileNumber: fileNumber, Organiser: organiser, Responsible: responsible,
				AfterSchool: flags&1 != 0, Flex: flags&2 != 0, OpenWeekdays: []time.Weekday{time.Weekday(flags >> 5)}},
			Children: []ChildInfo{
				{Code: code, InvoiceCode: "K-118", FirstName: first, LastName: last, AfterSchool: flags&4 != 0},
				{Code: "181103-077-02", InvoiceCode: "K-077", FirstName: last, LastName: first},
			},
			Header: Header{UsedViewer: name},
		}
		if flags&8 == 0 {
			in.Invoices = []invoice.Invoice{inv}
		}
		if flags&16 != 0 {
			in.OmitHospitalDays = true
		}
		d, err := New(in)
		if err != nil {
			if len(plan.AsProblems(err)) == 0 {
				t.Fatalf("an error that is no plan.Problem: %v", err)
			}
			if !equalDocs(Document{}, d) {
				t.Fatalf("a document despite problems:\n%s", cmp.Diff(Document{}, d))
			}
			return
		}
		b, err := d.XML()
		if err != nil {
			t.Fatalf("New's document does not encode: %v", err)
		}
		back, err := Parse(b)
		if err != nil {
			t.Fatalf("New's XML does not decode: %v\n%s", err, b)
		}
		if !equalDocs(d, back) {
			t.Fatalf("round trip:\n%s", cmp.Diff(d, back))
		}
	})
}

// equalDocs is cmp.Equal for documents, faster, for the fuzz targets.
func equalDocs(a, b Document) bool {
	if (a.Config == nil) != (b.Config == nil) || (a.Config != nil && *a.Config != *b.Config) {
		return false
	}
	return a.Header == b.Header && a.Checked == b.Checked && a.Location == b.Location &&
		a.Responsible == b.Responsible && slices.Equal(a.Children, b.Children) && (a.Children == nil) == (b.Children == nil)
}
