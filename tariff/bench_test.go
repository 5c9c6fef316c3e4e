package tariff

import (
	"testing"

	"github.com/kinderopvang/regels/plan"
)

// Banding a day from its sessions, with the day's frame computed once per
// day (as an invoice does for all children of that day).
func BenchmarkClassifyDay(b *testing.B) {
	c := StatutoryClassifier()
	day := NewDay(plan.MustParseDate("2026-03-10"), nil)
	sessions := []plan.Session{
		{In: bxl(2026, 3, 10, 7, 30), Out: bxl(2026, 3, 10, 8, 20)},
		{In: bxl(2026, 3, 10, 15, 45), Out: bxl(2026, 3, 10, 16, 40)},
	}
	loc := Location{ID: "L1"}
	b.ReportAllocs()
	for b.Loop() {
		if care, err := c.Classify(day, sessions, SchoolAge, loc); err != nil || care.Band != BandThird {
			b.Fatal("wrong band")
		}
	}
}

// The same, including computing the day's frame.
func BenchmarkClassifyDayWithFrame(b *testing.B) {
	c := StatutoryClassifier()
	d := plan.MustParseDate("2026-03-10")
	sessions := []plan.Session{{In: bxl(2026, 3, 10, 7, 30), Out: bxl(2026, 3, 10, 17, 30)}}
	b.ReportAllocs()
	for b.Loop() {
		if care, err := c.Classify(NewDay(d, nil), sessions, BabyToddler, Location{}); err != nil || care.Band != BandFull {
			b.Fatal("wrong band")
		}
	}
}

func BenchmarkPriceDay(b *testing.B) {
	p := BandPricer{Table: StatutoryBands()}
	care := DayCare{Band: BandHalf}
	tr := MustTariff("27.35")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.PriceDay(care, tr); err != nil {
			b.Fatal(err)
		}
	}
}
