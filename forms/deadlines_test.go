package forms_test

import (
	"fmt"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var dlToday = forms.NewDate(2026, 11, 23)

// signed returns the example with a DSA signed and ending on the given date.
func signed(end forms.Date) *forms.Application {
	a := forms.Example()
	a.Lifecycle.DSASigned = forms.NewDate(2025, 4, 1)
	a.Lifecycle.DSAEnd = end
	a.Lifecycle.CohortFileSent = forms.NewDate(2025, 4, 20)
	a.Organisations[0].Security.ISO27001 = false
	a.Organisations[0].Security.DSPTValidUntil = forms.Date{}
	for i := range a.Evidence {
		a.Evidence[i].DocumentDate = forms.Date{} // no REC anniversary
	}
	return a
}

func summary(ds []forms.Deadline) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %s %s", d.Due, d.Kind, d.Urgency))
	}
	return out
}

func TestDeadlinesAfterApproval(t *testing.T) {
	cases := map[string]struct {
		edit func(a *forms.Application)
		want []string
	}{
		"DSA ends in five months": {func(a *forms.Application) {}, []string{
			"2027-03-30 dsa-renewal later", "2027-04-30 destruction later", "2027-05-14 destruction-confirmation later",
		}},
		"renewal window opens within 30 days": {func(a *forms.Application) {
			a.Lifecycle.DSAEnd = forms.NewDate(2027, 1, 15)
		}, []string{"2026-12-15 dsa-renewal due-soon", "2027-01-15 destruction later", "2027-01-29 destruction-confirmation later"}},
		"renewal requested: nothing to destroy": {func(a *forms.Application) {
			a.Lifecycle.RenewalRequested = true
		}, nil},
		"ended, not renewed, nothing recorded": {func(a *forms.Application) {
			a.Lifecycle.DSAEnd = forms.NewDate(2026, 11, 16)
		}, []string{"2026-10-16 dsa-renewal overdue", "2026-11-16 destruction overdue", "2026-11-30 destruction-confirmation due-soon"}},
		"destroyed, not confirmed": {func(a *forms.Application) {
			a.Lifecycle.DSAEnd = forms.NewDate(2026, 11, 16)
			a.Lifecycle.Destruction = &forms.DestructionRecord{DestroyedOn: forms.NewDate(2026, 11, 17)}
		}, []string{"2026-11-30 destruction-confirmation due-soon"}},
		"destroyed and confirmed": {func(a *forms.Application) {
			a.Lifecycle.DSAEnd = forms.NewDate(2026, 11, 16)
			a.Lifecycle.Destruction = &forms.DestructionRecord{DestroyedOn: forms.NewDate(2026, 11, 17), ConfirmedOn: forms.NewDate(2026, 11, 18)}
		}, nil},
		"cohort file not yet sent (R-C7)": {func(a *forms.Application) {
			a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2026, 11, 10)}
		}, []string{"2026-12-10 cohort-file due-soon"}},
		"no cohort, no cohort file": {func(a *forms.Application) {
			a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2026, 11, 10)}
			a.Cohort.Needed = false
		}, nil},
		"evidence and certificate expiry": {func(a *forms.Application) {
			a.Lifecycle = forms.Lifecycle{}
			a.Evidence[0].ValidUntil = forms.NewDate(2026, 11, 1)
			a.Organisations[0].Security.CyberEssentialsPlus = true
			a.Organisations[0].Security.CEPlusExpiry = forms.NewDate(2027, 2, 1)
		}, []string{"2026-11-01 evidence-expiry overdue", "2027-02-01 cyber-essentials-plus-expiry later"}},
		"REC annual review from the favourable opinion": {func(a *forms.Application) {
			a.Lifecycle = forms.Lifecycle{}
			a.Evidence[1].DocumentDate = forms.NewDate(2024, 12, 5)
		}, []string{"2026-12-05 rec-annual-review due-soon"}},
		"CAG annual review for s251": {func(a *forms.Application) {
			a.Lifecycle = forms.Lifecycle{}
			a.Purpose.IsResearch = false
			a.Legal.CLDC = forms.CLDCS251
			a.Evidence = append(a.Evidence, forms.EvidenceItem{Type: forms.EvS251, Title: "CAG approval letter", Satisfies: "s251-approval", DocumentDate: forms.NewDate(2023, 3, 1)})
		}, []string{"2027-03-01 cag-annual-review later"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := signed(forms.NewDate(2027, 4, 30))
			tc.edit(a)
			assert.Equal(t, tc.want, summary(forms.Deadlines([]*forms.Application{a}, nil, dlToday)))
		})
	}
}

func TestDeadlinesLibraryEntryOnceForAllDrafts(t *testing.T) {
	lib := []forms.LibraryEntry{{ID: "uoe", LegalName: "University of Exampleton",
		Security: forms.Security{DSPTValidUntil: forms.NewDate(2026, 12, 1), ISO27001: true, ISO27001Expiry: forms.NewDate(2028, 1, 31)}}}
	var drafts []*forms.Application
	for _, title := range []string{"Study B", "Study A"} {
		a := signed(forms.Date{})
		a.ID, a.Overview.Title = title, title
		a.Organisations[0].LibraryID = "uoe"
		forms.OverlayLibrary(a, lib)
		drafts = append(drafts, a)
	}
	ds := forms.Deadlines(drafts, lib, dlToday)
	require.Equal(t, []string{"2026-12-01 dspt-renewal due-soon", "2028-01-31 iso27001-expiry later"}, summary(ds))
	assert.Equal(t, "University of Exampleton", ds[0].Subject())
	assert.Equal(t, []string{"Study B", "Study A"}, ds[0].Affects)
	assert.Equal(t, 8, ds[0].Days)

	next, ok := forms.NextDeadline(drafts[1], lib, dlToday)
	require.True(t, ok)
	assert.Equal(t, forms.DeadlineDSPT, next.Kind)

	// A draft of the same title that does not use the organisation is not
	// given its deadline: links are by ID.
	unlinked := signed(forms.Date{})
	unlinked.ID, unlinked.Overview.Title = "other", "Study A"
	_, ok = forms.NextDeadline(unlinked, lib, dlToday)
	assert.False(t, ok)
}

func TestNextDeadlineNone(t *testing.T) {
	a := signed(forms.Date{})
	_, ok := forms.NextDeadline(a, nil, dlToday)
	assert.False(t, ok)
}

func TestValidateDestruction(t *testing.T) {
	assert.ErrorIs(t, forms.ValidateDestruction(nil), forms.ErrDestructionIncomplete)
	err := forms.ValidateDestruction(&forms.DestructionRecord{WhatDestroyed: "All extracts", DestroyedBy: "A. Analyst"})
	assert.ErrorIs(t, err, forms.ErrDestructionIncomplete)
	assert.Contains(t, err.Error(), "how it was destroyed, the date of destruction")
	assert.NoError(t, forms.ValidateDestruction(&forms.DestructionRecord{WhatDestroyed: "All extracts", DestroyedBy: "A. Analyst", Method: "Secure erase", DestroyedOn: dlToday}))
}
