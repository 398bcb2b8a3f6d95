package export_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// memEvidence is an export.EvidenceSource and export.BlobStore in memory.
type memEvidence map[string][]byte

func (m memEvidence) Open(sum string) (io.ReadCloser, error) {
	b, ok := m[sum]
	if !ok {
		return nil, fmt.Errorf("evidence %s: %w", sum, os.ErrNotExist)
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

func (m memEvidence) Stage(r io.Reader) (string, int64, func(bool) error, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", 0, nil, err
	}
	s := sha256.Sum256(b)
	sum := hex.EncodeToString(s[:])
	return sum, int64(len(b)), func(keep bool) error {
		if keep {
			m[sum] = b
		}
		return nil
	}, nil
}

// attach gives an evidence item a file with the given content.
func attach(ev memEvidence, item *forms.EvidenceItem, name string, content []byte) {
	s := sha256.Sum256(content)
	sum := hex.EncodeToString(s[:])
	ev[sum] = content
	item.File = &forms.Attachment{Name: name, Size: int64(len(content)), SHA256: sum, IsPDF: true}
}

// richApp is the worked example with every optional part filled in, so that
// exports exercise null-able fields, nested lists and attachments. The draft
// ID and revision are fixed for golden files.
func richApp() (*forms.Application, memEvidence) {
	a := forms.Example()
	a.ID = "6f1c2a9e-3b7d-4c1e-9a55-0d2e8b7f4a10"
	a.Revision = 7
	ev := memEvidence{}
	attach(ev, &a.Evidence[0], "protocol v4.0 – final.pdf", []byte("%PDF-1.4 protocol for Siân Ŵyn\n"))
	attach(ev, &a.Evidence[1], "REC opinion.pdf", []byte("%PDF-1.4 favourable opinion\n"))
	a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: "e4", Type: "privacy-notice", Title: "Study privacy notice", Status: "draft"})
	a.SubLicensing = forms.SubLicensing{Needed: false}
	a.Lifecycle = forms.Lifecycle{
		DSASigned: forms.NewDate(2027, time.March, 1), DSAEnd: forms.NewDate(2030, time.March, 31),
		RenewalRequested: true, RenewalRequestedOn: forms.NewDate(2030, time.January, 15),
		Destruction: &forms.DestructionRecord{WhatDestroyed: "All extracts", DestroyedBy: "Tomás O'Neill", Method: "Secure deletion", DestroyedOn: forms.NewDate(2030, time.April, 2)},
	}
	a.DataFlow = forms.DataFlowMap{
		Nodes: []forms.FlowNode{
			{ID: "n1", Kind: "nhs-england", Label: "NHS England", Derived: true},
			{ID: "n2", Kind: "organisation", Label: "University of Exampleton TRE", OrganisationID: "o1", Country: "United Kingdom", Derived: true},
			{ID: "n3", Kind: "output", Label: "Aggregate tables (small numbers suppressed)"},
		},
		Flows: []forms.Flow{
			{ID: "f1", From: "n1", To: "n2", Items: "HES APC and deaths, linked to the cohort", Identifiability: forms.Pseudonymised, Method: forms.TransferSecureFile, Encrypted: true, Frequency: "one-off", LegalGateway: "Consent", Derived: true},
			{ID: "f2", From: "n2", To: "n3", Items: "Aggregate results", Identifiability: forms.AggregateLevel, Method: forms.TransferPublication},
		},
	}
	a.DPIA.Risks = []forms.DPIARisk{{
		ID: "r1", Title: "Small cells in outputs", Source: "Re-identification from small cells", Harm: "Loss of confidentiality",
		Likelihood: "remote", Severity: "significant",
		Measures: []forms.DPIAMeasure{{ID: "m1", Text: "Suppress counts under 10", Approved: true, Owner: "Dr Siân Wyn", Due: forms.NewDate(2027, time.May, 1)}},
		Effect:   "reduced", ResidualLikelihood: "remote", ResidualSeverity: "minimal", FlowRefs: []string{"f2"},
	}}
	a.Comments = []forms.ReviewComment{{ID: "c1", Section: forms.SectionPurpose, Field: "purpose.objective", Kind: "question", Text: "Which years of HES?", Author: "IG lead", Revision: 6, Replies: []forms.CommentNote{{Author: "Siân", Text: "2000–2026", On: forms.NewDate(2026, time.November, 2)}}}}
	return a, ev
}
