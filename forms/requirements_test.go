package forms_test

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogue is docs/requirements.md: the requirement IDs in the order listed,
// and each one's text.
type catalogue struct {
	ids  []string
	text map[string]string
}

var (
	requirementLine = regexp.MustCompile(`^- (R-[A-Z][0-9]+) (\S.*)$`)
	requirementID   = regexp.MustCompile(`\bR-[A-Z][0-9]+\b`)
)

// readRequirements reads the requirement catalogue kept in the repository.
func readRequirements(t testing.TB) catalogue {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "docs", "requirements.md"))
	require.NoError(t, err)
	defer f.Close()
	c := catalogue{text: map[string]string{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if !strings.HasPrefix(line, "- R-") {
			continue
		}
		m := requirementLine.FindStringSubmatch(line)
		require.NotNil(t, m, "docs/requirements.md:%d: want \"- R-<letter><number> text\" on one line", n)
		require.NotContains(t, c.text, m[1], "docs/requirements.md:%d: %s listed twice", n, m[1])
		c.ids = append(c.ids, m[1])
		c.text[m[1]] = m[2]
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, c.ids, "docs/requirements.md lists no requirements")
	return c
}

// Every requirement ID written anywhere in the code, the guidance, the
// schema or the README is one the catalogue lists, so a mistyped ID in a
// message cannot send a reader looking for a requirement that is not there.
func TestRequirementIDsInTheRepositoryAreCatalogued(t *testing.T) {
	known := readRequirements(t).text
	root := ".."
	var unknown []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "testdata", "e2e-artifacts":
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".json", ".toml":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, id := range requirementID.FindAllString(string(b), -1) {
			if _, ok := known[id]; !ok {
				rel, _ := filepath.Rel(root, path)
				unknown = append(unknown, rel+": "+id)
			}
		}
		return nil
	})
	require.NoError(t, err)
	slices.Sort(unknown)
	assert.Empty(t, slices.Compact(unknown), "add these to docs/requirements.md, or correct them")
}

func TestRequirementsCatalogueCoversEveryGroup(t *testing.T) {
	c := readRequirements(t)
	groups := map[byte]int{}
	for _, id := range c.ids {
		groups[id[2]]++
		assert.Greater(t, len(c.text[id]), 20, "%s needs a sentence saying what it asks", id)
	}
	for _, g := range "PDCLUOTEA" {
		assert.Positive(t, groups[byte(g)], "no R-%c requirements", g)
	}
}
