package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A pasted book in a long-text field must not stall the section: word
// wrapping it took minutes on every layout before the cap (over two and a
// half without the race detector). It opens in about 2 s, 15 s under -race
// on a busy machine; the deadline only tells a stall from that.
func TestPurposeOpensWithAHugeObjective(t *testing.T) {
	deadline := 30 * time.Second
	if raceEnabled {
		deadline = 2 * time.Minute
	}
	a := forms.Example()
	a.ID = ""
	a.Purpose.Objective = strings.Repeat("The cohort objective text. ", 8000)
	opened := make(chan *Editor, 1)
	go func() { opened <- openSection(t, a, forms.SectionPurpose) }()
	select {
	case e := <-opened:
		field[fyne.CanvasObject](t, e, "purpose.objective")
	case <-time.After(deadline):
		t.Fatalf("the Purpose section did not open within %v with a %d-character objective", deadline, len(a.Purpose.Objective))
	}
}

func TestWhichTextsWrap(t *testing.T) {
	para := strings.Repeat("word ", 160) // 800 characters
	for name, tc := range map[string]struct {
		text string
		want bool
	}{
		"empty":                               {"", true},
		"a real 20,000-character objective":   {strings.Repeat(para+"\n\n", 25), true},
		"one paragraph of 3,000":              {strings.Repeat("x", 3000), true},
		"one paragraph of 3,001":              {strings.Repeat("x", 3001), false},
		"paragraphs past 60,000 bytes in all": {strings.Repeat(para+"\n", 80), false},
		"multi-byte text counts characters":   {strings.Repeat("ŵ", 3000), true},
	} {
		t.Run(name, func(t *testing.T) { assert.Equal(t, tc.want, wrapsCheaply(tc.text)) })
	}
}
