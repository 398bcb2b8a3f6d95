package forms

import "strings"

// LibraryRisk is a common risk of DARS-type processing with suggested
// measures. Adding one to a draft copies it (NewRisk): the copy is the
// user's to edit, and later changes to the library never touch it.
type LibraryRisk struct {
	ID                 string
	Title              string
	Source             string
	Harm               string
	Likelihood         Likelihood
	Severity           HarmSeverity
	Measures           []string
	Effect             RiskEffect
	ResidualLikelihood Likelihood
	ResidualSeverity   HarmSeverity
	// When says in words when the risk applies; Applies decides it.
	When    string
	applies func(a *Application) bool
}

// Applies reports whether the risk is likely relevant to the application.
func (l LibraryRisk) Applies(a *Application) bool { return l.applies == nil || l.applies(a) }

// NewRisk copies the library entry into a register entry with fresh IDs.
func (l LibraryRisk) NewRisk() DPIARisk {
	r := DPIARisk{
		ID: NewID(), LibraryID: l.ID, Title: l.Title, Source: l.Source, Harm: l.Harm,
		Likelihood: l.Likelihood, Severity: l.Severity, Effect: l.Effect,
		ResidualLikelihood: l.ResidualLikelihood, ResidualSeverity: l.ResidualSeverity,
	}
	for _, m := range l.Measures {
		r.Measures = append(r.Measures, DPIAMeasure{ID: NewID(), Text: m})
	}
	return r
}

// LibraryRiskByID finds a library entry; ok is false for an unknown ID.
func LibraryRiskByID(id string) (LibraryRisk, bool) {
	for _, l := range RiskLibrary {
		if l.ID == id {
			return l, true
		}
	}
	return LibraryRisk{}, false
}

// SuggestedRisks lists the library entries that apply to the application and
// are not yet in its register.
func SuggestedRisks(a *Application) []LibraryRisk {
	have := map[string]bool{}
	for _, r := range a.DPIA.Risks {
		have[r.LibraryID] = true
	}
	var out []LibraryRisk
	for _, l := range RiskLibrary {
		if l.Applies(a) && !have[l.ID] {
			out = append(out, l)
		}
	}
	return out
}

func dpiaHasProcessorOrCloud(a *Application) bool {
	if len(dpiaProcessorNames(a)) > 0 {
		return true
	}
	for _, l := range a.Locations {
		if strings.TrimSpace(l.CloudProvider) != "" {
			return true
		}
	}
	return false
}

func dpiaOutsideUK(a *Application) bool {
	if a.Territory == TerritoryUKEEA || a.Territory == TerritoryWorldwide {
		return true
	}
	for _, l := range a.Locations {
		if !dpiaInUK(l.Country) {
			return true
		}
	}
	return false
}

// RiskLibrary is the library of common risks, in the order offered.
var RiskLibrary = []LibraryRisk{
	{
		ID: "small-numbers", Title: "Re-identification from small numbers in outputs",
		Source:     "Tables, figures or papers published from the analysis that show counts of very few people, or rare combinations of age, place and condition.",
		Harm:       "Someone who knows a participant could recognise them in a published table and learn about their health.",
		Likelihood: Possible, Severity: Significant,
		Measures: []string{
			"Suppress counts below 10, and any figure from which a suppressed count could be worked out, before anything leaves the secure environment.",
			"A second analyst checks every output against the disclosure rules before release.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Significant,
		When: "Always: every study publishes outputs.",
	},
	{
		ID: "excessive-fields", Title: "More fields or years than the purpose needs",
		Source:     "Fields, identifiers or years of data requested beyond what the analysis uses.",
		Harm:       "More is known about each person than the purpose justifies, so any breach or misuse reveals more.",
		Likelihood: Possible, Severity: Significant,
		Measures: []string{
			"Check every field and year against the protocol and record why it is needed (R-D3).",
			"Leave out direct identifiers; receive data pseudonymised where the analysis allows.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Minimal,
		When: "Always.",
	},
	{
		ID: "applicant-access", Title: "Unauthorised access by staff at the applicant",
		Source:     "People at the applicant's organisation who are not named on the application, or named users browsing beyond their task.",
		Harm:       "Loss of confidentiality: people's health records seen by those with no reason to see them.",
		Likelihood: Possible, Severity: Severe,
		Measures: []string{
			"Hold the data only in a secure research environment with role-based access for the named users (R-O6).",
			"Log every access and review the logs each quarter.",
			"Every user completes data protection training and signs a confidentiality agreement.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Severe,
		When: "Always.",
	},
	{
		ID: "processor-access", Title: "Unauthorised access at a processor",
		Source:     "Staff or systems of a data processor or cloud provider that hosts or handles the data.",
		Harm:       "Loss of confidentiality, or data used for the processor's own ends, without the controller knowing.",
		Likelihood: Possible, Severity: Severe,
		Measures: []string{
			"A written contract under UK GDPR Article 28 that limits the processor to the controller's instructions.",
			"Check the processor's DSPT status (standards met) or ISO 27001 certificate each year (R-O3).",
			"Encrypt data at rest with keys the controller holds.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Severe,
		When:    "When a processor or cloud provider is involved.",
		applies: dpiaHasProcessorOrCloud,
	},
	{
		ID: "transfer-outside", Title: "Transfer or access outside the territory",
		Source:     "Storage, processing or remote access from a country outside the declared territory or the UK, including staff travelling abroad.",
		Harm:       "People lose the protection of UK law over their data; foreign authorities may be able to compel access.",
		Likelihood: Possible, Severity: Severe,
		Measures: []string{
			"Keep storage and processing in the declared territory; block access from other countries in the secure environment.",
			"Where access from abroad is needed, complete a transfer risk assessment and put an approved transfer mechanism in place (R-T3).",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Severe,
		When:    "When a location is outside the UK or the territory goes beyond it.",
		applies: dpiaOutsideUK,
	},
	{
		ID: "linkage-errors", Title: "Linkage errors",
		Source:     "Matching the cohort to national data sets on NHS number, date of birth, postcode and similar fields.",
		Harm:       "Another person's records are joined to a participant's and disclosed to the study, or true matches are missed and results mislead care.",
		Likelihood: Possible, Severity: Significant,
		Measures: []string{
			"Validate matches on NHS number with date of birth and postcode, and review NHS England's match report.",
			"Leave out low-confidence matches and report match rates with the results.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Significant,
		When:    "When a cohort is linked.",
		applies: func(a *Application) bool { return a.Cohort.Needed },
	},
	{
		ID: "loss-in-transit", Title: "Loss or interception in transit",
		Source:     "The cohort file or the data extract while it travels between organisations.",
		Harm:       "Identifiable or pseudonymised records exposed to whoever intercepts or finds them.",
		Likelihood: Remote, Severity: Severe,
		Measures: []string{
			"Send files only by NHS England's secure electronic file transfer or use the Secure Data Environment (R-T5); never by email or removable media.",
			"Encrypt the cohort file before it is sent.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Significant,
		When: "Always: data or a cohort file moves between organisations.",
	},
	{
		ID: "retention", Title: "Data kept beyond the data sharing agreement",
		Source:     "Copies, backups and derived files left after the DSA ends or the study closes.",
		Harm:       "Data held with no lawful basis, exposed to loss or misuse for longer than people were told.",
		Likelihood: Possible, Severity: Significant,
		Measures: []string{
			"Keep a register of every copy, including backups.",
			"Ask for renewal at least one month before the DSA ends, or destroy all copies and send the certificate of destruction within 14 days (R-A2).",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Significant,
		When: "Always.",
	},
	{
		ID: "re-identification", Title: "Re-identification of pseudonymised records",
		Source:     "Pseudonymised records combined with other data the team holds, or with rare characteristics.",
		Harm:       "Pseudonymised people are identified again, and their health information disclosed.",
		Likelihood: Possible, Severity: Severe,
		Measures: []string{
			"Keep any key that links pseudonyms to people apart from the analysis data and the analysts.",
			"Link no other data set without a new approval; the DSA forbids attempts to re-identify.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Severe,
		When: "When pseudonymised data is requested.",
		applies: func(a *Application) bool {
			for _, p := range a.Data.Products {
				if p.Identifiability == Pseudonymised {
					return true
				}
			}
			return false
		},
	},
	{
		ID: "function-creep", Title: "Use beyond the stated purpose",
		Source:     "Reuse of the extract for questions the application did not state.",
		Harm:       "People's data used in ways they were not told of and could not object to.",
		Likelihood: Possible, Severity: Significant,
		Measures: []string{
			"Record the purpose in the DSA and brief every user on it.",
			"Make a new application or amendment before any new use.",
		},
		Effect: Reduced, ResidualLikelihood: Remote, ResidualSeverity: Significant,
		When: "Always.",
	},
	{
		ID: "people-unaware", Title: "People unaware their data is used",
		Source:     "Processing under s251 without consent, or without a published privacy notice.",
		Harm:       "People cannot exercise their rights or object, and lose trust when they learn of the use.",
		Likelihood: Probable, Severity: Minimal,
		Measures: []string{
			"Publish a privacy notice that names the data, the purpose and how to object (R-L7).",
			"Apply the National Data Opt-out (R-L8).",
		},
		Effect: Reduced, ResidualLikelihood: Possible, ResidualSeverity: Minimal,
		When: "When data flows under s251 or no privacy notice is published.",
		applies: func(a *Application) bool {
			return a.UsesS251() || strings.TrimSpace(a.Legal.PrivacyNoticeURL) == ""
		},
	},
}
