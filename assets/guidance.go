package assets

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed guidance/*.md
var guidanceFS embed.FS

// Guidance returns the guidance Markdown for a section ID such as "purpose";
// ok is false when the section has none.
func Guidance(section string) (md string, ok bool) {
	b, err := guidanceFS.ReadFile("guidance/" + section + ".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// GuidanceSections lists the section IDs that have guidance, in name order.
func GuidanceSections() []string {
	entries, _ := fs.ReadDir(guidanceFS, "guidance")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".md"))
	}
	return out
}
