package forms

import "strings"

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
			// Record-level data anonymised to the ICO code is not personal
			// data in the applicant's hands, so the articles cannot block;
			// NHS England still records them on such agreements.
			ID: "legal-articles-record-level", Requirements: []string{"R-L1", "R-L2"}, Severity: Warning, Section: SectionLegal,
			Title: "Record-level data anonymised to the ICO code states its UK GDPR basis",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if !c.App.RecordLevelOnly() || (l.Article6 != "" && l.Article9 != "") {
					return nil
				}
				field := "legal_basis.article6"
				if l.Article6 != "" {
					field = "legal_basis.article9"
				}
				return hit(field, "The products are record-level data anonymised to the ICO code. NHS England's agreements for such data still state the UK GDPR Article 6 basis and Article 9 condition (usually 6(1)(e) and 9(2)(j) or 9(2)(h)): give them.")
			},
		},
		{
			ID: "legal-article-duplicates", Requirements: []string{"R-L1", "R-L2"}, Severity: Advice, Section: SectionLegal,
			Title: "Further Article 6 bases and Article 9 conditions are not repeats",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				var hs []Hit
				for i, v := range l.Article6Additional {
					if v == l.Article6 || v == "" {
						hs = append(hs, Hit{indexed("legal_basis.article6_additional", i, ""), "Further Article 6 basis " + itoa(i+1) + " repeats the main basis or is empty: remove it."})
					}
				}
				for i, v := range l.Article9Additional {
					if v == l.Article9 || v == "" {
						hs = append(hs, Hit{indexed("legal_basis.article9_additional", i, ""), "Further Article 9 condition " + itoa(i+1) + " repeats the main condition or is empty: remove it."})
					}
				}
				return hs
			},
		},
		{
			ID: "legal-cldc", Requirements: []string{"R-L3", "R-L4"}, Severity: Blocker, Section: SectionLegal,
			Title: "Confidential patient information has a common-law basis",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				asked := map[string]bool{}
				for _, f := range c.confidentialityFlows() {
					if !f.Confidential || f.Route != "" || asked[f.Field] {
						continue
					}
					asked[f.Field] = true
					what := f.What + " is identifiable"
					if f.Cohort {
						what = f.What + " carries direct identifiers"
					}
					if f.Own {
						hs = append(hs, Hit{f.Field, what + ": choose how its flow meets the duty of confidentiality (consent, s251 support, a statutory exemption), or that it includes no confidential data."})
					} else {
						hs = append(hs, Hit{f.Field, what + ", so confidential patient information flows: choose how the duty of confidentiality is met (consent, s251 support, a statutory exemption), or that no confidential data flows."})
					}
				}
				if c.App.UsesRoute(func(r CLDCRoute) bool { return r == CLDCOther }) && blank(c.App.Legal.CLDCExplanation) {
					hs = append(hs, Hit{"legal_basis.cldc_explanation", "Explain the other route that sets aside confidentiality (the court order or law) and how it covers this flow."})
				}
				return hs
			},
		},
		{
			// A flow stated not to be confidential is taken at its word: the
			// register shows approvals of hashed cohorts and of data about
			// the deceased on that route. It only needs saying why.
			ID: "legal-cldc-not-confidential", Requirements: []string{"R-L3", "R-L4"}, Severity: Warning, Section: SectionLegal,
			Title: "Identifiable data said to include no confidential data is explained",
			Eval: func(c *Context) []Hit {
				if !blank(c.App.Legal.CLDCExplanation) {
					return nil
				}
				for _, f := range c.confidentialityFlows() {
					if f.Confidential && f.Route == CLDCNone {
						how := "is identifiable"
						if f.Cohort {
							how = "carries NHS numbers or other direct identifiers"
						}
						return hit("legal_basis.cldc_explanation", f.What+" "+how+" but is said to include no confidential data. Say why in the explanation (for example the identifiers are hashed before they are sent, or the data is about people who have died); if it is confidential, choose its route.")
					}
				}
				return nil
			},
		},
		{
			ID: "legal-statutory-basis", Requirements: []string{"R-L3"}, Severity: Warning, Section: SectionLegal,
			Title: "A statutory exemption names the law it rests on",
			Eval: func(c *Context) []Hit {
				if c.App.UsesRoute(func(r CLDCRoute) bool { return r == CLDCStatutory }) && blank(c.App.Legal.CLDCExplanation) {
					return hit("legal_basis.cldc_explanation", "Name the statutory exemption the flow rests on, for example regulation 3 of the Health Service (Control of Patient Information) Regulations 2002, or a direction under the Health and Social Care Act 2012.")
				}
				return nil
			},
		},
		{
			ID: "legal-product-route", Requirements: []string{"R-L3", "R-D2"}, Severity: Warning, Section: SectionLegal,
			Title: "Each product's confidentiality route agrees with the application's",
			Eval: func(c *Context) []Hit {
				app := c.App.Legal.CLDC
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					if routesAgree(app, p.Confidentiality) {
						continue
					}
					hs = append(hs, Hit{productPath(i, ".confidentiality"), productLabel(p, i) + " flows under " + strings.ToLower(LabelOf(CLDCChoices, string(p.Confidentiality))) + ", but the application's route is " + strings.ToLower(LabelOf(CLDCChoices, string(app))) + ". Make them agree, or choose the mixture route if some flows have s251 support and others are not confidential."})
				}
				if co := &c.App.Cohort; co.Needed && !routesAgree(app, co.Confidentiality) {
					hs = append(hs, Hit{"cohort.confidentiality", "The cohort is sent under " + strings.ToLower(LabelOf(CLDCChoices, string(co.Confidentiality))) + ", but the application's route is " + strings.ToLower(LabelOf(CLDCChoices, string(app))) + ". Check which route the cohort's own flow rests on."})
				}
				return hs
			},
		},
		{
			ID: "legal-identifiable-reasons", Requirements: []string{"R-L4"}, Severity: Warning, Section: SectionLegal,
			Title: "Identifiable data under another route is explained",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if l.CLDC == CLDCOther && c.App.ConfidentialFlowsDeclared() && blank(l.IdentifiableReasons) {
					return hit("legal_basis.identifiable_reasons", "Identifiable items normally need consent or s251 support. Say why they are needed and what evidence covers them under the route you chose.")
				}
				return nil
			},
		},
		{
			ID: "legal-transparency", Requirements: []string{"R-L7"}, Severity: Blocker, Section: SectionLegal,
			Title: "Identifiable data has a published privacy notice",
			Eval: func(c *Context) []Hit {
				if c.App.ConfidentialFlowsDeclared() && blank(c.App.Legal.PrivacyNoticeURL) {
					return hit("legal_basis.privacy_notice_url", "Give the web address of the published privacy or transparency notice that tells people in the cohort how their data is used.")
				}
				return nil
			},
		},
		{
			ID: "legal-cag-reference", Requirements: []string{"R-L6"}, Severity: Blocker, Section: SectionLegal,
			Title: "Section 251 support gives its CAG reference",
			Eval: func(c *Context) []Hit {
				if c.App.UsesS251() && blank(c.App.Legal.CAGReference) {
					return hit("legal_basis.cag_reference", "Give the reference of your section 251 support, for example 18/CAG/0038 (or ECC 5-05 (a)/2012 or PIAG 4-08(b)/2003 for support given before 2013), and add the approval letters to the evidence.")
				}
				return nil
			},
		},
		{
			ID: "legal-cag-reference-form", Requirements: []string{"R-L6"}, Severity: Advice, Section: SectionLegal,
			Title: "The s251 support reference has a recognised shape",
			Eval: func(c *Context) []Hit {
				l := &c.App.Legal
				if c.App.UsesS251() {
					if err := ValidateCAGReference(l.CAGReference); err != nil {
						return hit("legal_basis.cag_reference", "The reference does not have a shape this app knows: "+err.Error()+". Check it against the CAG approval letter or register.")
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
				if !c.App.UsesS251() {
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
				if c.App.UsesS251() && !l.OptOutAcknowledged {
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
				if !c.App.UsesInformedConsent() {
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
				if c.App.UsesInformedConsent() && blank(c.App.Legal.CohortContact) {
					return hit("legal_basis.cohort_contact", "Say how you keep in touch with participants (newsletters, a study website), so DARS can judge that consent is still understood.")
				}
				return nil
			},
		},
		{
			// The register's "Consent (Reasonable Expectation)" covers care
			// people expect as well as research consent, so the consent
			// materials are asked for, not required, and only of research.
			ID: "legal-consent-expectation", Requirements: []string{"R-L5"}, Severity: Warning, Section: SectionLegal,
			Title: "Research under Consent (Reasonable Expectation) lists its consent materials",
			Eval: func(c *Context) []Hit {
				a := c.App
				if !a.Purpose.IsResearch || a.UsesInformedConsent() || len(a.Legal.ConsentMaterials) > 0 || !blank(a.Legal.CLDCExplanation) {
					return nil
				}
				if a.UsesRoute(func(r CLDCRoute) bool { return r == CLDCReasonableExpectation }) {
					return hit("legal_basis.consent_materials", "The research rests on Consent (Reasonable Expectation). If participants gave consent, list each version of the information sheet and consent form; if the use rests on what people reasonably expect, say so in the explanation.")
				}
				return nil
			},
		},
	}
}

// routesAgree reports whether a flow's own route fits the application's: it
// follows it, matches it, carries no confidential data, or is one of the
// flows a mixture or a consent route brings together.
func routesAgree(app, own CLDCRoute) bool {
	switch {
	case own == "" || app == "" || own == app || own == CLDCNone:
		return true
	case app == CLDCMixture:
		return own == CLDCS251
	case app.Consent() && own.Consent():
		return true
	}
	return false
}
