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

// badObjective breaks every plain-language rule at once.
const badObjective = "Dr Jane Smith will utilise the HES data in the TRE going forward, and the results of the analyses, which will " +
	"be undertaken by the study team using survival models, competing-risks regression and multiple imputation, will be " +
	"presented to stakeholders at regional and national meetings and in journals.\nTomás O'Neill checks every table."

func buttonsNamed(obj fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	for _, o := range test.LaidOutObjects(obj) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			out = append(out, b)
		}
	}
	return out
}

func TestPublicEntryShowsTheRegisterEntry(t *testing.T) {
	a := forms.Example()
	a.Organisations[0].Type = "academic"
	a.Data.Products[1].Identifiability = forms.AnonymisedICO
	e := openSection(t, a, forms.SectionPurpose)
	e.onPublicEntry()
	assert.Equal(t, publicEntryID, e.current)
	assert.Contains(t, e.heading.Text, "Public entry")
	shownText := texts(e.body.Content)
	for _, want := range []string{
		"University of Exampleton", "Academic", "Sole: University of Exampleton", "DARS-NIC-123456-AB1C2-v1.0",
		"Hospital Episode Statistics Admitted Patient Care (HES APC)", "Pseudonymised", "Anonymised - ICO Code Compliant",
		"Consent (Reasonable Expectation)", "One-Off",
		"Objectives", "Processing", "Outputs", "Expected Benefits", "From Purpose › Objective",
		"Reading ease 46: difficult", "Flesch–Kincaid grade 12.3: reading age about 17", "22 words in 1 sentence; the longest has 22",
		"No plain-language findings.", "Yielded benefits",
	} {
		assert.Contains(t, shownText, want)
	}
	require.Len(t, e.fields, 4, "each text is registered under its field")
	assert.Len(t, buttonsNamed(e.body.Content, "Edit"), 4)
	assert.Empty(t, buttonsNamed(e.body.Content, "Comment…"))

	// Edit opens the answer where it is written.
	test.Tap(buttonsNamed(e.body.Content, "Edit")[1])
	assert.Equal(t, forms.SectionPurpose, e.current)
	assert.Equal(t, e.fields["purpose.processing_activities"], e.win.Canvas().Focused())

	// The menu item and the button under the section list show it again;
	// a section chosen from the list leaves it.
	e.publicEntryItem().Action()
	assert.Equal(t, publicEntryID, e.current)
	e.nav.Select(2)
	assert.Equal(t, forms.SectionData, e.current)
	for _, o := range test.LaidOutObjects(e.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Public entry" {
			test.Tap(b)
		}
	}
	assert.Equal(t, publicEntryID, e.current)
}

func TestPublicEntryMarksABadText(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = badObjective
	a.Purpose.ExpectedOutputs = ""
	e := openSection(t, a, forms.SectionOverview)
	e.onPublicEntry()
	shownText := texts(e.body.Content)
	for _, want := range []string{
		"Names 2 people: “Dr Jane Smith” and “Tomás O'Neill” (named in this draft)",
		"Spell out at first use: TRE (trusted research environment)",
		"“utilise”: use",
		"A sentence runs to 48 words",
		"(R-U2)",
		"Not written yet: the register would show nothing here.",
	} {
		assert.Contains(t, shownText, want)
	}
	obj := e.fields["purpose.objective"].(*styledText)
	styled := map[string]styledRun{}
	for _, para := range obj.paras {
		for _, r := range para {
			styled[r.Text] = r
		}
	}
	assert.Equal(t, theme.ColorNameError, styled["Dr Jane Smith"].Color, "a name in red")
	assert.True(t, styled["Dr Jane Smith"].Style.Italic, "inside the long sentence")
	assert.Equal(t, theme.ColorNameWarning, styled["TRE"].Color, "an abbreviation in amber")
	assert.Equal(t, theme.ColorNameWarning, styled["utilise"].Color, "jargon in amber")
	assert.Equal(t, theme.ColorNameError, styled["Tomás O'Neill"].Color)
	assert.False(t, styled[" checks every table."].Style.Italic, "the short sentence is not marked")

	// The findings are in the readiness panel too, naming the requirement.
	var public []forms.Finding
	for _, f := range e.Findings() {
		if strings.HasPrefix(f.CheckID, "public-") {
			public = append(public, f)
		}
	}
	assert.Len(t, public, 4)
	for _, f := range public {
		assert.Equal(t, []string{"R-U2"}, f.Requirements)
		assert.Equal(t, forms.SectionPurpose, f.Section)
	}
}

func TestMarkedSegmentsKeepParagraphs(t *testing.T) {
	text := "One TRE.\n\nTwo."
	r := forms.TextReview{Acronyms: []forms.AcronymNote{{Acronym: "TRE", Start: 4}}}
	segs := markedSegments(text, r)
	var got []string
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		got = append(got, ts.Text+map[bool]string{true: "", false: "¶"}[ts.Style.Inline])
	}
	assert.Equal(t, []string{"One ", "TRE", ".¶", "¶", "Two."}, got)
	var all strings.Builder
	for _, s := range segs {
		all.WriteString(s.Textual())
	}
	assert.Equal(t, "One TRE.Two.", all.String(), "every character shown once, line breaks as paragraphs")
}

func TestReviewerCommentsFromThePublicEntry(t *testing.T) {
	u, _ := newTestUI(t)
	_, pack := exportedDraft(t, u)
	r := u.openPackNow(pack)
	require.NotNil(t, r)
	r.onPublicEntry()
	assert.Equal(t, publicEntryID, r.current)
	assert.Empty(t, buttonsNamed(r.body.Content, "Edit"), "a pack cannot be edited")
	comment := buttonsNamed(r.body.Content, "Comment…")
	require.Len(t, comment, 4)
	assert.False(t, comment[0].Disabled())

	require.NoError(t, r.review.comment("purpose.expected_benefits", forms.CommentQuestion, "Who measures the referrals?", "Gwen Ashby", "IG lead"))
	assert.Equal(t, publicEntryID, r.current, "the reviewer stays on the Public entry")
	assert.Contains(t, texts(r.body.Content), "1 review comment on this answer, in your review.")
	c := r.review.review.Comments[len(r.review.review.Comments)-1]
	assert.Equal(t, forms.SectionPurpose, c.Section, "the comment is on the answer, in its section")
	assert.Equal(t, "purpose.expected_benefits", c.Field)
	assert.Equal(t, "Earlier detection of kidney disease in about 300 survivors a year in England, measured by referral rates in late-effects clinics.", c.FieldWas)

	// The whole-section comment of the Review menu explains instead.
	r.review.onComment("")
	assert.Len(t, r.review.review.Comments, 1, "no comment on the Public entry as a section")
}
