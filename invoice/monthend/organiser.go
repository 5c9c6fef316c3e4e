package monthend

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/plan"
)

// Organiser is what the organiser adds to its families' cases: optionally
// the shared month, calendar, house rules and amounts, the FO-SU-05 data
// of its locations and, optionally, the report codes and names of its
// children. It is the format of the organiser file of examples/monthend:
//
//	{
//	  "shared": {"month": "2025-03", "calendar": {}, "rules": {…}},   // optional
//	  "locations": [{"id": "OO-Els", "name": "Onthaalouder Els", "file_number": "123456789",
//	                 "organiser": "Zorg Leuven", "responsible": "Janssens An",
//	                 "after_school": true, "flex": false, "open_weekdays": [1, 2, 3, 4, 5]}],
//	  "children": [{"code": "230612-118-01", "invoice_code": "K-118",
//	                "first_name": "Noor", "last_name": "Peeters"}]              // optional
//	}
type Organiser struct {
	// Shared, when set, is the organiser's month, calendar, house rules and
	// amounts; nil means the part most cases share (see Run).
	Shared *Shared `json:"shared,omitempty"`
	// Locations are the FO-SU-05 data of each location, by its
	// tariff.Location.ID (fosu05.Location.ID): name, dossiernummer,
	// organiser, responsible, permissions, opening weekdays (0 Sunday to 6
	// Saturday; empty: Monday to Friday).
	Locations []fosu05.Location `json:"locations,omitempty"`
	// Children give the report code (the kindcode of the attest
	// inkomenstarief) and the names of children, by invoice code
	// (InvoiceCode, or Code when the same). A child not listed is reported
	// under its invoice code with its name split (see Run); a child listed
	// but on no invoice is in no report.
	Children []fosu05.ChildInfo `json:"children,omitempty"`
}

// Validate checks what the organiser data must hold before a run: distinct
// location ids, and for each child a code and an invoice code no other
// child has. It returns every problem at once (plan.Problems), or nil. The
// locations' FO-SU-05 data are checked by the report of each location
// (fosu05.New) and the shared part by Run, each with its own problems.
func (o Organiser) Validate() error {
	var ps plan.Problems
	ids := make(map[string]int, len(o.Locations))
	for i, l := range o.Locations {
		if j, dup := ids[l.ID]; dup {
			ps = append(ps, plan.Problem{Code: CodeDuplicate, Field: fmt.Sprintf("locations[%d].id", i),
				Message: fmt.Sprintf("location %q is also locations[%d]: one entry per location", l.ID, j)})
			continue
		}
		ids[l.ID] = i
	}
	codes := make(map[string]int, len(o.Children))
	for i, c := range o.Children {
		f := fmt.Sprintf("children[%d]", i)
		if c.Code == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f + ".code",
				Message: "a child needs its report code (the kindcode of the attest inkomenstarief)"})
			continue
		}
		k := invoiceCode(c)
		if j, dup := codes[k]; dup {
			ps = append(ps, plan.Problem{Code: CodeDuplicate, Field: f + ".invoice_code",
				Message: fmt.Sprintf("the invoice code %q is also children[%d]'s: one entry per child", k, j)})
			continue
		}
		codes[k] = i
	}
	return ps.Err()
}

// DecodeOrganiser reads an Organiser from JSON and validates it. Unknown
// fields and trailing data are errors, so a misspelt field never silently
// drops a location's data.
func DecodeOrganiser(data []byte) (Organiser, error) {
	var o Organiser
	if err := decodeStrict(data, &o); err != nil {
		return Organiser{}, fmt.Errorf("monthend: organiser: %w", err)
	}
	if err := o.Validate(); err != nil {
		return Organiser{}, err
	}
	return o, nil
}

// decodeStrict decodes one JSON value into v, refusing unknown fields and
// trailing data.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("data after the JSON value")
	}
	return nil
}
