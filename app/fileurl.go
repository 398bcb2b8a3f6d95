package app

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
)

// localFileURL is the file:// URL the system's opener takes for a local
// path on this system.
func localFileURL(p string) *url.URL {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return fileURL(runtime.GOOS, p)
}

// fileURL makes a file URL from an absolute path of system goos. A Windows
// path needs its backslashes turned round and a slash before the drive
// (file:///C:/Users/…), or the server as the host for a network path
// (file://server/share/…); without them Windows' opener is handed
// "file:C:/…", which it does not take for a file.
func fileURL(goos, p string) *url.URL {
	if goos != "windows" {
		return &url.URL{Scheme: "file", Path: p}
	}
	p = strings.ReplaceAll(p, `\`, "/")
	if rest, ok := strings.CutPrefix(p, "//"); ok {
		host, path, _ := strings.Cut(rest, "/")
		return &url.URL{Scheme: "file", Host: host, Path: "/" + path}
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}
