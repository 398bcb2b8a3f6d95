package export_test

import (
	"bytes"
	"testing"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func destroyedExample() *forms.Application {
	a := forms.Example()
	a.Lifecycle = forms.Lifecycle{
		DSASigned: forms.NewDate(2027, 3, 1), DSAEnd: forms.NewDate(2030, 3, 31),
		Destruction: &forms.DestructionRecord{
			WhatDestroyed: "Pseudonymised HES APC and death registration extracts, the linked analysis files and their back-ups",
			DestroyedBy:   "Tomás O'Neill, Statistician, University of Exampleton",
			Method:        "Secure deletion with the TRE's certified erase tool; back-up media overwritten",
			DestroyedOn:   forms.NewDate(2030, 4, 4),
		},
	}
	return a
}

func TestDestructionCertificate(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, export.WriteDestructionCertificate(&buf, destroyedExample(), fixedTime))
	pdf := buf.Bytes()
	qpdfCheck(t, pdf)
	assert.Equal(t, 1, pageCount(t, pdf))
	text := pdfText(t, pdf)
	for _, want := range []string{
		"Certificate of data destruction", "DARS-NIC-123456-AB1C2-v1.0", "University of Exampleton",
		"31 Mar 2030", "4 Apr 2030", "Tomás O'Neill", "certified erase tool",
		"Hospital Episode Statistics Admitted Patient Care (HES APC)", "Pseudonymised", "Signature", "Page 1 of 1",
	} {
		assert.Contains(t, text, want)
	}
	keep(t, "destruction.pdf", pdf)

	// The same record gives the same bytes.
	var again bytes.Buffer
	require.NoError(t, export.WriteDestructionCertificate(&again, destroyedExample(), fixedTime))
	assert.Equal(t, pdf, again.Bytes())
}

func TestDestructionCertificateRefusesIncompleteRecord(t *testing.T) {
	a := destroyedExample()
	a.Lifecycle.Destruction.Method = ""
	var buf bytes.Buffer
	err := export.WriteDestructionCertificate(&buf, a, fixedTime)
	assert.ErrorIs(t, err, forms.ErrDestructionIncomplete)
	assert.Contains(t, err.Error(), "how it was destroyed")
	assert.Zero(t, buf.Len())
}
