package reservation

import "github.com/kinderopvang/regels/plan"

// Status is what a family sees for a moment on a day in the week view
// (seed 000: white = free, red = full, orange = requested, green =
// approved, grey = cancelled).
type Status string

// The statuses.
const (
	StatusFree        Status = "free"
	StatusFull        Status = "full"
	StatusRequested   Status = "requested"
	StatusApproved    Status = "approved"
	StatusRefused     Status = "refused"
	StatusCancelled   Status = "cancelled"
	StatusUnavailable Status = "unavailable" // not offered that day (weekday, closed, holiday)
)

// MomentView is one moment on one day for one child.
type MomentView struct {
	Moment string `json:"moment"`
	Name   string `json:"name"`
	Status Status `json:"status"`
	// Free is the number of free places.
	Free int `json:"free"`
	// Reservation is the child's reservation of the moment that day, if any.
	Reservation string `json:"reservation,omitempty"`
	// Why says why a moment is unavailable.
	Why string `json:"why,omitempty"`
}

// DayView is one day of the week view.
type DayView struct {
	Date    plan.Date    `json:"date"`
	Moments []MomentView `json:"moments"`
}

// Week returns the week view of child at location for the week (Monday to
// Sunday) that contains day: per day and moment, the child's own
// reservation state, or free, full or unavailable. A child's latest
// reservation of a moment on a day decides its status.
func (b Book) Week(child, location string, day plan.Date) ([]DayView, error) {
	l, err := b.location(location)
	if err != nil {
		return nil, err
	}
	monday := day.AddDays(-((int(day.Weekday()) + 6) % 7))
	out := make([]DayView, 0, 7)
	for k := 0; k < 7; k++ {
		d := monday.AddDays(k)
		dv := DayView{Date: d}
		for _, m := range l.Moments {
			mv := MomentView{Moment: m.ID, Name: m.Name, Free: max(0, m.Capacity-b.Taken(l.ID, m.ID, d))}
			ok, _, why := l.Offers(m, d)
			switch {
			case !ok:
				mv.Status, mv.Why, mv.Free = StatusUnavailable, why, 0
			case mv.Free == 0:
				mv.Status = StatusFull
			default:
				mv.Status = StatusFree
			}
			for _, r := range b.Reservations {
				if r.Child == child && r.Location == l.ID && r.Moment == m.ID && r.Date == d {
					mv.Status, mv.Reservation = Status(r.State), r.ID
				}
			}
			dv.Moments = append(dv.Moments, mv)
		}
		out = append(out, dv)
	}
	return out, nil
}
