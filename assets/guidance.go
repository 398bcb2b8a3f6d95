package assets

import "embed"

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
