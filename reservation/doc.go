// Package reservation is what a municipal parent portal needs for
// after-school care (seed 000, "Online reserveren") and extra days of care
// (seed 004 §3.4.1): reservations, capacity, cancellations and admission
// priority.
//
// # Locations, moments and enrolment
//
// A Location offers care Moments (before school, after school, Wednesday
// afternoon, a school-free day, holiday care), each with its weekdays or
// dates, season (school weeks, holidays or all year), hours and capacity.
// Location.Offers says whether a moment is offered on a day, and why not:
// the weekday, a closing day of the location's calendar, the school
// holidays. Only a child enrolled at the location (Enrolment) can reserve.
//
// # The capacity book
//
// A Book holds the reservations. Request records one moment on one day for
// one child or several siblings: requested, or refused with its reason
// (not enrolled, not offered, already reserved, full). Approve approves a
// request while a place is free and refuses it as full otherwise;
// requested or approved reservations can be cancelled; changed hours send
// an approved reservation back to requested unless the Policy says
// otherwise. Any other state change is an error (CodeIllegalTransition).
// Only approved reservations take a place, so capacity is never exceeded.
// Duplicate copies a reservation to other days and reports per day; it
// never creates one on a day the moment is not offered. Week gives the week
// view a family sees.
//
// The Book is a value: each operation returns a new Book and leaves the old
// one as it was, so it can be shared between goroutines and stored as JSON.
//
// # Cancellations and extra days
//
// CancelQuote tells a family, before it confirms, the deadline (N days —
// calendar or working — or N hours before the reservation starts) and
// whether cancelling now is late and what it costs (HOUSE RULE: Policy).
// RequestExtraDay requests an extra day outside a child's care plan, only
// when the plan does not already reserve it and a place is free; it is
// billed at the income tariff.
//
// # Admission priority
//
// Rank orders competing applicants for a place by the priority rules of
// seed 004 §2.2.2 (care for work, single parents, low income, foster
// children, siblings in care, vulnerable families, urgent requests starting
// within a month for a listed reason) and explains each place. CheckQuota
// checks that at least 20 % of the children cared for in a year come from
// special target groups.
package reservation
