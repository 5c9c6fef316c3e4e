package reservation

// Citations of the texts this package implements (see "Sources" in the
// package documentation).
const (
	srcPortal        = "after-school portal manual (seed 000), 'Online reserveren': only a child enrolled at the location reserves, on a free day"
	srcPortalApprove = "after-school portal manual (seed 000), 'Online reserveren': a request is approved (green) or, when the care is full, refused (red)"
	srcPortalCancel  = "after-school portal manual (seed 000), 'Reservatie wijzigen of annuleren': a late cancellation is flagged and may cost extra (HOUSE RULE)"
	srcPortalDup     = "after-school portal manual (seed 000), 'Reservatie dupliceren': to the days the chosen moment is valid"
	srcExtraDay      = "house rules Zorg Leuven §3.4.1 (seed 004): an extra day only when a place is free; billed at the income tariff"
	srcPriority      = "house rules Zorg Leuven §2.2.2 (seed 004): priority for care for work, the listed groups and urgent requests"
	srcQuota         = "house rules Zorg Leuven §2.2.2 (seed 004): at least 20 % of the children cared for each year from special target groups"
)
