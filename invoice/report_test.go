package invoice

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kinderopvang/regels/plan"
)

func TestAttendanceReport(t *testing.T) {
	ill := mustBuild(t, "ill_sent_home")
	r, err := AttendanceReport(ill.Month, []Invoice{ill})
	if err != nil {
		t.Fatal(err)
	}
	want := ReportChild{Code: "K-118", Present: Bucket{Min5u: 1, Min11u: 11}, Justified: Bucket{Min11u: 1}}
	if diff := cmp.Diff([]ReportChild{want}, r.Children); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	school := mustBuild(t, "after_school")
	r, _ = AttendanceReport(school.Month, []Invoice{school})
	if !r.Children[0].AfterSchool || r.Children[0].Present.Min3u != 7 || r.Children[0].Present.Min11u != 3 {
		t.Errorf("after school: %+v", r.Children[0])
	}
	if _, err := AttendanceReport(plan.MustMonth(2025, 4), []Invoice{ill}); err == nil {
		t.Error("an invoice of another month")
	}
}
