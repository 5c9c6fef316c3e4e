// Package reservation is what a municipal parent portal needs for
// after-school care (after-school portal manual (seed 000), "Online
// reserveren") and extra days of care (house rules Zorg Leuven §3.4.1
// (seed 004)): reservations, capacity, cancellations and admission
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
// one child or several siblings: requested, or refused with its Refusal
// (not enrolled, not offered, already reserved, full). Approve approves a
// request while a place is free and refuses it as full otherwise;
// ApproveAll does so for a batch in one pass. Requested or approved
// reservations can be cancelled; changed hours send an approved
// reservation back to requested unless the Policy says otherwise. Any
// other state change is an error (CodeIllegalTransition). Only approved
// reservations take a place, so capacity is never exceeded. Duplicate
// copies a reservation to other days and reports per day; it never creates
// one on a day the moment is not offered. Week gives the week view a family
// sees. Book.Validate checks a book decoded from elsewhere.
//
// The Book is a value: each operation returns a new Book and leaves the old
// one as it was, so it can be shared between goroutines and stored as JSON.
// Each operation reads the book once: its cost grows with the book plus
// its own input (the dates of a duplication, the ids of a batch), never
// with their product.
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
// the house rules (care for work, single parents, low income, foster
// children, siblings in care, vulnerable families, urgent requests starting
// within a month for a listed reason) and explains each place. CheckQuota
// checks that at least 20 % of the children cared for in a year come from
// special target groups.
//
// # Languages
//
// One language per reader:
//
//   - What a family reads is Dutch. Texts for people carry their language
//     in their name: MessageNL, StatusNL, WhyNL, WeekdayNL (JSON
//     "message_nl", …), and the NL methods of State, Status, Refusal, Group
//     and UrgentReason give the Dutch word for a code.
//   - What a developer reads is English: every error (a plan.Problem: its
//     Message, with Code, Field, Date and Rule) and the MessageEN texts.
//   - A result shown to both carries both: Outcome, Availability,
//     Cancellation, Ranked and QuotaCheck have MessageNL and MessageEN,
//     saying the same thing. The week view (DayView, MomentView) is only
//     what a family sees and is only Dutch.
//   - Codes (State, Status, Refusal, Group, UrgentReason, plan.Code) are
//     stable English identifiers for programs and JSON, not texts; a portal
//     shows their NL words.
//   - Names the organiser gives (Location.Name, Moment.Name, a closure's
//     reason) are its own Dutch names and appear as given in both.
//
// Dutch texts write dates as "maandag 12/10/2026" and amounts as "€ 5,00";
// English texts use ISO dates and "5.00".
//
// # Sources
//
// Each rule cites the text it implements, in its comment and in the Source
// of the plan.Rule it returns:
//
//   - after-school portal manual (seed 000), "Online reserveren": enrolment,
//     the week calendar and its colours, requesting for siblings, approval,
//     full days; "Reservatie dupliceren": copying to the days the moment is
//     valid; "Reservatie wijzigen of annuleren": changing hours, cancelling,
//     a late cancellation flagged and possibly costing extra (the deadline
//     and cost are house rules: Policy).
//   - house rules Zorg Leuven (seed 004) §2.2.2 "Voorrangsregels": priority
//     groups, urgent requests (noodaanvraag), the 20 % quota; §3.4.1 "Extra
//     opvangdagen": an extra day only when a place is free, at the income
//     tariff.
package reservation
