package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// organisationsView is Organisations and people (R-O1…R-O7).
type organisationsView struct {
	e      *Editor
	g      *guide
	orgs   *repeat[forms.Organisation]
	people *repeat[forms.Person]
}

func newOrganisationsView(e *Editor) fyne.CanvasObject {
	v := &organisationsView{e: e, g: sectionGuide(forms.SectionOrganisations)}
	a := e.App()

	v.orgs = newRepeat(e, "organisations", &a.Organisations, "organisation")
	v.orgs.empty = "No organisations yet. Add every organisation involved, even those that never see the data."
	v.orgs.title = func(i int, o *forms.Organisation) string {
		t := fmt.Sprintf("Organisation %d: %s", i+1, orDefault(o.Name, "unnamed"))
		if o.Role != "" {
			t += " · " + forms.LabelOf(forms.RoleChoices, string(o.Role))
		}
		return t
	}
	v.orgs.fresh = func() forms.Organisation { return forms.Organisation{ID: forms.NewID()} }
	v.orgs.row = v.organisationRow
	v.orgs.changed = func() { v.people.rebuild() }

	v.people = newRepeat(e, "people", &a.People, "person")
	v.people.empty = "No people yet. Add everyone who will access the data, with their role and organisation."
	v.people.title = func(i int, p *forms.Person) string {
		return fmt.Sprintf("Person %d: %s", i+1, orDefault(p.Name, "unnamed"))
	}
	v.people.fresh = func() forms.Person { return forms.Person{ID: forms.NewID(), AccessesData: true} }
	v.people.row = v.personRow

	orgs := v.orgs.build()
	people := v.people.build()
	return container.NewVBox(v.g.intro(),
		heading("Organisations"), orgs,
		heading("People"), people)
}

func (v *organisationsView) organisationRow(i int, path string, o *forms.Organisation) fyne.CanvasObject {
	e, q := v.e, questions{v.e, v.g}
	namePath := path + ".name"
	name := v.orgs.titled(e.TextEntry(namePath, &o.Name, "Full legal name", nil))
	var kind *widget.Select
	var guessed forms.OrganisationType
	// A type that is what the name says (the worked example's, an import's)
	// goes on following the name, as one the app filled in would.
	if t, ok := forms.GuessOrganisationType(o.Name); ok && t == o.Type {
		guessed = t
	}
	name.OnChanged = chain(name.OnChanged, func() {
		v.people.rebuild()
		// Until the applicant chooses a type, it follows what the name says.
		if t, ok := forms.GuessOrganisationType(o.Name); ok && kind != nil && (o.Type == "" || o.Type == guessed) && t != o.Type {
			guessed = t
			kind.SetSelected(forms.LabelOf(forms.OrganisationTypeChoices, string(t)))
		}
	})

	dsfcDate := container.NewVBox(newForm(
		q.date("DSFC signed on", path+".dsfc_date", &o.DSFCDate)))
	signatory := container.NewVBox(newForm(
		q.text("DSA signatory", path+".dsa_signatory", &o.DSASignatory, "Role or name with delegated authority to sign")))
	controller := container.NewVBox(
		subheading("As a data controller"),
		newForm(
			q.check(path+".legal_entity", "A legal entity that can sign contracts", &o.LegalEntity, nil),
			q.check(path+".dsfc_signed", "Data Sharing Framework Contract signed", &o.DSFCSigned, func(on bool) { Shown(dsfcDate, on) }),
		),
		dsfcDate, signatory)
	Shown(dsfcDate, o.DSFCSigned)

	kind = Choose(e, path+".type", forms.OrganisationTypeChoices, &o.Type, nil)
	security := v.security(path+".security", &o.Security)
	onRole := func(r forms.OrganisationRole) {
		Shown(controller, r.Controller())
		Shown(security, r != forms.RoleNoAccess)
		v.orgs.retitle()
	}
	role := choiceRow(q, "Role", path+".role", forms.RoleChoices, &o.Role, onRole)
	onRole(o.Role)

	var fromLibrary fyne.CanvasObject = container.NewVBox()
	if o.LibraryID != "" {
		// The library owns these answers and puts them back on every load:
		// editing them here would be silently undone, so they are shown
		// read-only with the way to change them.
		disableAll(name)
		disableAll(dsfcDate)
		disableAll(security)
		if d, ok := e.fields[path+".dsfc_signed"].(fyne.Disableable); ok {
			d.Disable()
		}
		fromLibrary = notice(theme.InfoIcon(), "The name, DSFC and security assurance of this organisation come from the unit's library: change them in Unit → Organisation library… on the start screen, and every draft that uses it follows.")
	}

	return container.NewVBox(
		fromLibrary,
		newForm(
			q.row("Name", namePath, name),
			q.row("Type", path+".type", kind),
			role,
			q.check(path+".overall_responsibility", "Holds overall responsibility for the data", &o.OverallResponsibility, nil),
		),
		controller,
		security,
		newForm(
			q.check(path+".honorary_contracts", "Honorary contracts are used", &o.HonoraryContracts, nil),
		),
	)
}

// security asks for the organisation's assurance (R-O3), or says none is
// needed on the aggregate HES route (R-D4); the answers are kept either way.
func (v *organisationsView) security(path string, s *forms.Security) fyne.CanvasObject {
	e, q := v.e, questions{v.e, v.g}
	isoExpiry := container.NewVBox(newForm(q.date("ISO 27001 expires", path+".iso27001_expiry", &s.ISO27001Expiry)))
	ceExpiry := container.NewVBox(newForm(q.date("CE+ expires", path+".cyber_essentials_plus_expiry", &s.CEPlusExpiry)))
	Shown(isoExpiry, s.ISO27001)
	Shown(ceExpiry, s.CyberEssentialsPlus)
	form := container.NewVBox(
		subheading("Security assurance"),
		newForm(
			q.text("DSPT code", path+".dspt_code", &s.DSPTCode, "e.g. EE133887-SCS"),
			choiceRow(q, "DSPT status", path+".dspt_status", forms.DSPTChoices, &s.DSPTStatus, nil),
			q.date("DSPT published", path+".dspt_published", &s.DSPTPublished),
			q.date("DSPT valid until", path+".dspt_valid_until", &s.DSPTValidUntil),
			q.check(path+".iso27001", "ISO 27001 certified", &s.ISO27001, func(on bool) { Shown(isoExpiry, on) }),
		),
		isoExpiry,
		newForm(
			q.check(path+".cyber_essentials_plus", "Cyber Essentials Plus", &s.CyberEssentialsPlus, func(on bool) { Shown(ceExpiry, on) }),
		),
		ceExpiry,
	)
	e.Field(path, form)
	if v.e.App().Data.AggregatedHESOnly {
		form.Hide()
		return container.NewVBox(
			notice(theme.InfoIcon(), "Only aggregate HES figures are requested, analysed on NHS England's servers: no DSPT is needed."),
			form)
	}
	return container.NewVBox(form)
}

func (v *organisationsView) personRow(i int, path string, p *forms.Person) fyne.CanvasObject {
	q := questions{v.e, v.g}
	return newForm(
		q.text("Name", path+".name", &p.Name, "Full name", v.people.titled),
		q.text("Role", path+".role", &p.Role, "e.g. Statistician"),
		orgRow(q, "Organisation", path+".organisation_id", &p.OrganisationID),
		q.check(path+".accesses_data", "Will access record-level data", &p.AccessesData, nil),
	)
}

// orgRow is a row that picks one of the draft's organisations.
func orgRow(q questions, label, path string, id *string) *widget.FormItem {
	return q.row(label, path, orgPicker(q.e, path, id))
}

// orgPicker chooses one of the draft's organisations and stores its ID.
// An ID whose organisation was removed is shown as such, not dropped.
func orgPicker(e *Editor, path string, id *string) fyne.CanvasObject {
	orgs := e.App().Organisations
	if len(orgs) == 0 {
		return Hint("Add organisations above first.")
	}
	labels := make([]string, len(orgs))
	for i, o := range orgs {
		labels[i] = fmt.Sprintf("%d. %s", i+1, orDefault(o.Name, "unnamed organisation"))
	}
	sel := widget.NewSelect(labels, nil)
	sel.PlaceHolder = "Choose the organisation…"
	for i, o := range orgs {
		if o.ID == *id && *id != "" {
			sel.SetSelectedIndex(i)
		}
	}
	if *id != "" && sel.SelectedIndex() < 0 {
		sel.PlaceHolder = "An organisation since removed: choose again"
	}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 && i < len(e.App().Organisations) {
			*id = e.App().Organisations[i].ID
			e.Changed()
		}
	}
	e.Field(path, sel)
	return sel
}

// chain runs then after an entry's existing change handler.
func chain(prev func(string), then func()) func(string) {
	return func(s string) {
		if prev != nil {
			prev(s)
		}
		then()
	}
}

// subheading names a group of questions inside a repeating-group entry.
func subheading(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}
