//go:build !((linux || freebsd || netbsd || openbsd) && !android)

package app

// detectSystemChooser: Fyne shows no system dialog on Windows or macOS and
// reaching them without cgo is work not done yet (see the README), so
// these systems get the built-in dialog.
func detectSystemChooser(func(func())) systemFileChooser { return nil }
