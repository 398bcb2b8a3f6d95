package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

func encodeSub(t testing.TB, a *forms.Application) []byte {
	t.Helper()
	b, err := export.EncodeSubmission(export.NewSubmission(a, "0.1.0", fixedTime))
	require.NoError(t, err)
	return b
}

// Every file we export validates against the published schema, checked by
// an independent validator rather than our own decoder.
func TestExportedSubmissionsValidate(t *testing.T) {
	sch := compileSchema(t)
	rich, _ := richApp()
	for name, a := range map[string]*forms.Application{
		"example": forms.Example(),
		"empty":   forms.NewApplication("", forms.Date{}),
		"rich":    rich,
		"blank":   {ID: "b"},
	} {
		t.Run(name, func(t *testing.T) {
			assert.NoError(t, validateAgainstSchema(t, sch, encodeSub(t, a)))
		})
	}
}

// The schema is not a rubber stamp: it refuses what the decoder refuses.
func TestSchemaRefusesBadFiles(t *testing.T) {
	sch := compileSchema(t)
	current, next := versionText(export.SchemaVersion), versionText(export.SchemaVersion+1)
	good := string(encodeSub(t, forms.Example()))
	for name, bad := range map[string]string{
		"unknown field": strings.Replace(good, `"revision": 0,`, `"revision": 0, "extra": 1,`, 1),
		"bad enum":      strings.Replace(good, `"stage": "preliminary-assessment"`, `"stage": "Preliminary"`, 1),
		"bad date":      strings.Replace(good, `"requested_start": "2027-04-01"`, `"requested_start": "1 April 2027"`, 1),
		"newer version": strings.Replace(good, current, next, 1),
	} {
		t.Run(name, func(t *testing.T) {
			require.NotEqual(t, good, bad, "the test's replacement did not apply")
			assert.Error(t, validateAgainstSchema(t, sch, []byte(bad)))
		})
	}
}

func TestSubmissionRoundTrip(t *testing.T) {
	a, _ := richApp()
	b := encodeSub(t, a)
	s, err := export.DecodeSubmission(b)
	require.NoError(t, err)
	assert.Equal(t, export.SchemaVersion, s.SchemaVersion)
	assert.Equal(t, a.ID, s.DraftID)
	assert.Equal(t, int64(7), s.Revision)
	assert.Equal(t, fixedTime, s.ExportedAt)
	again, err := export.EncodeSubmission(s)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
}

// versionText is how an encoded submission states schema version v.
func versionText(v int) string { return fmt.Sprintf(`"schema_version": %d`, v) }

func TestDecodeSubmissionRefuses(t *testing.T) {
	good := string(encodeSub(t, forms.Example()))
	current := versionText(export.SchemaVersion)
	cases := map[string]struct {
		in   string
		want string
	}{
		"unknown field":      {strings.Replace(good, `"title":`, `"titel": "x", "title":`, 1), `unknown field "titel"`},
		"duplicate key":      {strings.Replace(good, `"summary":`, `"summary": "one", "summary":`, 1), `key "summary" appears twice in application.overview`},
		"duplicate top":      {strings.Replace(good, `"revision": 0,`, `"revision": 0, "revision": 1,`, 1), `key "revision" appears twice at the top level`},
		"invalid utf-8":      {strings.Replace(good, "Siân", "Si\xe2n", 1), "not valid UTF-8"},
		"no version":         {strings.Replace(good, current+",", ``, 1), "no schema_version"},
		"zero version":       {strings.Replace(good, current+",", `"schema_version": 0,`, 1), "not a version number"},
		"truncated":          {good[:len(good)/2], "truncated"},
		"trailing data":      {good + "{}", "more data after"},
		"no application":     {`{"schema_version":1,"app_version":"","draft_id":"x","revision":0,"exported_at":"2026-01-01T00:00:00Z","application":null}`, "holds no application"},
		"wrong type":         {strings.Replace(good, `"revision": 0`, `"revision": "seven"`, 1), "line 5"},
		"not json":           {"hello", "line 1"},
		"empty":              {"", "the file is empty"},
		"array not envelope": {"[]", "submission"},
		"negative revision":  {strings.Replace(good, `"revision": 0`, `"revision": -4`, 1), "revision -4 is below zero"},
		"negative draft rev": {good[:strings.LastIndex(good, `"revision": 0`)] + `"revision": -2` + good[strings.LastIndex(good, `"revision": 0`)+len(`"revision": 0`):], "revision -2 is below zero"},
	}
	cases["newer schema"] = struct {
		in   string
		want string
	}{strings.Replace(strings.Replace(good, current, versionText(9), 1), `"app_version": "0.1.0"`, `"app_version": "3.0.0"`, 1),
		fmt.Sprintf("uses schema version 9 (it was written by DARS Workbench 3.0.0) and this app reads up to version %d", export.SchemaVersion)}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			require.NotEqual(t, good, c.in)
			_, err := export.DecodeSubmission([]byte(c.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func TestDecodeSubmissionNewerIsErrNewerSchema(t *testing.T) {
	b := bytes.Replace(encodeSub(t, forms.Example()), []byte(versionText(export.SchemaVersion)), []byte(versionText(export.SchemaVersion+1)), 1)
	_, err := export.DecodeSubmission(b)
	assert.ErrorIs(t, err, export.ErrNewerSchema)
}

// An older file is read through the upgrade chain.
func TestDecodeSubmissionUpgradesOlderVersions(t *testing.T) {
	v1 := encodeSub(t, forms.Example())
	now := export.SchemaVersion
	restore := export.PretendSchemaVersion(now+1, map[int]func(map[string]any) error{
		now: func(doc map[string]any) error {
			ov := doc["application"].(map[string]any)["overview"].(map[string]any)
			ov["summary"] = "upgraded: " + ov["summary"].(string)
			return nil
		},
	})
	defer restore()
	s, err := export.DecodeSubmission(v1)
	require.NoError(t, err)
	assert.Equal(t, now+1, s.SchemaVersion)
	assert.Equal(t, now, s.ReadFrom)
	assert.True(t, strings.HasPrefix(s.Application.Overview.Summary, "upgraded: "))

	export.PretendSchemaVersion(now+1, nil)
	_, err = export.DecodeSubmission(v1)
	assert.ErrorContains(t, err, fmt.Sprintf("schema version %d can no longer be read", now))
}

func FuzzDecodeSubmission(f *testing.F) {
	// Tiny seeds: the fuzzer minimises every new input it keeps, and
	// minimising one the size of a whole draft eats the whole fuzz time.
	// TestDecodeSubmissionRefuses covers whole files.
	f.Add([]byte(`{"schema_version":2,"app_version":"0.1.0","draft_id":"x","revision":2,"exported_at":"2026-11-23T09:00:00Z","application":{"id":"x","overview":{"title":"Siân","stage":"enquiry"},"people":[{"name":"Ŵyn"}]}}`))
	f.Add([]byte(`{"schema_version":1,"application":{"a":1,"a":2}}`))
	f.Add([]byte(`{"schema_version":0}`))
	f.Add([]byte("{\"schema_version\":1,\"x\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := export.DecodeSubmission(b)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes and decodes to the same thing.
		out, err := export.EncodeSubmission(s)
		require.NoError(t, err)
		s2, err := export.DecodeSubmission(out)
		require.NoError(t, err)
		a, _ := json.Marshal(s)
		c, _ := json.Marshal(s2)
		require.Equal(t, string(a), string(c))
	})
}
