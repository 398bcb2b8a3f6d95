package app

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The helpers below bind one widget to one field of the draft: they show the
// stored value, write every change straight into the model, call Changed, and
// register the widget under its field path so findings can open it.

// TextEntry edits a one-line text field. validate may be nil; a failing
// validator marks the field but never stops the value being kept.
func (e *Editor) TextEntry(path string, p *string, placeholder string, validate func(string) error) *widget.Entry {
	w := widget.NewEntry()
	w.SetText(*p)
	w.SetPlaceHolder(placeholder)
	if validate != nil {
		w.Validator = validate
	} else {
		flagIdentifiers(w, *p)
	}
	w.OnChanged = func(s string) {
		*p = forms.NormaliseLine(s) // a line pasted from Windows keeps its CR
		if validate == nil {
			flagIdentifiers(w, s)
		}
		e.Changed()
	}
	e.Field(path, w)
	return w
}

// LongText edits a free-text answer: it wraps, grows with its text up to a
// limit, and shows a character count beneath.
func (e *Editor) LongText(path string, p *string, placeholder string) fyne.CanvasObject {
	w := widget.NewMultiLineEntry()
	w.Wrapping = fyne.TextWrapWord
	// Fyne re-wraps on every layout at a cost that grows with the square of
	// a paragraph's length: a 20,000-character objective in paragraphs
	// wraps in a third of a second, one 10,000-character paragraph takes
	// seconds, a pasted book minutes. Such a text scrolls sideways instead,
	// so the section still opens and the user can break it up.
	if !wrapsCheaply(*p) {
		w.Wrapping = fyne.TextWrapOff
	}
	w.SetPlaceHolder(placeholder)
	w.SetText(*p)
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance
	count.Alignment = fyne.TextAlignTrailing
	update := func(s string) {
		n := utf8.RuneCountInString(s)
		count.SetText(fmt.Sprintf("%d characters", n))
		w.SetMinRowsVisible(rowsFor(s))
	}
	update(*p)
	flagIdentifiers(w, *p)
	w.OnChanged = func(s string) {
		*p = forms.NormaliseNewlines(s) // text pasted from Windows has CR LF
		update(s)
		flagIdentifiers(w, s)
		e.Changed()
	}
	e.Field(path, w)
	return container.NewBorder(nil, count, nil, nil, w)
}

// Limits for word-wrapping a long text (see LongText): the whole text in
// bytes, and its longest paragraph in characters.
const (
	maxWrappedText      = 60000
	maxWrappedParagraph = 3000
)

func wrapsCheaply(s string) bool {
	if len(s) > maxWrappedText {
		return false
	}
	for _, para := range strings.Split(s, "\n") {
		if utf8.RuneCountInString(para) > maxWrappedParagraph {
			return false
		}
	}
	return true
}

// rowsFor estimates the rows a text needs so the box grows as it fills,
// between 3 and 14 rows (past that it scrolls).
func rowsFor(s string) int {
	rows := 0
	for _, line := range strings.Split(s, "\n") {
		rows += 1 + utf8.RuneCountInString(line)/90
	}
	return min(max(rows+1, 3), 14)
}

// DateEntry edits an optional date typed as 2026-03-31, with a calendar
// one click away and advice under it when the text is not a date. The
// entry is registered under path; place the returned object.
func (e *Editor) DateEntry(path string, p *forms.Date) fyne.CanvasObject {
	d := newDateInput(p, e.Changed)
	e.Field(path, d.entry)
	return d.object
}

// Check edits a yes/no answer; then runs after the model changes, for
// screens that show or hide follow-up questions.
func (e *Editor) Check(path, label string, p *bool, then func(bool)) *widget.Check {
	w := widget.NewCheck(label, nil)
	w.SetChecked(*p)
	w.OnChanged = func(b bool) {
		*p = b
		if then != nil {
			then(b)
		}
		e.Changed()
	}
	e.Field(path, w)
	return w
}

// Choose edits an enumerated field with a drop-down of its labels.
func Choose[T ~string](e *Editor, path string, choices []forms.Choice, p *T, then func(T)) *widget.Select {
	w := widget.NewSelect(forms.Labels(choices), nil)
	w.PlaceHolder = "Choose…"
	if *p != "" {
		w.SetSelected(forms.LabelOf(choices, string(*p)))
	}
	w.OnChanged = func(label string) {
		*p = T(forms.ValueOf(choices, label))
		if then != nil {
			then(*p)
		}
		e.Changed()
	}
	e.Field(path, w)
	return w
}

// Suggest edits free text offering common answers, which the user may ignore.
func (e *Editor) Suggest(path string, p *string, options []string) *widget.SelectEntry {
	w := widget.NewSelectEntry(options)
	w.SetText(*p)
	w.OnChanged = func(s string) {
		*p = forms.NormaliseLine(s)
		e.Changed()
	}
	e.Field(path, w)
	return w
}

// Hint is a line of help text under a form row. Requirement codes such
// as "(R-P7)" are left out: they are for IG leads, who find them in the ⓘ
// text and in the readiness findings, and in a hint they are noise.
func Hint(text string) *widget.Label {
	l := widget.NewLabel(withoutCodes(text))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// shownFlips counts the times Shown changed what is visible, so that an
// edit which shows or hides something can keep the field in use where it
// was on screen (Editor.keepInPlace). UI goroutine only.
var shownFlips int

// Shown shows or hides a group of follow-up questions. Hidden answers stay in
// the model; only the widgets go.
func Shown(obj fyne.CanvasObject, on bool) {
	if obj.Visible() != on {
		shownFlips++
	}
	if on {
		obj.Show()
	} else {
		obj.Hide()
	}
}

// requirementCodes matches a requirement code in brackets as the guidance
// writes them: "(R-P7)", "(R-D1, R-D2)", "(R-O1…R-O5, R-O7)".
var requirementCodes = regexp.MustCompile(`\s*\((?:R-[A-Z][0-9]+(?:\s*(?:,|…|and|–|to)\s*)?)+\)`)

// withoutCodes is text with its bracketed requirement codes left out.
func withoutCodes(text string) string { return requirementCodes.ReplaceAllString(text, "") }
