package monthend

// Citations of the texts this package implements.
const (
	srcSeed004Invoice = "house rules Zorg Leuven §3.6 (seed 004): the monthly invoice of each family"
	srcFOSU05         = "Opgroeien FO-SU-05.xsd v2.3: one monthly attendance report per location (locatiegegevens), the child's voornaam and naam as on the attest inkomenstarief"
	srcFiscal         = "FOD Financiën, fiscal certificate 281.86 (attest kinderopvang): per child and year, the periods of care with their days, daily rate and amount"
	srcTaxReduction   = "FOD Financiën, belastingvermindering voor kinderopvang: 45 % of the costs paid, at most a maximum per child per day of care"
)
