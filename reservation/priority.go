package reservation

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Group is a priority group of house rules Zorg Leuven §2.2.2 (seed 004):
// a stable code; NL gives the words the organiser and the family read.
type Group string

// The priority groups.
const (
	GroupWork         Group = "work"          // care needed for work (or training)
	GroupSingleParent Group = "single_parent" // alleenstaande
	GroupLowIncome    Group = "low_income"    // ouders met een laag inkomen
	GroupFosterChild  Group = "foster_child"  // pleegkind
	GroupSibling      Group = "sibling"       // a brother or sister already in care
	GroupVulnerable   Group = "vulnerable"    // kwetsbaar gezin (health or care needs, low education)
)

// NL returns the group in Dutch, in the words of the house rules; "" for an
// unknown group.
func (g Group) NL() string {
	switch g {
	case GroupWork:
		return "opvang nodig voor werk"
	case GroupSingleParent:
		return "alleenstaande ouder"
	case GroupLowIncome:
		return "laag inkomen"
	case GroupFosterChild:
		return "pleegkind"
	case GroupSibling:
		return "broer of zus in de opvang"
	case GroupVulnerable:
		return "kwetsbaar gezin"
	}
	return ""
}

// UrgentReason is a reason that allows an urgent request (noodaanvraag).
type UrgentReason string

// The urgent reasons (house rules Zorg Leuven §2.2.2 (seed 004)).
const (
	UrgentNone     UrgentReason = ""
	UrgentWork     UrgentReason = "sudden_work_or_training" // a family member suddenly finds work or starts training, with no other care
	UrgentCrisis   UrgentReason = "acute_crisis"            // an acute crisis in the family
	UrgentLostCare UrgentReason = "lost_care"               // earlier care fell away against the family's will
)

// NL returns the urgent reason in Dutch; "" for none or an unknown reason.
func (u UrgentReason) NL() string {
	switch u {
	case UrgentWork:
		return "plots werk of een opleiding, zonder andere opvang"
	case UrgentCrisis:
		return "acute crisis in het gezin"
	case UrgentLostCare:
		return "eerdere opvang valt buiten de wil van het gezin weg"
	}
	return ""
}

// Applicant is a request for a place.
type Applicant struct {
	ID string `json:"id"`
	// Received is the day the request came in.
	Received plan.Date `json:"received"`
	// WantedStart is the wanted start date; needed for an urgent request.
	WantedStart plan.Date    `json:"wanted_start"`
	Groups      []Group      `json:"groups,omitempty"`
	Urgent      UrgentReason `json:"urgent,omitempty"`
}

// IsUrgent reports whether a is a valid urgent request: a listed reason and
// a wanted start within a month of the request.
func (a Applicant) IsUrgent() bool {
	// Source: house rules Zorg Leuven §2.2.2 (seed 004) — "Een noodaanvraag
	// is een opvangaanvraag waarbij de gewenste startdatum binnen de maand
	// valt."
	if a.Urgent.NL() == "" || a.Received.IsZero() || a.WantedStart.IsZero() {
		return false
	}
	return !a.WantedStart.Before(a.Received) && !a.WantedStart.After(plan.TermEnd(a.Received, 1))
}

// Ranked is an applicant's place in the order, and why: MessageNL for the
// organiser and the family, MessageEN for developers.
type Ranked struct {
	Applicant Applicant `json:"applicant"`
	Position  int       `json:"position"`
	Priority  bool      `json:"priority"`
	Urgent    bool      `json:"urgent"`
	Rule      plan.Rule `json:"rule"`
	MessageNL string    `json:"message_nl"`
	MessageEN string    `json:"message_en"`
}

// PriorityPolicy says how priority tiers are ordered. The house rules give
// priority to care for work and the listed groups, "ook" to urgent
// requests, without ranking these against each other (OPEN): by default
// they share one tier, ordered by the day the request came in.
type PriorityPolicy struct {
	// UrgentFirst puts valid urgent requests before the other priority
	// groups.
	UrgentFirst bool `json:"urgent_first,omitempty"`
}

// validateApplicants reports every problem of the applicants at once:
// an applicant without an ID or with a repeated one, without the day its
// request came in, with an unknown group or urgent reason, or urgent
// without a wanted start.
func validateApplicants(apps []Applicant) error {
	var ps plan.Problems
	seen := make(map[string]int, len(apps))
	for i, a := range apps {
		f := func() string { return "applicants[" + strconv.Itoa(i) + "]" } // built only for a problem
		if j, dup := seen[a.ID]; dup {
			ps = append(ps, plan.Problem{Code: plan.CodeOverlap, Field: f() + ".id", Message: fmt.Sprintf("applicant id %q repeats applicants[%d]", a.ID, j)})
		} else {
			seen[a.ID] = i
		}
		if a.ID == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f() + ".id", Message: "an applicant needs an id"})
		}
		// The day a request came in orders a tier: without it an applicant
		// would silently go first.
		if a.Received.IsZero() {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f() + ".received", Message: "the day the request came in is needed to rank it"})
		}
		for k, g := range a.Groups {
			if g.NL() == "" {
				ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("%s.groups[%d]", f(), k),
					Message: fmt.Sprintf("%q is not a priority group of the house rules", g)})
			}
		}
		if a.Urgent != UrgentNone && a.Urgent.NL() == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: f() + ".urgent",
				Message: fmt.Sprintf("%q is not a reason for an urgent request", a.Urgent)})
		}
		if a.Urgent != UrgentNone && a.WantedStart.IsZero() {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: f() + ".wanted_start", Message: "an urgent request needs its wanted start"})
		}
	}
	return ps.Err()
}

// Rank orders competing applicants for a place: priority applicants
// (care for work, single parents, low income, foster children, siblings in
// care, vulnerable families, urgent requests) before the others; within a
// tier, the earlier request first, then the ID. Each place explains itself.
// Invalid applicants are an error listing every problem (see
// validateApplicants); nothing is ranked then.
func Rank(apps []Applicant, p PriorityPolicy) ([]Ranked, error) {
	if err := validateApplicants(apps); err != nil {
		return nil, err
	}
	// Source: house rules Zorg Leuven §2.2.2 (seed 004) — "De opvang geeft
	// voorrang aan gezinnen die opvang nodig hebben in het kader van werk",
	// the listed groups, and "ook … ouders die een noodaanvraag indienden".
	rule := plan.Rule{ID: "reservation.priority", Source: srcPriority}
	out := make([]Ranked, len(apps))
	tiers := make([]int, len(apps))
	for i, a := range apps {
		urgent := a.IsUrgent()
		out[i] = Ranked{Applicant: a, Urgent: urgent, Priority: len(a.Groups) > 0 || urgent, Rule: rule}
	}
	tier := func(r Ranked) int {
		switch {
		case p.UrgentFirst && r.Urgent:
			return 0
		case r.Priority:
			return 1
		}
		return 2
	}
	for i := range out {
		tiers[i] = tier(out[i])
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if tiers[i] != tiers[j] {
			return tiers[i] - tiers[j]
		}
		if c := out[i].Applicant.Received.Compare(out[j].Applicant.Received); c != 0 {
			return c
		}
		return strings.Compare(out[i].Applicant.ID, out[j].Applicant.ID)
	})
	ranked := make([]Ranked, len(out))
	for pos, i := range order {
		r := out[i]
		r.Position = pos + 1
		r.MessageNL, r.MessageEN = rankMessages(r)
		ranked[pos] = r
	}
	return ranked, nil
}

// rankMessages explains a place in Dutch and in English.
func rankMessages(r Ranked) (string, string) {
	var nl, en strings.Builder
	nl.Grow(96)
	en.Grow(80)
	pos := strconv.Itoa(r.Position)
	nl.WriteString("Plaats ")
	nl.WriteString(pos)
	nl.WriteString(": ")
	en.WriteString("place ")
	en.WriteString(pos)
	en.WriteString(": ")
	if r.Priority {
		nl.WriteString("voorrang")
		en.WriteString("priority")
	} else {
		nl.WriteString("geen voorrang")
		en.WriteString("no priority")
	}
	sep := " ("
	reason := func(n, e string) {
		nl.WriteString(sep)
		nl.WriteString(n)
		en.WriteString(sep)
		en.WriteString(e)
		sep = ", "
	}
	for _, g := range r.Applicant.Groups {
		reason(g.NL(), string(g))
	}
	switch {
	case r.Urgent:
		reason("noodaanvraag ("+r.Applicant.Urgent.NL()+")", "urgent request ("+string(r.Applicant.Urgent)+")")
	case r.Applicant.Urgent != UrgentNone:
		reason("reden voor een noodaanvraag opgegeven, maar de gewenste start valt niet binnen de maand: geen noodaanvraag",
			"urgent reason given, but the wanted start is not within a month: not urgent")
	}
	if sep == ", " {
		nl.WriteString(")")
		en.WriteString(")")
	}
	nl.WriteString("; aanvraag ontvangen op ")
	nl.WriteString(DateNL(r.Applicant.Received))
	nl.WriteString(".")
	en.WriteString("; request received ")
	en.WriteString(r.Applicant.Received.String())
	return nl.String(), en.String()
}

// Cared is a child cared for during a year, for the target-group quota.
type Cared struct {
	Child  string  `json:"child"`
	Groups []Group `json:"groups,omitempty"`
}

// QuotaPercent is the share of children from special target groups an
// organiser cares for each year, at least: 20 % (house rules Zorg Leuven
// §2.2.2 (seed 004), "Dat is wettelijk bepaald").
const QuotaPercent = 20

// QuotaCheck is the verdict on the yearly quota of children from special
// target groups: MessageNL for the organiser, MessageEN for developers.
type QuotaCheck struct {
	Year    int             `json:"year"`
	Total   int             `json:"total"`
	Special int             `json:"special"`
	Share   decimal.Decimal `json:"share"`
	Minimum decimal.Decimal `json:"minimum"`
	Met     bool            `json:"met"`
	Rule    plan.Rule       `json:"rule"`
	// MessageNL and MessageEN state the verdict.
	MessageNL string `json:"message_nl"`
	MessageEN string `json:"message_en"`
}

// CheckQuota checks that at least QuotaPercent (20 %) of the children
// cared for in year come from special target groups (bijzondere
// doelgroepen). Which groups count as special is the organiser's input
// (special); each child counts once, as special when any of its entries
// has a special group. No year, no special group, an unknown group or a
// child without a name is an error listing every problem.
func CheckQuota(year int, children []Cared, special []Group) (QuotaCheck, error) {
	var ps plan.Problems
	if year < 1 || year > 9999 {
		ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: "year", Message: fmt.Sprintf("year %d is not a calendar year", year)})
	}
	if len(special) == 0 {
		ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: "special", Message: "name the groups that count as special target groups"})
	}
	for i, g := range special {
		if g.NL() == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("special[%d]", i), Message: fmt.Sprintf("%q is not a priority group", g)})
		}
	}
	for i, c := range children {
		if c.Child == "" {
			ps = append(ps, plan.Problem{Code: plan.CodeMissing, Field: fmt.Sprintf("children[%d].child", i), Message: "a child cared for needs a name"})
		}
		for k, g := range c.Groups {
			if g.NL() == "" {
				ps = append(ps, plan.Problem{Code: plan.CodeInvalidValue, Field: fmt.Sprintf("children[%d].groups[%d]", i, k), Message: fmt.Sprintf("%q is not a priority group", g)})
			}
		}
	}
	if len(ps) > 0 {
		return QuotaCheck{}, ps
	}
	// Source: house rules Zorg Leuven §2.2.2 (seed 004) — "Minstens 20% van
	// de kinderen die wij op jaarbasis opvangen, zijn kinderen uit
	// bijzondere doelgroepen."
	isSpecial := make(map[string]bool, len(children))
	for _, c := range children {
		s := isSpecial[c.Child]
		for _, g := range c.Groups {
			s = s || slices.Contains(special, g)
		}
		isSpecial[c.Child] = s
	}
	q := QuotaCheck{Year: year, Total: len(isSpecial), Minimum: decimal.New(QuotaPercent, -2),
		Rule: plan.Rule{ID: "reservation.quota", Source: srcQuota}}
	for _, s := range isSpecial {
		if s {
			q.Special++
		}
	}
	if q.Total > 0 {
		q.Share = decimal.NewFromInt(int64(q.Special)).DivRound(decimal.NewFromInt(int64(q.Total)), 4)
	}
	// Exact comparison: special/total ≥ 20/100 ⇔ 100·special ≥ 20·total.
	q.Met = q.Total > 0 && 100*q.Special >= QuotaPercent*q.Total
	pct := q.Share.Shift(2).StringFixed(2)
	verdictNL, verdictEN := "gehaald", "met"
	if !q.Met {
		verdictNL, verdictEN = "niet gehaald", "not met"
	}
	q.MessageNL = fmt.Sprintf("%d: %d van de %d kinderen (%s %%) komen uit bijzondere doelgroepen; minstens %d %% is vereist: %s.",
		year, q.Special, q.Total, strings.Replace(pct, ".", ",", 1), QuotaPercent, verdictNL)
	q.MessageEN = fmt.Sprintf("%d: %d of %d children (%s %%) from special target groups; at least %d %% required: %s",
		year, q.Special, q.Total, pct, QuotaPercent, verdictEN)
	return q, nil
}
