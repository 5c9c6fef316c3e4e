package invoice

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func sampleCaseFile(b *testing.B) []byte {
	data, err := os.ReadFile(filepath.Join("..", "examples", "invoice", "sample-case.json"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// The strict decoder on the sample case file (two children, a month).
func BenchmarkDecodeCase(b *testing.B) {
	data := sampleCaseFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeCaseBytes(data); err != nil {
			b.Fatal(err)
		}
	}
}

// encoding/json on the same file, for comparison (it checks unknown fields
// only, and reports the first problem).
func BenchmarkDecodeCaseEncodingJSON(b *testing.B) {
	data := sampleCaseFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var c Case
		if err := dec.Decode(&c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	inv, err := Build(SampleCase())
	if err != nil {
		b.Fatal(err)
	}
	x := ExternalOf(inv)
	x.Lines = append(x.Lines[1:], x.Lines[0]) // reordered
	b.ReportAllocs()
	for b.Loop() {
		if ds := Verify(inv, x); len(ds) != 0 {
			b.Fatal(ds)
		}
	}
}
