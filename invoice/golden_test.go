package invoice

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden invoices in testdata/golden")

// The golden invoices of the reference scenarios (built from seeds 000 and
// 004): JSON and the Dutch text a family reads. Regenerate with
// go test ./invoice -run TestGolden -update, and review the diff.
func TestGolden(t *testing.T) {
	for _, s := range Scenarios() {
		t.Run(s.Name, func(t *testing.T) {
			inv, err := Build(s.Case)
			if err != nil {
				t.Fatal(err)
			}
			js, err := json.MarshalIndent(inv, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			js = append(js, '\n')
			for _, f := range []struct {
				name string
				data []byte
			}{{s.Name + ".json", js}, {s.Name + ".txt", []byte(inv.Text())}} {
				path := filepath.Join("testdata", "golden", f.name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, f.data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(want, f.data) {
					t.Errorf("%s differs from the golden file; run with -update and review the diff.\n--- got:\n%s", path, f.data)
				}
			}
		})
	}
}

// The golden totals, checked by hand against the house rules (seed 004).
func TestGoldenTotals(t *testing.T) {
	want := map[string]string{
		"full_time_toddler":    "488.10", // 20 × 24.10 + 20 × 0.13 + 3.50
		"part_time_runs_out":   "281.95", // 10 × 24.10 + 12.05 (half a day unjustified) + 24.10 + 10 × 0.13 + 3.50
		"late_pickup":          "330.49", // 13 × 24.10 + 3 half hours × 4.00 + 13 × 0.13 + 3.50
		"ill_sent_home":        "284.56", // 11 × 24.10 + 14.46 (60 %) + 11 × 0.13 + 0.07 + 3.50
		"after_school":         "153.16", // 7 × 9.64 (40 %) + 3 × 24.10 + 3 × 0.13 + 7 × 0.07 + 3 × 3.00 + 3.50
		"attest_change":        "236.24", // 6 × 24.10 + 7 × 12.35 + 13 × 0.13 + 3.50
		"closing_days":         "270.03", // 11 × 24.10 + 11 × 0.13 + 3.50 (Easter Monday and 10 April not billed)
		"notice_not_respected": "415.54", // 13 × 24.10 + 15 × 6.47 (25 % = 6.03 < minimum) + 13 × 0.13 + 3.50
		// Lena: 17 × 4.00 (under 3 h) + 4 × 7.50 (Wednesdays, 3 to 6 h) + 4.00
		// (reserved, absent, not cancelled); Milan: 9 × 3.00 (4.00 less 25 %
		// for the second child in care) + 5.00 (cancelled too late).
		"after_school_price_list": "134.00",
	}
	for _, s := range Scenarios() {
		inv, err := Build(s.Case)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if inv.Total.String() != want[s.Name] {
			t.Errorf("%s: total %s, want %s", s.Name, inv.Total.String(), want[s.Name])
		}
	}
}
