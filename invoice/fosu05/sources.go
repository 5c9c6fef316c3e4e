package fosu05

// Citations of the texts this package implements.
const (
	srcXSD          = "Opgroeien FO-SU-05.xsd v2.3"
	srcRegistration = "Opgroeien, Inhoudelijke en technische beschrijving van de registratie van de aan- en afwezigheden (2025), p. 9"
	srcFAQDays      = "Opgroeien FAQ for organisers, 'Wordt het aantal openingsdagen opgevraagd ...?': 'Er worden nooit meer dagen betaald dan het aantal dagen in de maand'"
	srcClosed       = "Opgroeien model written agreement (baby's en peuters): the family pays nothing for reserved days on closing days, nor for justified absence days"
	srcHospital     = "house rules Zorg Leuven §3.4.2 (seed 004): a hospital stay with an admission certificate is not billed and uses no justified absence day"
	srcIll          = "house rules Zorg Leuven §2.4 (seed 004): a child sent home ill is billed for the band attended"
	srcXML          = "XML 1.0 (Fifth Edition) §2.2 Characters"
)
