package fosu05

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// Every generated document is valid, and encode → decode gives it back.
func TestRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := docGen().Draw(t, "doc")
		if err := d.Validate(); err != nil {
			t.Fatalf("generated document invalid: %v", err)
		}
		var buf bytes.Buffer
		if err := d.Encode(&buf); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		back, err := Decode(&buf)
		if err != nil {
			t.Fatalf("Decode: %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(d, back); diff != "" {
			t.Fatalf("round trip (-encoded +decoded):\n%s", diff)
		}
	})
}

// The JSON form round-trips too.
func TestJSONRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := docGen().Draw(t, "doc")
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Document
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(d, back); diff != "" {
			t.Fatalf("JSON round trip:\n%s", diff)
		}
	})
}

// The reports of the reference scenarios round-trip, and encoding is
// deterministic.
func TestRoundTripScenarios(t *testing.T) {
	for name, d := range scenarioDocs(t) {
		b1, err := d.XML()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		back, err := Parse(b1)
		if err != nil {
			t.Fatalf("%s: Parse: %v", name, err)
		}
		if diff := cmp.Diff(d, back); diff != "" {
			t.Errorf("%s: round trip:\n%s", name, diff)
		}
		b2, _ := back.XML()
		if !bytes.Equal(b1, b2) {
			t.Errorf("%s: re-encoding differs", name)
		}
	}
}
