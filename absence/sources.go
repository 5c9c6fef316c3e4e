package absence

// Citations of the texts this package implements.
const (
	srcFAQRespijt       = "Opgroeien FAQ for organisers, 'Hoe ga ik om met gerechtvaardigde afwezigheden of respijtdagen?'"
	srcSeed004Absent    = "house rules Zorg Leuven §3.4.2 (seed 004)"
	srcSeed004Ill       = "house rules Zorg Leuven §2.4 (seed 004): a child sent home ill"
	srcSeed004Notify    = "house rules Zorg Leuven §3.4.2 (seed 004): 'Verwittigen als je kind afwezig is'"
	srcSeed004Late      = "house rules Zorg Leuven §3.4.2 (seed 004): 25 % of the tariff, at least the minimum contribution, per reserved day"
	srcSeed004NoticeEnd = "house rules Zorg Leuven §6.2.1 (seed 004): care ends on the last day of the notice; the notice fee covers the reserved days of the term not respected"
	srcFAQMaxCap        = "Opgroeien FAQ for organisers: a charge for an absence 'mag nooit hoger zijn dan het wettelijk vastgelegde maximumtarief'"
)
