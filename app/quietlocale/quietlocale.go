// Package quietlocale keeps Fyne from logging "Error parsing user locale C"
// when the locale is C.UTF-8, the default in Debian and Ubuntu containers,
// CI runners and cron. main imports it for its side effect.
//
// Fyne's lang package reads the locale in its init function through
// github.com/jeandeaual/go-locale, which knows "C" and "POSIX" mean no
// localisation but takes "C.UTF-8" for a language named "C"; parsing that
// fails and Fyne logs three lines on stderr before main runs. The fix has to
// run earlier still. The Go spec (1.21 and later) initialises packages in
// import-path order among those whose imports are done: this package imports
// only what go-locale imports and its path sorts before
// "github.com/jeandeaual/go-locale", so its init always runs first, and
// Fyne's lang, which imports go-locale, runs after both. Keep the imports to
// os, runtime and strings, or that guarantee is lost (the command-line test
// under C.UTF-8 would catch it).
package quietlocale

import (
	"os"
	"runtime"
	"strings"
)

func init() {
	if k, v, ok := Fix(runtime.GOOS, os.Getenv); ok {
		_ = os.Setenv(k, v)
	}
}

// Fix says which variable to set so that go-locale reads a language Fyne can
// parse, given the system and its environment: on Linux and the other Unix
// systems (Windows and macOS ask the system, not the environment) when the
// locale that decides messages is C or POSIX with a codeset or modifier
// ("C.UTF-8", "C.utf8", "POSIX.UTF-8", "C@x"), and LANGUAGE is empty, it
// returns LANGUAGE=en. go-locale then reads English, which is what C means
// to Fyne too. gettext programs started from the app see LANGUAGE=en under a
// C.UTF-8 locale, where their messages are English already.
func Fix(goos string, getenv func(string) string) (key, value string, ok bool) {
	switch goos {
	case "windows", "darwin", "ios", "android", "js", "wasip1":
		return "", "", false
	}
	locale := ""
	// The order go-locale (and gettext) read them in.
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(k); locale != "" {
			break
		}
	}
	if !isPlainC(locale) || getenv("LANGUAGE") != "" {
		return "", "", false
	}
	return "LANGUAGE", "en", true
}

// isPlainC reports whether a locale name is C or POSIX with a codeset or
// modifier: the names meaning "no localisation" that go-locale does not
// recognise (it recognises bare "C" and "POSIX" itself).
func isPlainC(locale string) bool {
	name := locale
	if i := strings.IndexAny(name, ".@"); i >= 0 {
		name = name[:i]
	} else {
		return false
	}
	return name == "C" || name == "POSIX"
}
