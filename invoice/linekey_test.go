package invoice

import (
	"testing"

	"github.com/kinderopvang/regels/tariff"
)

// Two lines aggregate exactly when kind, band, group, basis, pricing and
// minutes are equal: the packed key is injective, for the library's
// constants and for any other text.
func TestLineKeyIsExact(t *testing.T) {
	kinds := []LineKind{"", LineCare, LineUnjustified, LineLateNotice, LineNoticeFee, LineLatePickup, LineWasteFull, LineWastePart,
		LineHotMeal, LineAdmin, LineTransport, LineReservedAbsent, LineLateCancel, "care2", "full"}
	bands := []tariff.Band{"", tariff.BandNone, tariff.BandThird, tariff.BandHalf, tariff.BandFull, tariff.BandFlex, "care", "x"}
	groups := []tariff.AgeGroup{"", tariff.BabyToddler, tariff.SchoolAge, "attest"}
	bases := []string{"", string(tariff.BasisAttest), string(tariff.BasisConnect), string(tariff.BasisMaximum), string(tariff.BasisList),
		string(tariff.BasisSocial), string(tariff.BasisSibling), string(tariff.BasisSocialSibling), "half", `1="x";`}
	pricings := []tariff.PricingModel{"", tariff.PricingBands, tariff.PricingProRata, tariff.PricingPriceList, "bands "}
	type fields struct {
		kind    LineKind
		band    tariff.Band
		group   tariff.AgeGroup
		basis   string
		pricing tariff.PricingModel
		minutes int
	}
	seen := map[lineKey]fields{}
	for _, k := range kinds {
		for _, b := range bands {
			for _, g := range groups {
				for _, s := range bases {
					for _, p := range pricings {
						for _, m := range []int{0, 1, 255, 256} {
							f := fields{k, b, g, s, p, m}
							key := newLineKey(k, b, g, s, p, m)
							if other, ok := seen[key]; ok {
								t.Fatalf("%+v and %+v have one key %+v", f, other, key)
							}
							seen[key] = f
							if key != newLineKey(k, b, g, s, p, m) {
								t.Fatalf("%+v: two keys", f)
							}
						}
					}
				}
			}
		}
	}
	if !kindKey(LineLatePickup).isKind(LineLatePickup) || kindKey(LineLatePickup).isKind(LineCare) || !newLineKey(LineCare, tariff.BandFull, "", "", "", 0).isKind(LineCare) {
		t.Error("isKind")
	}
}
