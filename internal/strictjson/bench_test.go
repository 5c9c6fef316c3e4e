package strictjson

import (
	"encoding/json"
	"testing"
)

var benchDoc = []byte(`{"name":"x","color":"red","count":12,"ok":true,"year":"2024","inner":{"a":"b","n":3},"list":[{"a":"b","n":3},{"a":"c"}],"tags":["a","b"]}`)

func BenchmarkDecode(b *testing.B) {
	spec := testSpec()
	b.ReportAllocs()
	for b.Loop() {
		var d doc
		if err := Decode(benchDoc, &d, spec); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodingJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var d doc
		if err := json.Unmarshal(benchDoc, &d); err != nil {
			b.Fatal(err)
		}
	}
}
