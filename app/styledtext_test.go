package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// lineText is a line as read: pieces apart on the line are words apart.
func lineText(line []styledPiece) string {
	var b strings.Builder
	end := float32(0)
	for i, p := range line {
		if i > 0 && p.x > end+0.5 {
			b.WriteString(" ")
		}
		b.WriteString(p.text)
		end = p.x + fyne.MeasureText(p.text, theme.TextSize(), p.style).Width
	}
	return b.String()
}

func lineRight(line []styledPiece, size float32) float32 {
	if len(line) == 0 {
		return 0
	}
	p := line[len(line)-1]
	return p.x + fyne.MeasureText(p.text, size, p.style).Width
}

// Marked words anywhere in a line wrap as whole words at every width: none
// is spread over lines a character at a time (Fyne's RichText does that to
// a segment starting near a line's end), no line runs past the width
// unless it is one word wider than it, and every word is shown once, in
// order.
func TestStyledTextWrapsMarkedWordsWhole(t *testing.T) {
	text := "Dr Jane Smith and Prof. Ahmed Khan of the Exampleton Renal Epidemiology Unit will utilise HES APC, ECDS and MRIS data, linked via the DSCRO, in order to operationalise a multivariable longitudinal characterisation, to facilitate evidence-informed reconfiguration going forward."
	a := forms.Example()
	a.Purpose.Objective = text
	r := forms.PublicTexts(a)[0].Review
	require.NotEmpty(t, r.Acronyms, "the text has marks to wrap")
	paras := styledParagraphs(markedSegments(text, r))
	require.Len(t, paras, 1)
	size := theme.TextSize()
	words := strings.Fields(text)
	widest := float32(0)
	for _, w := range words {
		widest = max(widest, fyne.MeasureText(w, size, fyne.TextStyle{Bold: true, Italic: true}).Width)
	}
	for width := widest; width <= 700; width += 7 {
		lines := layoutParagraph(paras[0], width, size)
		var shown []string
		for _, line := range lines {
			s := lineText(line)
			f := strings.Fields(s)
			if lineRight(line, size) > width+0.5 {
				assert.Len(t, f, 1, "width %v: %q runs past the line", width, s)
			}
			if len([]rune(strings.TrimSpace(s))) == 1 {
				assert.Fail(t, "a line of one character", "width %v: %q", width, s)
			}
			shown = append(shown, f...)
		}
		assert.Equal(t, words, joinBroken(shown, words), "width %v", width)
	}
}

// joinBroken puts back together the parts of words broken between lines,
// so that the words shown compare with the words written.
func joinBroken(shown, words []string) []string {
	var out []string
	i := 0
	for _, w := range words {
		got := ""
		for i < len(shown) && len(got) < len(w) && strings.HasPrefix(w, got+shown[i]) {
			got += shown[i]
			i++
		}
		out = append(out, got)
	}
	return out
}

func TestStyledTextLayout(t *testing.T) {
	plain := styledRun{Color: theme.ColorNameForeground}
	bold := styledRun{Style: fyne.TextStyle{Bold: true}, Color: theme.ColorNameWarning}
	run := func(r styledRun, s string) styledRun { r.Text = s; return r }
	size := theme.TextSize()
	for _, tc := range []struct {
		name  string
		paras [][]styledRun
		width float32
		want  []string // each line's text
		draws int      // canvas texts in all
	}{
		{"a short sentence is one text", [][]styledRun{{run(plain, "One short sentence.")}}, 600,
			[]string{"One short sentence."}, 1},
		{"marks split a line into texts of their own", [][]styledRun{{run(plain, "Data from "), run(bold, "HES"), run(plain, ", linked.")}}, 600,
			[]string{"Data from HES, linked."}, 3},
		{"an empty paragraph is an empty line", [][]styledRun{{run(plain, "One.")}, nil, {run(plain, "Two.")}}, 600,
			[]string{"One.", "", "Two."}, 2},
		{"spaces at a break are not drawn", [][]styledRun{{run(plain, strings.Repeat("word ", 40))}}, 200,
			nil, 0},
		{"a word wider than the line breaks between characters", [][]styledRun{{run(plain, strings.Repeat("x", 80))}}, 100,
			nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStyledText(tc.paras)
			st.layout(tc.width, size)
			var got []string
			draws := 0
			for _, line := range st.lines {
				got = append(got, lineText(line))
				draws += len(line)
				assert.LessOrEqual(t, lineRight(line, size), tc.width+0.5, "%q", lineText(line))
				if len(line) > 0 {
					assert.Equal(t, strings.TrimSpace(line[0].text), line[0].text, "a line starts and ends with a word")
					last := line[len(line)-1].text
					assert.Equal(t, strings.TrimRight(last, " "), last)
				}
			}
			if tc.want != nil {
				assert.Equal(t, tc.want, got)
				assert.Equal(t, tc.draws, draws)
			}
			var all strings.Builder
			for _, p := range tc.paras {
				for _, r := range p {
					all.WriteString(r.Text)
				}
			}
			assert.Equal(t, strings.Join(strings.Fields(all.String()), ""), strings.Join(strings.Fields(strings.Join(got, " ")), ""), "every character shown once")
		})
	}
}

// The widget sizes itself to its lines, and draws each piece where the
// layout put it.
func TestStyledTextRendersItsLines(t *testing.T) {
	st := newStyledText([][]styledRun{{{Text: strings.Repeat("Several words in a row. ", 20), Color: theme.ColorNameForeground}}})
	st.Resize(fyne.NewSize(300, 10))
	lines := len(st.lines)
	require.Greater(t, lines, 3, fmt.Sprint(st.lines))
	pad := theme.InnerPadding()
	lineH := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height
	assert.Equal(t, float32(lines)*lineH+2*pad, st.MinSize().Height)
	st.Resize(fyne.NewSize(600, st.MinSize().Height))
	assert.Less(t, len(st.lines), lines, "a wider widget needs fewer lines")
}
