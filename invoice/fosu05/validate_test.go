package fosu05

import (
	"errors"
	"strings"
	"testing"

	"github.com/kinderopvang/regels/plan"
)

// Each constraint of the schema (and of the registration) is a problem
// with its code and Go field path.
func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(d *Document)
		code  plan.Code
		field string
	}{
		// Source: FO-SU-05.xsd, naam_locatie — maxLength 50.
		{"location name of 51 characters", func(d *Document) { d.Location.Name = strings.Repeat("x", 51) }, CodeTooLongText, "location.name"},
		{"location name missing", func(d *Document) { d.Location.Name = "" }, plan.CodeMissing, "location.name"},
		// Source: FO-SU-05.xsd, naam_organisator — maxLength 50.
		{"organiser of 51 characters", func(d *Document) { d.Location.Organiser = strings.Repeat("é", 51) }, CodeTooLongText, "location.organiser"},
		// Source: FO-SU-05.xsd, dossiernummer — length 9–10, [0-9]{9}[0-9, ]*.
		{"file number of 8 digits", func(d *Document) { d.Location.FileNumber = "12345678" }, CodePattern, "location.file_number"},
		{"file number of 11", func(d *Document) { d.Location.FileNumber = "12345678901" }, CodePattern, "location.file_number"},
		{"file number with a letter", func(d *Document) { d.Location.FileNumber = "123456789x" }, CodePattern, "location.file_number"},
		{"file number with a dash", func(d *Document) { d.Location.FileNumber = "12345-6789" }, CodePattern, "location.file_number"},
		{"file number missing", func(d *Document) { d.Location.FileNumber = "" }, plan.CodeMissing, "location.file_number"},
		// Source: FO-SU-05.xsd, periode — MM/YYYY.
		{"no month", func(d *Document) { d.Location.Month = plan.Month{} }, plan.CodeInvalidMonth, "location.month"},
		// Source: FO-SU-05.xsd, aantal_openingsdagen — 1 or 2 digits.
		{"100 opening days", func(d *Document) { d.Location.OpeningDays = 100 }, plan.CodeInvalidValue, "location.opening_days"},
		{"negative opening days", func(d *Document) { d.Location.OpeningDays = -1 }, plan.CodeInvalidValue, "location.opening_days"},
		{"32 opening days in March", func(d *Document) { d.Location.OpeningDays = 32 }, plan.CodeInvalidValue, "location.opening_days"},
		// Source: FO-SU-05.xsd, prestaties — at least one prestatie.
		{"no child", func(d *Document) { d.Children = nil }, plan.CodeMissing, "children"},
		// Source: FO-SU-05.xsd, kind/code — maxLength 13 and its pattern.
		{"child code missing", func(d *Document) { d.Children[1].Code = "" }, plan.CodeMissing, "children[1].code"},
		{"child code K-118", func(d *Document) { d.Children[1].Code = "K-118" }, CodePattern, "children[1].code"},
		{"child code of 14", func(d *Document) { d.Children[1].Code = "123456-123-456" }, CodePattern, "children[1].code"},
		{"child code with two dashes", func(d *Document) { d.Children[1].Code = "123456--123" }, CodePattern, "children[1].code"},
		{"child code twice", func(d *Document) { d.Children[1].Code = d.Children[0].Code }, CodeDuplicate, "children[1].code"},
		// Source: FO-SU-05.xsd, voornaam and naam — maxLength 50; the
		// registration matches them to the attest.
		{"first name missing", func(d *Document) { d.Children[1].FirstName = " " }, plan.CodeMissing, "children[1].first_name"},
		{"last name of 51", func(d *Document) { d.Children[0].LastName = strings.Repeat("n", 51) }, CodeTooLongText, "children[0].last_name"},
		// Source: FO-SU-05.xsd, dagType — xs:int; counts are never negative.
		{"negative count", func(d *Document) { d.Children[0].Justified.Half = -1 }, plan.CodeInvalidValue, "children[0].justified.half"},
		// Source: FO-SU-05.xsd, min3u — after-school care only.
		{"min3u for a toddler", func(d *Document) { d.Children[0].Present.Third = 1 }, CodeNotPermitted, "children[0].present.third"},
		// Source: FO-SU-05.xsd, min11uFlex — flex locations only.
		{"min11uFlex without permission", func(d *Document) { d.Location.Flex = false }, CodeNotPermitted, "children[0].present.flex"},
		// Source: FO-SU-05.xsd, locatiegegevens/bo.
		{"after-school child at a location without bo", func(d *Document) { d.Location.AfterSchool = false }, CodeNotPermitted, "children[1].after_school"},
		// Source: Opgroeien FAQ — never more days than the month has.
		{"32 days in March", func(d *Document) { d.Children[0].Unjustified.Full = 32 - d.Children[0].Total() }, plan.CodeInvalidValue, "children[0]"},
		// Source: FO-SU-05.xsd, closing/verantwoordelijke.
		{"responsible missing", func(d *Document) { d.Responsible = "" }, plan.CodeMissing, "responsible"},
		// Source: XML 1.0 §2.2 — characters XML cannot carry.
		{"control character", func(d *Document) { d.Children[0].FirstName = "No\x01or" }, CodeInvalidChar, "children[0].first_name"},
		{"invalid UTF-8", func(d *Document) { d.Location.Organiser = "vzw \xff" }, CodeInvalidChar, "location.organiser"},
		{"U+FFFE", func(d *Document) { d.Header.UsedViewer = "x\uFFFE" }, CodeInvalidChar, "header.used_viewer"},
		{"NUL in the config", func(d *Document) { d.Config = &Config{Subject: "a\x00"} }, CodeInvalidChar, "config.subject"},
	}
	if err := baseDoc().Validate(); err != nil {
		t.Fatalf("the base document: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := baseDoc()
			tt.edit(&d)
			err := d.Validate()
			ps := plan.AsProblems(err)
			found := false
			for _, p := range ps {
				found = found || (p.Code == tt.code && p.Field == tt.field)
				if p.Rule.ID == "" || p.Rule.Source == "" {
					t.Errorf("problem without rule: %+v", p)
				}
			}
			if !found {
				t.Fatalf("want %s at %s, got %v", tt.code, tt.field, err)
			}
			if !errors.Is(err, tt.code) {
				t.Errorf("errors.Is(err, %s) is false", tt.code)
			}
			if b, err := d.XML(); err == nil || b != nil {
				t.Errorf("XML wrote an invalid document")
			}
			var sb strings.Builder
			if err := d.Encode(&sb); err == nil || sb.Len() != 0 {
				t.Errorf("Encode wrote %d bytes of an invalid document", sb.Len())
			}
		})
	}
}

// Every problem comes at once.
func TestValidateAllAtOnce(t *testing.T) {
	d := baseDoc()
	d.Location.Name = strings.Repeat("x", 51)
	d.Location.FileNumber = "1"
	d.Location.OpeningDays = 100
	d.Children[0].FirstName = ""
	d.Children[1].Code = "K-077"
	d.Children[1].Present.Full = -3
	d.Responsible = ""
	want := []string{"location.name", "location.file_number", "location.opening_days", "children[0].first_name",
		"children[1].code", "children[1].present.full", "responsible"}
	ps := plan.AsProblems(d.Validate())
	if len(ps) != len(want) {
		t.Fatalf("want %d problems, got %d: %v", len(want), len(ps), ps)
	}
	for i, f := range want {
		if ps[i].Field != f {
			t.Errorf("problem %d at %s, want %s", i, ps[i].Field, f)
		}
	}
}

// The facet helpers agree with the schema's patterns on their edges.
func TestPatterns(t *testing.T) {
	// Source: FO-SU-05.xsd, dossiernummer and kind/code.
	for s, want := range map[string]bool{
		"123456789": true, "1234567890": true, "123456789,": true, "123456789 ": true,
		"12345678": false, "12345678a": false, "123456789-": false, "12345678901": false, " 123456789": false,
	} {
		if got := validFileNumber(s); got != want {
			t.Errorf("validFileNumber(%q) = %v", s, got)
		}
	}
	for s, want := range map[string]bool{
		"123456789": true, "123456-789": true, "123456 789": true, "123456-789-01": true, "1234567890123": true,
		"123456789 0": true, "123456-789-": true, "123456789-": true,
		"": false, "12345-6789": false, "123456--789": false, "123456-78": false, "12345678901234": false,
		"123456-789-0a": false, "K-118": false, "123456-789 -1": false, "١٢٣٤٥٦٧٨٩": false,
	} {
		if got := validChildCode(s); got != want {
			t.Errorf("validChildCode(%q) = %v", s, got)
		}
	}
}
