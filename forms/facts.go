package forms

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
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

// ConfidentialData reports whether confidential patient information flows
// in either direction: an identifiable product, or a cohort sent with
// direct identifiers. Then transparency evidence is due (R-L4, R-L7).
func (a *Application) ConfidentialData() bool {
	if a.Cohort.CarriesIdentifiers() {
		return true
	}
	for i := range a.Data.Products {
		if a.Data.Products[i].Identifiability == Identifiable {
			return true
		}
	}
	return false
}

// ConfidentialFlowsDeclared reports whether a flow carrying confidential
// patient information on its face is not declared free of it: then a
// privacy notice is due (R-L7). A flow the applicant states includes no
// confidential data (hashed identifiers, the deceased) is taken at its
// word, as the register records such approvals; legal-cldc-not-confidential
// asks why.
func (a *Application) ConfidentialFlowsDeclared() bool {
	if a.Cohort.CarriesIdentifiers() && a.cohortRoute() != CLDCNone {
		return true
	}
	for i := range a.Data.Products {
		p := &a.Data.Products[i]
		if p.Identifiability == Identifiable && a.productRoute(p) != CLDCNone {
			return true
		}
	}
	return false
}

func (a *Application) cohortRoute() CLDCRoute {
	if a.Cohort.Confidentiality != "" {
		return a.Cohort.Confidentiality
	}
	return a.Legal.CLDC
}

func (a *Application) productRoute(p *ProductRequest) CLDCRoute {
	if p.Confidentiality != "" {
		return p.Confidentiality
	}
	return a.Legal.CLDC
}

// RouteFlow is one direction of data whose common-law duty of
// confidentiality is judged on its own (R-L3): the cohort sent to NHS
// England, or a product sent back. Approved agreements show why: a cohort
// goes with consent or hashed identifiers while every product returned
// "does not include the flow of confidential data".
type RouteFlow struct {
	// What names the flow for a person.
	What string
	// Field is the route to set: the flow's own, or the application's
	// when the flow follows it.
	Field string
	// Route is the flow's own route, else the application's.
	Route CLDCRoute
	Own   bool
	// Confidential reports whether the flow carries confidential patient
	// information on its face: identifiable data, or direct identifiers.
	Confidential bool
	// Cohort marks the cohort's flow.
	Cohort bool
}

// ConfidentialityFlows lists the flows whose route is judged: the cohort
// (when one is sent) first, then each product.
func (a *Application) ConfidentialityFlows() []RouteFlow {
	var out []RouteFlow
	route := func(own CLDCRoute, ownField string) (CLDCRoute, string, bool) {
		if own != "" {
			return own, ownField, true
		}
		return a.Legal.CLDC, "legal_basis.cldc_route", false
	}
	if co := &a.Cohort; co.Needed {
		r, field, own := route(co.Confidentiality, "cohort.confidentiality")
		out = append(out, RouteFlow{What: "The cohort sent to NHS England", Field: field, Route: r, Own: own, Confidential: co.CarriesIdentifiers(), Cohort: true})
	}
	for i := range a.Data.Products {
		p := &a.Data.Products[i]
		r, field, own := route(p.Confidentiality, productPath(i, ".confidentiality"))
		out = append(out, RouteFlow{What: productLabel(p, i), Field: field, Route: r, Own: own, Confidential: p.Identifiability == Identifiable})
	}
	return out
}

// CarriesIdentifiers reports whether the cohort file holds direct
// identifiers (NHS number, date of birth, names, postcode). A cohort linked
// only on hashed NHS numbers, study IDs or other keys does not; one whose
// fields are not chosen yet is assumed to.
func (c *Cohort) CarriesIdentifiers() bool {
	if !c.Needed {
		return false
	}
	if len(c.ValidationFields) == 0 {
		return true
	}
	for _, f := range c.ValidationFields {
		if f.Direct() {
			return true
		}
	}
	return false
}

// UsesRoute reports whether the application or any flow's own route
// satisfies want.
func (a *Application) UsesRoute(want func(CLDCRoute) bool) bool {
	// Runs on every keystroke: no allocation, unlike ConfidentialityFlows.
	if want(a.Legal.CLDC) || (a.Cohort.Needed && a.Cohort.Confidentiality != "" && want(a.Cohort.Confidentiality)) {
		return true
	}
	for i := range a.Data.Products {
		if r := a.Data.Products[i].Confidentiality; r != "" && want(r) {
			return true
		}
	}
	return false
}

// UsesS251 reports whether any flow rests on s251 support, so the CAG
// reference, its scope and the National Data Opt-out apply (R-L6, R-L8).
func (a *Application) UsesS251() bool { return a.UsesRoute(CLDCRoute.S251) }

// UsesInformedConsent reports whether any flow rests on informed consent,
// so every version of the consent materials is listed (R-L5).
func (a *Application) UsesInformedConsent() bool {
	return a.UsesRoute(func(r CLDCRoute) bool { return r == CLDCConsent })
}

// RecordLevelOnly reports whether the request is record-level data that is
// anonymised to the ICO code and nothing more personal: no cohort, no
// identifiable or pseudonymised product.
func (a *Application) RecordLevelOnly() bool {
	if a.PersonalData() {
		return false
	}
	for i := range a.Data.Products {
		if a.Data.Products[i].Identifiability == AnonymisedICO {
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
	// Every product's name, on every keystroke: lower-cased into a buffer
	// on the stack, not a new string.
	var buf [160]byte
	n := append(buf[:0], ' ')
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			n = append(buf[:1], strings.ToLower(name)...)
			break
		}
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		n = append(n, c)
	}
	n = append(n, ' ')
	for _, w := range gpDataWords {
		if bytes.Contains(n, w) {
			return true
		}
	}
	return false
}

var gpDataWords = [][]byte{[]byte(" gp "), []byte(" gp)"), []byte("(gp "), []byte("gpes"), []byte("gpdpr"), []byte("general practice"), []byte("primary care records"), []byte("gp data")}

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
