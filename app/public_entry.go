package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
)

// The Public entry shows the draft as NHS England's Data Uses Register
// would publish it once approved, each text with its reading figures and
// plain-language findings beside it (R-U2, R-U3, R-T4). It is a view of
// the application rather than a section of it: it is shown where sections
// are, from the button under the section list or Draft → Public entry, and
// is read-only; its Edit buttons open the answer in its section. A
// reviewer sees it too, and comments on a text from it; the comment lands
// on the field, so the applicant sees it where the text is edited.

// publicEntryID stands for the Public entry where the window keeps its
// current section.
const publicEntryID forms.SectionID = "public-entry"

// onPublicEntry shows the Public entry.
func (e *Editor) onPublicEntry() { e.showSection(publicEntryID) }

// publicEntryItem is the menu item that shows the Public entry.
func (e *Editor) publicEntryItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Public entry", e.onPublicEntry)
	item.Shortcut = ctrlShift(fyne.KeyP)
	return item
}

// publicEntryButton sits under the section list.
func (e *Editor) publicEntryButton() fyne.CanvasObject {
	b := widget.NewButtonWithIcon("Public entry", theme.VisibilityIcon(), e.onPublicEntry)
	b.Alignment = widget.ButtonAlignLeading
	return container.NewVBox(widget.NewSeparator(), b)
}

// showPublicEntry builds the view afresh, as showSection does a section.
func (e *Editor) showPublicEntry() {
	again, offset := e.current == publicEntryID, e.body.Offset
	e.current = publicEntryID
	e.fields = map[string]fyne.CanvasObject{}
	e.listeners = nil
	e.evidence = nil
	e.heading.SetText("Public entry")
	e.nav.UnselectAll()
	e.body.Content = newPublicEntryView(e)
	e.body.ScrollToTop()
	e.body.Refresh()
	if again {
		e.body.ScrollToOffset(offset)
	}
	if e.readOnly != nil {
		e.readOnly.Refresh()
	}
}

func newPublicEntryView(e *Editor) fyne.CanvasObject {
	entry := forms.BuildPublicEntry(e.app)
	intro := Hint("How NHS England's Data Uses Register would publish this application once approved, for anyone to read, in your words. " +
		"The texts below are your answers as written; Edit opens each where you write it. Marked in the texts: " +
		"long sentences in italics, abbreviations and jargon in amber, names of people in red.")
	if e.ReadOnly() {
		intro = Hint("The applicant's draft as NHS England's Data Uses Register would publish it. Comment… beside a text " +
			"adds a comment on that answer, which the applicant sees where they edit it.")
	}
	box := container.NewVBox(intro, aboutFigures())
	box.Add(heading("Summary"))
	title := widget.NewLabelWithStyle(entry.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.SizeName = theme.SizeNameSubHeadingText
	if entry.Title == "" {
		title.SetText("Untitled: the register shows the title first")
		title.Importance = widget.WarningImportance
	}
	box.Add(title)
	box.Add(publicFacts(entry))
	box.Add(heading("Datasets"))
	box.Add(publicDatasets(entry))
	for _, t := range entry.Texts {
		box.Add(newPublicTextView(e, t).object())
	}
	yielded := Hint("Yielded benefits: NHS England adds these to the entry later, from what you report once the data has been used.")
	box.Add(container.NewVBox(widget.NewSeparator(), yielded))
	return box
}

// aboutFigures folds away where each figure and threshold comes from.
func aboutFigures() fyne.CanvasObject {
	md, _ := assets.Guidance("public-entry")
	if _, rest, ok := strings.Cut(md, "\n"); ok && strings.HasPrefix(md, "# ") {
		md = rest
	}
	return widget.NewAccordion(widget.NewAccordionItem("How the figures are worked out, and where each threshold comes from", markdown(md)))
}

// publicFacts is the entry's summary in the register's labels, in two
// columns so that the texts come into view sooner.
func publicFacts(p *forms.PublicEntry) fyne.CanvasObject {
	controllers := ""
	if p.ControllerBasis != "" {
		controllers = p.ControllerBasis + ": " + strings.Join(p.Controllers, "; ")
	}
	processors := strings.Join(p.Processors, "; ")
	if processors == "" {
		processors = "None"
	}
	left := newForm(
		factRow("DARS reference", p.Reference),
		factRow("Organisation name", p.Organisation),
		factRow("Organisation type", p.OrganisationType),
		factRow("Data controller basis", controllers),
		factRow("Data processors", processors),
	)
	right := newForm(
		factRow("Sensitive", p.Sensitive),
		factRow("Commercial purpose", p.CommercialPurpose),
		factRow("Sublicensing allowed", p.Sublicensing),
		factRow("Start date", p.Start.String()),
		factRow("End date", p.End.String()),
	)
	return container.NewGridWithColumns(2, left, right)
}

// factRow shows one fact; an empty one says so, quietly.
func factRow(label, value string) *widget.FormItem {
	return widget.NewFormItem(label, factLabel(value))
}

func factLabel(value string) *widget.Label {
	l := widget.NewLabel(value)
	l.Wrapping = fyne.TextWrapWord
	if strings.TrimSpace(value) == "" {
		l.SetText("Not given")
		l.Importance = widget.LowImportance
		l.TextStyle = fyne.TextStyle{Italic: true}
	}
	return l
}

// publicDatasets lists each data set with the register's five facts in a
// row under its name.
func publicDatasets(p *forms.PublicEntry) fyne.CanvasObject {
	if len(p.Datasets) == 0 {
		return factLabel("")
	}
	box := container.NewVBox()
	for _, d := range p.Datasets {
		name := widget.NewLabelWithStyle(d.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord
		if strings.TrimSpace(d.Name) == "" {
			name.SetText("(no name)")
		}
		cells := container.NewGridWithColumns(5)
		for _, f := range []struct{ label, value string }{
			{"Type of data", d.TypeOfData}, {"Sensitivity", d.Sensitivity}, {"Frequency", d.Frequency},
			{"Confidentiality", d.Confidentiality}, {"Legal basis", d.LegalBasis},
		} {
			caption := widget.NewLabel(f.label)
			caption.Importance = widget.LowImportance
			caption.SizeName = theme.SizeNameCaptionText
			cells.Add(container.New(tightRows{}, caption, factLabel(f.value)))
		}
		box.Add(container.NewVBox(name, cells))
	}
	return box
}
