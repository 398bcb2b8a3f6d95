package app

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryStartingPointBuildsADraft(t *testing.T) {
	require.GreaterOrEqual(t, len(startingPoints), 5)
	assert.Equal(t, "Blank", startingPoints[0].Name)
	for _, p := range startingPoints {
		a, err := p.Build(forms.NewDate(2026, 11, 23))
		require.NoError(t, err, p.Name)
		assert.NotEmpty(t, a.Overview.StageHistory, p.Name)
	}
}

func TestTheNewDraftDialogSaysWhatEachStartingPointIs(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.onNew()
	top := u.start.win.Canvas().Overlays().Top()
	require.NotNil(t, top)
	var from *widget.RadioGroup
	for _, o := range test.LaidOutObjects(top) {
		if r, ok := o.(*widget.RadioGroup); ok {
			from = r
		}
	}
	require.NotNil(t, from)
	for _, p := range startingPoints {
		require.NotEmpty(t, p.Description, p.Name)
		from.SetSelected(p.Name)
		assert.Contains(t, texts(top), p.Description, "choosing %s describes it", p.Name)
	}
	from.SetSelected("Section 251 record-linkage study")
	shoot(t, u.start.win, "new-draft-dialog.png")
}

// An s251 study has no participants and no consent: the template's own
// words, and the findings a fresh draft from it raises, say so.
func TestTheS251TemplateIsWrittenForLinkageWithoutConsent(t *testing.T) {
	var s251 assets.Template
	for _, tp := range assets.Templates() {
		if tp.ID == "s251-linkage" {
			s251 = tp
		}
	}
	require.NotEmpty(t, s251.JSON)
	var doc any
	require.NoError(t, json.Unmarshal(s251.JSON, &doc))
	consentWords := regexp.MustCompile(`(?i)\b(consent|consented|participants?|recruit\w*)\b`)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				walk(path+"."+k, c)
			}
		case []any:
			for i, c := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), c)
			}
		case string:
			assert.False(t, consentWords.MatchString(x), "%s reads as a consented study: %q", path, x)
		}
	}
	walk("", doc)
	assert.Contains(t, s251.Description, "without their consent")

	a, err := forms.FromTemplate(s251.JSON, forms.NewDate(2026, 11, 23))
	require.NoError(t, err)
	assert.Equal(t, forms.CLDCS251, a.Legal.CLDC)
	for _, f := range forms.Evaluate(a, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)) {
		assert.False(t, consentWords.MatchString(f.Message), "%s speaks of consent to an s251 draft: %s", f.CheckID, f.Message)
	}
	assert.NotContains(t, needExample(a), "consented")
	assert.NotContains(t, consultationExample(a), "consent at")
}
