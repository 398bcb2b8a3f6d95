package desktop

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/darsworkbench/dars-workbench/export"
)

// A pack is a zip file, and must stay one for every tool and system, but a
// double-click must not offer DARS Workbench for every zip file. Content
// alone cannot decide it: desktops trust a file name's glob before its
// content, and a type that claims *.zip as well makes GIO choose it for
// every zip (it prefers a glob candidate that is a subclass of the sniffed
// application/zip). So packs are named *.dars.zip (export.PackSuffix):
// the longer glob wins over *.zip, every other zip stays application/zip,
// and Windows and macOS still open it as a zip. For a pack saved without
// that name, magic matches its content instead, as EPUB's does: the zip's
// first local header at offset 0 names data/submission.json at offset 30
// (export writes that entry first; a test here holds it to that). A
// renamed pack.zip is an ordinary zip to the desktop; the app still opens it.

// PackFirstEntry is the name of the first entry of every pack.
const PackFirstEntry = "data/submission.json"

// MIMEPackage is the shared-mime-info package declaring PackMIMEType.
func MIMEPackage(a App) []byte {
	return []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="%s">
    <comment>%s pack</comment>
    <sub-class-of type="application/zip"/>
    <icon name="%s"/>
    <generic-icon name="package-x-generic"/>
    <glob pattern="*%s"/>
    <magic priority="70">
      <match type="string" value="PK\003\004" offset="0">
        <match type="string" value="%s" offset="30"/>
      </match>
    </magic>
  </mime-type>
</mime-info>
`, PackMIMEType, xmlEscape(a.Name), xmlEscape(a.ID), export.PackSuffix, PackFirstEntry))
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
