// Package assets holds the files built into the binary: fonts, icons,
// guidance text and templates.
package assets

import _ "embed"

// NotoSansRegular and NotoSansBold are the fonts every PDF embeds: they cover
// Latin (Welsh ŵ ŷ included), Greek and Cyrillic and typographic punctuation.
// Their licence travels with them in fonts/OFL.txt.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte
	//go:embed fonts/OFL.txt
	FontLicence string
)
