// Package assets holds the files embedded in the binary: the icon, fonts,
// guidance text and templates. It depends on nothing else in the project.
package assets

import _ "embed"

// IconPNG is the application icon (512×512), also named in FyneApp.toml.
//
//go:embed icon.png
var IconPNG []byte

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

// ThirdPartyNotices is the licence of every third-party module linked into
// the binary on any system we ship, and of the Go standard library and the
// fonts, generated from the module graph by `go test ./assets -update`
// (TestThirdPartyNotices fails when it falls out of date). The About box
// shows it and every package ships it beside the program.
//
//go:embed THIRD_PARTY_NOTICES.txt
var ThirdPartyNotices string
