package fosu05

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// Generators of valid documents, for the round-trip property and the
// sample that CI validates with xmllint. The texts mix plain letters with
// the characters that break naive encoders: markup, entities, CR/LF/TAB,
// accents, characters outside the BMP, the edges of XML's character
// ranges.

func xmlRune() *rapid.Generator[rune] {
	return rapid.OneOf(
		rapid.RuneFrom([]rune("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.")),
		rapid.RuneFrom([]rune{'&', '<', '>', '"', '\'', ']', '\t', '\n', '\r', 'é', 'ë', 'ü', 'ß', 'ç', 'Ø', '中', '😀',
			'\u0085', '\u00a0', '\u2028', '\u007f', '\uFFFD', '\uE000', '\uD7FF', '\U00010000', '\U0010FFFD'}),
		rapid.Rune().Filter(func(r rune) bool { return utf8.ValidRune(r) && isXMLChar(r) }),
	)
}

// textGen is any XML text of min to max characters.
func textGen(min, max int) *rapid.Generator[string] {
	return rapid.StringOfN(xmlRune(), min, max, -1)
}

// nameGen is a non-blank text of at most max characters.
func nameGen(max int) *rapid.Generator[string] {
	return textGen(1, max).Filter(func(s string) bool { return strings.TrimSpace(s) != "" })
}

func digitsGen(min, max int) *rapid.Generator[string] {
	return rapid.StringOfN(rapid.RuneFrom([]rune("0123456789")), min, max, -1)
}

// fileNumberGen: [0-9]{9}[0-9, ]*, length 9–10.
func fileNumberGen() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		return digitsGen(9, 9).Draw(t, "digits") + rapid.SampledFrom([]string{"", "", "0", "7", ",", " "}).Draw(t, "tail")
	})
}

// childCodeGen: [0-9]{6}([ -])?[0-9]{3}([ -])?([0-9]*)?, at most 13
// characters.
func childCodeGen() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		s := digitsGen(6, 6).Draw(t, "birth") + rapid.SampledFrom([]string{"", " ", "-"}).Draw(t, "sep1") + digitsGen(3, 3).Draw(t, "serial")
		s += rapid.SampledFrom([]string{"", " ", "-"}).Draw(t, "sep2")
		return s + digitsGen(0, MaxChildCodeLength-len(s)).Draw(t, "check")
	})
}

// countsGen draws counts of at most budget days in all; third and flex only
// when allowed.
func countsGen(t *rapid.T, label string, budget *int, third, flex bool) Counts {
	draw := func(name string, ok bool) int {
		if !ok || *budget == 0 {
			return 0
		}
		n := rapid.IntRange(0, min(*budget, 12)).Draw(t, label+"."+name)
		*budget -= n
		return n
	}
	return Counts{Third: draw("third", third), Half: draw("half", true), Full: draw("full", true), Flex: draw("flex", flex)}
}

// docGen generates documents that pass Validate.
func docGen() *rapid.Generator[Document] {
	return rapid.Custom(func(t *rapid.T) Document {
		month := plan.MustMonth(rapid.OneOf(rapid.IntRange(2020, 2030), rapid.IntRange(1, 9999)).Draw(t, "year"),
			time.Month(rapid.IntRange(1, 12).Draw(t, "month")))
		days := month.Days().Len()
		l := LocationDetails{
			Name: nameGen(MaxNameLength).Draw(t, "name"), FileNumber: fileNumberGen().Draw(t, "file_number"),
			Organiser: nameGen(MaxNameLength).Draw(t, "organiser"), Month: month,
			OpeningDays: rapid.IntRange(0, days).Draw(t, "opening_days"),
			AfterSchool: rapid.Bool().Draw(t, "bo"), Flex: rapid.Bool().Draw(t, "flex"),
		}
		d := Document{
			Header: Header{FormVersion: textGen(0, 8).Draw(t, "form_version"), MinReaderVersion: textGen(0, 8).Draw(t, "reader"),
				UsedViewer: textGen(0, 30).Draw(t, "viewer")},
			Checked:     rapid.Bool().Draw(t, "checked"),
			Location:    l,
			Responsible: nameGen(80).Draw(t, "responsible"),
		}
		if rapid.Bool().Draw(t, "config") {
			d.Config = &Config{TargetURL: textGen(0, 30).Draw(t, "target"), Subject: textGen(0, 30).Draw(t, "subject")}
		}
		codes := rapid.SliceOfNDistinct(childCodeGen(), 1, 5, func(s string) string { return s }).Draw(t, "codes")
		for _, code := range codes {
			e := Entry{Code: code, FirstName: nameGen(MaxNameLength).Draw(t, "first"), LastName: nameGen(MaxNameLength).Draw(t, "last"),
				AfterSchool: l.AfterSchool && rapid.Bool().Draw(t, "child_bo")}
			budget := days
			e.Present = countsGen(t, "present", &budget, e.AfterSchool, l.Flex)
			e.Justified = countsGen(t, "justified", &budget, e.AfterSchool, l.Flex)
			e.Unjustified = countsGen(t, "unjustified", &budget, e.AfterSchool, l.Flex)
			d.Children = append(d.Children, e)
		}
		return d
	})
}
