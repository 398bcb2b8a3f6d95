package app

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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

// lineRight is where a line ends by the widths the layout works from: its
// words' and spaces', each measured alone (a string measured whole can
// differ by a pixel or two in scripts shaped across words).
func lineRight(line []styledPiece, size float32) float32 {
	if len(line) == 0 {
		return 0
	}
	p := line[len(line)-1]
	w := wrapperFor(size, p.style)
	x := p.x
	for _, tk := range flowTokens([]styledRun{{Text: p.text}}) {
		if tk.space {
			x += w.word(" ") * float32(utf8.RuneCountInString(tk.text))
		} else {
			x += w.word(tk.text)
		}
	}
	return x
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

// FuzzStyledTextLayout lays out any text, cut into runs of three styles at
// any places, at any width: every character but the spaces at line breaks
// is drawn once and in order, and no line runs past the width unless it
// holds one word wider than the line.
func FuzzStyledTextLayout(f *testing.F) {
	f.Add("Dr Jane Smith will utilise HES APC data.", byte(11), byte(30), uint16(120))
	f.Add("e\u0301 👩‍👩‍👧 🇬🇧 שלום\tx  y", byte(2), byte(9), uint16(20))
	f.Add(strings.Repeat("x", 300)+" y", byte(0), byte(150), uint16(60))
	f.Fuzz(func(t *testing.T, text string, cut1, cut2 byte, width uint16) {
		if !utf8.ValidString(text) || strings.Contains(text, "\n") || len(text) > 2000 {
			return
		}
		test.NewTempApp(t)
		a, b := min(int(cut1), len(text)), min(int(cut2), len(text))
		for a > 0 && a < len(text) && !utf8.RuneStart(text[a]) {
			a--
		}
		for b > 0 && b < len(text) && !utf8.RuneStart(text[b]) {
			b--
		}
		a, b = min(a, b), max(a, b)
		runs := []styledRun{
			{Text: text[:a], Color: theme.ColorNameForeground},
			{Text: text[a:b], Style: fyne.TextStyle{Bold: true}, Color: theme.ColorNameWarning},
			{Text: text[b:], Style: fyne.TextStyle{Italic: true}, Color: theme.ColorNameError},
		}
		size := theme.TextSize()
		w := float32(width%1000) + 1
		lines := layoutParagraph(runs, w, size)
		var drawn strings.Builder
		for _, line := range lines {
			for _, p := range line {
				drawn.WriteString(p.text)
			}
			if s := lineText(line); lineRight(line, size) > w+0.5 {
				require.LessOrEqual(t, len(strings.Fields(s)), 1, "%q runs past %v", s, w)
			}
		}
		squeeze := func(s string) string {
			return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' }), "")
		}
		require.Equal(t, squeeze(text), squeeze(drawn.String()))
	})
}
