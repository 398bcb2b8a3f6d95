package forms

import (
	"fmt"
	"strings"
)

// Requirement is one evidence item the answers call for (R-E3), with the
// reason: the requirement it serves and the answer that triggered it.
type Requirement struct {
	// Key is stable for the same answers, so an evidence item can record
	// which requirement it satisfies (EvidenceItem.Satisfies).
	Key  string
	Type EvidenceType
	// Title is the suggested title for a new item.
	Title   string
	Version string
	// Period is the time a consent document version was in use (R-L5).
	Period string
	// Rule is the group of rules that raised it; one readiness check per rule.
	Rule          string
	RequirementID string
	// Because names the answer that triggered the requirement, in words.
	Because string
	// Field is the path of that answer, for "open this field".
	Field string
	// Item is the index in Application.Evidence of the item that meets the
	// requirement, or -1 when none does.
	Item int
	// MetBy names the part of the draft that meets the requirement itself
	// (the DPIA and the data flow map are written here and exported with
	// the pack), or "" when a document must be attached.
	MetBy string
}

// Met reports whether an evidence item is recorded for the requirement and
// is not itself marked missing.
func (r Requirement) Met(a *Application) bool {
	if r.MetBy != "" {
		return true
	}
	if r.Item < 0 || r.Item >= len(a.Evidence) {
		return false
	}
	e := a.Evidence[r.Item]
	return e.Status != EvidenceMissing && (e.Status != "" || e.File != nil)
}

// Evidence statuses.
const (
	EvidenceMissing EvidenceStatus = "missing"
	EvidenceDraft   EvidenceStatus = "draft"
	EvidenceFinal   EvidenceStatus = "final"
)

// Evidence types the rules ask for (R-E1).
const (
	EvProtocol      EvidenceType = "protocol"
	EvREC           EvidenceType = "rec-review"
	EvConsentForm   EvidenceType = "consent-form"
	EvInfoSheet     EvidenceType = "information-sheet"
	EvS251          EvidenceType = "s251-support"
	EvIRAS          EvidenceType = "iras"
	EvDPIA          EvidenceType = "dpia"
	EvDataFlowMap   EvidenceType = "data-flow-map"
	EvPrivacyNotice EvidenceType = "privacy-notice"
	EvFunding       EvidenceType = "funding-letter"
	EvOther         EvidenceType = "other"
)

// Label is the evidence type as a person reads it.
func (t EvidenceType) Label() string { return LabelOf(EvidenceTypeChoices, string(t)) }

// Label is the status as a person reads it.
func (s EvidenceStatus) Label() string { return LabelOf(EvidenceStatusChoices, string(s)) }

// Rule groups: each becomes one readiness check with its requirement IDs.
const (
	ruleConsent  = "consent"
	ruleS251     = "s251"
	ruleResearch = "research"
	ruleFunding  = "funding"
	rulePrivacy  = "privacy-notice"
	ruleSupport  = "dpia-data-flow"
)

// RequiredEvidence lists every evidence item the answers require (R-E3), in
// a stable order, each matched against a.Evidence. An item that names the
// requirement it satisfies is matched first; otherwise the first unclaimed
// item of the same type (and version, where one is asked for) is used.
func RequiredEvidence(a *Application) []Requirement {
	var reqs []Requirement
	add := func(r Requirement) { reqs = append(reqs, r) }

	// Evidence follows every route in use: the application's, the
	// cohort's and each product's own (R-E3).
	if a.UsesInformedConsent() {
		because := "The confidentiality route is informed consent"
		if len(a.Legal.ConsentMaterials) == 0 {
			add(Requirement{Key: "consent-information-sheet", Type: EvInfoSheet, Title: "Participant information sheet", Rule: ruleConsent, RequirementID: "R-L5", Because: because + ": every version used is needed.", Field: "legal_basis.consent_materials"})
			add(Requirement{Key: "consent-form", Type: EvConsentForm, Title: "Consent form", Rule: ruleConsent, RequirementID: "R-L5", Because: because + ": every version used is needed.", Field: "legal_basis.consent_materials"})
		}
		for i, m := range a.Legal.ConsentMaterials {
			t := EvConsentForm
			if m.Kind == "information-sheet" {
				t = EvInfoSheet
			}
			title := t.Label()
			if m.Version != "" {
				title += " version " + m.Version
			}
			add(Requirement{
				Key: "consent-" + materialKey(i, m), Type: t, Title: title, Version: m.Version,
				Period: period(m.From, m.To), Rule: ruleConsent, RequirementID: "R-L5",
				Because: because + " and this version was used " + period(m.From, m.To) + ".",
				Field:   fmt.Sprintf("legal_basis.consent_materials[%d]", i),
			})
		}
	}
	if a.UsesS251() {
		because := "The confidentiality route is section 251 support"
		for _, s := range []struct{ key, title string }{
			{"s251-application", "Section 251 application and any amendments"},
			{"s251-approval", "CAG approval letters"},
			{"s251-reviewed-documents", "Documents reviewed by CAG"},
			{"s251-current", "Proof that s251 support is current (CAG register entry or latest annual review)"},
		} {
			add(Requirement{Key: s.key, Type: EvS251, Title: s.title, Rule: ruleS251, RequirementID: "R-L6", Because: because + ".", Field: "legal_basis.cldc_route"})
		}
	}

	p := a.Purpose
	if p.IsResearch {
		add(Requirement{Key: "protocol", Type: EvProtocol, Title: "Study protocol", Rule: ruleResearch, RequirementID: "R-U4", Because: "The purpose is research.", Field: "purpose.is_research"})
		if p.RECNeeded {
			add(Requirement{Key: "rec-favourable-opinion", Type: EvREC, Title: "REC favourable opinion", Rule: ruleResearch, RequirementID: "R-U4", Because: "The research needs Research Ethics Committee approval.", Field: "purpose.rec_approval_needed"})
		}
		if (p.RECNeeded && !predatesIRAS(p.RECReference)) || strings.TrimSpace(p.IRASReference) != "" {
			add(Requirement{Key: "iras", Type: EvIRAS, Title: "IRAS application reference", Rule: ruleResearch, RequirementID: "R-E1", Because: "Research approvals are sought through IRAS.", Field: "purpose.iras_reference"})
		}
		if p.FundingStatus == "awarded" || p.FundingStatus == "applied" {
			add(Requirement{Key: "funding", Type: EvFunding, Title: "Funding letter", Rule: ruleFunding, RequirementID: "R-U4", Because: "The research is funded (" + strings.ToLower(LabelOf(FundingChoices, string(p.FundingStatus))) + ").", Field: "purpose.funding_status"})
		}
	}

	for i, pr := range a.Data.Products {
		if pr.Identifiability == Identifiable && a.productRoute(&a.Data.Products[i]) != CLDCNone {
			add(Requirement{Key: "privacy-notice", Type: EvPrivacyNotice, Title: "Privacy notice", Rule: rulePrivacy, RequirementID: "R-L7", Because: "Identifiable data is requested (" + pr.Name + ").", Field: fmt.Sprintf("data.products[%d].identifiability", i)})
			break
		}
	}

	// The aggregate-only HES route keeps all record-level data on NHS
	// England's servers (R-D4): no flow of personal data for a DPIA or map.
	// Both are written in this app and exported with the pack, so once
	// their sections are started they need no separate upload.
	if !a.Data.AggregatedHESOnly {
		dpia := Requirement{Key: "dpia", Type: EvDPIA, Title: "Data protection impact assessment", Rule: ruleSupport, RequirementID: "R-T6", Because: "Data leaves NHS England, so a DPIA supports the application.", Field: "dpia"}
		if strings.TrimSpace(a.DPIA.Need) != "" {
			dpia.MetBy = "the DPIA section (exported as dpia.pdf)"
		}
		add(dpia)
		flow := Requirement{Key: "data-flow-map", Type: EvDataFlowMap, Title: "Data flow map", Rule: ruleSupport, RequirementID: "R-T6", Because: "Data leaves NHS England, so a data flow map shows where it goes.", Field: "data_flow"}
		if len(a.DataFlow.Flows) > 0 {
			flow.MetBy = "the Data flow map section (in the application PDF)"
		}
		add(flow)
	}

	match(a, reqs)
	return reqs
}

func match(a *Application, reqs []Requirement) {
	used := make([]bool, len(a.Evidence))
	for i := range reqs {
		reqs[i].Item = -1
		if reqs[i].MetBy != "" {
			continue
		}
		for j, e := range a.Evidence {
			if !used[j] && e.Satisfies == reqs[i].Key {
				reqs[i].Item, used[j] = j, true
				break
			}
		}
	}
	keys := map[string]bool{}
	for _, r := range reqs {
		keys[r.Key] = true
	}
	for i := range reqs {
		if reqs[i].Item >= 0 || reqs[i].MetBy != "" {
			continue
		}
		for j, e := range a.Evidence {
			if used[j] || keys[e.Satisfies] || e.Type != reqs[i].Type {
				continue
			}
			if reqs[i].Version != "" && strings.TrimSpace(e.Version) != reqs[i].Version {
				continue
			}
			reqs[i].Item, used[j] = j, true
			break
		}
	}
}

// materialKey keys a consent document by its version where it has one, so
// reordering the list keeps the link; position is the fallback.
func materialKey(i int, m ConsentMaterial) string {
	kind := string(m.Kind)
	if kind == "" {
		kind = "document"
	}
	if v := strings.TrimSpace(m.Version); v != "" {
		return kind + "-v" + v
	}
	return fmt.Sprintf("%s-%d", kind, i+1)
}

func period(from, to Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "(period not given)"
	case to.IsZero():
		return "from " + from.Human() + " onwards"
	case from.IsZero():
		return "until " + to.Human()
	}
	return "from " + from.Human() + " to " + to.Human()
}

// NewEvidenceFor returns a fresh evidence item that meets requirement r, for
// the checklist's "add" action.
func NewEvidenceFor(r Requirement) EvidenceItem {
	return EvidenceItem{ID: NewID(), Type: r.Type, Title: r.Title, Version: r.Version, Status: EvidenceDraft, Satisfies: r.Key}
}

// EvidenceProgress counts the required items that are recorded and final,
// out of all required, for the checklist and the draft's readiness.
func EvidenceProgress(a *Application) (done, total int) {
	for _, r := range RequiredEvidence(a) {
		total++
		if r.MetBy != "" || (r.Met(a) && a.Evidence[r.Item].Status == EvidenceFinal) {
			done++
		}
	}
	return done, total
}

// iRASLaunch is the year IRAS opened; ethics approvals given before it
// (an MREC reference such as 05/MRE04/87) have no IRAS application.
const iRASLaunch = 2008

// predatesIRAS reports whether a REC reference shows an approval from
// before IRAS existed: its leading two digits are the year.
func predatesIRAS(ref string) bool {
	for _, r := range RECReferences(ref) {
		r = strings.TrimSpace(r)
		if strings.HasPrefix(strings.ToUpper(r), "MREC") {
			return true
		}
		if len(r) >= 2 && isDigit(r[0]) && isDigit(r[1]) {
			y := int(r[0]-'0')*10 + int(r[1]-'0')
			if y > 50 {
				y += 1900
			} else {
				y += 2000
			}
			return y < iRASLaunch
		}
	}
	return false
}
