package invoice

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/tariff"
)

// Seed 004 §3.4.2: a sudden absence is reported "voor het afgesproken
// beginuur"; "Voor een niet tijdig meegedeelde afwezigheid betaal je een
// extra kost van 25% van je inkomenstarief [...] per gereserveerde dag". A
// child taken ill from Wednesday 9 to Friday 11 April 2025 (plan 07:45–17:15,
// tariff 30.10) is reported on Wednesday at 08:00. By default every reserved
// day of the absence pays 25 % of 30.10 = 7.53; read day by day
// (absence.SuddenEachDay) only Wednesday does, and the invoice says why.
func TestSuddenAbsenceEachDayInvoice(t *testing.T) {
	c := monFriCase()
	attend(&c, 0, "07:45", "17:00", "2025-04-09", "2025-04-10", "2025-04-11")
	c.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-04-09"), End: sd("2025-04-11")}, Sudden: true, ReportedAt: at("2025-04-09", "08:00")}}
	whole, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	c.Rules.Absence.Notice.Sudden = absence.SuddenEachDay
	each, err := Build(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		inv    Invoice
		count  int64
		amount string
	}{{"first day", whole, 3, "22.59"}, {"each day", each, 1, "7.53"}} {
		count, amount := linesOf(tc.inv, LineLateNotice)
		if count.IntPart() != tc.count || !amount.Equal(tariff.MustMoney(tc.amount)) {
			t.Errorf("%s: %s late-notice day(s) for %s, want %d for %s", tc.name, count, amount, tc.count, tc.amount)
		}
		if u := tc.inv.Children[0].Respijt.UsedMonth; u.IntPart() != 3 {
			t.Errorf("%s: %s justified days used, want 3 either way", tc.name, u)
		}
	}
	if diff, _ := whole.Total.Sub(each.Total); !diff.Equal(tariff.MustMoney("15.06")) {
		t.Errorf("the totals %s and %s differ by %s, want 2 × 7.53", whole.Total, each.Total, diff)
	}
	text := strings.Join(strings.Fields(each.Text()), " ")
	for _, want := range []string{
		"Afwezigheid vanaf 09/04/2025 te laat gemeld op 09/04/2025; melden kon vóór het afgesproken beginuur, 09/04/2025 om 07:45.",
		"Voor de dagen na 09/04/2025 was de melding tijdig, vóór hun afgesproken beginuur.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(strings.Join(strings.Fields(whole.Text()), " "), "was de melding tijdig") {
		t.Error("by default the text says some days were reported in time")
	}
	for _, o := range each.Children[0].Reserved {
		if o.Date == sd("2025-04-10") && !strings.Contains(o.Explanation, "no late-notice fee") {
			t.Errorf("Thursday does not say why it pays no fee: %s", o.Explanation)
		}
	}
	if trace := each.Trace(); !strings.Contains(trace, "in time for the days after it") {
		t.Errorf("the trace does not say which days were reported in time:\n%s", trace)
	}
}

// The reading travels in the case file, and an unknown one is refused
// where it stands.
func TestDecodeSuddenNotice(t *testing.T) {
	c := monFriCase()
	c.Rules.Absence.Notice.Sudden = absence.SuddenEachDay
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeCaseBytes(b)
	if err != nil || got.Rules.Absence.Notice.Sudden != absence.SuddenEachDay {
		t.Fatalf("each_day: %q, %v", got.Rules.Absence.Notice.Sudden, err)
	}
	bad := strings.Replace(string(b), `"sudden":"each_day"`, `"sudden":"each_hour"`, 1)
	if _, err := DecodeCaseBytes([]byte(bad)); err == nil || !strings.Contains(err.Error(), "rules.absence.notice.sudden") || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("each_hour: %v", err)
	}
}

// A sudden absence from Wednesday 30 April to Friday 2 May 2025, reported
// on the 30th at 08:00: read day by day only 30 April pays the fee, on
// April's invoice; May's days were told in time, so May's invoice has no
// late notice to explain.
func TestSuddenEachDayAcrossMonths(t *testing.T) {
	april := monFriCase()
	april.Rules.Absence.Notice.Sudden = absence.SuddenEachDay
	attend(&april, 0, "07:45", "17:00", "2025-04-30")
	april.Children[0].Absences = []absence.Absence{{Period: plan.Period{Start: sd("2025-04-30"), End: sd("2025-05-02")}, Sudden: true, ReportedAt: at("2025-04-30", "08:00")}}
	inv, err := Build(april)
	if err != nil {
		t.Fatal(err)
	}
	if count, _ := linesOf(inv, LineLateNotice); count.IntPart() != 1 || !strings.Contains(inv.Text(), "te laat gemeld") {
		t.Errorf("April: %s late-notice day(s), want 30 April:\n%s", count, inv.Text())
	}
	may := april
	may.Month, may.Number, may.InvoiceDate = plan.MustMonth(2025, time.May), "2025-05-0042", sd("2025-06-02")
	may.Children = slices.Clone(april.Children)
	may.Children[0].Sessions = nil
	may.Children[0].Ledger = inv.Children[0].LedgerEnd
	attend(&may, 0, "07:45", "17:00", "2025-05-01", "2025-05-02")
	inv, err = Build(may)
	if err != nil {
		t.Fatal(err)
	}
	if count, _ := linesOf(inv, LineLateNotice); !count.IsZero() || strings.Contains(inv.Text(), "te laat gemeld") {
		t.Errorf("May: %s late-notice day(s), want none, and no late notice in the text:\n%s", count, inv.Text())
	}
}
