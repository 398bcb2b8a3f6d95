package export

import (
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// PretendSchemaVersion makes the decoder read up to version v with the given
// upgrade steps, so tests can run the upgrade chain; the returned func undoes it.
func PretendSchemaVersion(v int, steps map[int]func(map[string]any) error) (restore func()) {
	oldV, oldSteps := readsUpTo, upgrades
	readsUpTo, upgrades = v, map[int]upgradeStep{}
	for k, f := range steps {
		upgrades[k] = func(doc map[string]any, _ *conversion) error { return f(doc) }
	}
	return func() { readsUpTo, upgrades = oldV, oldSteps }
}

// EnumChoices exposes the enumerated types and their choice lists.
var EnumChoices = enumChoices

// PrintedSections runs application.pdf's section walk, as WriteApplicationPDF
// does, and returns what each section prints, in order.
func PrintedSections(a *forms.Application) (map[forms.SectionID][]Printed, error) {
	d, err := newDoc(DocInfo{})
	if err != nil {
		return nil, err
	}
	out := map[forms.SectionID][]Printed{}
	var cur forms.SectionID
	d.printed = func(p Printed) { out[cur] = append(out[cur], p) }
	p := &appPDF{d: d, a: a, findings: forms.Evaluate(a, time.Now()), at: time.Now()}
	for _, s := range forms.Sections {
		cur = s.ID
		if r, ok := sectionRenderers[s.ID]; ok {
			r(p)
		}
	}
	return out, d.Err()
}
