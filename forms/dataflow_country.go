package forms

import "strings"

// dfRegion is where a country stands for territory of use (R-T1…R-T3).
type dfRegion int

const (
	dfRegionUnknown      dfRegion = iota
	dfRegionEnglandWales          // England or Wales
	dfRegionUK                    // "United Kingdom" with no nation given
	dfRegionUKOther               // Scotland or Northern Ireland
	dfRegionEEA
	dfRegionAdequate // outside the UK and EEA, with a UK adequacy decision
	dfRegionOther
)

var dfEEACountries = []string{
	"austria", "belgium", "bulgaria", "croatia", "cyprus", "czechia", "czech republic", "denmark",
	"estonia", "finland", "france", "germany", "greece", "hungary", "iceland", "ireland",
	"republic of ireland", "italy", "latvia", "liechtenstein", "lithuania", "luxembourg", "malta",
	"netherlands", "the netherlands", "norway", "poland", "portugal", "romania", "slovakia",
	"slovenia", "spain", "sweden",
}

// dfAdequateCountries have a UK adequacy decision (other than the EEA). The
// United States is covered only for certified organisations, so it is
// deliberately not here: a TRA is the safe default.
var dfAdequateCountries = []string{
	"andorra", "argentina", "canada", "faroe islands", "guernsey", "isle of man", "israel",
	"japan", "jersey", "new zealand", "republic of korea", "south korea", "switzerland", "uruguay",
}

func dfRegionOf(country string) dfRegion {
	c := strings.ToLower(strings.TrimSpace(country))
	c = strings.TrimPrefix(c, "the ")
	switch c {
	case "":
		return dfRegionUnknown
	case "england", "wales", "cymru", "england and wales", "england & wales":
		return dfRegionEnglandWales
	case "united kingdom", "uk", "u.k.", "great britain", "gb", "britain":
		return dfRegionUK
	case "scotland", "northern ireland":
		return dfRegionUKOther
	}
	for _, e := range dfEEACountries {
		if c == e {
			return dfRegionEEA
		}
	}
	for _, e := range dfAdequateCountries {
		if c == e {
			return dfRegionAdequate
		}
	}
	return dfRegionOther
}

// inUK reports whether the region is part of the United Kingdom.
func (r dfRegion) inUK() bool {
	return r == dfRegionEnglandWales || r == dfRegionUK || r == dfRegionUKOther
}

// within reports whether a place in region r lies inside territory t
// (R-T2). A place recorded only as "United Kingdom" is taken to satisfy
// England and Wales: the answer does not say otherwise, and the location's
// own check asks for the nation.
func (r dfRegion) within(t Territory) bool {
	switch t {
	case TerritoryEnglandWales:
		return r == dfRegionEnglandWales || r == dfRegionUK
	case TerritoryUK:
		return r.inUK()
	case TerritoryUKEEA:
		return r.inUK() || r == dfRegionEEA
	case TerritoryWorldwide:
		return r != dfRegionUnknown
	}
	return true
}

// InUK reports whether a country, as typed, is a part of the United Kingdom
// (or the UK itself); the data flow map groups such lanes together.
func InUK(country string) bool { return dfRegionOf(country).inUK() }

// CountryOrder orders the data flow map's swimlane groups: NHS England's
// home first, the rest of the UK, the EEA, then everywhere else.
func CountryOrder(country string) int {
	switch dfRegionOf(country) {
	case dfRegionEnglandWales:
		return 0
	case dfRegionUK:
		return 1
	case dfRegionUKOther:
		return 2
	case dfRegionEEA:
		return 3
	case dfRegionAdequate, dfRegionOther:
		return 4
	}
	return 5
}
