package forms

import "strings"

// countryRegion is where a country stands for territory of use (R-T1…R-T3).
type countryRegion int

const (
	regionUnknown      countryRegion = iota
	regionEnglandWales               // England or Wales
	regionUK                         // "United Kingdom" with no nation given
	regionUKOther                    // Scotland or Northern Ireland
	regionEEA
	regionAdequate // outside the UK and EEA, with a UK adequacy decision
	regionOther
)

var eeaCountries = []string{
	"austria", "belgium", "bulgaria", "croatia", "cyprus", "czechia", "czech republic", "denmark",
	"estonia", "finland", "france", "germany", "greece", "hungary", "iceland", "ireland",
	"republic of ireland", "italy", "latvia", "liechtenstein", "lithuania", "luxembourg", "malta",
	"netherlands", "the netherlands", "norway", "poland", "portugal", "romania", "slovakia",
	"slovenia", "spain", "sweden",
}

// adequateCountries have a UK adequacy decision (other than the EEA). The
// United States is covered only for certified organisations, so it is
// deliberately not here: a TRA is the safe default.
var adequateCountries = []string{
	"andorra", "argentina", "canada", "faroe islands", "guernsey", "isle of man", "israel",
	"japan", "jersey", "new zealand", "republic of korea", "south korea", "switzerland", "uruguay",
}

func regionOf(country string) countryRegion {
	c := strings.ToLower(strings.TrimSpace(country))
	c = strings.TrimPrefix(c, "the ")
	switch c {
	case "":
		return regionUnknown
	case "england", "wales", "cymru", "england and wales", "england & wales":
		return regionEnglandWales
	case "united kingdom", "uk", "u.k.", "great britain", "gb", "britain":
		return regionUK
	case "scotland", "northern ireland":
		return regionUKOther
	}
	for _, e := range eeaCountries {
		if c == e {
			return regionEEA
		}
	}
	for _, e := range adequateCountries {
		if c == e {
			return regionAdequate
		}
	}
	return regionOther
}

// inUK reports whether the region is part of the United Kingdom.
func (r countryRegion) inUK() bool {
	return r == regionEnglandWales || r == regionUK || r == regionUKOther
}

// within reports whether a place in region r lies inside territory t
// (R-T2). A place recorded only as "United Kingdom" is taken to satisfy
// England and Wales: the answer does not say otherwise, and the location's
// own check asks for the nation.
func (r countryRegion) within(t Territory) bool {
	switch t {
	case TerritoryEnglandWales:
		return r == regionEnglandWales || r == regionUK
	case TerritoryUK:
		return r.inUK()
	case TerritoryUKEEA:
		return r.inUK() || r == regionEEA
	case TerritoryWorldwide:
		return r != regionUnknown
	}
	return true
}

// countryGroupRank orders swimlane groups: NHS England's home first, the
// rest of the UK, the EEA, then everywhere else.
func countryGroupRank(country string) int {
	switch regionOf(country) {
	case regionEnglandWales:
		return 0
	case regionUK:
		return 1
	case regionUKOther:
		return 2
	case regionEEA:
		return 3
	case regionAdequate, regionOther:
		return 4
	}
	return 5
}
