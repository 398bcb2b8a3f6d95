package app

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The product picker finds a catalogue product by any word or abbreviation
// (HES, ECDS, MHSDS, NDRS, deaths…) and shows what approved agreements
// received it as, so picking one can prefill the request (R-D1).

// maxSuggestions caps the names offered in a product name's drop-down.
const maxSuggestions = 15

// productSuggestions are the catalogue names a typed name finds, best first;
// with nothing typed, the most often agreed.
func productSuggestions(typed string) []string {
	var out []string
	for _, p := range forms.SearchProducts(products, typed) {
		out = append(out, p.Name)
	}
	if len(out) == 0 {
		// Nothing has all the words: a typo or a run-together name; offer
		// the nearest names, then the most often agreed.
		out = forms.NearestProducts(products, typed, 5)
		for _, p := range products {
			out = appendNew(out, p.Name)
		}
	}
	return out[:min(len(out), maxSuggestions)]
}

// productFacts says in one sentence what approved agreements show for p.
func productFacts(p forms.Product) string {
	head := "Offered by NHS England, not in the register sample"
	if p.Seen > 0 {
		head = fmt.Sprintf("Seen on %d approved %s", p.Seen, plural1(p.Seen, "agreement", "agreements"))
	}
	var parts []string
	if ls := p.Levels(); len(ls) > 0 {
		var names []string
		for _, l := range ls {
			names = append(names, lowerFirst(forms.LabelOf(forms.IdentifiabilityChoices, string(l))))
		}
		parts = append(parts, "received "+strings.Join(names, " or "))
	}
	if fs := p.FrequencyValues(); len(fs) > 0 {
		var names []string
		for _, f := range fs {
			names = append(names, lowerFirst(forms.LabelOf(forms.FrequencyChoices, string(f))))
		}
		parts = append(parts, strings.Join(names, ", "))
	}
	if rs := p.Routes(); len(rs) > 0 {
		var names []string
		for _, r := range rs {
			names = append(names, routeShort[r])
		}
		parts = append(parts, "routes: "+strings.Join(names, ", "))
	}
	if p.SDEOnly {
		parts = append(parts, "only in the Secure Data Environment")
	}
	if len(parts) == 0 {
		return head + "."
	}
	return head + ": " + strings.Join(parts, "; ") + "."
}

func plural1(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// gatewaysFor offers the dissemination gateways approved agreements used
// for the named product, or every gateway seen when the name is not in the
// catalogue.
func gatewaysFor(name string) []string {
	if p, ok := forms.LookupProduct(name); ok && len(p.Gateways) > 0 {
		return p.Gateways
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range products {
		for _, g := range p.Gateways {
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	return out
}

// showProductPicker opens the catalogue search; pick is called with the
// product chosen. Typing narrows the list; Enter picks the first.
func showProductPicker(win fyne.Window, query string, pick func(forms.Product)) {
	var found []forms.Product
	search := widget.NewEntry()
	search.SetPlaceHolder("Any word or abbreviation: HES, ECDS, MHSDS, NDRS, deaths, maternity…")
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance
	var d dialog.Dialog
	list := widget.NewList(
		func() int { return len(found) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.TextStyle.Bold = true
			name.Truncation = fyne.TextTruncateEllipsis
			facts := widget.NewLabel("")
			facts.Truncation = fyne.TextTruncateEllipsis
			facts.Importance = widget.LowImportance
			return container.NewVBox(name, facts)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(found[i].Name)
			box.Objects[1].(*widget.Label).SetText(productFacts(found[i]))
		},
	)
	choose := func(i int) {
		if i < 0 || i >= len(found) {
			return
		}
		p := found[i]
		d.Hide()
		pick(p)
	}
	list.OnSelected = func(i widget.ListItemID) { choose(i) }
	refresh := func(q string) {
		found = forms.SearchProducts(products, q)
		list.UnselectAll()
		list.Refresh()
		list.ScrollToTop()
		switch {
		case len(products) == 0:
			count.SetText("The product catalogue could not be read: type the name on the Data screen instead.")
		case len(found) == 0:
			count.SetText("Nothing in the catalogue matches “" + q + "”. Try one word, or an abbreviation.")
		default:
			count.SetText(fmt.Sprintf("%d of %d products, most often agreed first. Choose one, or press Enter for the first.", len(found), len(products)))
		}
	}
	search.OnChanged = refresh
	search.OnSubmitted = func(string) { choose(0) }
	if _, known := forms.LookupProduct(query); !known {
		search.SetText(query)
	}
	refresh(search.Text)

	body := container.NewBorder(container.NewVBox(search, count), nil, nil, nil, list)
	d = dialog.NewCustom("Pick a data product", "Cancel", body, win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
	win.Canvas().Focus(search)
}

// nearestButtons offers the catalogue names nearest to an unknown one, each
// a button that uses it.
func nearestButtons(names []string, use func(string)) fyne.CanvasObject {
	box := container.NewVBox()
	for _, n := range names {
		n := n
		b := widget.NewButtonWithIcon("Use “"+n+"”", theme.ConfirmIcon(), func() { use(n) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		box.Add(b)
	}
	return box
}

// routeShort names each route in a few words, for one-line summaries.
var routeShort = map[forms.CLDCRoute]string{
	forms.CLDCNone:                  "no confidential data",
	forms.CLDCConsent:               "informed consent",
	forms.CLDCReasonableExpectation: "consent (reasonable expectation)",
	forms.CLDCS251:                  "s251",
	forms.CLDCStatutory:             "statutory exemption",
	forms.CLDCMixture:               "mixture of s251 and non-confidential",
	forms.CLDCOther:                 "other",
}

// lowerFirst lower-cases a label's first letter only, so "Anonymised – ICO
// code compliant" reads mid-sentence without losing its capitals.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[1]) {
		return s // an abbreviation
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
