package invoice

import (
	"fmt"
	"testing"
)

// One child-month: about 20 days of care and three kinds of extra cost
// (waste, late pick-up, hot meals are not due for a toddler: waste, late
// pick-up and administration).
func BenchmarkChildMonth(b *testing.B) {
	s, _ := ScenarioByName("late_pickup")
	c := s.Case
	c.Children[0].Plans[0].Schedule.Weeks[0].Wednesday = c.Children[0].Plans[0].Schedule.Weeks[0].Monday
	c.Children[0].Plans[0].Schedule.Weeks[0].Friday = c.Children[0].Plans[0].Schedule.Weeks[0].Monday
	c.Children[0].Sessions = nil
	attend(&c, 0, "07:45", "17:20")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(c); err != nil {
			b.Fatal(err)
		}
	}
}

// An organiser's month: 1,000 families of one child each.
func BenchmarkOrganiserMonth1000(b *testing.B) {
	var cases []Case
	for i := 0; i < 1000; i++ {
		s := Scenarios()[i%len(Scenarios())]
		c := s.Case
		c.Number = fmt.Sprintf("2025-%05d", i)
		cases = append(cases, c)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cases {
			if _, err := Build(c); err != nil {
				b.Fatal(err)
			}
		}
	}
}
