package forms

import (
	"fmt"
	"strings"
)

// Plain-language checks on the texts NHS England publishes in its Data
// Uses Register. They advise, never block: the register is read by the
// public, and a text a member of the public can follow serves the
// requirement behind it (R-U2 for the purpose texts, R-U3 for commercial
// involvement, R-T4 for sub-licensing). Names of individual people warn:
// the register describes roles, and publishing a person's name cannot be
// undone. Thresholds and their sources: plainlanguage_review.go and
// assets/guidance/public-entry.md.

var publicRequirements = []string{"R-U2", "R-U3", "R-T4"}

// publicRequirement names the requirement a published text serves.
func publicRequirement(field string) []string {
	switch {
	case strings.HasPrefix(field, "purpose.commercial"):
		return []string{"R-U3"}
	case strings.HasPrefix(field, "sub_licensing."):
		return []string{"R-T4"}
	}
	return []string{"R-U2"}
}

// publicTexts are the draft's published texts with their reviews, read
// once per evaluation.
func (c *Context) publicTexts() []PublicText {
	if c.public == nil {
		c.public = PublicTexts(c.App)
	}
	return c.public
}

// eachPublicText runs f on every published text that has words.
func (c *Context) eachPublicText(f func(t *PublicText) *Hit) []Hit {
	var hs []Hit
	ts := c.publicTexts()
	for i := range ts {
		if ts[i].Review.Words == 0 {
			continue
		}
		if h := f(&ts[i]); h != nil {
			hs = append(hs, *h)
		}
	}
	return hs
}

func publicEntryChecks() []Check {
	return []Check{
		{
			ID: "public-reading-ease", Requirements: publicRequirements, RequirementsFor: publicRequirement, Severity: Advice,
			Title: "Published texts are not harder to read than nine in ten register texts",
			Eval: func(c *Context) []Hit {
				return c.eachPublicText(func(t *PublicText) *Hit {
					r := t.Review
					ease, ok := r.ReadingEase()
					if !ok || r.Words < MinWordsForReadingEase || ease >= HardReadingEase {
						return nil
					}
					grade, _ := r.Grade()
					return &Hit{t.Field, fmt.Sprintf("Hard for the public to read: Flesch reading ease %.0f (%s; %s), below nine in ten published register texts. "+
						"NHS England publishes this text in its Data Uses Register: shorter sentences and everyday words make it easier.",
						ease, ReadingEaseBand(ease), ReadingAge(grade))}
				})
			},
		},
		{
			ID: "public-long-sentences", Requirements: publicRequirements, RequirementsFor: publicRequirement, Severity: Advice,
			Title: fmt.Sprintf("Published texts have no sentence over %d words", LongSentenceWords),
			Eval: func(c *Context) []Hit {
				return c.eachPublicText(func(t *PublicText) *Hit {
					ls := t.Review.LongSentences
					if len(ls) == 0 {
						return nil
					}
					longest := ls[0]
					for _, s := range ls {
						if s.Words > longest.Words {
							longest = s
						}
					}
					what := fmt.Sprintf("A sentence runs to %d words (“%s”)", longest.Words, longest.Opening)
					if len(ls) > 1 {
						what = fmt.Sprintf("%d sentences run past %d words; the longest has %d (“%s”)", len(ls), LongSentenceWords, longest.Words, longest.Opening)
					}
					return &Hit{t.Field, what + ". The public register is easier to follow in sentences of 25 words or fewer: split it where one idea ends."}
				})
			},
		},
		{
			ID: "public-acronyms", Requirements: publicRequirements, RequirementsFor: publicRequirement, Severity: Advice,
			Title: "Abbreviations in published texts are spelt out at first use",
			Eval: func(c *Context) []Hit {
				return c.eachPublicText(func(t *PublicText) *Hit {
					as := t.Review.Acronyms
					if len(as) == 0 {
						return nil
					}
					var parts []string
					for _, a := range as {
						if a.Expansion != "" {
							parts = append(parts, a.Acronym+" ("+strings.ReplaceAll(a.Expansion, " | ", " or ")+")")
						} else {
							parts = append(parts, a.Acronym)
						}
					}
					return &Hit{t.Field, "Spell out at first use: " + joinAnd(parts) + ". Readers of the public register may not know " +
						plural(len(parts), "it", "them") + ": write the words, then the letters in brackets, as in “trusted research environment (TRE)”."}
				})
			},
		},
		{
			ID: "public-jargon", Requirements: publicRequirements, RequirementsFor: publicRequirement, Severity: Advice,
			Title: "Published texts use everyday words",
			Eval: func(c *Context) []Hit {
				return c.eachPublicText(func(t *PublicText) *Hit {
					js := t.Review.Jargon
					if len(js) == 0 {
						return nil
					}
					var parts []string
					for _, j := range js {
						parts = append(parts, "“"+j.Term+"”: "+j.Suggestion)
					}
					return &Hit{t.Field, "Plainer words for the public register: " + strings.Join(parts, "; ") + "."}
				})
			},
		},
		{
			ID: "public-staff-names", Requirements: publicRequirements, RequirementsFor: publicRequirement, Severity: Warning,
			Title: "Published texts describe roles, not named people",
			Eval: func(c *Context) []Hit {
				return c.eachPublicText(func(t *PublicText) *Hit {
					ns := t.Review.Names
					if len(ns) == 0 {
						return nil
					}
					var parts []string
					for _, n := range ns {
						p := "“" + n.Name + "”"
						if n.Person {
							p += " (named in this draft)"
						}
						parts = append(parts, p)
					}
					who := "a person"
					if len(ns) > 1 {
						who = fmt.Sprintf("%d people", len(ns))
					}
					return &Hit{t.Field, "Names " + who + ": " + joinAnd(parts) +
						". NHS England publishes this text for anyone to read: describe roles (the chief investigator, a statistician at the university), not people."}
				})
			},
		},
	}
}
