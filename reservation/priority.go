package reservation

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kinderopvang/regels/plan"
	"github.com/shopspring/decimal"
)

// Group is a priority group of seed 004 §2.2.2.
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

// UrgentReason is a reason that allows an urgent request (noodaanvraag).
type UrgentReason string

// The urgent reasons (seed 004 §2.2.2).
const (
	UrgentNone     UrgentReason = ""
	UrgentWork     UrgentReason = "sudden_work_or_training" // a family member suddenly finds work or starts training, with no other care
	UrgentCrisis   UrgentReason = "acute_crisis"            // an acute crisis in the family
	UrgentLostCare UrgentReason = "lost_care"               // earlier care fell away against the family's will
)

// Applicant is a request for a place.
type Applicant struct {
	ID string `json:"id"`
	// Received is the day the request came in.
	Received plan.Date `json:"received"`
	// WantedStart is the wanted start date.
	WantedStart plan.Date    `json:"wanted_start"`
	Groups      []Group      `json:"groups,omitempty"`
	Urgent      UrgentReason `json:"urgent,omitempty"`
}

// IsUrgent reports whether a is a valid urgent request: a listed reason and
// a wanted start within a month of the request.
func (a Applicant) IsUrgent() bool {
	// Source: seed 004 §2.2.2 — "Een noodaanvraag is een opvangaanvraag
	// waarbij de gewenste startdatum binnen de maand valt."
	if a.Urgent == UrgentNone || a.Received.IsZero() || a.WantedStart.IsZero() {
		return false
	}
	return !a.WantedStart.Before(a.Received) && !a.WantedStart.After(plan.TermEnd(a.Received, 1))
}

// Ranked is an applicant's place in the order, and why.
type Ranked struct {
	Applicant Applicant `json:"applicant"`
	Position  int       `json:"position"`
	Priority  bool      `json:"priority"`
	Urgent    bool      `json:"urgent"`
	Rule      plan.Rule `json:"rule"`
	// Explanation says in English why the applicant stands there.
	Explanation string `json:"explanation"`
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

// Rank orders competing applicants for a place: priority applicants
// (care for work, single parents, low income, foster children, siblings in
// care, vulnerable families, urgent requests) before the others; within a
// tier, the earlier request first, then the ID. Each place explains itself.
func Rank(apps []Applicant, p PriorityPolicy) []Ranked {
	// Source: seed 004 §2.2.2, the priority rules of the Flemish government.
	out := make([]Ranked, len(apps))
	for i, a := range apps {
		out[i] = Ranked{Applicant: a, Urgent: a.IsUrgent(), Priority: len(a.Groups) > 0 || a.IsUrgent(),
			Rule: plan.Rule{ID: "reservation.priority", Source: srcPriority}}
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
	slices.SortStableFunc(out, func(a, b Ranked) int {
		if ta, tb := tier(a), tier(b); ta != tb {
			return ta - tb
		}
		if c := a.Applicant.Received.Compare(b.Applicant.Received); c != 0 {
			return c
		}
		return strings.Compare(a.Applicant.ID, b.Applicant.ID)
	})
	for i := range out {
		out[i].Position = i + 1
		var why []string
		for _, g := range out[i].Applicant.Groups {
			why = append(why, string(g))
		}
		if out[i].Urgent {
			why = append(why, "urgent request ("+string(out[i].Applicant.Urgent)+")")
		} else if out[i].Applicant.Urgent != UrgentNone {
			why = append(why, "urgent reason given, but the wanted start is not within a month: not urgent")
		}
		tierName := "no priority"
		if out[i].Priority {
			tierName = "priority"
		}
		if len(why) > 0 {
			tierName += " (" + strings.Join(why, ", ") + ")"
		}
		out[i].Explanation = fmt.Sprintf("place %d: %s; request received %s", i+1, tierName, out[i].Applicant.Received)
	}
	return out
}

// Cared is a child cared for during a year, for the target-group quota.
type Cared struct {
	Child  string  `json:"child"`
	Groups []Group `json:"groups,omitempty"`
}

// QuotaCheck is the verdict on the yearly quota of children from special
// target groups.
type QuotaCheck struct {
	Year    int             `json:"year"`
	Total   int             `json:"total"`
	Special int             `json:"special"`
	Share   decimal.Decimal `json:"share"`
	Minimum decimal.Decimal `json:"minimum"`
	Met     bool            `json:"met"`
	Rule    plan.Rule       `json:"rule"`
}

// CheckQuota checks that at least 20 % of the children cared for in year
// come from special target groups (bijzondere doelgroepen). Which groups
// count as special is the organiser's input (special); each child counts
// once.
func CheckQuota(year int, children []Cared, special []Group) QuotaCheck {
	// Source: seed 004 §2.2.2 — "Minstens 20% van de kinderen die wij op
	// jaarbasis opvangen, zijn kinderen uit bijzondere doelgroepen."
	seen := map[string]bool{}
	q := QuotaCheck{Year: year, Minimum: decimal.New(20, -2), Rule: plan.Rule{ID: "reservation.quota", Source: srcPriority}}
	for _, c := range children {
		if seen[c.Child] {
			continue
		}
		seen[c.Child] = true
		q.Total++
		for _, g := range c.Groups {
			if slices.Contains(special, g) {
				q.Special++
				break
			}
		}
	}
	if q.Total > 0 {
		q.Share = decimal.NewFromInt(int64(q.Special)).DivRound(decimal.NewFromInt(int64(q.Total)), 4)
	}
	// Exact comparison: special/total ≥ 20/100 ⇔ 100·special ≥ 20·total.
	q.Met = q.Total > 0 && 100*q.Special >= 20*q.Total
	return q
}
