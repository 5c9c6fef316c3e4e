package tariff

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Fuzz targets: parsers and entry points return an error or a valid
// result, and never panic. .ci/run runs each briefly.

func FuzzParseTariff(f *testing.F) {
	for _, s := range []string{"27.50", "6", "0", "27.505", "-1", "1e3", "27,50", "9999999.99", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tr, err := ParseTariff(s)
		if err != nil {
			if !errors.Is(err, CodeInvalidTariff) || !tr.IsZero() {
				t.Fatalf("ParseTariff(%q) = %v, %v", s, tr, err)
			}
			return
		}
		if tr.Decimal().Sign() <= 0 || !tr.Decimal().Round(2).Equal(tr.Decimal()) {
			t.Fatalf("ParseTariff(%q) = %v: not a positive amount in cents", s, tr)
		}
		back, err := ParseTariff(tr.String())
		if err != nil || !back.Equal(tr) {
			t.Fatalf("%q → %v does not parse back: %v", s, tr, err)
		}
		// What ParseTariff reads, NewTariff accepts as the same amount.
		d, derr := decimal.NewFromString(s)
		byNew, nerr := NewTariff(d)
		if derr != nil || nerr != nil || byNew != tr {
			t.Fatalf("ParseTariff(%q) = %v, NewTariff = %v, %v (%v)", s, tr, byNew, nerr, derr)
		}
	})
}

// FuzzClassify classifies random sessions on random days and checks the
// result's invariants.
func FuzzClassify(f *testing.F) {
	f.Add(int64(0), int64(600), int64(700), int64(60), uint8(0), true)
	f.Add(int64(-240), int64(720), int64(0), int64(0), uint8(1), false) // a night into the day
	f.Add(int64(1430), int64(600), int64(30), int64(30), uint8(2), true)
	f.Fuzz(func(t *testing.T, startMin, lenMin, start2, len2 int64, dayOffset uint8, flex bool) {
		if lenMin < -10 || lenMin > 3000 || len2 < -10 || len2 > 3000 || startMin < -3000 || startMin > 3000 || start2 < -3000 || start2 > 3000 {
			return
		}
		dd := plan.MustParseDate("2026-03-27").AddDays(int(dayOffset % 8)) // around the 23-hour day
		day := NewDay(dd, nil)
		mk := func(s, l int64) plan.Session {
			in := day.Start.Add(time.Duration(s) * time.Minute)
			return plan.Session{In: in, Out: in.Add(time.Duration(l) * time.Minute)}
		}
		sessions := []plan.Session{mk(startMin, lenMin), mk(start2, len2)}
		if plan.ValidateSessions(sessions) != nil {
			sessions = sessions[:1]
			if plan.ValidateSessions(sessions) != nil {
				return
			}
		}
		for _, g := range []AgeGroup{BabyToddler, SchoolAge} {
			c, err := StatutoryClassifier().Classify(day, sessions, g, Location{Flex: flex})
			if err != nil {
				t.Fatal(err)
			}
			dayMinutes := int(day.End.Sub(day.Start) / time.Minute)
			if c.Minutes < 0 || c.Minutes+c.NightMinutes > dayMinutes || c.NightMinutes < 0 || c.OverMinutes < 0 {
				t.Fatalf("impossible minutes: %+v (day of %d minutes)", c, dayMinutes)
			}
			if (c.Minutes == 0) != (c.Band == BandNone) {
				t.Fatalf("band %s for %d minutes", c.Band, c.Minutes)
			}
			if c.Band == BandFlex && !flex {
				t.Fatalf("flex band without permission")
			}
			if _, err := (BandPricer{Table: StatutoryBands()}).PriceDay(c, MustTariff("27.35")); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzAttestBook decodes an attest book from JSON and resolves a month.
func FuzzAttestBook(f *testing.F) {
	f.Add([]byte(`{"attests":[{"kind":"regular","daily":"24.10","valid":{"start":"2025-01-01","end":"2025-04-30"}}],"grace_days":25,"maximum_when_missing":true}`), "2025-05", "2025-05-26")
	f.Add([]byte(`{"attests":[{"kind":"x","daily":"0","valid":{"start":"2025-05-01","end":"2025-04-30"}}]}`), "2025-04", "")
	f.Fuzz(func(t *testing.T, bookJSON []byte, month, asOf string) {
		var book AttestBook
		if json.Unmarshal(bookJSON, &book) != nil || len(book.Attests) > 20 {
			return
		}
		m, err := plan.ParseMonth(month)
		if err != nil {
			return
		}
		var asOfDate plan.Date // "" is no date, as before; anything else must parse
		if asOf != "" {
			if asOfDate, err = plan.ParseDate(asOf); err != nil {
				return
			}
		}
		for _, p := range plan.AsProblems(book.CheckAmounts(StatutoryAmounts())) {
			if p.Code != CodeOutsideStatutory || !strings.HasPrefix(p.Field, "attests[") || !strings.HasSuffix(p.Field, "].daily") || p.Date.IsZero() {
				t.Fatalf("CheckAmounts problem %+v", p)
			}
		}
		segs, err := book.Segments(m.Days(), asOfDate, StatutoryAmounts())
		if err != nil {
			return
		}
		n := 0
		for _, s := range segs {
			n += s.Period.Len()
			if s.Tariff.IsZero() {
				t.Fatalf("segment without tariff: %+v", s)
			}
		}
		if n != m.Days().Len() {
			t.Fatalf("segments cover %d days of %d", n, m.Days().Len())
		}
	})
}
