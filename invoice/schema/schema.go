package schema

import _ "embed"

//go:embed case.schema.json
var caseSchema string

//go:embed external.schema.json
var externalSchema string

// Case returns the JSON Schema of the case file (invoice.Case, read by
// invoice.DecodeCase). Each call returns a new copy.
func Case() []byte { return []byte(caseSchema) }

// External returns the JSON Schema of an external invoice (invoice.External,
// read by invoice.DecodeExternal). Each call returns a new copy.
func External() []byte { return []byte(externalSchema) }

// CaseID and ExternalID are the schemas' $id.
const (
	CaseID     = "https://github.com/kinderopvang/regels/invoice/schema/case.schema.json"
	ExternalID = "https://github.com/kinderopvang/regels/invoice/schema/external.schema.json"
)
