package storage

import (
	"io/fs"
	"os"
	"runtime"
)

// On Linux and macOS the database, its folder and the stored evidence are
// kept private by their modes (folders 0700, files 0600, whatever the umask).
// On Windows a mode is only the read-only flag and protects nothing: what
// keeps the data private there is the access list the files inherit from
// %LocalAppData%, which grants only the user, SYSTEM and Administrators. So
// no mode is set on Windows, and a folder on a share that refuses attribute
// changes (a --db on a network drive) cannot stop the app.

// chmodPrivate sets a private mode on a file or folder we created.
func chmodPrivate(p string, mode fs.FileMode) error {
	return chmodOn(runtime.GOOS, os.Chmod, p, mode)
}

// chmodOn is chmodPrivate for system goos, with the chmod to call.
func chmodOn(goos string, chmod func(string, fs.FileMode) error, p string, mode fs.FileMode) error {
	if goos == "windows" {
		return nil
	}
	return chmod(p, mode)
}
