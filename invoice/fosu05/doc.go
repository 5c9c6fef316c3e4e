// Package fosu05 writes and reads the monthly attendance report a
// location with income-related tariff sends to Opgroeien (form FO-SU-05):
// per child, the days present, absent with justification and absent
// without, each by band — under 3 hours (min3u), under 5 hours (min5u), 5
// to 11 hours (min11u), 11 hours or more at a flex location (min11uFlex).
//
// # Building a report
//
// New takes the month, the Location (name, dossiernummer, organiser,
// responsible, permissions for after-school and flexible care, opening
// weekdays), its plan.Calendar, the ChildInfo of each child (the child code
// and names exactly as on the attest inkomenstarief; the invoice knows only
// a code and a full name) and the month's invoices from invoice.Build. It
// returns a Document, or every problem of the input at once as
// plan.Problems with a field path ("location.name",
// "children[2].first_name", "invoices[0].children[1].code").
//
// The counting, per child — each day once, in the band the invoice gives
// it:
//
//   - a day of care counts under aanwezigheden in the band attended;
//   - a reserved day wholly absent counts in the band reserved, under
//     gerechtvaardigde_afwezigheden when justified absence days covered it
//     and under niet_gerechtvaardigde_afwezigheden when they did not, not
//     even in part (seed 004 §3.4.2: beyond the justified days an absence
//     is unjustified);
//   - a day partly attended (a child sent home ill, seed 004 §2.4) counts
//     as present in the band attended; its absent part is not registered —
//     the schema has no place for part of a day (OPEN);
//   - a closing day counts nowhere: aantal_openingsdagen counts the days the
//     location "open was", so a closing day is none, and the family pays
//     nothing for it, apart from the justified absence days (Opgroeien's
//     model written agreement: "Het gezin betaalt niet voor de gereserveerde
//     opvangdagen die op sluitingsdagen vallen en voor de gerechtvaardigde
//     afwezigheidsdagen");
//   - a day in hospital with an admission certificate (free, using no
//     justified absence day, seed 004 §3.4.2) counts as a justified absence:
//     the child was absent with a reason the organiser accepts, and the
//     texts name no third kind of absence. OPEN: Input.OmitHospitalDays
//     leaves such days out;
//   - a day of 11 hours or more counts as min11uFlex only at a location with
//     permission for flexible care and as min11u elsewhere, as the schema
//     says of min11uFlex ("enkel ... indien de opvanglocatie de erkenning
//     heeft ontvangen om flexibele opvang aan te bieden");
//   - a child is after-school care (bo J, the only case in which min3u is
//     written) when one of its days of care was in the school-age group or
//     a day counted is a third day, or when ChildInfo.AfterSchool says so.
//
// aantal_openingsdagen is the number of days of the month on the
// location's opening weekdays (Monday to Friday unless set) that the
// calendar does not close.
//
// # The document
//
// Document mirrors the XML one to one: Header, FormulierGecontroleerd
// (Checked), locatiegegevens (LocationDetails), one Entry per prestatie
// with its three Counts, closing/verantwoordelijke (Responsible) and the
// optional Config. Validate checks every constraint of the schema —
// lengths counted in characters, the patterns of dossiernummer and the
// child code, MM/YYYY, one or two digits of opening days, at least one
// prestatie, characters XML can carry — and the registration's own:
// required names and codes, distinct children, no negative count, no more
// days than the month has, min3u only for after-school care, min11uFlex
// only with flex permission, an after-school child only at a location that
// may report after-school care. Encode (and XML) validate first and write
// nothing on a problem, so what they write the schema accepts. The
// elements of an xs:all are written in one fixed order; min3u is written
// for an after-school child, min11uFlex at a flex location.
//
// Decode (and Parse) read a document back: encode → decode gives the same
// value. They read XML 1.0 in UTF-8 with a strict reader of their own
// (well-formedness and namespaces checked, a DOCTYPE refused), check the
// schema's structure — the elements of each xs:all once, the required
// ones present, xsi:nil only where nillable, J/N flags, xs:int counts —
// and then Validate, reporting problems at XML paths such as
// "IKG/prestaties/prestatie[2]/aanwezigheden/min5u".
//
// All functions are pure and safe for concurrent use.
//
// # Checked against the schema
//
// With FOSU05_XMLLINT=1 (set by .ci/run) the tests validate with xmllint
// (libxml2) against FO-SU-05.xsd, found at ../shared/sources from the
// repository root (FOSU05_XSD overrides): the reports of every reference
// scenario (invoice.Scenarios, built with invoice.Build) and of 64
// generated documents must validate; some sixty hand-made documents must
// get the schema's verdict the tests expect (half of them are built to be
// rejected), and Decode must refuse each that the schema refuses; and the
// XML reader must never accept a snippet libxml2 reports an error on.
//
// # Sources
//
//   - Opgroeien, FO-SU-05.xsd, versienummer 2.3 — the schema of the
//     monthly attendance report (sources/FO-SU-05.xsd): its elements,
//     facets and annotations.
//   - Opgroeien, Inhoudelijke en technische beschrijving van de registratie
//     van de aan- en afwezigheden (registration rules 2025), p. 9 — the
//     band boundaries (under 3 h, 3 h to 4h59 after school, under 5 h, 5 h
//     to 10h59, 11 h or more).
//   - Opgroeien FAQ for organisers — "Er worden nooit meer dagen betaald dan
//     het aantal dagen in de maand" (sources/opgroeien-faq-kinderopvang.txt).
//   - Opgroeien model written agreement for babies and toddlers — closing
//     days and justified absence days not paid
//     (sources/model-schriftelijke-overeenkomst-baby-peuter.txt).
//   - House rules of Zorg Leuven (seed 004) §2.4 (sent home ill) and §3.4.2
//     (justified and unjustified absence, hospital stays).
//   - XML 1.0 (Fifth Edition) and Namespaces in XML 1.0 — the characters,
//     well-formedness and namespace rules the reader applies.
package fosu05
