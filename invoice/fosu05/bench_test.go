package fosu05

import (
	"testing"

	"github.com/kinderopvang/regels/invoice"
)

// BenchmarkParse reads the sample case's report.
func BenchmarkParse(b *testing.B) {
	d := scenarioDocs(b)["sample_case"]
	x, err := d.XML()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew builds the sample case's report from its invoice.
func BenchmarkNew(b *testing.B) {
	in := inputOf(b, invoice.SampleCase())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkXML writes the sample case's report.
func BenchmarkXML(b *testing.B) {
	d := scenarioDocs(b)["sample_case"]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.XML(); err != nil {
			b.Fatal(err)
		}
	}
}
