package export_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Version 3 let the applicant resolve a reviewer's change or question
// alone; such a comment reads as answered and awaiting the reviewer, and a
// suggestion the applicant closed stays closed.
func TestUpgradeV3SendsApplicantResolutionsBackToTheReviewer(t *testing.T) {
	cases := map[string]struct {
		kind     forms.CommentKind
		resolved bool
		want     forms.CommentState
		noted    bool
	}{
		"resolved question":    {forms.CommentQuestion, true, forms.CommentStateAwaiting, true},
		"resolved must-change": {forms.CommentMustChange, true, forms.CommentStateAwaiting, true},
		"open must-change":     {forms.CommentMustChange, false, forms.CommentStateOpen, false},
		"resolved suggestion":  {forms.CommentSuggestion, true, forms.CommentStateResolved, false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "submission", "v3", "written-by-v3-rich.json"))
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(b, &doc))
			c := at(doc, "application", "comments", 0)
			c["kind"], c["resolved"] = string(tc.kind), tc.resolved
			s := decodeDoc(t, doc)
			got := s.Application.Comments[0]
			assert.Equal(t, tc.want, got.State())
			if tc.want == forms.CommentStateAwaiting {
				assert.Equal(t, 1, got.AnswerRound)
			}
			if tc.noted {
				assert.Contains(t, s.Converted, "application.comments[0]: a "+strings.ToLower(tc.kind.Label())+" marked resolved by the applicant now awaits the reviewer's confirmation")
			} else {
				assert.Empty(t, s.Converted)
			}
		})
	}
}
