package forms

import (
	"errors"
	"regexp"
	"strings"
)

// References as approved agreements write them. Several committees have
// issued them over the years, so each recogniser knows the older shapes
// too; a shape none of them knows is at most advice, never a blocker.

// ErrDARSReference explains the expected reference form (R-P6).
var ErrDARSReference = errors.New("a DARS reference looks like DARS-NIC-116377-L5J9M, optionally with a version such as -v2.1")

// darsRefPattern takes the register's DARS-NIC-… form and the bare NIC-…
// form of older agreements, with an optional version.
var darsRefPattern = regexp.MustCompile(`^(DARS-)?NIC-[0-9]+-[A-Z0-9]{5}(-v[0-9]+(\.[0-9]+)*)?$`)

// ValidateDARSReference checks the form of a DARS reference; empty is allowed
// because a reference is issued only after the enquiry (R-P6).
func ValidateDARSReference(s string) error {
	s = strings.TrimSpace(s)
	if s == "" || darsRefPattern.MatchString(s) {
		return nil
	}
	return ErrDARSReference
}

// ErrCAGReference explains the expected form of a CAG reference (R-L6).
var ErrCAGReference = errors.New("a CAG reference looks like 18/CAG/0038; support given before 2013 has an ECC or PIAG reference such as ECC 5-05 (a)/2012 or PIAG 4-08(b)/2003")

// cagRefPatterns are the shapes of s251 support references: the
// Confidentiality Advisory Group's since 2013, and the Ethics and
// Confidentiality Committee's and Patient Information Advisory Group's
// before it (also CAG's early "CAG 8-03(PR11)/2013" form).
var cagRefPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b[0-9]{2}\s*/\s*CAG\s*/\s*[0-9]{4}\b`),
	regexp.MustCompile(`(?i)\b(ECC|PIAG|CAG)\s*[0-9]{1,2}\s*-\s*[0-9]{1,2}\s*\(\s*[A-Z0-9]{1,6}\s*\)\s*/\s*(19|20)[0-9]{2}\b`),
	regexp.MustCompile(`(?i)\b(ECC|PIAG)\s*[0-9]{1,2}\s*-\s*[0-9]{1,2}\s*/\s*(19|20)[0-9]{2}\b`),
	regexp.MustCompile(`(?i)\bCR\s*[0-9]{1,3}\s*/\s*(19|20)[0-9]{2}\b`),
}

// CAGReferences finds every s251 support reference in s (an application
// may cite an old PIAG approval and the CAG amendment that carried it on).
func CAGReferences(s string) []string {
	return findAll(cagRefPatterns, s)
}

// ValidateCAGReference checks the form of a CAG reference; empty is allowed
// (whether one is needed is a readiness check, not a typing error).
func ValidateCAGReference(s string) error {
	if strings.TrimSpace(s) == "" || len(CAGReferences(s)) > 0 {
		return nil
	}
	return ErrCAGReference
}

// ErrRECReference explains the expected form of a REC reference (R-U4).
var ErrRECReference = errors.New("a REC reference looks like 26/NW/0123; older ones look like 05/MRE04/87 or 04/Q0108/125")

// recRefPatterns: the HRA's current form (year, committee letters, number)
// and the older committee-code forms of MRECs and LRECs.
var recRefPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b[0-9]{2}\s*/\s*[A-Z]{2}\s*/\s*[0-9]{4}\b`),
	regexp.MustCompile(`(?i)\b[0-9]{2}\s*/\s*(MRE|MREC)\s*[0-9]{1,2}\s*/\s*[0-9]{1,4}\b`),
	regexp.MustCompile(`(?i)\b[0-9]{2}\s*/\s*[A-Z][0-9]{3,4}\s*/\s*[0-9]{1,4}\b`),
	regexp.MustCompile(`(?i)\bMREC\s*/\s*[0-9]{2}\s*/\s*[0-9]{1,2}\s*/\s*[0-9]{1,4}\b`),
}

// RECReferences finds every REC reference in s.
func RECReferences(s string) []string { return findAll(recRefPatterns, s) }

// ValidateRECReference checks the form of a REC reference; empty is allowed.
func ValidateRECReference(s string) error {
	if strings.TrimSpace(s) == "" || len(RECReferences(s)) > 0 {
		return nil
	}
	return ErrRECReference
}

func findAll(ps []*regexp.Regexp, s string) []string {
	var out []string
	for _, p := range ps {
		for _, m := range p.FindAllString(s, -1) {
			out = appendUnique(out, strings.TrimSpace(m))
		}
	}
	return out
}

// gatewayWords are what a dissemination gateway names: a section of the
// Health and Social Care Act 2012 (s261), the NHS Act 2006 (s251), the
// Control of Patient Information Regulations, or consent.
var gatewayPattern = regexp.MustCompile(`(?i)(\bs\s*26[01]\b|\bs\s*26[01]\s*\(|section\s*26[01]|\bs\s*251\b|section\s*251|\bs\s*42\b|health and social care act|nhs act 2006|national health service act|control of patient information|regulation\s*[35]\b|statistics and registration service act|consent)`)

// ValidateGateway checks that a dissemination gateway names a law or
// consent; empty is allowed.
func ValidateGateway(s string) error {
	if strings.TrimSpace(s) == "" || gatewayPattern.MatchString(s) {
		return nil
	}
	return ErrGateway
}

// ErrGateway explains what a dissemination gateway names.
var ErrGateway = errors.New("a dissemination gateway names the law NHS England releases the data under, such as Health and Social Care Act 2012 – s261(2)(b)(ii)")
