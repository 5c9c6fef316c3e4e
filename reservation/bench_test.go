package reservation

import (
	"strconv"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
)

// Benchmarks on large books: 2,000 reservations of 100 children, and a
// duplication to 2,000 dates. Every operation reads the book once, so
// these grow linearly (see "The capacity book" in the package doc).

// bigBook returns a book of n reservations, every other one approved, at
// a location whose moment is offered every day and closes on the public
// holidays.
func bigBook(n int) Book {
	all := []time.Weekday{0, 1, 2, 3, 4, 5, 6}
	b := Book{Locations: []Location{{ID: "L", Name: "BKO", Calendar: plan.Calendar{},
		Moments: []Moment{{ID: "na", Name: "naschools", Weekdays: all, Season: AllYear, Start: clock("15:30"), End: clock("18:30"), Capacity: 60}}}}}
	p := plan.Period{Start: d("2020-01-01"), End: d("2040-12-31")}
	for c := 0; c < 100; c++ {
		b.Enrolments = append(b.Enrolments, Enrolment{Child: "c" + strconv.Itoa(c), Location: "L", Period: p})
	}
	start := d("2026-01-01")
	for i := 0; i < n; i++ {
		b.NextID++
		st := StateRequested
		if i%2 == 0 {
			st = StateApproved
		}
		b.Reservations = append(b.Reservations, Reservation{ID: "R" + strconv.Itoa(b.NextID), Child: "c" + strconv.Itoa(i%100), Location: "L", Moment: "na",
			Date: start.AddDays(i / 100), Start: clock("15:30"), End: clock("17:30"), State: st})
	}
	return b
}

// bigDates returns n consecutive dates from 2027.
func bigDates(n int) []plan.Date {
	out := make([]plan.Date, n)
	for i := range out {
		out[i] = d("2027-01-01").AddDays(i)
	}
	return out
}

func BenchmarkDuplicate2000(b *testing.B) {
	bk, dates := bigBook(2000), bigDates(2000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := bk.Duplicate("R1", dates, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRequest2000(b *testing.B) {
	bk := bigBook(2000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := bk.Request(Request{Children: []string{"c1", "c2", "c3"}, Location: "L", Moment: "na", Date: d("2026-01-05"), Start: clock("15:30"), End: clock("17:30")}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkApprove2000(b *testing.B) {
	bk := bigBook(2000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := bk.Approve("R2000"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApproveEvery2000 approves every request one by one: each
// Approve copies the book, so this is quadratic by nature; ApproveAll is
// the linear way.
func BenchmarkApproveEvery2000(b *testing.B) {
	bk := bigBook(2000)
	b.ReportAllocs()
	for b.Loop() {
		n := bk
		for _, r := range bk.Reservations {
			if r.State == StateRequested {
				n, _, _ = n.Approve(r.ID)
			}
		}
	}
}

func BenchmarkApproveAll2000(b *testing.B) {
	bk := bigBook(2000)
	var ids []string
	for _, r := range bk.Reservations {
		if r.State == StateRequested {
			ids = append(ids, r.ID)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := bk.ApproveAll(ids); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTaken2000(b *testing.B) {
	bk := bigBook(2000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bk.Taken("L", "na", d("2026-01-10")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFree2000(b *testing.B) {
	bk := bigBook(2000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bk.Free("L", "na", d("2026-01-10")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWeek2000(b *testing.B) {
	bk := bigBook(2000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bk.Week("c1", "L", d("2026-01-10")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCancel2000(b *testing.B) {
	bk := bigBook(2000)
	p := seed000Policy()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := bk.Cancel("R1999", bxl("2025-10-01 10:00"), p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate2000(b *testing.B) {
	bk := bigBook(2000)
	b.ReportAllocs()
	for b.Loop() {
		if err := bk.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckQuota2000(b *testing.B) {
	kids := make([]Cared, 2000)
	for i := range kids {
		kids[i] = Cared{Child: "c" + strconv.Itoa(i)}
		if i%4 == 0 {
			kids[i].Groups = []Group{GroupLowIncome}
		}
	}
	special := []Group{GroupLowIncome, GroupFosterChild}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CheckQuota(2026, kids, special); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRank2000(b *testing.B) {
	apps := make([]Applicant, 2000)
	for i := range apps {
		apps[i] = Applicant{ID: "A" + strconv.Itoa(i), Received: d("2026-01-01").AddDays(i % 300), WantedStart: d("2026-09-01")}
		if i%3 == 0 {
			apps[i].Groups = []Group{GroupWork}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Rank(apps, PriorityPolicy{}); err != nil {
			b.Fatal(err)
		}
	}
}
