package invoice

import (
	"encoding/json"
	"testing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var seedExt = []byte(`{"number":"N","family":"F","month":"2025-03","due_date":"2025-05-03","lines":[{"child":"K","kind":"care","band":"full","group":"baby_toddler","basis":"attest","count":"13","unit_price":"24.10","amount":"313.30"}],"total":"313.30"}`)

func BenchmarkZZDecodeExternal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		DecodeExternalBytes(seedExt)
	}
}
func BenchmarkZZExternalSpec(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		externalSpec()
	}
}
func BenchmarkZZCmp(b *testing.B) {
	x, _ := DecodeExternalBytes(seedExt)
	y, _ := DecodeExternalBytes(seedExt)
	b.ReportAllocs()
	for b.Loop() {
		cmp.Equal(x, y, cmpopts.EquateEmpty())
	}
}
func BenchmarkZZMarshal(b *testing.B) {
	x, _ := DecodeExternalBytes(seedExt)
	b.ReportAllocs()
	for b.Loop() {
		json.Marshal(x)
	}
}
func BenchmarkZZVerify(b *testing.B) {
	inv := Invoice{}
	for _, s := range Scenarios() { inv, _ = Build(s.Case); break }
	x := ExternalOf(inv)
	b.ReportAllocs()
	for b.Loop() {
		Verify(inv, x)
	}
}
