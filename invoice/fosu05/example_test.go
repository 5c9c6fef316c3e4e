package fosu05_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/kinderopvang/regels/invoice"
	"github.com/kinderopvang/regels/invoice/fosu05"
	"github.com/kinderopvang/regels/plan"
)

// The May 2025 report of the Peeters family's childminder, from the
// month's invoice: Noor (a toddler: 8 full days present, 3 justified
// absences) and Lars (after school: 8 short days, 4 Wednesday afternoons).
func ExampleNew() {
	c := invoice.SampleCase()
	inv, err := invoice.Build(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := fosu05.New(fosu05.Input{
		Month: c.Month,
		Location: fosu05.Location{Name: "Onthaalouder Els", FileNumber: "123456789", Organiser: "Zorg Leuven",
			Responsible: "Janssens An", AfterSchool: true},
		Calendar: c.Calendar,
		Children: []fosu05.ChildInfo{
			{Code: "230612-118-01", InvoiceCode: "K-118", FirstName: "Noor", LastName: "Peeters"},
			{Code: "181103-077-02", InvoiceCode: "K-077", FirstName: "Lars", LastName: "Peeters"},
		},
		Invoices: []invoice.Invoice{inv},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("opening days:", doc.Location.OpeningDays)
	for _, e := range doc.Children {
		fmt.Printf("%s %s: present %+v, justified %+v\n", e.Code, e.FirstName, e.Present, e.Justified)
	}
	if err := doc.Encode(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// opening days: 19
	// 230612-118-01 Noor: present {Third:0 Half:0 Full:8 Flex:0}, justified {Third:0 Half:0 Full:3 Flex:0}
	// 181103-077-02 Lars: present {Third:8 Half:0 Full:4 Flex:0}, justified {Third:0 Half:0 Full:0 Flex:0}
	// <?xml version="1.0" encoding="UTF-8"?>
	// <IKG>
	// 	<Header>
	// 		<DocumentIndicator>FO-SU-05</DocumentIndicator>
	// 		<FormVersion>1.0</FormVersion>
	// 		<MinReaderVersion>9.1</MinReaderVersion>
	// 		<UsedViewer>regels (github.com/kinderopvang/regels)</UsedViewer>
	// 	</Header>
	// 	<FormulierGecontroleerd>J</FormulierGecontroleerd>
	// 	<locatiegegevens>
	// 		<naam_locatie>Onthaalouder Els</naam_locatie>
	// 		<dossiernummer>123456789</dossiernummer>
	// 		<naam_organisator>Zorg Leuven</naam_organisator>
	// 		<periode>05/2025</periode>
	// 		<aantal_openingsdagen>19</aantal_openingsdagen>
	// 		<bo>J</bo>
	// 		<flex>N</flex>
	// 	</locatiegegevens>
	// 	<prestaties>
	// 		<prestatie>
	// 			<kindInfo>
	// 				<kind>
	// 					<code>230612-118-01</code>
	// 					<voornaam>Noor</voornaam>
	// 					<naam>Peeters</naam>
	// 					<bo>N</bo>
	// 				</kind>
	// 			</kindInfo>
	// 			<aanwezigheden>
	// 				<min5u>0</min5u>
	// 				<min11u>8</min11u>
	// 			</aanwezigheden>
	// 			<gerechtvaardigde_afwezigheden>
	// 				<min5u>0</min5u>
	// 				<min11u>3</min11u>
	// 			</gerechtvaardigde_afwezigheden>
	// 			<niet_gerechtvaardigde_afwezigheden>
	// 				<min5u>0</min5u>
	// 				<min11u>0</min11u>
	// 			</niet_gerechtvaardigde_afwezigheden>
	// 		</prestatie>
	// 		<prestatie>
	// 			<kindInfo>
	// 				<kind>
	// 					<code>181103-077-02</code>
	// 					<voornaam>Lars</voornaam>
	// 					<naam>Peeters</naam>
	// 					<bo>J</bo>
	// 				</kind>
	// 			</kindInfo>
	// 			<aanwezigheden>
	// 				<min3u>8</min3u>
	// 				<min5u>0</min5u>
	// 				<min11u>4</min11u>
	// 			</aanwezigheden>
	// 			<gerechtvaardigde_afwezigheden>
	// 				<min3u>0</min3u>
	// 				<min5u>0</min5u>
	// 				<min11u>0</min11u>
	// 			</gerechtvaardigde_afwezigheden>
	// 			<niet_gerechtvaardigde_afwezigheden>
	// 				<min3u>0</min3u>
	// 				<min5u>0</min5u>
	// 				<min11u>0</min11u>
	// 			</niet_gerechtvaardigde_afwezigheden>
	// 		</prestatie>
	// 	</prestaties>
	// 	<closing>
	// 		<verantwoordelijke>Janssens An</verantwoordelijke>
	// 	</closing>
	// </IKG>
}

// Input the schema would refuse is reported before any XML is written,
// every problem at once.
func ExampleNew_problems() {
	c := invoice.SampleCase()
	inv, _ := invoice.Build(c)
	_, err := fosu05.New(fosu05.Input{
		Month:    c.Month,
		Location: fosu05.Location{Name: "Onthaalouder Els", FileNumber: "12345", Organiser: "Zorg Leuven", Responsible: "Janssens An"},
		Calendar: c.Calendar,
		Children: []fosu05.ChildInfo{{Code: "K-118", FirstName: "Noor"}},
		Invoices: []invoice.Invoice{inv},
	})
	for _, p := range plan.AsProblems(err) {
		fmt.Println(p.Field, p.Code)
	}
	// Output:
	// invoices[0].children[1].code unknown_child
	// location.file_number pattern_mismatch
	// children[0].code pattern_mismatch
	// children[0].last_name missing
}

// Reading a report back.
func ExampleDecode() {
	const report = `<?xml version="1.0" encoding="UTF-8"?>
<IKG>
	<Header><DocumentIndicator>FO-SU-05</DocumentIndicator><FormVersion>1.0</FormVersion>
		<MinReaderVersion>9.1</MinReaderVersion><UsedViewer>other software</UsedViewer></Header>
	<FormulierGecontroleerd>J</FormulierGecontroleerd>
	<locatiegegevens><naam_locatie>De Vlinder</naam_locatie><dossiernummer>123456789</dossiernummer>
		<naam_organisator>vzw De Vlinder</naam_organisator><periode>03/2025</periode>
		<aantal_openingsdagen>21</aantal_openingsdagen><bo>N</bo><flex>J</flex></locatiegegevens>
	<prestaties><prestatie>
		<kindInfo><kind><code>230612-118-01</code><voornaam>Noor</voornaam><naam>Peeters</naam><bo>N</bo></kind></kindInfo>
		<aanwezigheden><min5u>2</min5u><min11u>17</min11u><min11uFlex>1</min11uFlex></aanwezigheden>
		<gerechtvaardigde_afwezigheden><min5u/><min11u>1</min11u></gerechtvaardigde_afwezigheden>
		<niet_gerechtvaardigde_afwezigheden><min5u>0</min5u><min11u>0</min11u></niet_gerechtvaardigde_afwezigheden>
	</prestatie></prestaties>
	<closing><verantwoordelijke>Janssens An</verantwoordelijke></closing>
</IKG>`
	d, err := fosu05.Decode(bytes.NewReader([]byte(report)))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := d.Children[0]
	fmt.Println(d.Location.Month, d.Location.Flex, e.Code, e.Present.Total(), e.Justified.Total(), e.Present.Flex)
	// Output:
	// 2025-03 true 230612-118-01 20 1 1
}
