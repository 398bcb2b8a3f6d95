package forms

import (
	"errors"
	"fmt"
	"strings"
)

// Answering a review. A change a reviewer asked for, or a question they
// asked, is closed by the reviewer, not by the applicant: the applicant
// answers it ("answered — awaiting the reviewer"), the pack carries that
// state, and the reviewer's next review confirms it (resolved) or reopens
// it with a note. Until then an answered change no longer blocks the
// applicant but stays a warning, so nobody forgets it is unconfirmed.
// Suggestions and approvals ask nothing of the reviewer: the applicant
// closes them alone.

// CommentState is where a comment stands.
type CommentState string

// The states of a comment.
const (
	CommentStateOpen     CommentState = "open"
	CommentStateAwaiting CommentState = "awaiting"
	CommentStateResolved CommentState = "resolved"
)

// Label is the state as a person reads it.
func (s CommentState) Label() string {
	switch s {
	case CommentStateAwaiting:
		return "answered — awaiting the reviewer"
	case CommentStateResolved:
		return "resolved"
	}
	return "open"
}

// NeedsReviewer reports whether closing the comment is the reviewer's
// call: a change asked for, or a question.
func (c ReviewComment) NeedsReviewer() bool {
	return c.Kind == CommentMustChange || c.Kind == CommentQuestion
}

// State says where the comment stands.
func (c ReviewComment) State() CommentState {
	switch {
	case c.Resolved:
		return CommentStateResolved
	case c.AwaitingReviewer:
		return CommentStateAwaiting
	}
	return CommentStateOpen
}

// MarkAnswered records the applicant's answer: a change or question now
// awaits the reviewer; a suggestion or approval is simply closed.
func (c *ReviewComment) MarkAnswered() {
	if c.Resolved || c.AwaitingReviewer {
		return
	}
	if !c.NeedsReviewer() {
		c.Resolved = true
		return
	}
	c.AwaitingReviewer = true
	c.AnswerRound++
}

// Withdraw takes an answer back, or (for a comment the applicant may
// close alone, or one already confirmed) opens it again.
func (c *ReviewComment) Withdraw() {
	c.Resolved, c.AwaitingReviewer = false, false
}

// CommentVerdict is a reviewer's decision on a comment a pack carried.
type CommentVerdict struct {
	CommentID string    `json:"comment_id"`
	Section   SectionID `json:"section"`
	// CommentText is the comment judged, so the verdict reads on its own.
	CommentText string `json:"comment_text"`
	// Resolved: true confirms the answer, false reopens the comment.
	Resolved bool   `json:"resolved"`
	Note     string `json:"note"`
	// AnswerRound is the answer the reviewer read (see ReviewComment).
	AnswerRound int  `json:"answer_round"`
	On          Date `json:"on"`
}

// Errors of a verdict that cannot be applied.
var (
	ErrVerdictComment = errors.New("the verdict does not say which comment it is about")
	ErrVerdictNote    = errors.New("say why the comment is reopened, so the applicant knows what is still missing")
)

// ValidateVerdict checks that a verdict can be applied and understood.
func ValidateVerdict(v CommentVerdict) error {
	switch {
	case strings.TrimSpace(v.CommentID) == "":
		return ErrVerdictComment
	case !v.Resolved && strings.TrimSpace(v.Note) == "":
		return fmt.Errorf("comment %s: %w", v.CommentID, ErrVerdictNote)
	case v.AnswerRound < 0:
		return fmt.Errorf("comment %s: answer round %d is below zero", v.CommentID, v.AnswerRound)
	}
	if _, ok := SectionByID(v.Section); !ok {
		return fmt.Errorf("comment %s: %w: %q", v.CommentID, ErrCommentSection, v.Section)
	}
	return nil
}

// Confirm records that the reviewer accepts the answer to c (or closes c
// themselves); note may be empty.
func (r *Review) Confirm(c ReviewComment, note string, on Date) error {
	return r.setVerdict(CommentVerdict{CommentID: c.ID, Section: c.Section, CommentText: c.Text, Resolved: true,
		Note: strings.TrimSpace(note), AnswerRound: c.AnswerRound, On: on})
}

// Reopen records that the answer to c does not settle it; note says why.
func (r *Review) Reopen(c ReviewComment, note string, on Date) error {
	return r.setVerdict(CommentVerdict{CommentID: c.ID, Section: c.Section, CommentText: c.Text,
		Note: strings.TrimSpace(note), AnswerRound: c.AnswerRound, On: on})
}

func (r *Review) setVerdict(v CommentVerdict) error {
	if err := ValidateVerdict(v); err != nil {
		return err
	}
	r.ClearVerdict(v.CommentID)
	r.Verdicts = append(r.Verdicts, v)
	return nil
}

// ClearVerdict drops the verdict on a comment, if any.
func (r *Review) ClearVerdict(id string) {
	for i, v := range r.Verdicts {
		if v.CommentID == id {
			r.Verdicts = append(r.Verdicts[:i], r.Verdicts[i+1:]...)
			return
		}
	}
}

// VerdictOn is the verdict on a comment, if the reviewer gave one.
func (r *Review) VerdictOn(id string) (CommentVerdict, bool) {
	for _, v := range r.Verdicts {
		if v.CommentID == id {
			return v, true
		}
	}
	return CommentVerdict{}, false
}

// applyVerdicts closes or reopens the draft's comments as the reviewer
// decided. A verdict on an answer the applicant has since replaced (a later
// round) is stale and left out: the reviewer has not read the new answer.
// Applying the same verdict twice changes nothing the second time.
func applyVerdicts(a *Application, r *Review, res *Attached) {
	for _, v := range r.Verdicts {
		i := commentIndex(a, v.CommentID)
		if i < 0 {
			res.Missing++
			continue
		}
		c := &a.Comments[i]
		if v.AnswerRound < c.AnswerRound {
			res.Stale++
			continue
		}
		c.Resolved, c.AwaitingReviewer = v.Resolved, false
		if v.Resolved {
			res.Confirmed++
		} else {
			res.Reopened++
		}
		text := v.Note
		if text == "" {
			text = "Confirmed resolved."
		} else if !v.Resolved {
			text = "Reopened: " + text
		}
		note := CommentNote{Author: strings.TrimSpace(r.Reviewer), Text: text, On: v.On}
		if !hasNote(c.Replies, note) {
			c.Replies = append(c.Replies, note)
		}
	}
}

func commentIndex(a *Application, id string) int {
	for i, c := range a.Comments {
		if c.ID == id {
			return i
		}
	}
	return -1
}

func hasNote(notes []CommentNote, n CommentNote) bool {
	for _, x := range notes {
		if x == n {
			return true
		}
	}
	return false
}

// SectionProgress is how far a reviewer has got with one section.
type SectionProgress struct {
	// Comments counts the reviewer's comments on the section.
	Comments int
	// Reviewed: marked "reviewed, no concerns".
	Reviewed bool
	// Awaiting counts the applicant's answers on the section still waiting
	// for this reviewer's verdict; Judged counts those given one.
	Awaiting, Judged int
}

// Progress is the reviewer's progress on a section of the application a
// (the pack under review).
func (r *Review) Progress(a *Application, s SectionID) SectionProgress {
	p := SectionProgress{Reviewed: r.HasNoConcerns(s), Comments: len(r.On(s))}
	for _, c := range a.Comments {
		if c.Section != s {
			continue
		}
		if _, ok := r.VerdictOn(c.ID); ok {
			p.Judged++
		} else if c.AwaitingReviewer {
			p.Awaiting++
		}
	}
	return p
}

// Summary says what the review holds, counting sections marked reviewed
// apart from comments: "2 comments, 1 section reviewed, 1 answer confirmed".
func (r *Review) Summary() string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(len(r.Comments), "comment", "comments")
	add(len(r.NoConcerns), "section reviewed", "sections reviewed")
	confirmed := 0
	for _, v := range r.Verdicts {
		if v.Resolved {
			confirmed++
		}
	}
	add(confirmed, "answer confirmed", "answers confirmed")
	add(len(r.Verdicts)-confirmed, "comment reopened", "comments reopened")
	if len(parts) == 0 {
		return "nothing yet"
	}
	return strings.Join(parts, ", ")
}

// Summary says what an import brought, sections marked reviewed counted
// apart from comments: "2 comments, 1 section reviewed".
func (r Attached) Summary() string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(r.Added, "new comment", "new comments")
	add(r.Reviewed, "section reviewed with no concerns", "sections reviewed with no concerns")
	add(r.Confirmed, "answer confirmed", "answers confirmed")
	add(r.Reopened, "comment reopened", "comments reopened")
	if len(parts) == 0 {
		return "nothing new"
	}
	return strings.Join(parts, ", ")
}

// Changes reports whether the import changed the draft.
func (r Attached) Changes() bool {
	return r.Added+r.Reviewed+r.Confirmed+r.Reopened > 0
}

// CommentCounts are a draft's comments by where they stand, for the
// applicant: waiting for them, waiting for the reviewer.
type CommentCounts struct{ Open, Awaiting int }

// CountComments tallies the comments that still need someone.
func CountComments(a *Application) CommentCounts {
	var n CommentCounts
	for _, c := range a.Comments {
		switch {
		case c.Open():
			n.Open++
		case c.AwaitingReviewer && !c.Resolved:
			n.Awaiting++
		}
	}
	return n
}
