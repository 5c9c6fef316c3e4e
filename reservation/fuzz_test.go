package reservation

import (
	"encoding/json"
	"testing"

	"github.com/kinderopvang/regels/plan"
	"pgregory.net/rapid"
)

// FuzzBookOperations runs the capacity-book state machine under the
// coverage-guided fuzzer.
func FuzzBookOperations(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		t.Repeat(rapid.StateMachineActions(newBookMachine()))
	}))
}

// FuzzRequest decodes a book and a request from JSON and runs the entry
// points: an error or a consistent result, never a panic.
func FuzzRequest(f *testing.F) {
	b, _ := json.Marshal(book())
	r, _ := json.Marshal(Request{Children: []string{"lena", "milan"}, Location: "bko-linde", Moment: "na", Date: d("2026-10-12"), Start: clock("15:30"), End: clock("17:30")})
	f.Add(b, r)
	f.Fuzz(func(t *testing.T, bookJSON, reqJSON []byte) {
		var bk Book
		var req Request
		if json.Unmarshal(bookJSON, &bk) != nil || json.Unmarshal(reqJSON, &req) != nil || len(req.Children) > 20 || len(bk.Reservations) > 200 {
			return
		}
		n, os, err := bk.Request(req)
		if err != nil {
			return
		}
		created := 0
		for _, o := range os {
			if o.Refused == "" {
				created++
			}
		}
		if len(n.Reservations) != len(bk.Reservations)+created {
			t.Fatalf("%d created, book grew by %d", created, len(n.Reservations)-len(bk.Reservations))
		}
		for _, res := range n.Reservations {
			if res.State == StateRequested {
				if _, _, err := n.Approve(res.ID); err != nil && plan.AsProblems(err) == nil {
					t.Fatalf("approve: %v", err)
				}
			}
		}
		_, _ = n.Week("lena", req.Location, req.Date)
	})
}
