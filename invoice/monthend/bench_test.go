package monthend

import (
	"fmt"
	"runtime"
	"testing"
)

// A 1,000-family month end (SampleCases: the March 2025 scenarios made
// varied, 1,166 children at three locations): every invoice, three FO-SU-05
// reports and the summary, on one worker and on every core.
func BenchmarkRun1000(b *testing.B) {
	in := inputs(SampleCases(1000))
	org := SampleOrganiser()
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res := Run(org, in, Options{Workers: workers})
				if !res.Summary.OK() {
					b.Fatal(res.Summary.Text())
				}
			}
		})
	}
}

// The same without the shared part: the organiser's is the one most cases
// have, which encodes every case's calendar, house rules and amounts once
// more, up front.
func BenchmarkRun1000MostCommon(b *testing.B) {
	in := inputs(SampleCases(1000))
	org := SampleOrganiser()
	org.Shared = nil
	b.ReportAllocs()
	for b.Loop() {
		if res := Run(org, in, Options{}); !res.Summary.OK() {
			b.Fatal(res.Summary.Text())
		}
	}
}
