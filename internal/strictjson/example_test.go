package strictjson_test

import (
	"fmt"
	"reflect"

	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/plan"
)

type size string

type order struct {
	Item string `json:"item"`
	Size size   `json:"size"`
	Qty  int    `json:"qty"`
}

// Every problem at once, with its JSON path and position.
func ExampleDecode() {
	spec := &strictjson.Spec{Enum: func(t reflect.Type) []string {
		if t == reflect.TypeFor[size]() {
			return []string{"small", "large"}
		}
		return nil
	}}
	var o []order
	err := strictjson.Decode([]byte(`[{"item":"tea","size":"huge","qty":1.5},
 {"item":"cake","qyt":2}]`), &o, spec)
	for _, p := range plan.AsProblems(err) {
		fmt.Printf("%s %s: %s\n", p.Code, p.Field, p.Message)
	}
	// Output:
	// invalid_value [0].size: line 1, column 23: "huge" is not a value of strictjson_test.size; the values are "small" or "large"
	// wrong_type [0].qty: line 1, column 36: an integer is expected here, not 1.5
	// unknown_field [1].qyt: line 2, column 17: unknown field "qyt" in strictjson_test.order (did you mean "qty"?); its fields are item, size, qty
}

// The schema of what Decode accepts.
func ExampleSchema() {
	b, err := strictjson.Schema(reflect.TypeFor[order](), &strictjson.Spec{}, strictjson.Meta{Title: "order"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s", b)
	// Output:
	// {
	//   "$schema": "https://json-schema.org/draft/2020-12/schema",
	//   "title": "order",
	//   "$ref": "#/$defs/strictjson_test.order",
	//   "$defs": {
	//     "strictjson_test.order": {
	//       "title": "strictjson_test.order",
	//       "type": "object",
	//       "properties": {
	//         "item": {
	//           "type": "string"
	//         },
	//         "size": {
	//           "$ref": "#/$defs/strictjson_test.size"
	//         },
	//         "qty": {
	//           "type": "integer"
	//         }
	//       },
	//       "additionalProperties": false
	//     },
	//     "strictjson_test.size": {
	//       "title": "strictjson_test.size",
	//       "type": "string"
	//     }
	//   }
	// }
}
