package invoice

import (
	"io"
	"reflect"
	"time"

	"github.com/kinderopvang/regels/absence"
	"github.com/kinderopvang/regels/internal/strictjson"
	"github.com/kinderopvang/regels/plan"
	"github.com/kinderopvang/regels/reservation"
	"github.com/kinderopvang/regels/tariff"
	"github.com/shopspring/decimal"
)

// Problem codes of DecodeCase and DecodeExternal, beside those of the
// values' own parsers (plan.CodeInvalidDate, plan.CodeInvalidMonth,
// plan.CodeInvalidClock, tariff.CodeInvalidMoney, tariff.CodeInvalidTariff),
// plan.CodeInvalidValue (a kind, band, group… outside its constants; a
// decimal that is not a decimal string), plan.CodeMissing (a required field
// absent) and plan.CodeOutOfRange (an integer beyond its Go type).
const (
	// CodeInvalidJSON is input that is not JSON: a syntax error, truncated
	// input, data after the value, or input that cannot be read.
	CodeInvalidJSON = strictjson.CodeInvalidJSON
	// CodeUnknownField is a field the format does not have (a misspelt
	// field, or one of another version).
	CodeUnknownField = strictjson.CodeUnknownField
	// CodeDuplicateField is a field given twice in one object.
	CodeDuplicateField = strictjson.CodeDuplicateField
	// CodeWrongType is a value of the wrong JSON type: a number where an
	// amount string is expected (a float never becomes money), a float
	// where an integer is, null where a value is required.
	CodeWrongType = strictjson.CodeWrongType
)

// DecodeExternal reads an external invoice (the format of External, see
// the README and schema.External) from JSON, strictly: a field the format
// does not have, a field given twice, a kind, band, group or basis that is
// not one of the LineKind, tariff.Band, tariff.AgeGroup or tariff.Basis
// constants, an amount that is not a decimal string ("24.10"; a JSON number
// is refused), a count that is not a decimal string ("8", "10.7"), a line
// without kind, count, unit price or amount, and anything after the
// invoice are errors.
//
// The error is plan.Problems, every problem at once: decoding goes on after
// a bad value and stops only at a syntax error. Each Problem's Field is the
// JSON path of the value ("lines[2].kind"; "" for the whole document) and
// its Message starts with the position, "line L, column C: " (lines and
// columns count from 1; a column counts characters). plan.AsProblems
// returns them; errors.Is(err, CodeUnknownField) and the like work.
func DecodeExternal(r io.Reader) (External, error) {
	var x External
	if err := decodeStrict(r, &x, externalSpec()); err != nil {
		return External{}, err
	}
	return x, nil
}

// DecodeExternalBytes is DecodeExternal on a byte slice.
func DecodeExternalBytes(b []byte) (External, error) {
	var x External
	if err := strictjson.Decode(b, &x, externalSpec()); err != nil {
		return External{}, err
	}
	return x, nil
}

// DecodeJSON reads one JSON value into v, a non-nil pointer to a value that
// holds this package's types (a year end's paid file of invoices, say), as
// strictly as DecodeCase reads a case: an unknown field, a duplicate key, a
// value of the wrong format (a JSON number for an amount, "1e1") or an
// unknown constant is a problem at its path with its line and column,
// every one at once.
func DecodeJSON(data []byte, v any) error {
	return strictjson.Decode(data, v, caseSpec())
}

// decodeStrict reads r and decodes it into v under spec.
func decodeStrict(r io.Reader, v any, spec *strictjson.Spec) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return plan.Problems{{Code: CodeInvalidJSON, Message: "the input cannot be read: " + err.Error()}}
	}
	return strictjson.Decode(b, v, spec)
}

// The text formats of the JSON files, as regular expressions; the schemas
// (package schema) publish them and the decoders check them.
const (
	patternDate    = `^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$`
	patternMonth   = `^([0-9]{4}-(0[1-9]|1[0-2]))?$`
	patternClock   = `^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$`
	patternInstant = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`
	patternDecimal = `^-?[0-9]{1,20}(\.[0-9]{1,20})?$`
	patternMoney   = `^-?[0-9]{1,13}(\.[0-9]{1,4})?$`
	patternTariff  = `^([0-9]{1,4}(\.[0-9]{1,2})?)?$`
)

// leafFormat returns the text format of a leaf type of cases and external
// invoices.
func leafFormat(t reflect.Type) (strictjson.Format, bool) {
	switch t {
	case reflect.TypeFor[plan.Date]():
		return strictjson.Format{Name: "date", Pattern: patternDate, Code: plan.CodeInvalidDate, Match: matchDate,
			Description: `a date "YYYY-MM-DD" ("" for no date)`}, true
	case reflect.TypeFor[plan.Month]():
		return strictjson.Format{Name: "month", Pattern: patternMonth, Code: plan.CodeInvalidMonth, Match: matchMonth,
			Description: `a month "YYYY-MM" ("" for no month)`}, true
	case reflect.TypeFor[plan.Clock]():
		return strictjson.Format{Name: "clock time", Pattern: patternClock, Code: plan.CodeInvalidClock, Match: matchClock,
			Description: `a clock time "HH:MM", 00:00 to 24:00`}, true
	case reflect.TypeFor[time.Time]():
		return strictjson.Format{Name: "instant", Pattern: patternInstant, Code: plan.CodeInvalidValue, Match: matchInstant,
			Description: `an instant in RFC 3339 with its offset, "2025-05-26T17:52:00+02:00"`}, true
	case reflect.TypeFor[decimal.Decimal]():
		return strictjson.Format{Name: "decimal", Pattern: patternDecimal, Code: plan.CodeInvalidValue, Match: matchDecimal,
			Description: `a decimal string with a point, "8" or "10.7" (no exponent; a JSON number is refused)`}, true
	case reflect.TypeFor[tariff.Money]():
		return strictjson.Format{Name: "amount", Pattern: patternMoney, Code: tariff.CodeInvalidMoney, Match: matchMoney,
			Description: `an amount in euro, a decimal string with at most 13 digits and 4 decimals, "24.10" (a JSON number is refused)`}, true
	case reflect.TypeFor[tariff.Tariff]():
		return strictjson.Format{Name: "tariff", Pattern: patternTariff, Code: tariff.CodeInvalidTariff, Match: matchTariff,
			Description: `a daily tariff in euro, at most 4 digits and 2 decimals, "24.10" ("" for none)`}, true
	}
	return strictjson.Format{}, false
}

// leafTypes are the types leafFormat knows.
func leafTypes() []reflect.Type {
	return []reflect.Type{reflect.TypeFor[plan.Date](), reflect.TypeFor[plan.Month](), reflect.TypeFor[plan.Clock](), reflect.TypeFor[time.Time](),
		reflect.TypeFor[decimal.Decimal](), reflect.TypeFor[tariff.Money](), reflect.TypeFor[tariff.Tariff]()}
}

// values lists constants as strings.
func values[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// enumValues returns the constants of every enumerated type of cases and
// external invoices: each kind, band, group and other named value.
func enumValues(t reflect.Type) []string {
	switch t {
	case reflect.TypeFor[plan.Kind]():
		return values(plan.KindRegular, plan.KindTemporary, plan.KindAfterSchool, plan.KindHolidayCare)
	case reflect.TypeFor[plan.Party]():
		return values(plan.Family, plan.Organiser)
	case reflect.TypeFor[plan.Exemption]():
		return values(plan.NoExemption, plan.ExemptSeriousFault, plan.ExemptDetrimentalChange, plan.ExemptForceMajeure, plan.ExemptPermitWithdrawn, plan.ExemptCaregiverPregnancy)
	case reflect.TypeFor[plan.FeeBasis]():
		return values(plan.FeeOnShortfall, plan.FeeOnFullTerm)
	case reflect.TypeFor[plan.DayCounting]():
		return values(plan.CalendarDays, plan.WorkingDays)
	case reflect.TypeFor[tariff.AttestKind]():
		return values(tariff.AttestRegular, tariff.AttestFosterChild, tariff.AttestFallenIncome, tariff.AttestLeefloon,
			tariff.AttestSocialHalf, tariff.AttestStandardMin, tariff.AttestLowest, tariff.AttestMaximum)
	case reflect.TypeFor[tariff.Band]():
		return values(tariff.BandNone, tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex)
	case reflect.TypeFor[tariff.AmountKind]():
		return values(tariff.StandardMinimum, tariff.ExceptionalMinimum, tariff.Lowest, tariff.Maximum, tariff.ReductionPerChild)
	case reflect.TypeFor[tariff.PricingModel]():
		return values(tariff.PricingBands, tariff.PricingProRata, tariff.PricingPriceList)
	case reflect.TypeFor[tariff.CountingUnit]():
		return values(tariff.PerMinute, tariff.PerStartedQuarter, tariff.PerStartedHalf)
	case reflect.TypeFor[reservation.State]():
		return values(reservation.StateRequested, reservation.StateApproved, reservation.StateRefused, reservation.StateCancelled)
	case reflect.TypeFor[tariff.AgeGroup]():
		return values(tariff.BabyToddler, tariff.SchoolAge)
	case reflect.TypeFor[tariff.Basis]():
		return values(tariff.BasisAttest, tariff.BasisConnect, tariff.BasisMaximum, tariff.BasisList, tariff.BasisSocial, tariff.BasisSibling, tariff.BasisSocialSibling)
	case reflect.TypeFor[absence.Proration]():
		return values(absence.ProrateMonths, absence.ProrateDays)
	case reflect.TypeFor[absence.Rounding]():
		return values(absence.RoundDown, absence.RoundUp, absence.RoundNearest, absence.RoundHalfUp, absence.RoundNone)
	case reflect.TypeFor[absence.AbsenceLength]():
		return values(absence.LengthAcrossWeekend, absence.LengthAcrossUnreserved, absence.LengthCalendar)
	case reflect.TypeFor[absence.SuddenNotice]():
		return values(absence.SuddenFirstDay, absence.SuddenEachDay)
	case reflect.TypeFor[LineKind]():
		return values(LineCare, LineUnjustified, LineLateNotice, LineNoticeFee, LineLatePickup,
			LineWasteFull, LineWastePart, LineHotMeal, LineAdmin, LineTransport, LineReservedAbsent, LineLateCancel)
	}
	return nil
}

// caseSpec is what DecodeCase checks beyond the Go types: the formats and
// the constants of every enumerated type of the case.
func caseSpec() *strictjson.Spec {
	return &strictjson.Spec{Format: leafFormat, Enum: enumValues, TrimPrefixes: []string{"plan", "tariff", "absence", "invoice"}}
}

// externalSpec is what DecodeExternal checks beyond the Go types; a line
// needs its kind, count, unit price and amount.
func externalSpec() *strictjson.Spec {
	return &strictjson.Spec{Format: leafFormat, Enum: enumValues, Required: externalRequired, TrimPrefixes: []string{"plan", "tariff", "invoice"}}
}

func externalRequired(t reflect.Type) []string {
	if t == reflect.TypeFor[ExternalLine]() {
		return []string{"kind", "count", "unit_price", "amount"}
	}
	return nil
}

// The matchers accept exactly what the patterns above match (a test checks
// them against the regular expressions).

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// twoDigits reports whether b[0:2] are digits forming a number in lo..hi.
func twoDigits(b []byte, lo, hi int) bool {
	if !isDigit(b[0]) || !isDigit(b[1]) {
		return false
	}
	n := int(b[0]-'0')*10 + int(b[1]-'0')
	return n >= lo && n <= hi
}

func digits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// matchYMD matches YYYY-MM-DD with a month 01–12 and a day 01–31.
func matchYMD(b []byte) bool {
	return len(b) == 10 && digits(b[:4]) && b[4] == '-' && twoDigits(b[5:7], 1, 12) && b[7] == '-' && twoDigits(b[8:10], 1, 31)
}

func matchDate(b []byte) bool { return len(b) == 0 || matchYMD(b) }

func matchMonth(b []byte) bool {
	return len(b) == 0 || len(b) == 7 && digits(b[:4]) && b[4] == '-' && twoDigits(b[5:7], 1, 12)
}

func matchClock(b []byte) bool {
	return len(b) == 5 && (string(b) == "24:00" || twoDigits(b[0:2], 0, 23) && b[2] == ':' && twoDigits(b[3:5], 0, 59))
}

func matchInstant(b []byte) bool {
	if len(b) < 20 || !matchYMD(b[:10]) || b[10] != 'T' || !twoDigits(b[11:13], 0, 23) || b[13] != ':' || !twoDigits(b[14:16], 0, 59) ||
		b[16] != ':' || !twoDigits(b[17:19], 0, 59) {
		return false
	}
	rest := b[19:]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		if n == 1 || n > 10 {
			return false
		}
		rest = rest[n:]
	}
	switch {
	case len(rest) == 1:
		return rest[0] == 'Z'
	case len(rest) == 6:
		return (rest[0] == '+' || rest[0] == '-') && twoDigits(rest[1:3], 0, 23) && rest[3] == ':' && twoDigits(rest[4:6], 0, 59)
	}
	return false
}

// matchPoint matches -?[0-9]{1,whole}(\.[0-9]{1,frac})? (with the minus
// sign only when signed).
func matchPoint(b []byte, signed bool, whole, frac int) bool {
	if signed && len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	i := 0
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	if i < 1 || i > whole {
		return false
	}
	if i == len(b) {
		return true
	}
	if b[i] != '.' {
		return false
	}
	f := b[i+1:]
	return len(f) >= 1 && len(f) <= frac && digits(f)
}

func matchDecimal(b []byte) bool { return matchPoint(b, true, 20, 20) }
func matchMoney(b []byte) bool   { return matchPoint(b, true, 13, 4) }
func matchTariff(b []byte) bool  { return len(b) == 0 || matchPoint(b, false, 4, 2) }
