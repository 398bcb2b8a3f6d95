package forms

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The hand-off to DARS Online (R-P1: application submission). The portal
// has no import: every answer is typed or pasted and every document
// uploaded by hand. The hand-off lists them, and the applicant ticks each
// one once it is in the portal. A tick keeps the SHA-256 of the text that
// was ticked, so an answer edited afterwards shows as changed since it was
// entered instead of silently keeping its tick.

// HandOffItem is one answer to type into DARS Online, or one document to
// upload.
type HandOffItem struct {
	Section SectionID
	// Group is the heading the answer sits under in application.pdf (a
	// product's or an organisation's name, "People"); Entry names the
	// entry of a list within it ("Person 2").
	Group, Entry, Label string
	// Path is the JSON field path the answer comes from, to open it.
	Path string
	// Key names the answer for its tick: like Path, but a list entry is
	// named by its ID, so a tick follows it when the list is reordered.
	Key string
	// Text is the answer as it is entered (a document's upload name).
	Text string
	// File is set for a document to upload.
	File *HandOffFile
}

// HandOffFile is a document as it is uploaded: under the name the pack
// gives it, with its size and hash so the upload can be checked.
type HandOffFile struct {
	Title, Version, Type string
	// UploadName is empty when there is no file yet; ToDo then says what
	// to do. ToDo also warns about a file DARS Online will not take.
	UploadName string
	Size       int64
	SHA256     string
	ToDo       string
	// NoUpload marks an item with nothing to upload (an IRAS reference).
	NoUpload bool
	// Generated marks a document written from the draft itself (the DPIA):
	// its size and hash are known once it is written, and Fingerprint
	// stands for its content in the tick.
	Generated   bool
	Fingerprint string
}

// Where names the item for a person: "Data requested › HES APC › Frequency".
func (it HandOffItem) Where() string {
	sec, _ := SectionByID(it.Section)
	parts := []string{sec.Title}
	for _, p := range []string{it.Group, it.Entry, it.Label} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " › ")
}

// Length is the answer's length in characters, as the portal counts them.
func (it HandOffItem) Length() int { return utf8.RuneCountInString(it.Text) }

// Tickable reports whether the item can be ticked: a document needs a file.
func (it HandOffItem) Tickable() bool { return it.File == nil || it.File.UploadName != "" }

// Hash is what a tick records of the item: the SHA-256 of the answer's
// text, or of a document's upload name with its content's hash, so a new
// file under the same name clears the tick too.
func (it HandOffItem) Hash() string {
	s := it.Text
	if f := it.File; f != nil {
		s += "\x00" + f.SHA256 + f.Fingerprint
	}
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// HandOffTick records that an answer was entered in DARS Online.
type HandOffTick struct {
	Key string
	// SHA256 is the hash of the text that was entered.
	SHA256 string
	// Where names the answer as it was when ticked, to tell the applicant
	// about an answer removed from the draft since.
	Where string
	At    time.Time
	// CopiedFrom is the draft the tick was copied from by Duplicate, until
	// the applicant keeps or clears it.
	CopiedFrom string
}

// Tick makes the tick for an item as it stands now.
func (it HandOffItem) Tick(at time.Time) HandOffTick {
	return HandOffTick{Key: it.Key, SHA256: it.Hash(), Where: it.Where(), At: at}
}

// HandOffState is where an item stands against its tick.
type HandOffState int

const (
	NotEntered HandOffState = iota
	Entered
	// ChangedSinceEntered: ticked, but the text has changed since.
	ChangedSinceEntered
)

func (s HandOffState) String() string {
	switch s {
	case Entered:
		return "entered"
	case ChangedSinceEntered:
		return "changed since entered"
	}
	return "not entered"
}

// HandOffRow is an item with its state.
type HandOffRow struct {
	HandOffItem
	State HandOffState
	// TickedAt is when the tick was made, for a ticked item.
	TickedAt time.Time
	// Identifiers counts the NHS numbers the text seems to hold: a copy
	// carries them masked (R-C8).
	Identifiers int
}

// HandOffList is the whole hand-off with its ticks applied.
type HandOffList struct {
	Answers, Documents []HandOffRow
	// Removed are ticks of answers no longer in the draft: what was
	// entered in the portal for them may have to be taken out there.
	Removed []HandOffTick
	// CopiedFrom is set when ticks were copied from another draft.
	CopiedFrom string
}

// NewHandOffList applies ticks to the answers and documents.
func NewHandOffList(answers, documents []HandOffItem, ticks []HandOffTick) *HandOffList {
	byKey := make(map[string]HandOffTick, len(ticks))
	for _, t := range ticks {
		byKey[t.Key] = t
	}
	used := make(map[string]bool, len(ticks))
	l := &HandOffList{}
	rows := func(items []HandOffItem) []HandOffRow {
		out := make([]HandOffRow, len(items))
		for i, it := range items {
			out[i] = HandOffRow{HandOffItem: it}
			if t, ok := byKey[it.Key]; ok {
				used[it.Key] = true
				out[i].TickedAt = t.At
				if t.CopiedFrom != "" {
					l.CopiedFrom = t.CopiedFrom
				}
				out[i].State = ChangedSinceEntered
				if it.Tickable() && t.SHA256 == it.Hash() {
					out[i].State = Entered
				}
			}
			if strings.ContainsFunc(it.Text, isDigitRune) {
				out[i].Identifiers = len(FindNHSNumbers(Part{Value: it.Text}))
			}
		}
		return out
	}
	l.Answers = rows(answers)
	l.Documents = rows(documents)
	for _, t := range ticks {
		if !used[t.Key] {
			l.Removed = append(l.Removed, t)
		}
	}
	return l
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// HandOffProgress counts the list for the progress bar.
type HandOffProgress struct {
	Answers, AnswersEntered     int
	Documents, DocumentsEntered int
	// NoFile counts documents that cannot be uploaded yet.
	NoFile  int
	Changed int
}

// Progress counts entered and changed items.
func (l *HandOffList) Progress() HandOffProgress {
	var p HandOffProgress
	for _, r := range l.Answers {
		p.Answers++
		if r.State == Entered {
			p.AnswersEntered++
		}
		if r.State == ChangedSinceEntered {
			p.Changed++
		}
	}
	for _, r := range l.Documents {
		if !r.Tickable() {
			if !r.File.NoUpload {
				p.NoFile++
			}
			continue
		}
		p.Documents++
		switch r.State {
		case Entered:
			p.DocumentsEntered++
		case ChangedSinceEntered:
			p.Changed++
		}
	}
	return p
}

// Done reports whether every answer and every document that has a file is
// ticked and unchanged.
func (p HandOffProgress) Done() bool {
	return p.AnswersEntered == p.Answers && p.DocumentsEntered == p.Documents
}

// Fraction is the share of tickable items entered, for a progress bar.
func (p HandOffProgress) Fraction() float64 {
	n := p.Answers + p.Documents
	if n == 0 {
		return 0
	}
	return float64(p.AnswersEntered+p.DocumentsEntered) / float64(n)
}

// Summary is the progress in words: "23 of 41 answers entered · 2 of 5
// documents uploaded · 1 changed since entered".
func (p HandOffProgress) Summary() string {
	parts := []string{countOf(p.AnswersEntered, p.Answers, "answer", "answers", "entered")}
	if p.Documents > 0 || p.NoFile > 0 {
		parts = append(parts, countOf(p.DocumentsEntered, p.Documents, "document", "documents", "uploaded"))
	}
	if p.NoFile > 0 {
		parts = append(parts, strconv.Itoa(p.NoFile)+" "+plural(p.NoFile, "document", "documents")+" with no file yet")
	}
	if p.Changed > 0 {
		parts = append(parts, strconv.Itoa(p.Changed)+" changed since entered")
	}
	return strings.Join(parts, " · ")
}

func countOf(n, of int, one, many, done string) string {
	noun := many
	if of == 1 {
		noun = one
	}
	return strconv.Itoa(n) + " of " + strconv.Itoa(of) + " " + noun + " " + done
}

// ReasonAsSubmitted is the name of the snapshot taken when a submission is
// recorded: what NHS England received, for comparing a later amendment.
const ReasonAsSubmitted = "As submitted"

// RecordSubmission records that the application was submitted in DARS
// Online on a date, with the reference the portal gave (R-P1, R-P6): the
// stage moves to application submission, dated on. A reference of the
// wrong form is kept as given (ValidateDARSReference warns; it never
// blocks), and an empty one leaves the draft's reference as it was.
func (a *Application) RecordSubmission(on Date, reference string) {
	if ref := strings.TrimSpace(reference); ref != "" {
		a.Overview.DARSReference = ref
	}
	a.Overview.Stage = StageSubmission
	for i, e := range a.Overview.StageHistory {
		if e.Stage == StageSubmission {
			// A stage chosen earlier by hand was a plan; this is the date
			// NHS England received it.
			a.Overview.StageHistory[i].Reached = on
			return
		}
	}
	a.Overview.StageHistory = append(a.Overview.StageHistory, StageEvent{Stage: StageSubmission, Reached: on})
}
