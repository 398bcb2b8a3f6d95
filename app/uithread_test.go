package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOneWayBackToTheUIGoroutine keeps fyne.Do to the one place that wires
// it (UI.do in ui.go). FyneApp.toml declares the fyneDo migration, so Fyne
// no longer moves a stray widget update onto its goroutine; going through
// u.do everywhere is also what lets the tests queue that work and run it on
// their own goroutine, where the race detector can see a mistake.
func TestOneWayBackToTheUIGoroutine(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var stray []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "ui.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "fyne" && (sel.Sel.Name == "Do" || sel.Sel.Name == "DoAndWait") {
				stray = append(stray, fset.Position(sel.Pos()).String())
			}
			return true
		})
	}
	assert.Empty(t, stray, "use u.do (UI.do) instead of fyne.Do")
}
