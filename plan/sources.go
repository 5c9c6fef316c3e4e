package plan

// Citations of the texts this package implements. Seed 004 is the house
// rules (huishoudelijk reglement) of the family daycare service of Zorg
// Leuven; seed 000 is the manual of an after-school parent portal.
const (
	srcSeed004Closures = "house rules Zorg Leuven §1.2.2 (seed 004)"
	srcSeed004Plan     = "house rules Zorg Leuven §3.4 (seed 004)"
	srcSeed004Change   = "house rules Zorg Leuven §3.4.3 (seed 004)"
	srcSeed004Notice   = "house rules Zorg Leuven §6.2.1 (seed 004)"
	srcSeed004Notices  = "house rules Zorg Leuven §6.2.1 and §6.2.2 (seed 004)"
	srcSeed004OrgNote  = "house rules Zorg Leuven §6.2.2 (seed 004)"
	srcSeed004Rules    = "house rules Zorg Leuven §6.1 (seed 004)"
	srcSeed000End      = "after-school portal manual: care stops on 31/08 of the year the child turns 12 (seed 000)"
)
