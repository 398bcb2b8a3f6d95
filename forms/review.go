package forms

import (
	"errors"
	"fmt"
	"strings"
)

// A review is what a reader of a pack (the unit's IG lead, a supervisor, a
// collaborator's IG team) sends back: comments on sections or single fields,
// and the sections they read and found nothing wrong with. It is made on one
// revision of a draft and imported into the draft, perhaps after later edits.

// Comment kinds (CommentKindChoices holds their labels).
const (
	CommentMustChange CommentKind = "must-change"
	CommentQuestion   CommentKind = "question"
	CommentSuggestion CommentKind = "suggestion"
	CommentApproved   CommentKind = "approved"
)

// Label is the kind as a person reads it.
func (k CommentKind) Label() string { return LabelOf(CommentKindChoices, string(k)) }

// NoConcernsText is the text of the comment that records a section
// "reviewed, no concerns" once a review is imported.
const NoConcernsText = "Reviewed: no concerns."

// Errors of a comment that cannot be kept.
var (
	ErrCommentText    = errors.New("write the comment: what should change, or what you want to know")
	ErrCommentKind    = errors.New("choose what the comment is: must change, question, suggestion or approved")
	ErrCommentAuthor  = errors.New("give the reviewer's name, so the applicant knows whom to answer")
	ErrCommentSection = errors.New("the comment is not about a section of the application")
)

// Review is one reviewer's comments on one revision of a draft.
type Review struct {
	DraftID  string `json:"draft_id"`
	Revision int64  `json:"revision"`
	Reviewer string `json:"reviewer"`
	Role     string `json:"reviewer_role"`
	// Comments carry the value each field had when it was read.
	Comments []ReviewComment `json:"comments"`
	// NoConcerns lists the sections read and found in order.
	NoConcerns []SectionID `json:"sections_without_concerns"`
	// Verdicts are the reviewer's decisions on comments the pack already
	// carried (from earlier reviews): confirmed resolved, or reopened.
	Verdicts []CommentVerdict `json:"verdicts"`
}

// NewReview starts a review of a draft as exported.
func NewReview(a *Application, reviewer, role string) *Review {
	return &Review{DraftID: a.ID, Revision: a.Revision, Reviewer: reviewer, Role: role,
		Comments: []ReviewComment{}, NoConcerns: []SectionID{}, Verdicts: []CommentVerdict{}}
}

// Comment adds a comment on a section (field "") or on one field of it, and
// records the value the reviewer saw so that a later import can tell when
// the field has changed since.
func (r *Review) Comment(a *Application, section SectionID, field string, kind CommentKind, text string) (ReviewComment, error) {
	c := ReviewComment{
		ID: NewID(), Section: section, Field: field, Kind: kind, Text: strings.TrimSpace(text),
		Author: strings.TrimSpace(r.Reviewer), Role: strings.TrimSpace(r.Role), Revision: a.Revision,
		Replies: []CommentNote{},
	}
	if field != "" {
		c.FieldWas, _ = FieldValue(a, field)
	}
	if err := ValidateComment(c); err != nil {
		return ReviewComment{}, err
	}
	r.Comments = append(r.Comments, c)
	return c, nil
}

// Remove drops a comment the reviewer changed their mind about.
func (r *Review) Remove(id string) {
	for i, c := range r.Comments {
		if c.ID == id {
			r.Comments = append(r.Comments[:i], r.Comments[i+1:]...)
			return
		}
	}
}

// SetNoConcerns marks or unmarks a section as read and found in order.
func (r *Review) SetNoConcerns(s SectionID, on bool) {
	for i, id := range r.NoConcerns {
		if id == s {
			if !on {
				r.NoConcerns = append(r.NoConcerns[:i], r.NoConcerns[i+1:]...)
			}
			return
		}
	}
	if on {
		r.NoConcerns = append(r.NoConcerns, s)
	}
}

// HasNoConcerns reports whether a section is marked as found in order.
func (r *Review) HasNoConcerns(s SectionID) bool {
	for _, id := range r.NoConcerns {
		if id == s {
			return true
		}
	}
	return false
}

// On lists the comments about a section, in the order made.
func (r *Review) On(s SectionID) []ReviewComment {
	var out []ReviewComment
	for _, c := range r.Comments {
		if c.Section == s {
			out = append(out, c)
		}
	}
	return out
}

// ValidateComment checks that a comment can be understood and answered.
func ValidateComment(c ReviewComment) error {
	switch {
	case strings.TrimSpace(c.Text) == "":
		return ErrCommentText
	case !isChoice(CommentKindChoices, string(c.Kind)):
		return ErrCommentKind
	case strings.TrimSpace(c.Author) == "":
		return ErrCommentAuthor
	}
	if _, ok := SectionByID(c.Section); !ok {
		return fmt.Errorf("%w: %q", ErrCommentSection, c.Section)
	}
	return nil
}

func isChoice(choices []Choice, v string) bool {
	for _, c := range choices {
		if c.Value == v {
			return true
		}
	}
	return false
}

// Attached is what importing a review did.
type Attached struct {
	// Added counts the reviewer's comments new to the draft.
	Added int
	// Reviewed counts the sections newly marked "reviewed, no concerns";
	// each becomes an approved comment, but it is not a comment to answer.
	Reviewed int
	// AlreadyThere counts comments and marks imported before (same ID), left
	// as they are so replies and resolutions made since are kept.
	AlreadyThere int
	// Changed counts field comments whose field has changed since the review.
	Changed int
	// Confirmed and Reopened count the reviewer's verdicts on answers.
	Confirmed, Reopened int
	// Stale counts verdicts on an answer the applicant has replaced since,
	// and Missing verdicts on comments the draft does not hold; neither is
	// applied.
	Stale, Missing int
}

// AttachReview adds a review's comments to a draft. Sections marked "no
// concerns" become approved section comments so the applicant sees them.
// Importing the same review twice adds nothing the second time.
func AttachReview(a *Application, r *Review) (Attached, error) {
	var res Attached
	have := map[string]bool{}
	for _, c := range a.Comments {
		have[c.ID] = true
	}
	add := func(c ReviewComment, count *int) {
		if have[c.ID] {
			res.AlreadyThere++
			return
		}
		if c.Replies == nil {
			c.Replies = []CommentNote{}
		}
		// What a reviewer writes starts open, whatever the file says: only
		// the applicant answers it, and only a later review confirms.
		c.Resolved, c.AwaitingReviewer, c.AnswerRound = false, false, 0
		have[c.ID] = true
		a.Comments = append(a.Comments, c)
		*count++
		if FieldChangedSince(a, c) {
			res.Changed++
		}
	}
	for _, c := range r.Comments {
		if err := ValidateComment(c); err != nil {
			return Attached{}, fmt.Errorf("comment %s: %w", c.ID, err)
		}
	}
	for _, s := range r.NoConcerns {
		if _, ok := SectionByID(s); !ok {
			return Attached{}, fmt.Errorf("%w: %q", ErrCommentSection, s)
		}
	}
	for _, v := range r.Verdicts {
		if err := ValidateVerdict(v); err != nil {
			return Attached{}, err
		}
	}
	// Verdicts first: they are about comments the draft held before this
	// review, never about the review's own.
	applyVerdicts(a, r, &res)
	for _, c := range r.Comments {
		add(c, &res.Added)
	}
	for _, s := range r.NoConcerns {
		// A stable ID, so a second import of the same review is recognised.
		add(ReviewComment{ID: "no-concerns:" + r.DraftID + ":" + fmt.Sprint(r.Revision) + ":" + r.Reviewer + ":" + string(s),
			Section: s, Kind: CommentApproved, Text: NoConcernsText, Author: r.Reviewer, Role: r.Role, Revision: r.Revision}, &res.Reviewed)
	}
	return res, nil
}

// FieldChangedSince reports whether the field a comment is about holds
// something other than what the reviewer saw. Section comments never change.
func FieldChangedSince(a *Application, c ReviewComment) bool {
	if c.Field == "" {
		return false
	}
	now, ok := FieldValue(a, c.Field)
	return !ok || now != c.FieldWas
}

// Open reports whether a comment still waits for the applicant: a change
// asked for or a question neither answered nor resolved. Suggestions and
// approvals never hold a draft back.
func (c ReviewComment) Open() bool {
	return c.NeedsReviewer() && !c.Resolved && !c.AwaitingReviewer
}

// CommentsOn lists the indexes of a draft's comments on a section, for screens.
func (a *Application) CommentsOn(s SectionID) []int {
	var out []int
	for i, c := range a.Comments {
		if c.Section == s {
			out = append(out, i)
		}
	}
	return out
}

// Reply adds a note to a comment's thread.
func (c *ReviewComment) Reply(author, text string, on Date) error {
	if strings.TrimSpace(text) == "" {
		return errors.New("write the reply first")
	}
	c.Replies = append(c.Replies, CommentNote{Author: strings.TrimSpace(author), Text: strings.TrimSpace(text), On: on})
	return nil
}
