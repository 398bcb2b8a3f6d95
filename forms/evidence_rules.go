package forms

import (
	"fmt"
	"strings"
)

// MaxUploadBytes is the DARS upload limit per file (R-E2): 10 MB in decimal.
const MaxUploadBytes = 10_000_000

func evidenceChecks() []Check {
	missing := func(id, rule string, sev Severity, reqs []string, title string) Check {
		return Check{
			ID: id, Requirements: reqs, Severity: sev, Section: SectionEvidence, Title: title,
			Eval: func(c *Context) []Hit {
				var hits []Hit
				for _, r := range RequiredEvidence(c.App) {
					if r.Rule != rule || r.Met(c.App) {
						continue
					}
					what := lowerFirst(r.Title)
					if r.Period != "" {
						what += ", used " + r.Period
					}
					// The answer that triggered it: the checklist registers
					// its line for that path too, so the link opens it there.
					hits = append(hits, Hit{Field: r.Field,
						Message: fmt.Sprintf("Add the %s to the evidence checklist (%s). %s", what, r.RequirementID, r.Because)})
				}
				return hits
			},
		}
	}
	perItem := func(id string, sev Severity, reqs []string, title string, eval func(i int, e EvidenceItem, today Date) (string, string)) Check {
		return Check{
			ID: id, Requirements: reqs, Severity: sev, Section: SectionEvidence, Title: title,
			Eval: func(c *Context) []Hit {
				var hits []Hit
				for i, e := range c.App.Evidence {
					if field, msg := eval(i, e, c.Today); msg != "" {
						hits = append(hits, Hit{Field: fmt.Sprintf("evidence[%d].%s", i, field), Message: msg})
					}
				}
				return hits
			},
		}
	}
	file := func(id string, reqs []string, title string, bad func(f *Attachment) string) Check {
		return perItem(id, Blocker, reqs, title, func(i int, e EvidenceItem, _ Date) (string, string) {
			if e.File == nil {
				return "", ""
			}
			if msg := bad(e.File); msg != "" {
				return "file", fmt.Sprintf("%q (%s): %s", e.File.Name, itemName(e), msg)
			}
			return "", ""
		})
	}
	return []Check{
		missing("evidence-consent-missing", ruleConsent, Blocker, []string{"R-L5", "R-E3"}, "Every version of the consent form and information sheet is in the evidence"),
		missing("evidence-s251-missing", ruleS251, Blocker, []string{"R-L6", "R-E3"}, "The s251 application, approvals, CAG-reviewed documents and proof of current support are in the evidence"),
		missing("evidence-research-missing", ruleResearch, Blocker, []string{"R-U4", "R-E1", "R-E3"}, "Research evidence (protocol, REC opinion, IRAS reference) is in the evidence"),
		missing("evidence-funding-missing", ruleFunding, Warning, []string{"R-U4"}, "Funding is evidenced"),
		missing("evidence-privacy-notice-missing", rulePrivacy, Blocker, []string{"R-L7", "R-E3"}, "The privacy notice is in the evidence"),
		missing("evidence-dpia-flow-missing", ruleSupport, Warning, []string{"R-T6"}, "The DPIA and data flow map are in the evidence"),
		perItem("evidence-item-described", Warning, []string{"R-E1"}, "Every evidence item has a title", func(i int, e EvidenceItem, _ Date) (string, string) {
			if strings.TrimSpace(e.Title) == "" {
				return "title", fmt.Sprintf("Evidence item %d (%s) has no title: give it the document's own title.", i+1, e.Type.Label())
			}
			return "", ""
		}),
		{
			ID: "evidence-not-final", Requirements: []string{"R-E1"}, Severity: Warning, Section: SectionEvidence,
			Title: "Evidence items are final",
			Eval: func(c *Context) []Hit {
				// A required item marked missing is already reported by its
				// requirement's check; say it once.
				required := map[int]bool{}
				for _, r := range RequiredEvidence(c.App) {
					required[r.Item] = true
				}
				var hits []Hit
				for i, e := range c.App.Evidence {
					field := fmt.Sprintf("evidence[%d].status", i)
					switch {
					case e.Status == EvidenceDraft:
						hits = append(hits, Hit{field, fmt.Sprintf("%s is still a draft: finish it and mark it final before submitting.", itemName(e))})
					case e.Status == EvidenceMissing && !required[i]:
						hits = append(hits, Hit{field, fmt.Sprintf("%s is marked missing: obtain it, or remove it if it is not needed.", itemName(e))})
					}
				}
				return hits
			},
		},
		{
			ID: "evidence-file-attached", Requirements: []string{"R-E2"}, Severity: Advice, Section: SectionEvidence,
			Title: "Final evidence items have their file attached",
			Eval: func(c *Context) []Hit {
				// One finding for them all: a new checklist would otherwise
				// list a line per document before any is to hand.
				first, n := -1, 0
				for i, e := range c.App.Evidence {
					// An IRAS reference is a number, not a document.
					if e.Status == EvidenceFinal && e.File == nil && e.Type != EvIRAS {
						if first < 0 {
							first = i
						}
						n++
					}
				}
				if n == 0 {
					return nil
				}
				field := fmt.Sprintf("evidence[%d].file", first)
				if n == 1 {
					return hit(field, itemName(c.App.Evidence[first])+" has no file attached: attach the PDF so it travels in the pack and is ready to upload to DARS.")
				}
				return hit(field, fmt.Sprintf("%d final items, starting with %s, have no file attached: attach the PDFs so they travel in the pack and are ready to upload to DARS.", n, itemName(c.App.Evidence[first])))
			},
		},
		perItem("evidence-expired", Warning, []string{"R-E1"}, "No evidence item has expired", func(i int, e EvidenceItem, today Date) (string, string) {
			if !e.ValidUntil.IsZero() && e.ValidUntil.Before(today) {
				return "valid_until", fmt.Sprintf("%s expired on %s: attach the current version and update its dates.", itemName(e), e.ValidUntil.Human())
			}
			return "", ""
		}),
		file("evidence-file-not-pdf", []string{"R-E2"}, "Attached files are PDFs", func(f *Attachment) string {
			if !f.IsPDF {
				return "DARS accepts PDF only. Save or print the document as PDF and replace the file."
			}
			return ""
		}),
		file("evidence-file-too-large", []string{"R-E2"}, "Attached files are within the 10 MB upload limit", func(f *Attachment) string {
			if f.Size > MaxUploadBytes {
				return fmt.Sprintf("the file is %s, over the DARS limit of 10 MB. Reduce image resolution or split the document, then replace the file.", HumanBytes(f.Size))
			}
			return ""
		}),
		file("evidence-file-encrypted", []string{"R-E2"}, "Attached PDFs are not encrypted", func(f *Attachment) string {
			if f.IsPDF && f.Encrypted {
				return "the PDF is password-protected or encrypted, so reviewers cannot open it. Save an unprotected copy and replace the file."
			}
			return ""
		}),
		file("evidence-file-active-content", []string{"R-E2"}, "Attached PDFs contain no scripts, actions or embedded files", func(f *Attachment) string {
			if f.IsPDF && f.ActiveContent {
				what := "JavaScript or a launch action"
				if len(f.ActiveFeatures) > 0 {
					what = joinAnd(f.ActiveFeatures)
				}
				return "the PDF contains " + what + ", which upload screening may reject. Print it to a new PDF (which drops scripts and attachments) and replace the file."
			}
			return ""
		}),
		perItem("evidence-file-not-inspected", Warning, []string{"R-E2"}, "Attached PDFs could be fully inspected", func(i int, e EvidenceItem, _ Date) (string, string) {
			if f := e.File; f != nil && f.IsPDF && f.NotFullyInspected != "" {
				return "file", fmt.Sprintf("%q (%s) could not be fully inspected (%s), so it is not known to be free of scripts. Print it to a new PDF and replace the file, or check it by hand before uploading.", f.Name, itemName(e), f.NotFullyInspected)
			}
			return "", ""
		}),
	}
}

// joinAnd lists items as a sentence does: "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// lowerFirst lower-cases a title's first letter for use mid-sentence,
// leaving acronyms (IRAS, REC, CAG) alone.
func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

func itemName(e EvidenceItem) string {
	name := strings.TrimSpace(e.Title)
	if name == "" {
		name = e.Type.Label()
	}
	if v := strings.TrimSpace(e.Version); v != "" {
		name += " version " + v
	}
	return name
}

// HumanBytes gives a size in decimal units, as upload limits are stated.
func HumanBytes(n int64) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1_000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}
