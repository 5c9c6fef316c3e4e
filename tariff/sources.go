package tariff

// Citations of the texts this package implements.
const (
	srcRegistration = "Opgroeien, Inhoudelijke en technische beschrijving van de registratie van de aan- en afwezigheden (2025), p. 9; FO-SU-05.xsd buckets min3u/min5u/min11u/min11uFlex"
	srcSeed004Price = "house rules Zorg Leuven §3.3 (seed 004)"
	srcSeed004Short = "house rules Zorg Leuven §3.3 (seed 004): short after-school moments summed per day"
	srcSeed004Flex  = "house rules Zorg Leuven §3.3 (seed 004): 160 % for 11 hours or more"
	srcFlexWindow   = "Opgroeien IKT rules: care counted between 06:00 and 20:00; night care only at locations with permission for flexible care"
	srcAttestStart  = "Subsidiebesluit 22 November 2013 as applied by Opgroeien: the attest starts on the first day of the month the child first attends without a parent"
	srcSeed004Rec   = "house rules Zorg Leuven §3.1 (seed 004): recalculation"
	srcSeed004Grace = "house rules Zorg Leuven §3.1 (seed 004): new attest at the latest 25 days after the old one's end, else the maximum tariff"
	srcFAQGap       = "Opgroeien FAQ for organisers, 'Wat als een ouder na een herinnering te laat een herberekening bij een vervallen attest aanvraagt?'"
	srcIndexation   = "Kind en Gezin: attests are indexed every 1 January with the health index"
	srcSocialHalf   = "Kind en Gezin: the OCMW (social-welfare) tariff is half the computed tariff, at least the standard minimum"
	srcMaxCap       = "Opgroeien FAQ for organisers: a charge for an absence 'mag nooit hoger zijn dan het wettelijk vastgelegde maximumtarief'"
)
