package storage_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/require"
)

// openTemp opens a fresh database in the test's temporary directory.
func openTemp(t testing.TB) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "workbench.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// newDraft returns the worked example under a fresh ID.
func newDraft(title string) *forms.Application {
	a := forms.Example()
	a.ID = forms.NewID()
	a.Overview.Title = title
	return a
}

// bigDraft returns a draft the size of a large real application: the worked
// example grown to 20 products, 10 organisations and long free text.
func bigDraft() *forms.Application {
	a := newDraft("Large realistic draft")
	para := strings.Repeat("We will link the consented cohort to hospital and death records, minimise fields to those the analysis needs, and publish only aggregate tables with small numbers suppressed. ", 12)
	a.Purpose.Objective = para
	a.Purpose.ProcessingActivities = para
	a.Purpose.ExpectedOutputs = para
	a.Purpose.ExpectedBenefits = para
	a.Overview.Summary = para[:600]
	base := a.Data.Products[0]
	for i := len(a.Data.Products); i < 20; i++ {
		p := base
		p.ID = fmt.Sprintf("p%d", i+1)
		p.Name = fmt.Sprintf("Data product %d", i+1)
		p.YearsReason = para[:400]
		p.Fields = nil
		for f := 0; f < 15; f++ {
			p.Fields = append(p.Fields, forms.ProductField{Name: fmt.Sprintf("Field %d", f), Reason: "Needed to identify the outcome and time it from treatment, as the protocol's section 4.2 explains."})
		}
		a.Data.Products = append(a.Data.Products, p)
	}
	org := a.Organisations[0]
	for i := len(a.Organisations); i < 10; i++ {
		o := org
		o.ID = fmt.Sprintf("o%d", i+1)
		o.Name = fmt.Sprintf("Partner organisation %d", i+1)
		o.Role = forms.RoleProcessor
		o.OverallResponsibility = false
		a.Organisations = append(a.Organisations, o)
		a.People = append(a.People, forms.Person{ID: fmt.Sprintf("pe%d", i+10), Name: fmt.Sprintf("Analyst %d", i), Role: "Analyst", OrganisationID: o.ID, AccessesData: true})
	}
	return a
}
