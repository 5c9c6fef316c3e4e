package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// The program shows what the family sees (after-school portal manual, seed
// 000): the outcomes of requests, duplication and approval, the
// cancellation verdict, the week calendar and the month's invoice by the
// municipality's price list — all of it in Dutch.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Milan geweigerd (schoolvakantie): Naschools wordt niet aangeboden in de schoolvakantie (maandag 02/11/2026).",
		"Lena  geweigerd (niet op deze weekdag): Naschools wordt niet aangeboden op woensdag (11/11/2026).",
		// one place was left on 19 October
		"Naschools op maandag 19/10/2026 is volzet (2 plaatsen): reservatie R6 voor Milan is geweigerd.",
		"Kosteloos annuleren kan tot 1 werkdag vóór de start: vrijdag 23/10/2026 om 15:30. Je annuleert op zondag 25/10/2026 om 21:00: te laat, dit kost € 5,00.",
		"maandag 19/10/2026    voorschools: vrij              naschools: goedgekeurd",
		"woensdag 21/10/2026   voorschools: niet beschikbaar  naschools: niet beschikbaar",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// October's invoice by the price list of ExampleAfterSchoolHouseRules,
	// by hand: Lena's three afternoons of under 3 hours at 4.00 (12.00);
	// Milan's afternoon of the 12th with his sister, 25 % off (3.00); his
	// 26th cancelled after the deadline of the policy above (5.00).
	k := strings.Index(out, "De factuur van oktober 2026")
	if k < 0 {
		t.Fatalf("no invoice in the output:\n%s", out)
	}
	inv := out[k:]
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^\s+3\s+opvang volgens de prijslijst: dagdeel minder dan 3 u\s+€ 4,00\s+€ 12,00$`),
		regexp.MustCompile(`(?m)^\s+1\s+opvang volgens de prijslijst: dagdeel minder dan 3 u, min 25 %\s+€ 3,00\s+€ 3,00$`),
		regexp.MustCompile(`(?m)^\s+1\s+reservatie te laat geannuleerd\s+€ 5,00\s+€ 5,00$`),
		regexp.MustCompile(`(?m)^\s+TOTAAL\s+€ 20,00$`),
	} {
		if !want.MatchString(inv) {
			t.Errorf("the invoice lacks %s:\n%s", want, inv)
		}
	}
	// One language: none of the codes, English words or ISO dates a
	// developer reads.
	english := regexp.MustCompile(`(?i)\b(requested|approved|refused|cancell?ed|free|full|weekday|school_holiday|closed|not offered|late|costs?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|reservation)\b|\d{4}-\d{2}-\d{2}`)
	for _, line := range strings.Split(out, "\n") {
		if m := english.FindString(line); m != "" {
			t.Errorf("English %q in what the family reads: %q", m, line)
		}
	}
}
