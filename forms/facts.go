package forms

import (
	"strconv"
	"strings"
)

// Facts that several sections' rules (and screens) derive from the answers.
// Keeping them here means "does this draft hold personal data?" has one answer.

// PersonalData reports whether any requested product is personal data under
// UK GDPR (identifiable or pseudonymised), or a cohort of identified people
// is sent to NHS England; then Articles 6 and 9 apply (R-L1, R-L2).
func (a *Application) PersonalData() bool {
	if a.Cohort.Needed {
		return true
	}
	for i := range a.Data.Products {
		if a.Data.Products[i].Identifiability.Personal() {
			return true
		}
	}
	return false
}

// ConfidentialData reports whether confidential patient information flows:
// an identifiable product, or a cohort whose identifiers NHS England links
// on. Then a common-law basis and transparency evidence are due (R-L3, R-L4, R-L7).
func (a *Application) ConfidentialData() bool {
	if a.Cohort.Needed {
		return true
	}
	for i := range a.Data.Products {
		if a.Data.Products[i].Identifiability == Identifiable {
			return true
		}
	}
	return false
}

// ValidationService is the NHS England cohort validation service a choice of
// linkage fields implies (R-C4).
type ValidationService string

const (
	AutomaticValidation ValidationService = "automatic"
	ManualValidation    ValidationService = "manual"
)

// ValidationServiceFor says which service the fields imply: names can be
// matched only by hand, which costs more (R-C3, R-C4).
func ValidationServiceFor(fields []ValidationField) ValidationService {
	for _, f := range fields {
		if f == VFSurname || f == VFForename {
			return ManualValidation
		}
	}
	return AutomaticValidation
}

// Label is the service as a person reads it, with its cost implication.
func (s ValidationService) Label() string {
	if s == ManualValidation {
		return "Manual validation (names are matched by hand, at extra cost)"
	}
	return "Automatic validation (NHS number, date of birth, postcode and gender)"
}

func hasValidationField(fields []ValidationField, want ValidationField) bool {
	for _, f := range fields {
		if f == want {
			return true
		}
	}
	return false
}

// IsHESProduct reports whether a product is part of Hospital Episode
// Statistics, the only data the aggregated route covers (R-D4).
func IsHESProduct(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "hospital episode statistics") || strings.HasPrefix(n, "hes") || strings.Contains(n, " hes ") || strings.Contains(n, "(hes")
}

// IsTracingProduct reports whether a product is the MRIS or PDS based
// demographics and tracing service suggested for cohort research (R-D5).
func IsTracingProduct(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "mris") || strings.Contains(n, "demographics") || strings.Contains(n, "personal demographics") || strings.Contains(n, "pds")
}

// MentionsGPData reports whether a product's name says it holds GP records,
// so the PAG flag can be suggested even when the box was not ticked (R-D6).
func MentionsGPData(name string) bool {
	n := " " + strings.ToLower(name) + " "
	for _, w := range []string{" gp ", " gp)", "(gp ", "gpes", "gpdpr", "general practice", "primary care records", "gp data"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// directIdentifierWords name fields that identify a person on their own or
// nearly so; they need a stated reason above all others (R-D3).
var directIdentifierWords = []string{"nhs number", "nhs no", "date of birth", "dob", "postcode", "post code", "surname", "forename", "first name", "last name", "family name", "given name", "full name", "patient name", "home address", "patient address"}

// IsDirectIdentifier reports whether a requested field name is a direct
// identifier (R-D3).
func IsDirectIdentifier(field string) bool {
	n := strings.ToLower(field)
	for _, w := range directIdentifierWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// parseYear reads a year such as "2015" or "2015/16" (the financial-year
// form HES uses); ok is false for anything else.
func parseYear(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 4 {
		if s[4] != '/' && s[4] != '-' {
			return 0, false
		}
		s = s[:4]
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2200 {
		return 0, false
	}
	return y, true
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func indexed(prefix string, i int, rest string) string {
	return prefix + "[" + strconv.Itoa(i) + "]" + rest
}
