package desktop

import (
	"strings"
)

// PackMIMEType is the type of a DARS Workbench pack, told from other zip
// files by its content (see MIMEPackage).
const PackMIMEType = "application/x-dars-workbench-pack"

// Entry is the desktop entry (Desktop Entry Specification) launching
// the binary at exe; packs handed to it open for review.
// (Version 1.4: the newest desktop-file-validate in Debian 12 knows.)
func Entry(a App, exe string) []byte {
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			b.WriteString(k + "=" + v + "\n")
		}
	}
	b.WriteString("[Desktop Entry]\n")
	line("Type", "Application")
	line("Version", "1.4")
	line("Name", escapeValue(a.Name))
	line("GenericName", escapeValue(a.GenericName))
	line("Comment", escapeValue(a.Summary))
	line("Icon", a.ID)
	line("Exec", escapeValue(quoteArg(exe))+" %f")
	line("TryExec", escapeValue(exe))
	line("Terminal", "false")
	line("Categories", joinList(a.Categories))
	line("Keywords", joinList(a.Keywords))
	line("MimeType", PackMIMEType+";")
	// GLFW names a window's class after its title; the start window's is
	// the app's name, so docks group it under this entry.
	line("StartupWMClass", escapeValue(a.Name))
	return []byte(b.String())
}

// escapeValue escapes a string value of a desktop entry.
func escapeValue(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s)
}

// quoteArg quotes one argument of an Exec line where the specification asks:
// reserved characters inside double quotes, with ", `, $ and \ escaped.
// (escapeValue then doubles each backslash, as the spec's two levels of
// escaping require.)
func quoteArg(s string) string {
	s = strings.ReplaceAll(s, "%", "%%") // a lone % starts a field code
	if !strings.ContainsAny(s, " \t\n\"'\\><~|&;$*?#()`") {
		return s
	}
	return `"` + strings.NewReplacer(`"`, `\"`, "`", "\\`", `$`, `\$`, `\`, `\\`).Replace(s) + `"`
}
