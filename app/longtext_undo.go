package app

import "time"

// textEdit is one undoable change: at byte offset at, removed was replaced
// by inserted. Offsets are in the whole text, so an edit can be replayed
// whatever the paragraphs look like by then.
type textEdit struct {
	at                int
	removed, inserted string
	// caret and anchor before the edit, restored by undo.
	caret, anchor int
	kind          editKind
	when          time.Time
}

type editKind int

const (
	editOther editKind = iota
	editTyping
	editBackspace
	editDelete
)

// undoStack keeps the edits of one text box. Typing is coalesced a word at
// a time, and deleting a run at a time, so undo takes back what a person
// thinks of as one step; the stack is bounded so memory does not grow with
// keystrokes.
type undoStack struct {
	done, undone []textEdit
}

const (
	maxUndo       = 500
	coalescePause = 2 * time.Second
)

func (u *undoStack) push(e textEdit) {
	u.undone = u.undone[:0]
	if n := len(u.done); n > 0 && u.merge(&u.done[n-1], e) {
		return
	}
	if len(u.done) == maxUndo {
		copy(u.done, u.done[1:])
		u.done = u.done[:maxUndo-1]
	}
	u.done = append(u.done, e)
}

// merge folds e into the previous edit when both are one run of typing or
// deleting.
func (u *undoStack) merge(prev *textEdit, e textEdit) bool {
	if e.kind == editOther || e.kind != prev.kind || e.when.Sub(prev.when) > coalescePause {
		return false
	}
	switch e.kind {
	case editTyping:
		if e.removed != "" || e.at != prev.at+len(prev.inserted) {
			return false
		}
		// A new word starts a new step: after a space, a letter does.
		if last := prev.inserted[len(prev.inserted)-1]; (last == ' ' || last == '\n') && e.inserted != " " && e.inserted != "\n" {
			return false
		}
		prev.inserted += e.inserted
	case editBackspace:
		if e.inserted != "" || e.at+len(e.removed) != prev.at {
			return false
		}
		prev.at = e.at
		prev.removed = e.removed + prev.removed
	case editDelete:
		if e.inserted != "" || e.at != prev.at {
			return false
		}
		prev.removed += e.removed
	}
	prev.when = e.when
	return true
}

// breakRun makes the next edit a step of its own (after the caret moves).
func (u *undoStack) breakRun() {
	if n := len(u.done); n > 0 {
		u.done[n-1].kind = editOther
	}
}

func (u *undoStack) popUndo() (textEdit, bool) {
	n := len(u.done)
	if n == 0 {
		return textEdit{}, false
	}
	e := u.done[n-1]
	u.done = u.done[:n-1]
	u.undone = append(u.undone, e)
	return e, true
}

func (u *undoStack) popRedo() (textEdit, bool) {
	n := len(u.undone)
	if n == 0 {
		return textEdit{}, false
	}
	e := u.undone[n-1]
	u.undone = u.undone[:n-1]
	e.kind = editOther
	u.done = append(u.done, e)
	return e, true
}
