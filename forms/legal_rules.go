package forms

import (
	"errors"
	"regexp"
	"strings"
)

// ErrCAGReference explains the expected form of a CAG reference (R-L6).
var ErrCAGReference = errors.New("a CAG reference looks like 18/CAG/0038 (year, CAG, four digits)")

var cagRefPattern = regexp.MustCompile(`^[0-9]{2}/CAG/[0-9]{4}$`)

// ValidateCAGReference checks the form of a CAG reference; empty is allowed
// (whether one is needed is a readiness check, not a typing error).
func ValidateCAGReference(s string) error {
	s = strings.TrimSpace(s)
	if s == "" || cagRefPattern.MatchString(strings.ToUpper(s)) {
		return nil
	}
	return ErrCAGReference
}

func legalChecks() []Check {
	return []Check{
		{
			ID: "legal-article6", Requirements: []string{"R-L1"}, Severity: Blocker, Section: SectionLegal,
			Title: "Personal data has a UK GDPR Article 6 basis",
			Eval: func(c *Context) []Hit {
				if c.App.Legal.Article6 == "" && c.App.PersonalData() {
					return hit("legal_basis.article6", "The request includes personal data: choose its UK GDPR Article 6 basis (research bodies usually rely on 6(1)(e), public task).")
				}
				return nil
			},
		},
		{
			ID: "legal-article9", Requirements: []string{"R-L2"}, Severity: Blocker, Section: SectionLegal,
			Title: "Health data has a UK GDPR Article 9 condition",
			Eval: func(c *Context) []Hit {
				if c.App.Legal.Article9 == "" && c.App.PersonalData() {
					return hit("legal_basis.article9", "Health data is special category data: choose its Article 9 condition (usually 9(2)(j) for research, 9(2)(h) or 9(2)(i) otherwise).")
				}
				return nil
			},
		},
		{
			ID: "legal-cldc", Requirements: []string{"R-L3", "R-L4"}, Severity: Blocker, Section: SectionLegal,
			Title: "Confidential patient information has a common-law basis",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if !c.App.ConfidentialData() {
					return nil
				}
				switch l.CLDC {
				case "", CLDCNone:
					return hit("legal_basis.cldc_route", "Identifiable data or a cohort of named people is confidential patient information: choose how the duty of confidentiality is met (consent or s251 support).")
				case CLDCOther:
					if blank(l.CLDCExplanation) {
						return hit("legal_basis.cldc_explanation", "Explain the other route that sets aside confidentiality (the statute or court order) and how it covers this flow.")
					}
				}
				return nil
			},
		},
		{
			ID: "legal-identifiable-reasons", Requirements: []string{"R-L4"}, Severity: Warning, Section: SectionLegal,
			Title: "Identifiable data under another route is explained",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if l.CLDC == CLDCOther && c.App.ConfidentialData() && blank(l.IdentifiableReasons) {
					return hit("legal_basis.identifiable_reasons", "Identifiable items normally need consent or s251 support. Say why they are needed and what evidence covers them under the route you chose.")
				}
				return nil
			},
		},
		{
			ID: "legal-transparency", Requirements: []string{"R-L7"}, Severity: Blocker, Section: SectionLegal,
			Title: "Identifiable data has a published privacy notice",
			Eval: func(c *Context) []Hit {
				if c.App.ConfidentialData() && blank(c.App.Legal.PrivacyNoticeURL) {
					return hit("legal_basis.privacy_notice_url", "Give the web address of the published privacy or transparency notice that tells participants how their data is used.")
				}
				return nil
			},
		},
		{
			ID: "legal-cag-reference", Requirements: []string{"R-L6"}, Severity: Blocker, Section: SectionLegal,
			Title: "Section 251 support gives its CAG reference",
			Eval: func(c *Context) []Hit {
				if c.App.Legal.CLDC == CLDCS251 && blank(c.App.Legal.CAGReference) {
					return hit("legal_basis.cag_reference", "Give the CAG reference of your section 251 support, for example 18/CAG/0038, and add the approval letters to the evidence.")
				}
				return nil
			},
		},
		{
			ID: "legal-cag-reference-form", Requirements: []string{"R-L6"}, Severity: Warning, Section: SectionLegal,
			Title: "The CAG reference looks like NN/CAG/NNNN",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if l.CLDC == CLDCS251 {
					if err := ValidateCAGReference(l.CAGReference); err != nil {
						return hit("legal_basis.cag_reference", "The CAG reference does not look right: "+err.Error()+". Copy it from the CAG approval letter or register.")
					}
				}
				return nil
			},
		},
		{
			ID: "legal-s251-support", Requirements: []string{"R-L6"}, Severity: Blocker, Section: SectionLegal,
			Title: "Section 251 support is current and its scope covers this request",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if l.CLDC != CLDCS251 {
					return nil
				}
				var hs []Hit
				if blank(l.S251Scope) {
					hs = append(hs, Hit{"legal_basis.s251_scope", "Say what the s251 support covers: NHS England's receipt, linkage and release of the data, for this purpose, with any amendments."})
				}
				if !l.S251SupportCurrent {
					hs = append(hs, Hit{"legal_basis.s251_support_current", "Confirm the s251 support is current: check the CAG register entry and the latest annual review, and add them to the evidence."})
				}
				return hs
			},
		},
		{
			ID: "legal-opt-out", Requirements: []string{"R-L8"}, Severity: Blocker, Section: SectionLegal,
			Title: "Under s251 the National Data Opt-out is acknowledged",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if l.CLDC == CLDCS251 && !l.OptOutAcknowledged {
					return hit("legal_basis.opt_out_acknowledged", "Under s251 support NHS England removes people who registered a National Data Opt-out before release. Confirm you expect and can handle the missing records.")
				}
				return nil
			},
		},
		{
			ID: "legal-consent-materials", Requirements: []string{"R-L5"}, Severity: Blocker, Section: SectionLegal,
			Title: "Consent lists every version of the information sheet and consent form with its period",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if l.CLDC != CLDCConsent {
					return nil
				}
				if len(l.ConsentMaterials) == 0 {
					return hit("legal_basis.consent_materials", "List every version of the participant information sheet and consent form used, with the dates each was in use.")
				}
				var hs []Hit
				var sheet, form bool
				for i, m := range l.ConsentMaterials {
					p := func(rest string) string { return indexed("legal_basis.consent_materials", i, rest) }
					switch m.Kind {
					case "information-sheet":
						sheet = true
					case "consent-form":
						form = true
					default:
						hs = append(hs, Hit{p(".kind"), "Say whether consent material " + itoa(i+1) + " is an information sheet or a consent form."})
					}
					if blank(m.Version) {
						hs = append(hs, Hit{p(".version"), "Give the version number of consent material " + itoa(i+1) + ", as printed on it."})
					}
					if m.From.IsZero() {
						hs = append(hs, Hit{p(".used_from"), "Give the date consent material " + itoa(i+1) + " came into use."})
					} else if !m.To.IsZero() && m.To.Before(m.From) {
						hs = append(hs, Hit{p(".used_to"), "Consent material " + itoa(i+1) + " stops being used before it starts; check the dates."})
					}
				}
				if !sheet {
					hs = append(hs, Hit{"legal_basis.consent_materials", "Add the participant information sheet versions as well as the consent forms."})
				}
				if !form {
					hs = append(hs, Hit{"legal_basis.consent_materials", "Add the consent form versions as well as the information sheets."})
				}
				return hs
			},
		},
		{
			ID: "legal-cohort-contact", Requirements: []string{"R-L5"}, Severity: Warning, Section: SectionLegal,
			Title: "Consent says how contact with the cohort is kept",
			Eval: func(c *Context) []Hit {
				if c.App.Legal.CLDC == CLDCConsent && blank(c.App.Legal.CohortContact) {
					return hit("legal_basis.cohort_contact", "Say how you keep in touch with participants (newsletters, a study website), so DARS can judge that consent is still understood.")
				}
				return nil
			},
		},
	}
}
