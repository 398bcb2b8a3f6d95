package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrBadDate is returned for text that is not a calendar date.
var ErrBadDate = errors.New("not a date: use YYYY-MM-DD (e.g. 2027-04-01)")

// Date is a calendar date with no time or zone. The zero Date means "not
// given" and encodes as "" so a draft may be incomplete.
type Date struct{ t time.Time }

const dateLayout = "2006-01-02"

// NewDate builds a Date.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in t's own zone.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

// ParseDate reads "2026-03-31" (surrounding space allowed); "" gives the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q: %w", s, ErrBadDate)
	}
	return Date{t}, nil
}

// ValidateDate is an Entry validator for optional dates.
func ValidateDate(s string) error {
	_, err := ParseDate(s)
	return err
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String gives "2026-03-31", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// Human gives "31 Mar 2026", or "" for the zero Date.
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2 Jan 2006")
}

// Time is midnight UTC on the date.
func (d Date) Time() time.Time { return d.t }

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths moves the date by n calendar months.
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// DaysUntil counts whole days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date must be a string: %w", ErrBadDate)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// handDateLayouts are ways people type a date, day first as in the UK.
var handDateLayouts = []string{"02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006",
	"2 January 2006", "2 Jan 2006", "January 2, 2006", "2006/01/02", "2006/1/2", "2006-1-2", "20060102"}

// DateAdvice says what is wrong with text typed as a date, for showing
// under the field: "" for a date, for nothing, and for the start of a date
// still being typed ("2027-0"); otherwise how to write it, with the date
// meant where it can be read ("31/03/2027" would be 2027-03-31).
func DateAdvice(s string) string {
	s = strings.TrimSpace(s)
	if _, err := ParseDate(s); err == nil || typingDate(s) {
		return ""
	}
	for _, l := range handDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return fmt.Sprintf("Use YYYY-MM-DD: %s would be %s.", s, t.Format(dateLayout))
		}
	}
	return "Use YYYY-MM-DD (e.g. 2027-04-01)."
}

// typingDate reports whether s is the start of a date in YYYY-MM-DD form.
func typingDate(s string) bool {
	if len(s) >= len(dateLayout) {
		return false
	}
	for i, r := range s {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
