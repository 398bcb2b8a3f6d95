package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/app/cli"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// dpiaDB makes a database holding the worked example, edited by edit.
func dpiaDB(t *testing.T, edit func(a *forms.Application)) (db, id string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "drafts.db")
	st, err := storage.Open(db)
	require.NoError(t, err)
	a := forms.Example()
	if edit != nil {
		edit(a)
	}
	require.NoError(t, st.Create(a))
	require.NoError(t, st.Close())
	return db, a.ID
}

func runDPIACmd(t *testing.T, db string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, DBPath: db, Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }}
	code = cli.Run(env, append([]string{"dpia"}, args...))
	return code, out.String(), errb.String()
}

func TestDPIACommand(t *testing.T) {
	db, id := dpiaDB(t, nil)
	pdf := filepath.Join(t.TempDir(), "dpia.pdf")
	code, out, errs := runDPIACmd(t, db, id, "--pdf", pdf)
	require.Equal(t, cli.ExitOK, code, errs)
	assert.Contains(t, out, "Required: the application asks for identifiable and pseudonymised health data")
	assert.Regexp(t, `3\s+Re-identification of pseudonymised records\s+High\s+Reduced\s+Medium\s+2`, out)
	assert.Contains(t, out, "Wrote "+pdf)
	b, err := os.ReadFile(pdf)
	require.NoError(t, err)
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", pdf, "-").Output()
		require.NoError(t, err)
		assert.Contains(t, string(text), "Step 7: Sign off and record outcomes")
	} else {
		assert.True(t, bytes.HasPrefix(b, []byte("%PDF-")))
	}
}

func TestDPIACommandHighResidualRiskFails(t *testing.T) {
	db, id := dpiaDB(t, func(a *forms.Application) {
		a.DPIA.Risks[0].Effect = forms.Accepted
		a.DPIA.Risks[0].ResidualLikelihood, a.DPIA.Risks[0].ResidualSeverity = forms.Probable, forms.Severe
	})
	code, out, _ := runDPIACmd(t, db, id)
	assert.Equal(t, cli.ExitFailed, code)
	assert.Contains(t, out, "consult the ICO before processing starts (UK GDPR Article 36)")
}

func TestDPIACommandUsage(t *testing.T) {
	db, _ := dpiaDB(t, nil)
	for name, args := range map[string][]string{
		"no draft":      nil,
		"two drafts":    {"a", "b"},
		"unknown draft": {"00000000-0000-4000-8000-00000000dead"},
		"unknown flag":  {"--nope"},
		"unwritable":    {forms.Example().ID, "--pdf", filepath.Join(t.TempDir(), "missing-dir", "dpia.pdf")},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, errs := runDPIACmd(t, db, args...)
			assert.Equal(t, cli.ExitUsage, code)
			assert.NotEmpty(t, errs)
		})
	}
}
