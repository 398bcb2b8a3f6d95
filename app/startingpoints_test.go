package app

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryStartingPointBuildsADraft(t *testing.T) {
	require.GreaterOrEqual(t, len(startingPoints), 5)
	assert.Equal(t, "Blank", startingPoints[0].Name)
	for _, p := range startingPoints {
		a, err := p.Build(forms.NewDate(2026, 11, 23))
		require.NoError(t, err, p.Name)
		assert.NotEmpty(t, a.Overview.StageHistory, p.Name)
	}
}
