package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrBadDate is returned for text that is not a calendar date.
var ErrBadDate = errors.New("not a date: use the form 2026-03-31 (year-month-day)")

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
