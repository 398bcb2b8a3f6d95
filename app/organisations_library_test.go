package app

import (
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestLibraryLinkedOrganisationIsReadOnlyWhereTheLibraryRules(t *testing.T) {
	a := forms.Example()
	a.Organisations[0].LibraryID = "lib-1"
	a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "Own answers Ltd", Role: forms.RoleProcessor})
	e := openSection(t, a, forms.SectionOrganisations)

	linked := field[*widget.Entry](t, e, "organisations[0].name")
	assert.True(t, linked.Disabled(), "the library's name is not editable here")
	assert.True(t, field[*widget.Entry](t, e, "organisations[0].security.dspt_code").Disabled())
	assert.True(t, field[*widget.Check](t, e, "organisations[0].dsfc_signed").Disabled())
	assert.False(t, field[*widget.Entry](t, e, "organisations[0].dsa_signatory").Disabled(), "draft-only answers stay editable")

	own := field[*widget.Entry](t, e, "organisations[1].name")
	assert.False(t, own.Disabled(), "an unlinked organisation is the draft's own")
}
