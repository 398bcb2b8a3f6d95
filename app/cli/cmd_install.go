package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/darsworkbench/dars-workbench/app/desktop"
	"github.com/darsworkbench/dars-workbench/assets"
)

var (
	installCmd = &Command{Name: "install", Args: "[--prefix DIR]",
		Summary: "install this program for the desktop (Linux): menu entry, icons, pack type; default ~/.local", Run: runInstall}
	uninstallCmd = &Command{Name: "uninstall", Args: "[--prefix DIR]",
		Summary: "remove what install put under DIR, and nothing else", Run: runUninstall}
)

// runTool refreshes desktop caches; tests replace it.
var runTool desktop.Runner = desktop.RunTool

func prefixFlag(env *Env, c *Command, args []string) (string, bool) {
	fs := newFlags(env, c)
	prefix := fs.String("prefix", "", "where to install: DIR/bin, DIR/share (default ~/.local)")
	pos, ok := parse(fs, args)
	if !ok {
		return "", false
	}
	if len(pos) > 0 {
		fs.Usage()
		return "", false
	}
	if *prefix == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			fmt.Fprintln(env.Stderr, "dars-workbench: no home folder to install into; give --prefix")
			return "", false
		}
		*prefix = filepath.Join(home, ".local")
	}
	return *prefix, true
}

// desktopOnly says where the command does not apply, or "" where it does.
func desktopOnly(goos string) string {
	switch goos {
	case "windows":
		return "Windows needs no install: unzip the release and run DARS Workbench.exe"
	case "darwin":
		return "on macOS, drag DARS Workbench.app into Applications"
	}
	return ""
}

func runInstall(c *Command, env *Env, args []string) int {
	prefix, ok := prefixFlag(env, c, args)
	if !ok {
		return ExitUsage
	}
	if msg := desktopOnly(runtime.GOOS); msg != "" {
		return fail(env, ExitUsage, "%s", msg)
	}
	exe, err := os.Executable()
	if err != nil {
		return fail(env, ExitFailed, "cannot find this program's file to install: %v", err)
	}
	m := env.Meta
	files, err := desktop.Files(desktop.App{
		ID: m.ID, Name: m.Name, GenericName: m.Linux.GenericName, Summary: m.Linux.Comment,
		Version: m.Version, Website: m.Website, Categories: m.Linux.Categories, Keywords: m.Linux.Keywords,
		Binary: binaryName, Icon: assets.IconPNG, Released: releaseDate,
	}, prefix)
	if err != nil {
		return fail(env, ExitFailed, "%v", err)
	}
	files = append(files, desktop.File{Path: "share/doc/" + binaryName + "/THIRD_PARTY_NOTICES.txt", Data: []byte(assets.ThirdPartyNotices), Mode: 0o644})
	notes, err := desktop.Install(prefix, exe, binaryName, files, runTool)
	if err != nil {
		return fail(env, ExitFailed, "install into %s: %v", prefix, err)
	}
	for _, n := range notes {
		fmt.Fprintln(env.Stderr, "dars-workbench: note:", n)
	}
	fmt.Fprintf(env.Stdout, "Installed %s %s into %s (%d files); it is in the desktop's menu. Remove it with: %s uninstall --prefix %s\n",
		m.Name, m.Version, prefix, len(files)+1, shellQuote(filepath.Join(prefix, "bin", binaryName)), shellQuote(prefix))
	return ExitOK
}

func runUninstall(c *Command, env *Env, args []string) int {
	prefix, ok := prefixFlag(env, c, args)
	if !ok {
		return ExitUsage
	}
	if msg := desktopOnly(runtime.GOOS); msg != "" {
		return fail(env, ExitUsage, "%s", msg)
	}
	notes, err := desktop.Uninstall(prefix, binaryName, runTool)
	if errors.Is(err, desktop.ErrNotInstalled) {
		return fail(env, ExitFailed, "%v (was it installed with another --prefix?)", err)
	}
	if err != nil {
		return fail(env, ExitFailed, "uninstall from %s: %v", prefix, err)
	}
	for _, n := range notes {
		fmt.Fprintln(env.Stderr, "dars-workbench: note:", n)
	}
	fmt.Fprintf(env.Stdout, "Removed %s from %s.\n", env.Meta.Name, prefix)
	return ExitOK
}

// shellQuote writes a path so that it can be pasted into a shell.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// binaryName is the command's name on Linux.
const binaryName = "dars-workbench"

// releaseDate is the date of the commit a release is built from (YYYY-MM-DD),
// set by the Makefile's builds with -ldflags -X; AppStream metadata lists
// the release only when it is known.
var releaseDate string
