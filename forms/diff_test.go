package forms_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

func TestWordDiff(t *testing.T) {
	cases := map[string]struct {
		old, new string
		want     []forms.WordOp
	}{
		"identical":    {"the same text", "the same text", []forms.WordOp{{forms.OpSame, "the same text"}}},
		"both empty":   {"", "", nil},
		"from nothing": {"", "new words", []forms.WordOp{{forms.OpInsert, "new words"}}},
		"to nothing":   {"old words", "", []forms.WordOp{{forms.OpDelete, "old words"}}},
		"one word replaced": {"link to HES data", "link to ONS data", []forms.WordOp{
			{forms.OpSame, "link to "}, {forms.OpDelete, "HES"}, {forms.OpInsert, "ONS"}, {forms.OpSame, " data"}}},
		"words inserted in the middle": {"two analysts run models", "two trained analysts run survival models", []forms.WordOp{
			{forms.OpSame, "two "}, {forms.OpInsert, "trained "}, {forms.OpSame, "analysts run"}, {forms.OpInsert, " survival"}, {forms.OpSame, " models"}}},
		"sentence removed at the end": {"Keep this. Drop that.", "Keep this.", []forms.WordOp{
			{forms.OpSame, "Keep this."}, {forms.OpDelete, " Drop that."}}},
		"unicode words": {"Siân Wyn leads", "Siân Ŵyn leads", []forms.WordOp{
			{forms.OpSame, "Siân "}, {forms.OpDelete, "Wyn"}, {forms.OpInsert, "Ŵyn"}, {forms.OpSame, " leads"}}},
		"line breaks kept": {"a\nb", "a\n\nb", []forms.WordOp{{forms.OpSame, "a"}, {forms.OpDelete, "\n"}, {forms.OpInsert, "\n\n"}, {forms.OpSame, "b"}}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got := forms.WordDiff(tc.old, tc.new)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.old, forms.Joined(got, false), "old side rebuilds")
			assert.Equal(t, tc.new, forms.Joined(got, true), "new side rebuilds")
		})
	}
}

func TestWordDiffOfLongTextsRebuildsBothSides(t *testing.T) {
	old := strings.Repeat("We will link the cohort to hospital records and death registrations. ", 400)
	new := strings.Replace(old, "death registrations", "cancer registrations", 3) + "A new closing sentence."
	ops := forms.WordDiff(old, new)
	assert.Equal(t, old, forms.Joined(ops, false))
	assert.Equal(t, new, forms.Joined(ops, true))
	var inserted []string
	for _, op := range ops {
		if op.Kind == forms.OpInsert {
			inserted = append(inserted, strings.TrimSpace(op.Text))
		}
	}
	assert.Equal(t, []string{"cancer", "cancer", "cancer", "A new closing sentence."}, inserted)
}

func BenchmarkWordDiffLong(b *testing.B) {
	old := strings.Repeat("We will link the cohort to hospital records and death registrations. ", 300)
	new := strings.ReplaceAll(old, "death", "cancer")
	for b.Loop() {
		forms.WordDiff(old, new)
	}
}

func changesOf(c forms.Comparison) map[string]forms.FieldChange {
	out := map[string]forms.FieldChange{}
	for _, s := range c.Sections {
		for _, ch := range s.Changes {
			out[ch.Path] = ch
		}
	}
	return out
}

func TestCompare(t *testing.T) {
	cases := map[string]struct {
		edit func(a *forms.Application)
		want map[string]forms.ChangeKind
	}{
		"nothing changed": {func(a *forms.Application) {}, map[string]forms.ChangeKind{}},
		"revision and comments are not answers": {func(a *forms.Application) {
			a.Revision = 9
			a.Comments = []forms.ReviewComment{{ID: "c", Section: forms.SectionPurpose, Kind: "question", Text: "Why?", Author: "R"}}
		}, map[string]forms.ChangeKind{}},
		"a title changed": {func(a *forms.Application) { a.Overview.Title = "New title" },
			map[string]forms.ChangeKind{"overview.title": forms.Changed}},
		"an answer given": {func(a *forms.Application) { a.Overview.Summary = ""; a.Purpose.CommercialPurpose = "None" },
			map[string]forms.ChangeKind{"overview.summary": forms.Removed, "purpose.commercial_purpose": forms.Added}},
		"a box ticked": {func(a *forms.Application) { a.Overview.NovelUse = true },
			map[string]forms.ChangeKind{"overview.novel_or_contentious": forms.Changed}},
		"an organisation added at the top matches the rest by ID": {func(a *forms.Application) {
			a.Organisations = append([]forms.Organisation{{ID: "o9", Name: "Exampleton NHS Trust", Role: forms.RoleProcessor}}, a.Organisations...)
		}, map[string]forms.ChangeKind{"organisations[0]": forms.Added}},
		"a person removed": {func(a *forms.Application) { a.People = a.People[:1] },
			map[string]forms.ChangeKind{"people[1]": forms.Removed}},
		"a list of values changed": {func(a *forms.Application) { a.Cohort.ValidationFields = a.Cohort.ValidationFields[:2] },
			map[string]forms.ChangeKind{"cohort.validation_fields": forms.Changed}},
		"a field of a nested entry changed": {func(a *forms.Application) { a.Data.Products[0].Fields[1].Reason = "Because." },
			map[string]forms.ChangeKind{"data.products[0].fields[1].reason": forms.Changed}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			old := forms.Example()
			new := forms.Example()
			tc.edit(new)
			got := map[string]forms.ChangeKind{}
			for p, ch := range changesOf(forms.Compare(old, new)) {
				got[p] = ch.Kind
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCompareFilesChangesUnderTheirSectionsInOrder(t *testing.T) {
	old, new := forms.Example(), forms.Example()
	new.Overview.Title = "Changed"
	new.Legal.CohortContact = "Website only."
	new.Purpose.Objective += " We will also study bladder outcomes."
	c := forms.Compare(old, new)
	var secs []forms.SectionID
	for _, s := range c.Sections {
		secs = append(secs, s.Section)
	}
	assert.Equal(t, []forms.SectionID{forms.SectionOverview, forms.SectionPurpose, forms.SectionLegal}, secs)
	obj := changesOf(c)["purpose.objective"]
	require.NotNil(t, obj.Words, "a long answer is compared word by word")
	assert.Equal(t, forms.WordOp{Kind: forms.OpInsert, Text: " We will also study bladder outcomes."}, obj.Words[len(obj.Words)-1])
	assert.Nil(t, changesOf(c)["overview.title"].Words, "a short answer is shown whole")
	assert.Equal(t, "Purpose › Objective", obj.Label)
	assert.Equal(t, 3, c.Count())
}

func TestCompareEvidenceByHash(t *testing.T) {
	att := func(name, sum string) *forms.Attachment {
		return &forms.Attachment{Name: name, SHA256: sum, IsPDF: true}
	}
	old, new := forms.Example(), forms.Example()
	old.Evidence[0].File = att("protocol-v3.pdf", strings.Repeat("a", 64))
	new.Evidence[0].File = att("protocol-v4.pdf", strings.Repeat("b", 64))
	old.Evidence[1].File = att("rec.pdf", strings.Repeat("c", 64))
	new.Evidence[1].File = att("rec.pdf", strings.Repeat("c", 64))
	new.Evidence[2].File = att("consent.pdf", strings.Repeat("d", 64))
	old.Evidence = append(old.Evidence, forms.EvidenceItem{ID: "e4", Title: "Old letter", File: att("letter.pdf", strings.Repeat("e", 64))})

	c := forms.Compare(old, new)
	assert.Equal(t, []forms.EvidenceChange{
		{Title: "Study protocol", Kind: forms.Changed, OldName: "protocol-v3.pdf", NewName: "protocol-v4.pdf", OldHash: strings.Repeat("a", 64), NewHash: strings.Repeat("b", 64)},
		{Title: "Consent form", Kind: forms.Added, NewName: "consent.pdf", NewHash: strings.Repeat("d", 64)},
		{Title: "Old letter", Kind: forms.Removed, OldName: "letter.pdf", OldHash: strings.Repeat("e", 64)},
	}, c.Evidence)
	// The removed item is an answer too, shown whole.
	assert.Equal(t, forms.Removed, changesOf(c)["evidence[3]"].Kind)
	assert.Equal(t, "Title: Old letter", changesOf(c)["evidence[3]"].Old)
}

// FuzzWordDiff: whatever the texts, the diff rebuilds both exactly and
// never puts two runs of the same kind side by side.
func FuzzWordDiff(f *testing.F) {
	f.Add("link to HES data", "link to ONS data")
	f.Add("", "a b  c\n")
	f.Add("Siân Ŵyn", "Sian Wyn")
	f.Fuzz(func(t *testing.T, old, new string) {
		ops := forms.WordDiff(old, new)
		assert.Equal(t, old, forms.Joined(ops, false))
		assert.Equal(t, new, forms.Joined(ops, true))
		for i := 1; i < len(ops); i++ {
			assert.NotEqual(t, ops[i-1].Kind, ops[i].Kind)
		}
	})
}

// BenchmarkCompareLarge compares a large draft with an edited copy (every
// long answer changed a little), as the Compare window does.
func BenchmarkCompareLarge(b *testing.B) {
	old := formstest.Large()
	new := old.Clone()
	new.Purpose.Objective = strings.Replace(new.Purpose.Objective, " the ", " a ", 5)
	new.Purpose.ProcessingActivities += " One more step."
	for b.Loop() {
		forms.Compare(old, new)
	}
}
