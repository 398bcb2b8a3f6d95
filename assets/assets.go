// Package assets holds the files embedded in the binary: the icon, fonts,
// guidance text and templates. It depends on nothing else in the project.
package assets

import _ "embed"

// IconPNG is the application icon (512×512), also named in FyneApp.toml.
//
//go:embed icon.png
var IconPNG []byte
