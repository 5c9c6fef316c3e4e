package reservation

// Citations of the texts this package implements.
const (
	srcPortal       = "after-school portal manual, 'Online reserveren' (seed 000)"
	srcPortalCancel = "after-school portal manual, 'Reservatie wijzigen of annuleren' (seed 000): a late cancellation is flagged and may cost extra (HOUSE RULE)"
	srcPortalDup    = "after-school portal manual, 'Reservatie dupliceren' (seed 000)"
	srcExtraDay     = "house rules Zorg Leuven §3.4.1 (seed 004): an extra day only when a place is free; billed at the income tariff"
	srcPriority     = "house rules Zorg Leuven §2.2.2 (seed 004): priority rules"
)
