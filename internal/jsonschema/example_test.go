package jsonschema_test

import (
	"fmt"

	"github.com/kinderopvang/regels/internal/jsonschema"
)

func ExampleSchema_Validate() {
	s, err := jsonschema.Compile([]byte(`{"type":"object","additionalProperties":false,"required":["amount"],
  "properties":{"amount":{"type":"string","pattern":"^-?[0-9]{1,13}(\\.[0-9]{1,4})?$"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Validate([]byte(`{"amount":"24.10"}`)))
	fmt.Println(s.Validate([]byte(`{"amount":24.10,"cnt":1}`)))
	// Output:
	// <nil>
	// /amount: a number is not of type string
	// /cnt: no value is allowed here
}
