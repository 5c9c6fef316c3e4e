// Package jsontest holds the JSON round-trip check the packages' property
// tests share. It is imported by tests only.
package jsontest

import (
	"encoding/json"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// RoundTrip marshals v to JSON, unmarshals it into a new T and fails t when
// the result differs from v (go-cmp, which compares decimals and times
// with their Equal methods; nil and empty slices are equal).
func RoundTrip[T any](t *rapid.T, v T) {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal %#v: %v", v, err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("unmarshal %s: %v", b, err)
	}
	if diff := cmp.Diff(v, back, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("JSON round trip of %s (-want +got):\n%s", b, diff)
	}
}
