package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sampleDeadlines() []forms.Deadline {
	a := forms.Example()
	a.Overview.Title = "Kidney outcomes; a long title, with commas \\ and a backslash — Ŵyr ŷd é, to force folding of the summary line"
	a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2026, 11, 10), DSAEnd: forms.NewDate(2027, 4, 30)}
	lib := []forms.LibraryEntry{{ID: "uoe", LegalName: "University of Exampleton",
		Security: forms.Security{DSPTValidUntil: forms.NewDate(2027, 6, 30)}}}
	a.Organisations[0].LibraryID = "uoe"
	forms.OverlayLibrary(a, lib)
	return forms.Deadlines([]*forms.Application{a}, lib, forms.NewDate(2026, 11, 23))
}

func TestWriteICalendarGolden(t *testing.T) {
	var buf bytes.Buffer
	stamp := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	require.NoError(t, export.WriteICalendar(&buf, sampleDeadlines(), stamp))
	golden := filepath.Join("testdata", "deadlines.ics")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String(), "run go test ./export -run TestWriteICalendarGolden -update after an intended change")
}

func TestWriteICalendarFollowsRFC5545(t *testing.T) {
	var buf bytes.Buffer
	ds := sampleDeadlines()
	require.NoError(t, export.WriteICalendar(&buf, ds, time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("BST", 3600))))
	out := buf.String()
	require.True(t, strings.HasSuffix(out, "END:VCALENDAR\r\n"))
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for _, l := range lines {
		assert.LessOrEqual(t, len(l), 75, "line over 75 octets: %q", l)
		assert.NotContains(t, l, "\n", "bare LF")
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	assert.Equal(t, len(ds), strings.Count(unfolded, "BEGIN:VEVENT\r\n"))
	assert.Contains(t, unfolded, "DTSTAMP:20261123T083000Z\r\n", "DTSTAMP in UTC")
	assert.Contains(t, unfolded, "DTSTART;VALUE=DATE:20270330\r\nDTEND;VALUE=DATE:20270331\r\n")
	assert.Contains(t, unfolded, `SUMMARY:Kidney outcomes\; a long title\, with commas \\ and a backslash — Ŵyr ŷd é\, to force folding`)
	assert.Contains(t, unfolded, `\nRequirement: R-A2`)
	assert.Contains(t, unfolded, "Drafts affected: Kidney outcomes")

	uids := map[string]bool{}
	for _, l := range strings.Split(unfolded, "\r\n") {
		if strings.HasPrefix(l, "UID:") {
			assert.False(t, uids[l], "duplicate %s", l)
			uids[l] = true
		}
	}
	assert.Len(t, uids, len(ds))
}

func TestWriteICalendarFoldsMultibyteSafely(t *testing.T) {
	d := forms.Deadline{Due: forms.NewDate(2027, 1, 1), Kind: forms.DeadlineEvidence, DraftTitle: strings.Repeat("é", 100), Action: "Renew"}
	var buf bytes.Buffer
	require.NoError(t, export.WriteICalendar(&buf, []forms.Deadline{d}, time.Unix(0, 0)))
	for _, l := range strings.Split(buf.String(), "\r\n") {
		assert.True(t, utf8Valid(l), "fold split a character: %q", l)
		assert.LessOrEqual(t, len(l), 75)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
