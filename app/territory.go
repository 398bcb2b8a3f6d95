package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// territoryView is Territory, locations and onward sharing (R-T1…R-T5, R-O4).
type territoryView struct {
	e          *Editor
	g          *guide
	locations  *repeat[forms.Location]
	sublicence *fyne.Container
}

func newTerritoryView(e *Editor) fyne.CanvasObject {
	v := &territoryView{e: e, g: sectionGuide(forms.SectionTerritory)}
	a := e.App()
	q := questions{e, v.g}

	territory := newForm(radioRow(q, "Territory of use", "territory", forms.TerritoryChoices, &a.Territory, nil))

	v.locations = newRepeat(e, "locations", &a.Locations, "location")
	v.locations.empty = "No locations yet. Add every place the data is processed or stored, including cloud services and backups."
	v.locations.title = func(i int, l *forms.Location) string {
		var parts []string
		for _, s := range []string{l.Site, l.Country} {
			if strings.TrimSpace(s) != "" {
				parts = append(parts, strings.TrimSpace(s))
			}
		}
		return fmt.Sprintf("Location %d: %s", i+1, orDefault(strings.Join(parts, ", "), "not described"))
	}
	v.locations.fresh = func() forms.Location {
		return forms.Location{ID: forms.NewID(), Country: "United Kingdom", Use: "processing-and-storage"}
	}
	v.locations.row = v.locationRow

	v.sublicence = container.NewVBox(newForm(
		q.long("Why they need it", "sub_licensing.reason", &a.SubLicensing.Reason, "Who receives the data and what for"),
		q.long("Why not from NHS England", "sub_licensing.why_not_direct", &a.SubLicensing.WhyNotDirect, "Why NHS England cannot supply them directly"),
		q.long("Value you add", "sub_licensing.value_added", &a.SubLicensing.ValueAdded, "What you add to the data before passing it on"),
	))
	sub := newForm(q.check("sub_licensing.needed", "Record-level data passed to a third party", &a.SubLicensing.Needed, func(on bool) { Shown(v.sublicence, on) }))
	Shown(v.sublicence, a.SubLicensing.Needed)

	route := newForm(radioRow(q, "Access route", "access_route", forms.AccessRouteChoices, &a.AccessRoute, nil))

	return container.NewVBox(v.g.intro(),
		heading("Territory"), territory,
		heading("Processing and storage locations"), v.locations.build(),
		heading("Onward sharing"), sub, v.sublicence,
		heading("Access route"), route)
}

func (v *territoryView) locationRow(i int, path string, l *forms.Location) fyne.CanvasObject {
	e, q := v.e, questions{v.e, v.g}
	tra := container.NewVBox(
		notice(theme.WarningIcon(), "Outside the UK: NHS England will ask for extra assurance, and a country without a UK adequacy decision needs a transfer risk assessment. Check the territory above covers it."),
		newForm(q.text("TRA reference", path+".tra_reference", &l.TRAReference, "Reference or title of the transfer risk assessment")),
	)
	country := e.Suggest(path+".country", &l.Country, countrySuggestions)
	v.locations.titled(&country.Entry)
	country.OnChanged = chain(country.OnChanged, func() { Shown(tra, outsideUK(l.Country)) })
	Shown(tra, outsideUK(l.Country))

	return container.NewVBox(
		newForm(
			orgRow(q, "Organisation", path+".organisation_id", &l.OrganisationID),
			q.text("Site", path+".site", &l.Site, "Building, data centre or cloud region", v.locations.titled),
			q.row("Country", path+".country", country),
			q.text("Cloud provider", path+".cloud_provider", &l.CloudProvider, "Leave empty for on-premises systems"),
			choiceRow(q, "Use", path+".use", forms.LocationUseChoices, &l.Use, nil),
		),
		tra,
	)
}

// radio edits an enumerated field where exactly one choice must stand out
// at a glance (territory, access route).
func radio[T ~string](e *Editor, path string, choices []forms.Choice, p *T, then func(T)) *widget.RadioGroup {
	w := widget.NewRadioGroup(forms.Labels(choices), nil)
	w.Required = true
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

var countrySuggestions = []string{
	"England", "Wales", "Scotland", "Northern Ireland", "United Kingdom",
	"Ireland", "France", "Germany", "Netherlands", "Sweden", "United States", "Canada", "Australia", "India",
}

// outsideUK says whether a typed country is known to lie outside the UK,
// for showing the transfer questions (R-T3). An unknown name is left to the
// readiness check that asks for a clearer one.
func outsideUK(country string) bool {
	c, ok := forms.LookupCountry(country)
	return ok && c.OutsideUK()
}
