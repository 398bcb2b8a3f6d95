package forms_test

import (
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONRoundTripIsLossFree(t *testing.T) {
	a := forms.Example()
	a.Lifecycle.Destruction = &forms.DestructionRecord{WhatDestroyed: "All extracts", DestroyedOn: forms.NewDate(2030, 4, 2)}
	a.Evidence[0].File = &forms.Attachment{Name: "protocol.pdf", Size: 1234, SHA256: "ab", IsPDF: true}
	a.Comments = []forms.ReviewComment{{ID: "r1", Section: forms.SectionPurpose, Field: "purpose.objective", Kind: "question", Text: "Why 2000?", Replies: []forms.CommentNote{{Author: "Siân", Text: "Treatment era."}}}}
	b, err := forms.Encode(a)
	require.NoError(t, err)
	back, err := forms.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, a, back)
	again, err := forms.Encode(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
}

func TestDecodeRefusesBadInput(t *testing.T) {
	for name, in := range map[string]string{
		"unknown field": `{"id":"x","surprise":1}`,
		"bad date":      `{"overview":{"requested_start":"31/03/2026"}}`,
		"trailing data": `{"id":"x"} {"id":"y"}`,
		"not json":      `hello`,
		"wrong type":    `{"revision":"seven"}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := forms.Decode([]byte(in))
			assert.ErrorIs(t, err, forms.ErrBadDraft)
		})
	}
}

func TestSetStageKeepsFirstDate(t *testing.T) {
	a := forms.NewApplication("t", forms.NewDate(2026, 1, 1))
	a.SetStage(forms.StagePreliminary, forms.NewDate(2026, 2, 1))
	a.SetStage(forms.StageEnquiry, forms.NewDate(2026, 3, 1))
	a.SetStage(forms.StagePreliminary, forms.NewDate(2026, 4, 1))
	d, ok := a.StageReached(forms.StagePreliminary)
	require.True(t, ok)
	assert.Equal(t, "2026-02-01", d.String())
	assert.Equal(t, forms.StagePreliminary, a.Overview.Stage)
	assert.Len(t, a.Overview.StageHistory, 2)
}

// Each message says what is wrong in words a user can act on, never a bare
// encoding/json error such as "EOF".
func TestDecodeExplainsBadInput(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"empty file":       {"", "the file is empty"},
		"only spaces":      {" \n\t", "the file is empty"},
		"truncated":        {`{"id":"x",`, "ends too early"},
		"not json":         {"hello", "line 1 column 1"},
		"second line":      {"{\n  \"id\": x}", "line 2 column"},
		"invalid utf-8":    {"{\"id\":\"\xff\"}", "not valid UTF-8"},
		"too deep":         {strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "nested too deeply"},
		"negative rev":     {`{"revision":-3}`, "revision -3"},
		"wrong type names": {`{"revision":"seven"}`, "revision should be"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := forms.Decode([]byte(tc.in))
			require.ErrorIs(t, err, forms.ErrBadDraft)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), ": EOF")
		})
	}
}
