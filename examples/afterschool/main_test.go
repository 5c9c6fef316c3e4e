package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// The program shows what the family sees (after-school portal manual, seed
// 000): the outcomes of requests, duplication and approval, the
// cancellation verdict and the week calendar — all of it in Dutch.
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
	// One language: none of the codes, English words or ISO dates a
	// developer reads.
	english := regexp.MustCompile(`(?i)\b(requested|approved|refused|cancell?ed|free|full|weekday|school_holiday|closed|not offered|late|costs?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|reservation)\b|\d{4}-\d{2}-\d{2}`)
	for _, line := range strings.Split(out, "\n") {
		if m := english.FindString(line); m != "" {
			t.Errorf("English %q in what the family reads: %q", m, line)
		}
	}
}
