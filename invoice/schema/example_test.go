package schema_test

import (
	"encoding/json"
	"fmt"

	"github.com/kinderopvang/regels/invoice/schema"
)

// The schemas are plain JSON, ready for any validator.
func ExampleExternal() {
	var s struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
		Title  string `json:"title"`
	}
	if err := json.Unmarshal(schema.External(), &s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Schema)
	fmt.Println(s.ID == schema.ExternalID, s.Title)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// true regels external invoice
}
