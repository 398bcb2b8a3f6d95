package export

import "github.com/darsworkbench/dars-workbench/forms"

// outText is the last step of every line of text a writer draws or
// writes (PDF text, bookmarks and metadata, diagram labels, calendar
// entries): an NHS number is masked there too (R-C8). The guard has
// already refused, or the masked copy has masked, every number in what
// was typed; this catches one made after it, by cutting a long text to
// fit ("… 943 476 59191" cut to "… 943 476 5919…").
func outText(s string) string { return forms.MaskNHSNumbers(s) }
