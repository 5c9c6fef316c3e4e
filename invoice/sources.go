package invoice

// Citations of the texts this package implements.
const (
	srcSeed004Costs    = "house rules Zorg Leuven §3.5.1 (seed 004)"
	srcSeed004Invoice  = "house rules Zorg Leuven §3.6 (seed 004)"
	srcSeed004Settling = "house rules Zorg Leuven §4.1 (seed 004): settling in with a parent is free; alone, the tariff applies"
	srcSeed004Meal     = "house rules Zorg Leuven §2.1.2 and §3.5.1 (seed 004): €3 for a hot meal of a child older than 3.5 or at school full time; a third day includes none"
	srcSeed004Pickup   = "house rules Zorg Leuven §3.5.1 (seed 004): €4 per started half hour after the agreed hours, without the caregiver's agreement"
	srcSeed004Waste    = "house rules Zorg Leuven §3.5.1 (seed 004): €0.13 per full day, €0.07 per half or third day present"
	srcSeed004Admin    = "house rules Zorg Leuven §3.5.1 (seed 004): €3.50 per month per family with care that month"
	srcSeed004Km       = "house rules Zorg Leuven §3.5.1 (seed 004): transport by the caregiver's car per km at the federal rate"
	srcSeed004Notice   = "house rules Zorg Leuven §6.2.1 and §3.5.1 (seed 004): notice fee"
	srcPortalPayments  = "after-school portal manual, invoices and payment states (seed 000)"
	srcFiscal          = "federal tax reduction for childcare, certificate 281.86: care of children under 14, amounts paid in the year, at most 4 periods"
	srcProRata         = "house rules Zorg Leuven §3.3 (seed 004): 'korte buitenschoolse opvangmomenten van minder dan 1 uur worden op dagbasis samengeteld. Je betaalt het inkomenstarief in verhouding tot het aantal opvanguren' (read pro rata)"
	srcPriceList       = "after-school care without an income tariff, organised by the municipality under the decree on after-school care and activities (since 1 January 2026): the organiser's price list"
	srcEstimate        = "the price calculator of a municipal parent portal (seed 000, 'Mijn Kinderopvang'), billed by the house rules as the invoice is (seed 004 §3.3 and §3.6)"
	srcTaxCap          = "FOD Financiën, belastingvermindering voor kinderopvang: 45 % of the costs paid, at most a maximum per child per day of care"
	srcFOSU05          = "Opgroeien monthly attendance report FO-SU-05 (FO-SU-05.xsd)"
	srcCareTariff      = "house rules Zorg Leuven §3.3 (seed 004): per calendar day a share of the income tariff by the hours of care; §3.6: each cost with its nature, count and amount; rounded to the cent, half away from zero"
)
