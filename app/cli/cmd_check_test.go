package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/app/cli"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// checkDay fixes "today" so date-dependent checks (DSPT expiry) do not
// change the outcome as the calendar moves.
var checkDay = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func runOn(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(&cli.Env{Stdout: &out, Stderr: &errb, DBPath: db, Now: func() time.Time { return checkDay }}, args)
	return code, out.String(), errb.String()
}

func draftFile(t *testing.T, a *forms.Application) string {
	t.Helper()
	b, err := forms.Encode(a)
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "draft.json")
	require.NoError(t, os.WriteFile(p, b, 0o600))
	return p
}

func blockedExample() *forms.Application {
	a := forms.Example()
	a.Legal.CLDC = forms.CLDCS251 // no CAG reference, no opt-out acknowledgement
	return a
}

func TestCheckFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "unused.db")
	code, out, errText := runOn(t, db, "check", draftFile(t, forms.Example()))
	assert.Equal(t, 0, code, errText)
	assert.Contains(t, out, "Long-term kidney outcomes")
	assert.Contains(t, out, "Nothing blocks submission.")

	code, out, _ = runOn(t, db, "check", draftFile(t, blockedExample()))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "\nLegal basis\n")
	assert.Contains(t, out, "BLOCKER  legal-cag-reference  [R-L6]  legal_basis.cag_reference")
	assert.Contains(t, out, "Not ready")
	_, err := os.Stat(db)
	assert.True(t, os.IsNotExist(err), "checking a file must not create a database")
}

func TestCheckJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "unused.db")
	code, out, _ := runOn(t, db, "check", "--json", draftFile(t, blockedExample()))
	assert.Equal(t, 1, code)
	var rep struct {
		Draft    string          `json:"draft"`
		Blockers int             `json:"blockers"`
		Findings []forms.Finding `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, forms.Example().ID, rep.Draft)
	assert.Positive(t, rep.Blockers)
	var ids []string
	for _, f := range rep.Findings {
		ids = append(ids, f.CheckID)
	}
	assert.Contains(t, ids, "legal-opt-out")

	code, out, _ = runOn(t, db, "check", draftFile(t, forms.Example()), "--json")
	assert.Equal(t, 0, code, "advice alone does not block")
	assert.Contains(t, out, `"blockers": 0`)
	assert.Contains(t, out, `"warnings": 0`)
}

func TestCheckDraftInDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "drafts.db")
	st, err := storage.Open(db)
	require.NoError(t, err)
	ready := forms.Example()
	blank := forms.NewApplication("Empty", forms.DateOf(checkDay))
	require.NoError(t, st.Create(ready))
	require.NoError(t, st.Create(blank))
	require.NoError(t, st.Close())

	code, out, _ := runOn(t, db, "check", ready.ID)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, ready.ID)

	code, out, _ = runOn(t, db, "check", blank.ID)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "overview-summary")
	assert.Contains(t, out, "\nData requested\n")
}

func TestCheckUnreadableInputExits2(t *testing.T) {
	dir := t.TempDir()
	db := seeded(t)
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"id":"x","surprise":true}`), 0o600))
	for name, tc := range map[string]struct {
		args []string
		says string
	}{
		"missing file":     {[]string{"check", filepath.Join(dir, "nope.json")}, "cannot read"},
		"malformed draft":  {[]string{"check", bad}, "not a readable DARS Workbench draft"},
		"unknown draft ID": {[]string{"check", "0000-no-such-draft"}, "no draft with ID"},
		"no argument":      {[]string{"check"}, "Usage"},
		"two arguments":    {[]string{"check", "a", "b"}, "Usage"},
		"bad flag":         {[]string{"check", "--frob", "a"}, "frob"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errText := runOn(t, db, tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errText, tc.says)
		})
	}
}

func TestRules(t *testing.T) {
	db := filepath.Join(t.TempDir(), "unused.db")
	code, out, _ := runOn(t, db, "rules")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "ID")
	assert.Regexp(t, `legal-cag-reference\s+blocker\s+R-L6\s+Section 251 support gives its CAG reference`, out)
	assert.Regexp(t, `patient-identifiers\s+blocker\s+R-C8`, out)

	code, out, _ = runOn(t, db, "rules", "--json")
	require.Equal(t, 0, code)
	var rows []struct {
		ID           string   `json:"id"`
		Severity     string   `json:"severity"`
		Section      string   `json:"section"`
		Requirements []string `json:"requirements"`
		Title        string   `json:"title"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	assert.Len(t, rows, len(forms.AllChecks()))
	for _, r := range rows {
		assert.NotEmpty(t, r.Requirements, r.ID)
		assert.NotEmpty(t, r.Section, r.ID)
	}

	code, _, errText := runOn(t, db, "rules", "extra")
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "Usage")
}
