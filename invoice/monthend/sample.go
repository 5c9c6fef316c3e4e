package monthend

import (
	"fmt"
	"slices"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// SampleLocations are the location ids of SampleCases, in the order they
// are dealt out.
func SampleLocations() []string { return []string{"OO-Els", "OO-Berk", "OO-Linde"} }

// SampleCases returns n families of one organiser's March 2025 — for
// examples, tests and benchmarks of a month end. Family i is reference
// scenario i mod 7 of invoice.Scenarios() in March 2025 (the closing-day
// scenario is April's), made its own: invoice number 2025-03-NNNNN, family
// F-NNNNN with a name of its own, children codes NNNNNN-CCC (which fit the
// FO-SU-05 pattern), one of three locations (SampleLocations), a justified
// absence ledger of its own and its own attendance — some days of care
// missed (an absence never reported), some cut to half days. Every sixth
// family has a second child, at school (the after-school scenario's). The
// cases share one calendar, the seed-004 house rules and the statutory
// amounts, and all are billable. The same n gives the same cases.
func SampleCases(n int) []invoice.Case {
	var march []invoice.Case
	var school invoice.Child
	for _, s := range invoice.Scenarios() {
		if s.Case.Month != plan.MustMonth(2025, time.March) {
			continue
		}
		march = append(march, s.Case)
		if s.Name == "after_school" {
			school = s.Case.Children[0]
		}
	}
	if n <= 0 || len(march) == 0 {
		return nil
	}
	first := []string{"Noor", "Lars", "Emma", "Louis", "Olivia", "Arthur", "Mila", "Jules", "Lina", "Finn", "Nora", "Vic"}
	last := []string{"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet"}
	locs := SampleLocations()
	cases := make([]invoice.Case, n)
	for i := range cases {
		h := mix(uint64(i))
		c := march[i%len(march)]
		c.Number = fmt.Sprintf("2025-03-%05d", i+1)
		name := last[h%uint64(len(last))]
		c.Family = invoice.Family{ID: fmt.Sprintf("F-%05d", i+1), Name: name, Address: fmt.Sprintf("Naamsesteenweg %d, 3001 Heverlee", 1+h%200)}
		kids := []invoice.Child{c.Children[0]}
		if i%6 == 5 {
			kids = append(kids, school)
		}
		c.Children = make([]invoice.Child, len(kids))
		loc := locs[(h>>8)%uint64(len(locs))]
		for k, ch := range kids {
			code := fmt.Sprintf("%06d-%03d", 100000+i, k+1)
			ch.Child.Code = code
			ch.Name = first[(h>>(16+4*k))%uint64(len(first))] + " " + name
			ch.Location.ID = loc
			ch.Attests.Attests = slices.Clone(ch.Attests.Attests)
			for a := range ch.Attests.Attests {
				ch.Attests.Attests[a].ChildCode = code
			}
			ch.Sessions = vary(ch.Sessions, mix(h+uint64(k)+1))
			ch.HotMeals = slices.DeleteFunc(slices.Clone(ch.HotMeals), func(d plan.Date) bool {
				return !slices.ContainsFunc(ch.Sessions, func(s plan.Session) bool { return plan.DateOf(s.In) == d })
			})
			ch.Absences = slices.Clone(ch.Absences)
			// A ledger of its own: used 0 to the entitlement, in half days.
			if ent := ch.Ledger.Entitlement.IntPart(); ent > 0 {
				used := decimal.New(int64(mix(h^0x5bd1)%uint64(2*ent+1))*5, -1)
				ch.Ledger = absence.Ledger{Year: ch.Ledger.Year, Entitlement: ch.Ledger.Entitlement, Used: used}
			}
			c.Children[k] = ch
		}
		cases[i] = c
	}
	return cases
}

// vary returns sessions with about one in ten left out and one in ten cut
// to four hours (a half day), chosen by h.
func vary(sessions []plan.Session, h uint64) []plan.Session {
	out := make([]plan.Session, 0, len(sessions))
	for k, s := range sessions {
		switch mix(h+uint64(k)) % 10 {
		case 0:
			continue
		case 1:
			if s.Out.Sub(s.In) > 4*time.Hour {
				s.Out = s.In.Add(4 * time.Hour)
			}
		}
		out = append(out, s)
	}
	return out
}

// mix is splitmix64's finaliser: a well-spread hash of x.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// SampleOrganiser returns the organiser data of SampleCases: its shared
// month (March 2025, the Belgian public holidays, the seed-004 house rules,
// the statutory amounts) and the FO-SU-05 data of its three locations, all
// with after-school care and none with flex permission. Its children's
// names come from the cases (split at the first space).
func SampleOrganiser() Organiser {
	shared := Shared{Month: plan.MustMonth(2025, time.March), Rules: invoice.Seed004HouseRules()}
	loc := func(id, name, file string) fosu05.Location {
		return fosu05.Location{ID: id, Name: name, FileNumber: file, Organiser: "Zorg Leuven", Responsible: "Janssens An", AfterSchool: true}
	}
	ids := SampleLocations()
	return Organiser{Shared: &shared, Locations: []fosu05.Location{
		loc(ids[0], "Onthaalouder Els", "123456789"),
		loc(ids[1], "Onthaalouder Berk", "223456789"),
		loc(ids[2], "Kinderdagverblijf De Linde", "323456789"),
	}}
}

// SamplePaid returns the year end's data of SampleCases(n): its children
// and their March 2025 invoices (Run with SampleOrganiser), each paid on 20
// April 2025.
func SamplePaid(n int) Paid {
	cases := SampleCases(n)
	in := make([]Case, len(cases))
	for i, c := range cases {
		in[i] = Case{Case: c}
	}
	res := Run(SampleOrganiser(), in, Options{})
	p := Paid{Children: []PaidChild{}, Paid: []invoice.PaidInvoice{}}
	for i, f := range res.Families {
		if !f.Billed {
			continue // never: the sample bills cleanly
		}
		p.Paid = append(p.Paid, invoice.PaidInvoice{Invoice: f.Invoice, PaidOn: plan.MustParseDate("2025-04-20")})
		for _, ch := range cases[i].Children {
			p.Children = append(p.Children, PaidChild{Code: ch.Child.Code, Name: ch.Name, Birth: ch.Child.Birth})
		}
	}
	return p
}
