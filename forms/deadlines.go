package forms

import (
	"sort"
	"strconv"
	"strings"
)

// DeadlineKind is what a deadline asks to be done.
type DeadlineKind string

const (
	DeadlineDSARenewal      DeadlineKind = "dsa-renewal"
	DeadlineDestruction     DeadlineKind = "destruction"
	DeadlineDestructionCert DeadlineKind = "destruction-confirmation"
	DeadlineCohortFile      DeadlineKind = "cohort-file"
	DeadlineDSPT            DeadlineKind = "dspt-renewal"
	DeadlineISO27001        DeadlineKind = "iso27001-expiry"
	DeadlineCEPlus          DeadlineKind = "cyber-essentials-plus-expiry"
	DeadlineRECReview       DeadlineKind = "rec-annual-review"
	DeadlineCAGReview       DeadlineKind = "cag-annual-review"
	DeadlineEvidence        DeadlineKind = "evidence-expiry"
)

// Timing limits that follow from the requirements (the R-A2 ones are in
// lifecycle_rules.go: RenewalDeadline, DestructionDeadline).
const (
	// CohortFileDays is the working assumption for "promptly" after DSA
	// signature (R-C7); the DSA itself states the exact window.
	CohortFileDays = 30
	// DueSoonDays is how far ahead a deadline is flagged as coming up.
	DueSoonDays = 30
)

// Urgency says how pressing a deadline is on a given day.
type Urgency string

const (
	Overdue Urgency = "overdue"
	DueSoon Urgency = "due-soon"
	Later   Urgency = "later"
)

// Deadline is one dated action, for a draft or a library organisation.
type Deadline struct {
	Due  Date
	Kind DeadlineKind
	// Action says what to do, in a sentence.
	Action      string
	Requirement string
	// DraftID and DraftTitle are empty for a library organisation's own
	// deadline; Affects then names the drafts that use it.
	DraftID      string
	DraftTitle   string
	Organisation string
	Affects      []string
	// AffectsIDs are the IDs of the drafts in Affects.
	AffectsIDs []string
	Urgency    Urgency
	// Days is the number of days from today to Due (negative when overdue).
	Days int
}

// Subject names who the deadline is for: the draft, or the organisation.
func (d Deadline) Subject() string {
	if d.DraftTitle != "" {
		return d.DraftTitle
	}
	return d.Organisation
}

// Deadlines lists every pending dated action across drafts and the library,
// earliest first: DSA renewal and destruction (R-A2), the cohort file
// (R-C7), security assurance renewals (R-O3), REC and CAG annual reviews
// (R-U4, R-L6) and evidence expiry (R-E1). Work already recorded as done is
// left out. Drafts should already have the library overlaid.
func Deadlines(drafts []*Application, library []LibraryEntry, today Date) []Deadline {
	var out []Deadline
	linked, linkedIDs := map[string][]string{}, map[string][]string{}
	for _, a := range drafts {
		for _, o := range a.Organisations {
			if o.LibraryID != "" && !containsString(linkedIDs[o.LibraryID], a.ID) {
				linked[o.LibraryID] = append(linked[o.LibraryID], draftTitle(a))
				linkedIDs[o.LibraryID] = append(linkedIDs[o.LibraryID], a.ID)
			}
		}
	}
	libIDs := map[string]bool{}
	for _, e := range library {
		libIDs[e.ID] = true
		for _, d := range securityDeadlines(e.Name(), e.Security) {
			d.Organisation, d.Affects, d.AffectsIDs = e.Name(), linked[e.ID], linkedIDs[e.ID]
			out = append(out, d)
		}
		for _, ev := range e.SecurityDocuments {
			if !ev.ValidUntil.IsZero() {
				out = append(out, Deadline{Due: ev.ValidUntil, Kind: DeadlineEvidence, Requirement: "R-O3",
					Action: "Renew " + itemName(ev) + " for " + e.Name(), Organisation: e.Name(), Affects: linked[e.ID], AffectsIDs: linkedIDs[e.ID]})
			}
		}
	}
	for _, a := range drafts {
		out = append(out, draftDeadlines(a, libIDs, today)...)
	}
	for i := range out {
		out[i].Days = today.DaysUntil(out[i].Due)
		switch {
		case out[i].Days < 0:
			out[i].Urgency = Overdue
		case out[i].Days <= DueSoonDays:
			out[i].Urgency = DueSoon
		default:
			out[i].Urgency = Later
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Due.Time().Equal(out[j].Due.Time()) {
			return out[i].Due.Before(out[j].Due)
		}
		if out[i].Subject() != out[j].Subject() {
			return out[i].Subject() < out[j].Subject()
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// NextDeadline is a draft's earliest pending deadline, for its Overview.
func NextDeadline(a *Application, library []LibraryEntry, today Date) (Deadline, bool) {
	for _, d := range Deadlines([]*Application{a}, library, today) {
		if d.DraftID == a.ID || containsString(d.AffectsIDs, a.ID) {
			return d, true
		}
	}
	return Deadline{}, false
}

func draftDeadlines(a *Application, libIDs map[string]bool, today Date) []Deadline {
	var out []Deadline
	add := func(d Deadline) {
		d.DraftID, d.DraftTitle = a.ID, draftTitle(a)
		out = append(out, d)
	}
	l := a.Lifecycle
	destroyed := l.Destruction != nil && !l.Destruction.DestroyedOn.IsZero()
	confirmed := l.Destruction != nil && !l.Destruction.ConfirmedOn.IsZero()
	if !l.DSAEnd.IsZero() && !destroyed {
		if !l.RenewalRequested {
			add(Deadline{Due: RenewalDeadline(l.DSAEnd), Kind: DeadlineDSARenewal, Requirement: "R-A2",
				Action: "Request renewal, extension or amendment of the DSA (it ends " + l.DSAEnd.Human() + "), or plan destruction"})
			add(Deadline{Due: l.DSAEnd, Kind: DeadlineDestruction, Requirement: "R-A2",
				Action: "Destroy the data securely: the DSA ends and no renewal is requested"})
		}
	}
	if !l.DSAEnd.IsZero() && !l.RenewalRequested && !confirmed {
		add(Deadline{Due: DestructionDeadline(l.DSAEnd), Kind: DeadlineDestructionCert, Requirement: "R-A2",
			Action: "Send the certificate of destruction to NHS England"})
	}
	if a.Cohort.Needed && !l.DSASigned.IsZero() && l.CohortFileSent.IsZero() {
		add(Deadline{Due: l.DSASigned.AddDays(CohortFileDays), Kind: DeadlineCohortFile, Requirement: "R-C7",
			Action: "Send the cohort file to NHS England (the DSA was signed " + l.DSASigned.Human() + ")"})
	}
	for _, o := range a.Organisations {
		if o.LibraryID != "" && libIDs[o.LibraryID] {
			continue // the library entry's own deadline covers it
		}
		for _, d := range securityDeadlines(o.Name, o.Security) {
			d.Organisation = o.Name
			add(d)
		}
	}
	reqs := RequiredEvidence(a)
	if a.Purpose.IsResearch && a.Purpose.RECNeeded {
		if from, ok := reviewAnchor(a, reqs, "rec-favourable-opinion", EvREC); ok {
			add(Deadline{Due: nextAnniversary(from, today), Kind: DeadlineRECReview, Requirement: "R-U4",
				Action: "Send the annual progress report to the Research Ethics Committee"})
		}
	}
	if a.UsesS251() {
		if from, ok := reviewAnchor(a, reqs, "s251-approval", EvS251); ok {
			add(Deadline{Due: nextAnniversary(from, today), Kind: DeadlineCAGReview, Requirement: "R-L6",
				Action: "Complete the CAG annual review to keep s251 support current"})
		}
	}
	for _, e := range a.Evidence {
		if !e.ValidUntil.IsZero() {
			add(Deadline{Due: e.ValidUntil, Kind: DeadlineEvidence, Requirement: "R-E1",
				Action: "Renew " + itemName(e) + ": it expires"})
		}
	}
	return out
}

func securityDeadlines(org string, s Security) []Deadline {
	var out []Deadline
	if !s.DSPTValidUntil.IsZero() {
		out = append(out, Deadline{Due: s.DSPTValidUntil, Kind: DeadlineDSPT, Requirement: "R-O3",
			Action: "Publish the DSPT assessment for " + org + " before the current one lapses"})
	}
	if s.ISO27001 && !s.ISO27001Expiry.IsZero() {
		out = append(out, Deadline{Due: s.ISO27001Expiry, Kind: DeadlineISO27001, Requirement: "R-O3",
			Action: "Renew the ISO 27001 certificate of " + org})
	}
	if s.CyberEssentialsPlus && !s.CEPlusExpiry.IsZero() {
		out = append(out, Deadline{Due: s.CEPlusExpiry, Kind: DeadlineCEPlus, Requirement: "R-O3",
			Action: "Renew Cyber Essentials Plus for " + org})
	}
	return out
}

// reviewAnchor is the date annual reviews count from: the document date of
// the approval that meets the requirement, else of any item of its type.
func reviewAnchor(a *Application, reqs []Requirement, key string, t EvidenceType) (Date, bool) {
	for _, r := range reqs {
		if r.Key == key && r.Item >= 0 && !a.Evidence[r.Item].DocumentDate.IsZero() {
			return a.Evidence[r.Item].DocumentDate, true
		}
	}
	for _, e := range a.Evidence {
		if e.Type == t && !e.DocumentDate.IsZero() {
			return e.DocumentDate, true
		}
	}
	return Date{}, false
}

// nextAnniversary is the first anniversary of from on or after today:
// reviews recur every year, and the coming one is the one to act on.
func nextAnniversary(from, today Date) Date {
	d := from.AddMonths(12)
	for d.Before(today) {
		d = d.AddMonths(12)
	}
	return d
}

func draftTitle(a *Application) string {
	if t := strings.TrimSpace(a.Overview.Title); t != "" {
		return t
	}
	return "(untitled draft)"
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// CalendarParts names each deadline for the identifier guard (R-C8): a
// calendar carries draft titles and organisation names.
func CalendarParts(ds []Deadline) []Part {
	parts := make([]Part, len(ds))
	for i, d := range ds {
		parts[i] = Part{Name: "Calendar → deadline " + strconv.Itoa(i+1) + " (due " + d.Due.String() + ")", Value: d}
	}
	return parts
}
