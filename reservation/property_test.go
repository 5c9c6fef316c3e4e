package reservation

import (
	"testing"

	"pgregory.net/rapid"
)

// The fuzz targets' properties under rapid, so that every go test checks
// them on inputs of all sizes (the fuzzer only replays its seeds there).

// Rank is a permutation of the applicants in priority order (house rules
// Zorg Leuven §2.2.2, seed 004); invalid applicants are an error.
func TestRankProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkRank(t, rapid.SliceOf(rapid.Byte()).Draw(t, "applicants"), rapid.Bool().Draw(t, "urgent first"))
	})
}

// CheckQuota counts each child once and meets the 20 % exactly (house rules
// Zorg Leuven §2.2.2, seed 004).
func TestCheckQuotaProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkQuota(t, rapid.SliceOf(rapid.Byte()).Draw(t, "children"), rapid.Uint8().Draw(t, "special"),
			rapid.Uint16Range(0, 10001).Draw(t, "year"))
	})
}

// Every byte-driven operation sequence of the fuzz targets keeps the
// book's invariants and each operation's rule.
func TestBookOperationsProperty(t *testing.T) {
	fx := newFuzzFixture()
	all := []fuzzOp{opRequest, opApprove, opApproveAll, opModify, opCancel, opDuplicate, opExtraDay, opWeek}
	rapid.Check(t, func(t *rapid.T) {
		newFuzzDriver(t, fx, rapid.SliceOfN(rapid.Byte(), 0, 400).Draw(t, "ops"), all...).run()
	})
}
