package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/darsworkbench/dars-workbench/forms"
)

// icalMaxOctets is RFC 5545's line limit, not counting the CRLF.
const icalMaxOctets = 75

// WriteICalendar writes deadlines as an RFC 5545 calendar that calendar apps
// import: one all-day event per deadline naming the draft (or organisation)
// and the action. stamp is written as every event's DTSTAMP; it comes from
// the caller so that the same deadlines give the same file.
func WriteICalendar(w io.Writer, deadlines []forms.Deadline, stamp time.Time) error {
	if err := guardDeadlines(deadlines); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//DARS Workbench//Deadlines//EN")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", "DARS deadlines")
	dtstamp := stamp.UTC().Format("20060102T150405Z")
	for _, d := range deadlines {
		if d.Due.IsZero() {
			continue
		}
		line("BEGIN", "VEVENT")
		line("UID", eventUID(d))
		line("DTSTAMP", dtstamp)
		writeFolded(bw, "DTSTART;VALUE=DATE:"+d.Due.Time().Format("20060102"))
		writeFolded(bw, "DTEND;VALUE=DATE:"+d.Due.AddDays(1).Time().Format("20060102"))
		line("SUMMARY", icalText(d.Subject()+": "+d.Action))
		line("DESCRIPTION", icalText(eventDescription(d)))
		line("CATEGORIES", "DARS,"+icalText(string(d.Kind)))
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	return nil
}

func eventDescription(d forms.Deadline) string {
	var b strings.Builder
	b.WriteString(d.Action + ".")
	if d.DraftTitle != "" {
		b.WriteString("\nDraft: " + d.DraftTitle)
	}
	if d.Organisation != "" {
		b.WriteString("\nOrganisation: " + d.Organisation)
	}
	if len(d.Affects) > 0 {
		b.WriteString("\nDrafts affected: " + strings.Join(d.Affects, "; "))
	}
	if d.Requirement != "" {
		b.WriteString("\nRequirement: " + d.Requirement)
	}
	b.WriteString("\nFrom DARS Workbench.")
	return b.String()
}

// eventUID is stable for the same deadline, so re-importing an updated
// calendar replaces events instead of duplicating them.
func eventUID(d forms.Deadline) string {
	h := sha256.Sum256([]byte(strings.Join([]string{d.DraftID, d.Organisation, string(d.Kind), d.Due.String(), d.Action}, "\x00")))
	return hex.EncodeToString(h[:12]) + "@dars-workbench"
}

// icalText escapes a TEXT value (RFC 5545 section 3.3.11).
func icalText(s string) string {
	s = outText(strings.ReplaceAll(s, "\r\n", "\n"))
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// writeFolded writes a content line, folding it at 75 octets with CRLF and
// a space (RFC 5545 section 3.1) without splitting a UTF-8 sequence.
func writeFolded(w *bufio.Writer, s string) {
	limit := icalMaxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = icalMaxOctets - 1 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
