package export

import (
	"io"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// WriteDPIAPDF writes dpia.pdf. The DPIA renderer comes with the DPIA work;
// until then the document says plainly that the DPIA is not written yet, so
// a pack never looks as if it carried one.
func WriteDPIAPDF(w io.Writer, app *forms.Application, at time.Time) error {
	info := DocInfo{
		Title: "DPIA: " + orUntitled(app.Overview.Title), Subject: "Data protection impact assessment",
		Author: app.Overview.LeadApplicant, Created: at, Footer: footerText(app),
	}
	return RenderDoc(w, info, func(d *Doc) error {
		d.Heading(1, "Data protection impact assessment")
		d.Answer("Application", orUntitled(app.Overview.Title))
		d.Answer("DARS reference", app.Overview.DARSReference)
		d.Space(12)
		d.StyledParagraph(Style{Size: 14, Bold: true, Color: colAlert}, 20, "DPIA not yet written")
		d.Paragraph("This version of DARS Workbench does not yet print the DPIA. Attach your organisation's DPIA as evidence of type DPIA; it is included in this pack under data/evidence/.")
		return d.Err()
	})
}
