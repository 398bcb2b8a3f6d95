package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// WriteDestructionCertificate writes the certificate of destruction an
// applicant sends NHS England within 14 days of a DSA ending without
// renewal (R-A2). An incomplete record is refused with what it lacks, so a
// certificate never goes out with blanks. created is the document date
// (from the caller, for reproducible output).
func WriteDestructionCertificate(w io.Writer, a *forms.Application, created time.Time) error {
	if err := guardDraft("The certificate of destruction", a); err != nil {
		return err
	}
	r := a.Lifecycle.Destruction
	if err := forms.ValidateDestruction(r); err != nil {
		return fmt.Errorf("certificate of destruction: %w", err)
	}
	ref := strings.TrimSpace(a.Overview.DARSReference)
	info := DocInfo{
		Title: "Certificate of data destruction", Subject: a.Overview.Title,
		Author: a.Overview.LeadApplicant, Created: created,
		Footer: strings.TrimSpace("Certificate of data destruction " + ref),
	}
	return RenderDoc(w, info, func(d *Doc) error {
		d.Heading(1, "Certificate of data destruction")
		d.Note("Sent to NHS England after the Data Sharing Agreement ended without renewal (requirement R-A2: within 14 days of the agreement's end).")
		d.Heading(2, "Agreement")
		d.Answer("DARS reference", ref)
		d.Answer("Application", a.Overview.Title)
		d.Answer("Data controller(s)", controllers(a))
		d.Answer("Lead applicant", a.Overview.LeadApplicant)
		d.Answer("DSA signed", a.Lifecycle.DSASigned.Human())
		d.Answer("DSA ended", a.Lifecycle.DSAEnd.Human())

		d.Heading(2, "Destruction")
		d.Answer("Data destroyed", r.WhatDestroyed)
		d.Answer("Method of destruction", r.Method)
		d.Answer("Destroyed by", r.DestroyedBy)
		d.Answer("Date of destruction", r.DestroyedOn.Human())
		if len(a.Data.Products) > 0 {
			d.Space(4)
			d.StyledParagraph(labelStyle, lineH, "Data products received under the agreement")
			d.Space(2)
			var rows [][]string
			for _, p := range a.Data.Products {
				rows = append(rows, []string{p.Name, forms.LabelOf(forms.IdentifiabilityChoices, string(p.Identifiability))})
			}
			d.Table([]Column{{"Data product", 3}, {"Identifiability", 1}}, rows)
		}

		d.Heading(2, "Declaration")
		d.Paragraph("I confirm that all copies of the data listed above, including back-ups, extracts and derived record-level files held by or for the organisations named, have been destroyed by the method stated, so that they cannot be recovered. Only aggregate outputs with small numbers suppressed are kept, as the agreement allows.")
		d.signatureBlock()
		return nil
	})
}

func controllers(a *forms.Application) string {
	var names []string
	for _, o := range a.Organisations {
		if o.Role.Controller() && strings.TrimSpace(o.Name) != "" {
			names = append(names, o.Name)
		}
	}
	return strings.Join(names, "; ")
}

// signatureBlock draws labelled lines to sign on paper or digitally.
func (d *Doc) signatureBlock() {
	rowH := 30.0
	d.Ensure(4*rowH + 10)
	d.Space(10)
	for _, label := range []string{"Signature", "Name", "Role", "Date"} {
		d.TextAt(marginLeft, d.y+rowH-16, labelStyle, label)
		d.setStroke(colText, 0.6)
		d.pdf.Line(marginLeft+90, d.y+rowH-4, marginLeft+contentW*0.75, d.y+rowH-4)
		d.y += rowH
	}
}
