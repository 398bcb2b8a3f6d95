package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestUnwrap(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"joins a paragraph":    {"one\ntwo\nthree", "one two three"},
		"keeps paragraphs":     {"one\ntwo\n\nthree", "one two\n\nthree"},
		"keeps list items":     {"Items:\n- a\n- b", "Items:\n- a\n- b"},
		"trims trailing space": {"one  \ntwo", "one two"},
		"empty":                {"", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { assert.Equal(t, tc.want, unwrap(tc.in)) })
	}
}

// The info button beside a field unfolds our guidance for it in place, and
// folds it away again.
func TestFieldGuidanceUnfolds(t *testing.T) {
	e := openSection(t, draftWithGroups(), forms.SectionPurpose)
	info := findButton(e.body.Content, flatIcon(theme.InfoIcon()).Name())
	require.NotNil(t, info)
	test.Tap(info)
	text := richTextWith(e.body.Content, "Serves R-U1.")
	require.NotNil(t, text, "no guidance for the purpose category")
	assert.Contains(t, text.String(), "Example: Health care")
	assert.True(t, shown(e, text))
	test.Tap(info)
	assert.False(t, shown(e, text))
}

// Every screen built here offers its section's introduction.
func TestSectionIntroductions(t *testing.T) {
	e := openSection(t, draftWithGroups(), forms.SectionOverview)
	for _, id := range []forms.SectionID{forms.SectionOverview, forms.SectionPurpose, forms.SectionData, forms.SectionCohort, forms.SectionLegal, forms.SectionOrganisations, forms.SectionTerritory} {
		e.showSection(id)
		acc := accordionIn(e.body.Content)
		ok := acc != nil
		require.True(t, ok, "%s does not start with its introduction", id)
		assert.Equal(t, "About this section", acc.Items[0].Title)
		assert.Contains(t, acc.Items[0].Detail.(*widget.RichText).String(), "(R-", "%s: the introduction names no requirement", id)
	}
}

func richTextWith(o fyne.CanvasObject, s string) *widget.RichText {
	switch w := o.(type) {
	case *widget.RichText:
		if strings.Contains(w.String(), s) {
			return w
		}
	case *foldingRow:
		return richTextWith(w.Container, s)
	case *fyne.Container:
		for _, k := range w.Objects {
			if r := richTextWith(k, s); r != nil {
				return r
			}
		}
	}
	return nil
}

func accordionIn(o fyne.CanvasObject) *widget.Accordion {
	switch w := o.(type) {
	case *widget.Accordion:
		return w
	case *fyne.Container:
		for _, k := range w.Objects {
			if a := accordionIn(k); a != nil {
				return a
			}
		}
	}
	return nil
}

// Every field a screen registers has our guidance, so no question is left
// without an explanation and an example.
func TestEveryFieldHasGuidance(t *testing.T) {
	e := openSection(t, forms.Example(), forms.SectionOverview)
	for _, id := range []forms.SectionID{forms.SectionOverview, forms.SectionPurpose, forms.SectionData, forms.SectionCohort, forms.SectionLegal, forms.SectionOrganisations, forms.SectionTerritory} {
		e.showSection(id)
		g := sectionGuide(id)
		for path := range e.fields {
			if strings.HasSuffix(path, "]") {
				continue // an entry of a repeating group, not a question
			}
			f, ok := g.g.Field(path)
			assert.True(t, ok && f.Path == forms.GenericPath(path), "%s: no guidance for %s", id, path)
		}
	}
}
