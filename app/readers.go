package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// readersPicker chooses the people of the draft who will see a product
// (R-D2, R-O6). The screen shows who is chosen in a line, and the choice is
// made in a dialog: a draft may name a hundred people, and a hundred ticks
// under each of fifty products would make the screen unusable (and slow).
//
// IDs of people since removed are kept, so nothing is lost silently; the
// readiness checks point them out.
type readersPicker struct {
	e       *Editor
	p       *forms.ProductRequest
	summary *widget.Label
	choose  *widget.Button
}

func (v *dataView) readers(path string, p *forms.ProductRequest) fyne.CanvasObject {
	if len(v.e.App().People) == 0 {
		return Hint("Add the people who will access the data under Organisations and people; they can then be chosen here.")
	}
	r := &readersPicker{e: v.e, p: p}
	r.summary = widget.NewLabel("")
	r.summary.Wrapping = fyne.TextWrapWord
	r.choose = widget.NewButton("Choose…", r.onChoose)
	r.refresh()
	v.e.Field(path+".accessed_by", r.choose)
	return container.NewBorder(nil, nil, nil, container.NewVBox(r.choose), r.summary)
}

// readerLabels names each person as the picker shows them, with the ID
// each stands for; labels are made unique so that two people of the same
// name and role can both be chosen.
func readerLabels(people []forms.Person) ([]string, map[string]string) {
	labels := make([]string, 0, len(people))
	byLabel := map[string]string{}
	for _, pe := range people {
		l := orDefault(pe.Name, "Unnamed person")
		if pe.Role != "" {
			l += " (" + pe.Role + ")"
		}
		for n := 2; byLabel[l] != ""; n++ {
			l = fmt.Sprintf("%s #%d", strings.TrimSuffix(l, fmt.Sprintf(" #%d", n-1)), n)
		}
		labels = append(labels, l)
		byLabel[l] = pe.ID
	}
	return labels, byLabel
}

func (r *readersPicker) refresh() {
	labels, byLabel := readerLabels(r.e.App().People)
	chosen := map[string]bool{}
	for _, id := range r.p.AccessedBy {
		chosen[id] = true
	}
	var names []string
	for _, l := range labels {
		if chosen[byLabel[l]] {
			names = append(names, l)
		}
	}
	switch {
	case len(names) == 0:
		r.summary.SetText("Nobody chosen yet.")
	case len(names) <= 4:
		r.summary.SetText(strings.Join(names, "; "))
	default:
		r.summary.SetText(fmt.Sprintf("%s and %d others", strings.Join(names[:3], "; "), len(names)-3))
	}
}

func (r *readersPicker) onChoose() {
	labels, byLabel := readerLabels(r.e.App().People)
	cg := widget.NewCheckGroup(labels, nil)
	var selected []string
	for _, l := range labels {
		for _, id := range r.p.AccessedBy {
			if byLabel[l] == id {
				selected = append(selected, l)
			}
		}
	}
	cg.SetSelected(selected)
	d := dialog.NewCustomConfirm("Who accesses "+orDefault(r.p.Name, "this product")+"?", "Save", "Cancel",
		container.NewVScroll(cg), func(ok bool) {
			if ok {
				r.save(cg.Selected, byLabel)
			}
		}, r.e.win)
	d.Resize(fyne.NewSize(480, min(520, float32(len(labels))*40+160)))
	d.Show()
}

// save stores the chosen people's IDs, keeping any ID no longer in the
// draft so the checks can report it.
func (r *readersPicker) save(sel []string, byLabel map[string]string) {
	known := map[string]bool{}
	for _, id := range byLabel {
		known[id] = true
	}
	var ids []string
	for _, id := range r.p.AccessedBy {
		if !known[id] {
			ids = append(ids, id)
		}
	}
	for _, l := range sel {
		ids = append(ids, byLabel[l])
	}
	r.p.AccessedBy = ids
	r.refresh()
	r.e.Changed()
}
