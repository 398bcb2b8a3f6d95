package export_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// renderDPIA renders a's DPIA; DARS_SHOTS keeps a copy to look at.
func renderDPIA(t *testing.T, a *forms.Application) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, export.WriteDPIAPDF(&buf, a, fixedTime))
	keep(t, "dpia.pdf", buf.Bytes())
	return buf.Bytes()
}

func TestDPIAIsReproducible(t *testing.T) {
	assert.Equal(t, renderDPIA(t, forms.Example()), renderDPIA(t, forms.Example()))
}

func TestDPIAReadsLikeTheICOTemplate(t *testing.T) {
	pdf := renderDPIA(t, forms.Example())
	qpdfCheck(t, pdf)
	text := pdfText(t, pdf)
	n := pageCount(t, pdf)
	for _, want := range []string{
		"Data protection impact assessment",
		"Long-term kidney outcomes after childhood cancer (worked example)",
		"Screening: is a DPIA required?",
		"Required: the application asks for identifiable and pseudonymised health data",
		"Step 1: Identify the need for a DPIA",
		"Step 2: Describe the processing", "Nature of the processing", "Scope of the processing",
		"Context of the processing", "Purposes of the processing",
		"Step 3: Consultation process", "Survivors' patient and public", "Supported linkage; asked for a plain-language summary",
		"Step 4: Assess necessity and proportionality",
		"Article 6(1)(e) public task; Article 9(2)(j) research or statistics",
		"None: every location is in the UK.",
		"Step 5: Identify and assess risks", "Likelihood of harm", "Severity of harm", "Overall risk",
		"Risk matrix before and after measures", "Before measures", "After measures",
		"Step 6: Identify measures to reduce risk", "Effect on risk", "Residual risk", "Measure approved",
		"Action plan", "Tomás O'Neill", "30 Jun 2027",
		"Step 7: Sign off and record outcomes",
		"Measures approved by Prof. Ada Example, Head of School, 16 Nov 2026",
		"DPO advice provided by Morgan Lee, Data Protection Officer, 12 Nov 2026",
		"Next review due 16 Nov 2027.",
		fmt.Sprintf("Page %d of %d", n, n),
	} {
		assert.Contains(t, text, want)
	}
	// The steps come in the template's order.
	last := -1
	for s := 1; s <= 7; s++ {
		i := strings.Index(text, fmt.Sprintf("Step %d:", s))
		assert.Greater(t, i, last, "step %d", s)
		last = i
	}
	// Step 2 is drawn from the live application, beside the user's words.
	assert.Contains(t, text, "From the application NHS England supplies Hospital Episode Statistics")
	assert.Contains(t, text, "In the applicant's words Linked records are analysed only inside")
}

func TestDPIAShowsGapsAndHighResidualRisk(t *testing.T) {
	a := forms.Example()
	a.DPIA.Risks[2].Effect = forms.Accepted
	a.DPIA.Risks[2].ResidualLikelihood = forms.Probable
	a.DPIA.Risks[0].Measures = nil
	a.DPIA.SignOff = forms.DPIASignOff{DPOOutcome: forms.DPOOverruled}
	a.DPIA.Need = ""
	a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "CloudCo Ltd", Role: forms.RoleProcessor})
	a.Locations = append(a.Locations, forms.Location{ID: "l2", Site: "CloudCo Dublin", Country: "Ireland"})
	text := pdfText(t, renderDPIA(t, a))
	for _, want := range []string{
		"What the project aims to do and why a DPIA is needed Not answered",
		"the ICO must be consulted before processing starts (UK GDPR Article 36)",
		"Measures approved by Not answered",
		"Overruled. Reasons: Not answered",
		"• CloudCo Ltd",
		"CloudCo Dublin, Ireland (no transfer risk assessment recorded)",
	} {
		assert.Contains(t, text, want)
	}
}

func TestDPIAOfAnEmptyDraftRenders(t *testing.T) {
	a := forms.NewApplication("", forms.NewDate(2026, 11, 23))
	text := pdfText(t, renderDPIA(t, a))
	assert.Contains(t, text, "Untitled application")
	assert.Contains(t, text, "Not required on these answers")
	assert.Contains(t, text, "Step 7: Sign off and record outcomes")
}

// dpiaWord is a dpiaWord pdftotext found, with its box.
type dpiaWord struct {
	XMin, YMin, XMax, YMax float64
	Text                   string
}

// pageWords lists the words of a page with their boxes, as a reader's tool
// sees them.
func pageWords(t *testing.T, pdf []byte, page int) []dpiaWord {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-bbox", "-f", p, "-l", p, writeTemp(t, "bbox.pdf", pdf), "-").Output()
	require.NoError(t, err)
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var ws []dpiaWord
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "word" {
			continue
		}
		var w dpiaWord
		for _, at := range se.Attr {
			v, _ := strconv.ParseFloat(at.Value, 64)
			switch at.Name.Local {
			case "xMin":
				w.XMin = v
			case "yMin":
				w.YMin = v
			case "xMax":
				w.XMax = v
			case "yMax":
				w.YMax = v
			}
		}
		if t, err := dec.Token(); err == nil {
			if cd, ok := t.(xml.CharData); ok {
				w.Text = string(cd)
			}
		}
		ws = append(ws, w)
	}
	return ws
}

// matrixCellOf finds, on the page, the matrix (0 before, 1 after) cell in
// which number n is printed, by the positions of the axis labels; it returns
// the likelihood and severity labels of that cell.
func matrixCellOf(t *testing.T, ws []dpiaWord, matrix int, n string) (likelihood, severity string) {
	t.Helper()
	find := func(text string) []dpiaWord {
		var out []dpiaWord
		for _, w := range ws {
			if w.Text == text {
				out = append(out, w)
			}
		}
		return out
	}
	// Axis labels appear once per matrix, left matrix first.
	cols := map[string]dpiaWord{}
	for _, l := range []string{"Remote", "Possible", "Probable"} {
		var under []dpiaWord
		for _, w := range find(l) {
			// The axis labels sit under the grid; table cells use the same words above it.
			if w.YMin > find("Before")[0].YMin {
				under = append(under, w)
			}
		}
		require.Len(t, under, 2, l)
		cols[l] = under[matrix]
	}
	rows := map[string]dpiaWord{}
	for _, s := range []string{"Severe", "Significant", "Minimal"} {
		var side []dpiaWord
		for _, w := range find(s) {
			if w.YMin > find("Before")[0].YMin {
				side = append(side, w)
			}
		}
		require.Len(t, side, 2, s)
		rows[s] = side[matrix]
	}
	centre := func(a, b float64) float64 { return (a + b) / 2 }
	var hits []string
	for _, w := range find(n) {
		x, y := centre(w.XMin, w.XMax), centre(w.YMin, w.YMax)
		for l, c := range cols {
			if dpiaAbs(x-centre(c.XMin, c.XMax)) > 26 {
				continue
			}
			for s, r := range rows {
				if dpiaAbs(y-centre(r.YMin, r.YMax)) <= 26 {
					hits = append(hits, l+"/"+s)
					likelihood, severity = l, s
				}
			}
		}
	}
	require.Len(t, hits, 1, "number %s in matrix %d: %v", n, matrix, hits)
	return likelihood, severity
}

func dpiaAbs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestDPIAMatrixShowsEachRiskBeforeAndAfter(t *testing.T) {
	a := forms.Example()
	a.DPIA.Risks = a.DPIA.Risks[:2]
	a.DPIA.Risks[0].Likelihood, a.DPIA.Risks[0].Severity = forms.Probable, forms.Severe
	a.DPIA.Risks[0].ResidualLikelihood, a.DPIA.Risks[0].ResidualSeverity = forms.Remote, forms.Minimal
	a.DPIA.Risks[1].Likelihood, a.DPIA.Risks[1].Severity = forms.Possible, forms.Significant
	a.DPIA.Risks[1].ResidualLikelihood, a.DPIA.Risks[1].ResidualSeverity = forms.Remote, forms.Significant
	pdf := renderDPIA(t, a)
	page := 0
	for p := 1; p <= pageCount(t, pdf); p++ {
		if strings.Contains(pageOf(t, pdf, p), "Before measures") {
			page = p
		}
	}
	require.NotZero(t, page, "no page shows the matrix")
	ws := pageWords(t, pdf, page)
	for _, tc := range []struct {
		matrix  int
		n       string
		wantL   string
		wantSev string
	}{
		{0, "1", "Probable", "Severe"},
		{1, "1", "Remote", "Minimal"},
		{0, "2", "Possible", "Significant"},
		{1, "2", "Remote", "Significant"},
	} {
		l, s := matrixCellOf(t, ws, tc.matrix, tc.n)
		assert.Equal(t, tc.wantL+"/"+tc.wantSev, l+"/"+s, "risk %s in matrix %d", tc.n, tc.matrix)
	}
}

func TestDPIANamesThePartsOfTheDataFlowMapARiskPointsAt(t *testing.T) {
	a := forms.Example()
	a.DataFlow.Nodes = []forms.FlowNode{{ID: "n1", Label: "NHS England"}, {ID: "n2", Label: "Exampleton TRE"}}
	a.DataFlow.Flows = []forms.Flow{{ID: "f1", From: "n1", To: "n2"}}
	a.DPIA.Risks[1].NodeRefs = []string{"n2"}
	a.DPIA.Risks[1].FlowRefs = []string{"f1"}
	assert.Contains(t, pdfText(t, renderDPIA(t, a)), "Data flow map: Exampleton TRE; NHS England to Exampleton TRE")
}

func TestDPIAMatrixListsEveryRiskOfACrowdedCell(t *testing.T) {
	a := forms.Example()
	for len(a.DPIA.Risks) < 12 {
		r := a.DPIA.Risks[1]
		r.ID = ""
		a.DPIA.AddRisk(r)
	}
	text := pdfText(t, renderDPIA(t, a))
	// Risks 1, 2 and 5 and the seven copies of risk 2 share a cell.
	assert.Contains(t, text, "1, 2, 5, 6, 7, 8, 9, 10, 11, 12")
}
