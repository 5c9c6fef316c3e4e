package httpapi

import (
	"fmt"
	"net/http"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/plan"
)

// The limits bound the work one request may ask for; the body limit bounds
// its size. Each is checked after decoding and before the library computes
// anything, and a request beyond one gets a 422 problem naming the limit
// and the field.

// limit writes the 422 of a request beyond a limit.
func (h *Handler) limit(w http.ResponseWriter, body []byte, field, name string, value int, msg string) {
	line, col := locate(body, field)
	writeProblem(w, ProblemDetails{Type: TypeLimitExceeded, Title: "The request asks for too much work", Status: http.StatusUnprocessableEntity,
		Detail: msg + " (the server's " + name + ")", Limit: &Limit{Name: name, Value: int64(value)},
		Problems: []InputProblem{{Code: LimitExceeded, Field: field, Line: line, Column: col, Message: msg}}})
}

// entries checks a list's length against MaxSessionsPerChild.
func (h *Handler) entries(w http.ResponseWriter, body []byte, field string, n int) bool {
	if n > h.opt.MaxSessionsPerChild {
		h.limit(w, body, field, "max_sessions_per_child", h.opt.MaxSessionsPerChild,
			fmt.Sprintf("%s has %d entries; at most %d are allowed", field, n, h.opt.MaxSessionsPerChild))
		return false
	}
	return true
}

// period checks a period's length against MaxPeriodDays.
func (h *Handler) period(w http.ResponseWriter, body []byte, field string, p plan.Period) bool {
	if n := p.Len(); n > h.opt.MaxPeriodDays {
		h.limit(w, body, field, "max_period_days", h.opt.MaxPeriodDays,
			fmt.Sprintf("%s is %d days long; a period of at most %d days is allowed", field, n, h.opt.MaxPeriodDays))
		return false
	}
	return true
}

// checkCalendar checks a calendar's closures.
func (h *Handler) checkCalendar(w http.ResponseWriter, body []byte, field string, c plan.Calendar) bool {
	if !h.entries(w, body, field+".closures", len(c.Closures)) {
		return false
	}
	for i, cl := range c.Closures {
		if !h.period(w, body, fmt.Sprintf("%s.closures[%d].period", field, i), cl.Period) {
			return false
		}
	}
	return true
}

// checkPlan checks the size of a care plan: its slots, overrides and
// exclusions.
func (h *Handler) checkPlan(w http.ResponseWriter, body []byte, field string, p plan.Plan) bool {
	slots := 0
	for _, wk := range p.Schedule.Weeks {
		for _, day := range [][]plan.Slot{wk.Monday, wk.Tuesday, wk.Wednesday, wk.Thursday, wk.Friday, wk.Saturday, wk.Sunday} {
			slots += len(day)
		}
	}
	for _, o := range p.Overrides {
		slots += len(o.Slots)
	}
	return h.entries(w, body, field+".schedule", slots) && h.entries(w, body, field+".overrides", len(p.Overrides)) &&
		h.entries(w, body, field+".exclusions", len(p.Exclusions)) && h.entries(w, body, field+".settling_in", len(p.SettlingIn))
}

// checkCase checks a case against the limits; prefix is its path in the
// body.
func (h *Handler) checkCase(w http.ResponseWriter, body []byte, prefix string, c invoice.Case) bool {
	at := func(f string) string { return joinPath(prefix, f) }
	if n := len(c.Children); n > h.opt.MaxChildren {
		h.limit(w, body, at("children"), "max_children", h.opt.MaxChildren, fmt.Sprintf("a case holds at most %d children, not %d", h.opt.MaxChildren, n))
		return false
	}
	if !h.period(w, body, at("period"), c.Period) || !h.checkCalendar(w, body, at("calendar"), c.Calendar) ||
		!h.entries(w, body, at("amounts"), len(c.Amounts)) {
		return false
	}
	for i, ch := range c.Children {
		f := func(name string) string { return at(fmt.Sprintf("children[%d].%s", i, name)) }
		for _, l := range []struct {
			name string
			n    int
		}{
			{"plans", len(ch.Plans)}, {"attests.attests", len(ch.Attests.Attests)}, {"sessions", len(ch.Sessions)}, {"absences", len(ch.Absences)},
			{"ledger.movements", len(ch.Ledger.Movements)}, {"extra_days", len(ch.ExtraDays)}, {"with_parent", len(ch.WithParent)},
			{"hot_meals", len(ch.HotMeals)}, {"agreed_late_pickup", len(ch.AgreedLatePickup)}, {"trips", len(ch.Trips)},
			{"reservations", len(ch.Reservations)},
		} {
			if !h.entries(w, body, f(l.name), l.n) {
				return false
			}
		}
		for j, p := range ch.Plans {
			if !h.checkPlan(w, body, f(fmt.Sprintf("plans[%d]", j)), p) {
				return false
			}
		}
		for j, a := range ch.Absences {
			if !h.period(w, body, f(fmt.Sprintf("absences[%d].period", j)), a.Period) {
				return false
			}
		}
	}
	return true
}

// checkEstimate checks an estimate's input against the limits.
func (h *Handler) checkEstimate(w http.ResponseWriter, body []byte, in invoice.EstimateInput) bool {
	return h.checkPlan(w, body, "plan", in.Plan) && h.checkCalendar(w, body, "calendar", in.Calendar) && h.entries(w, body, "amounts", len(in.Amounts))
}

// checkReport checks an attendance report's input against the limits.
func (h *Handler) checkReport(w http.ResponseWriter, body []byte, in fosu05.Input) bool {
	if n := len(in.Invoices); n > h.opt.MaxInvoices {
		h.limit(w, body, "invoices", "max_invoices", h.opt.MaxInvoices, fmt.Sprintf("a report counts at most %d invoices, not %d", h.opt.MaxInvoices, n))
		return false
	}
	if n, most := len(in.Children), h.opt.MaxInvoices*h.opt.MaxChildren; n > most {
		h.limit(w, body, "children", "max_invoices", h.opt.MaxInvoices,
			fmt.Sprintf("a report of at most %d invoices names at most %d children, not %d", h.opt.MaxInvoices, most, n))
		return false
	}
	if !h.checkCalendar(w, body, "calendar", in.Calendar) {
		return false
	}
	for i, inv := range in.Invoices {
		f := func(name string) string { return fmt.Sprintf("invoices[%d].%s", i, name) }
		if n := len(inv.Children); n > h.opt.MaxChildren {
			h.limit(w, body, f("children"), "max_children", h.opt.MaxChildren, fmt.Sprintf("an invoice holds at most %d children, not %d", h.opt.MaxChildren, n))
			return false
		}
		if n := len(inv.Lines); n > h.opt.MaxLines {
			h.limit(w, body, f("lines"), "max_lines", h.opt.MaxLines, fmt.Sprintf("an invoice has at most %d lines, not %d", h.opt.MaxLines, n))
			return false
		}
		for j, ch := range inv.Children {
			if !h.entries(w, body, f(fmt.Sprintf("children[%d].care", j)), len(ch.Care)) ||
				!h.entries(w, body, f(fmt.Sprintf("children[%d].reserved", j)), len(ch.Reserved)) {
				return false
			}
		}
	}
	return true
}
