package forms

import (
	"sort"
	"strconv"
	"time"
)

// Severity says how much a finding stands between a draft and submission.
type Severity string

const (
	Blocker Severity = "blocker"
	Warning Severity = "warning"
	Advice  Severity = "advice"
)

// Rank orders severities, most serious first.
func (s Severity) Rank() int {
	switch s {
	case Blocker:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Finding is one thing a readiness check found.
type Finding struct {
	CheckID      string    `json:"check"`
	Requirements []string  `json:"requirements"`
	Severity     Severity  `json:"severity"`
	Section      SectionID `json:"section"`
	// Field is the path of the field to open, e.g. "overview.dars_reference"
	// or "organisations[2].security".
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Check is one readiness rule. Eval returns one message per problem found,
// with the field each points at; Evaluate fills in the rest from the check.
type Check struct {
	ID           string
	Requirements []string
	Severity     Severity
	// Section is where findings show; "" files each finding under the
	// section of the field it points at (for checks that span the draft).
	Section SectionID
	Title   string
	Eval    func(c *Context) []Hit
	// RequirementsFor, when set, names the requirements of one hit from
	// its field, for a check that reads fields serving different ones (the
	// published texts: R-U2, R-U3, R-T4); Requirements lists them all.
	RequirementsFor func(field string) []string
	// Identifiers marks a check that reads the identifier scan: the scan
	// runs on a goroutine of its own beside the other checks, and these
	// wait for it.
	Identifiers bool
}

// Hit is a problem found by a check: the field it points at and what to do.
type Hit struct {
	Field   string
	Message string
}

// Context is what a check sees: the draft and today's date (injected so
// deadline checks are testable).
type Context struct {
	App   *Application
	Today Date

	// Built on first use and shared by the checks of one evaluation.
	peopleByID map[string]*Person
	orgsByID   map[string]*Organisation
	idHits     []FieldIdentifierHit
	scanned    bool
	public     []PublicText
	required   []Requirement
	requiredOK bool
	screen     *ScreeningResult
	flows      []RouteFlow
	flowsOK    bool
	// scan is ScanText, or an Evaluator's remembering version of it.
	scan func(string) []IdentifierHit
	// idDone closes when the identifier scan started by evaluate is in
	// idHits (or idPanic holds why it failed).
	idDone  chan struct{}
	idPanic any
}

func hit(field, msg string) []Hit { return []Hit{{Field: field, Message: msg}} }

func itoa(i int) string { return strconv.Itoa(i) }

func (c *Context) people() map[string]*Person {
	if c.peopleByID == nil {
		c.peopleByID = make(map[string]*Person, len(c.App.People))
		for i := range c.App.People {
			c.peopleByID[c.App.People[i].ID] = &c.App.People[i]
		}
	}
	return c.peopleByID
}

// requiredEvidence is RequiredEvidence(c.App), worked out once for the
// several checks that read it.
func (c *Context) requiredEvidence() []Requirement {
	if !c.requiredOK {
		c.required, c.requiredOK = RequiredEvidence(c.App), true
	}
	return c.required
}

// screening is ScreenDPIA(c.App), worked out once for the evaluation: the
// DPIA's checks all ask whether they apply.
func (c *Context) screening() *ScreeningResult {
	if c.screen == nil {
		s := ScreenDPIA(c.App)
		c.screen = &s
	}
	return c.screen
}

// confidentialityFlows is c.App.ConfidentialityFlows(), worked out once
// for the evaluation.
func (c *Context) confidentialityFlows() []RouteFlow {
	if !c.flowsOK {
		c.flows, c.flowsOK = c.App.ConfidentialityFlows(), true
	}
	return c.flows
}

func (c *Context) orgs() map[string]*Organisation {
	if c.orgsByID == nil {
		c.orgsByID = make(map[string]*Organisation, len(c.App.Organisations))
		for i := range c.App.Organisations {
			c.orgsByID[c.App.Organisations[i].ID] = &c.App.Organisations[i]
		}
	}
	return c.orgsByID
}

// checkGroups lists the functions that contribute checks; each section's
// rules live in a file of their own.
var checkGroups = []func() []Check{
	overviewChecks,
	purposeChecks,
	dataChecks,
	productChecks,
	cohortChecks,
	legalChecks,
	organisationChecks,
	territoryChecks,
	evidenceChecks,
	lifecycleChecks,
	identifierChecks,
	dataFlowChecks,
	dpiaChecks,
	reviewChecks,
	publicEntryChecks,
}

// AllChecks returns every readiness check, ordered by ID.
func AllChecks() []Check {
	var all []Check
	for _, g := range checkGroups {
		all = append(all, g()...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}

var allChecks = AllChecks()

// Evaluate runs every check against a draft. It never fails: a draft may be
// incomplete, and findings only inform.
func Evaluate(a *Application, today time.Time) []Finding {
	return evaluate(&Context{App: a, Today: DateOf(today)})
}

// evaluate runs every check. The identifier scan, a third of the work on a
// large draft, reads the draft on a goroutine of its own while the other
// checks run; the checks that need it go last. Nothing writes the draft
// during an evaluation, and the scan is done before evaluate returns.
func evaluate(ctx *Context) []Finding {
	a := ctx.App
	approved := a.Approved()
	ctx.startIdentifierScan()
	defer ctx.waitIdentifierScan()
	hits := make([][]Hit, len(allChecks))
	for _, last := range []bool{false, true} {
		for i := range allChecks {
			if allChecks[i].Identifiers == last {
				hits[i] = allChecks[i].Eval(ctx)
			}
		}
	}
	var out []Finding
	for i := range allChecks {
		c := &allChecks[i]
		sev := c.Severity
		if approved && sev == Blocker && !c.blocksAfterApproval() {
			sev = Warning
		}
		for _, h := range hits[i] {
			sec := c.Section
			if sec == "" {
				sec = SectionOfField(h.Field)
			}
			msg := h.Message
			if sev != c.Severity {
				msg += " " + approvedNote
			}
			reqs := c.Requirements
			if c.RequirementsFor != nil {
				reqs = c.RequirementsFor(h.Field)
			}
			out = append(out, Finding{
				CheckID: c.ID, Requirements: reqs, Severity: sev,
				Section: sec, Field: h.Field, Message: msg,
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity.Rank() < out[j].Severity.Rank() })
	return out
}

// approvedNote ends the message of a blocker that an approval has overtaken.
const approvedNote = "(The draft is recorded as approved, so this no longer blocks; complete it for the record.)"

// Approved reports whether the draft records an approval that still
// stands: the stage is approval, DSA signature, data access, audit or
// deletion. A renewal is a new submission, so it is not.
func (a *Application) Approved() bool {
	switch a.Overview.Stage {
	case StageApproval, StageDSASigned, StageDataAccess, StageAudit, StageDeletion:
		return true
	}
	return false
}

// blocksAfterApproval reports whether a check still blocks once NHS England
// has approved the application. Most checks exist to get an application
// through submission, and NHS England has since seen what they ask for (an
// approved agreement had its DSFC, security and legal basis judged), so they
// show as warnings. Those about what happens after approval, a reviewer's
// demand, and patient identifiers in the draft (R-C8) still block.
func (c *Check) blocksAfterApproval() bool {
	return c.Section == SectionLifecycle || c.ID == "patient-identifiers" || c.ID == "review-must-change"
}

// Tally counts findings by severity.
type Tally struct{ Blockers, Warnings, Advice int }

// Count tallies findings, optionally for one section ("" for all).
func Count(fs []Finding, section SectionID) Tally {
	var t Tally
	for _, f := range fs {
		if section != "" && f.Section != section {
			continue
		}
		switch f.Severity {
		case Blocker:
			t.Blockers++
		case Warning:
			t.Warnings++
		default:
			t.Advice++
		}
	}
	return t
}
