// Package assets holds the files embedded in the binary: the icon, fonts,
// guidance text and templates. It depends on nothing else in the project.
package assets

import _ "embed"

// IconPNG is the application icon (512×512), also named in FyneApp.toml.
//
//go:embed icon.png
var IconPNG []byte

// WindowIconPNG is the icon each window hands the desktop (128×128, 8 bits
// a channel). Fyne decodes a window's icon on the UI thread before the
// window shows, and again for every window: the full 16-bit icon took about
// 20 ms each time, a tenth of the cold start. Desktops draw window icons at
// 16–128 px; launchers and installers use IconPNG.
//
//go:embed window-icon.png
var WindowIconPNG []byte

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
