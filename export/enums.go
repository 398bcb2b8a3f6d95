package export

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// enumChoices names the choice list of every enumerated type of the model.
// The schema's enumerations are generated from it and submission files are
// checked against it, so a new enumerated type in forms/ needs a line here
// (TestSchemaIsCurrent says so when one is missing).
func enumChoices() map[reflect.Type][]forms.Choice {
	sections := make([]forms.Choice, len(forms.Sections))
	for i, s := range forms.Sections {
		sections[i] = forms.Choice{Value: string(s.ID), Label: s.Title}
	}
	return map[reflect.Type][]forms.Choice{
		reflect.TypeFor[forms.Stage]():               forms.StageChoices,
		reflect.TypeFor[forms.PurposeCategory]():     forms.PurposeChoices,
		reflect.TypeFor[forms.FundingStatus]():       forms.FundingChoices,
		reflect.TypeFor[forms.Frequency]():           forms.FrequencyChoices,
		reflect.TypeFor[forms.Identifiability]():     forms.IdentifiabilityChoices,
		reflect.TypeFor[forms.CohortKind]():          forms.CohortKindChoices,
		reflect.TypeFor[forms.ValidationField]():     forms.ValidationFieldChoices,
		reflect.TypeFor[forms.CohortPeriod]():        forms.CohortPeriodChoices,
		reflect.TypeFor[forms.Article6]():            forms.Article6Choices,
		reflect.TypeFor[forms.Article9]():            forms.Article9Choices,
		reflect.TypeFor[forms.CLDCRoute]():           forms.CLDCChoices,
		reflect.TypeFor[forms.ConsentMaterialKind](): forms.ConsentMaterialChoices,
		reflect.TypeFor[forms.OrganisationRole]():    forms.RoleChoices,
		reflect.TypeFor[forms.DSPTStatus]():          forms.DSPTChoices,
		reflect.TypeFor[forms.LocationUse]():         forms.LocationUseChoices,
		reflect.TypeFor[forms.Territory]():           forms.TerritoryChoices,
		reflect.TypeFor[forms.AccessRoute]():         forms.AccessRouteChoices,
		reflect.TypeFor[forms.EvidenceType]():        forms.EvidenceTypeChoices,
		reflect.TypeFor[forms.EvidenceStatus]():      forms.EvidenceStatusChoices,
		reflect.TypeFor[forms.CommentKind]():         forms.CommentKindChoices,
		reflect.TypeFor[forms.NodeKind]():            forms.NodeKindChoices,
		reflect.TypeFor[forms.TransferMethod]():      forms.TransferMethodChoices,
		reflect.TypeFor[forms.SectionID]():           sections,
		reflect.TypeFor[forms.Likelihood]():          forms.LikelihoodChoices,
		reflect.TypeFor[forms.HarmSeverity]():        forms.HarmSeverityChoices,
		reflect.TypeFor[forms.RiskEffect]():          forms.RiskEffectChoices,
		reflect.TypeFor[forms.DPOOutcome]():          forms.DPOOutcomeChoices,
		reflect.TypeFor[forms.Sensitivity]():         forms.SensitivityChoices,
		reflect.TypeFor[forms.CohortSender]():        forms.CohortSenderChoices,
		reflect.TypeFor[forms.OrganisationType]():    forms.OrganisationTypeChoices,
	}
}

// enumSpellings are the other ways people and the register write the
// values of some enumerated types; an older file's answers are read with
// them (upgrade.go). A type not listed is matched on its values and labels.
var enumSpellings = map[reflect.Type][]forms.Spelling{
	reflect.TypeFor[forms.Stage]():               forms.StageSpellings,
	reflect.TypeFor[forms.PurposeCategory]():     forms.PurposeSpellings,
	reflect.TypeFor[forms.FundingStatus]():       forms.FundingSpellings,
	reflect.TypeFor[forms.Frequency]():           forms.FrequencySpellings,
	reflect.TypeFor[forms.Identifiability]():     forms.IdentifiabilitySpellings,
	reflect.TypeFor[forms.Sensitivity]():         forms.SensitivitySpellings,
	reflect.TypeFor[forms.CohortKind]():          forms.CohortKindSpellings,
	reflect.TypeFor[forms.ValidationField]():     forms.ValidationFieldSpellings,
	reflect.TypeFor[forms.CohortPeriod]():        forms.CohortPeriodSpellings,
	reflect.TypeFor[forms.Article6]():            forms.Article6Spellings,
	reflect.TypeFor[forms.Article9]():            forms.Article9Spellings,
	reflect.TypeFor[forms.CLDCRoute]():           forms.CLDCSpellings,
	reflect.TypeFor[forms.ConsentMaterialKind](): forms.ConsentMaterialSpellings,
	reflect.TypeFor[forms.OrganisationRole]():    forms.RoleSpellings,
	reflect.TypeFor[forms.DSPTStatus]():          forms.DSPTSpellings,
	reflect.TypeFor[forms.LocationUse]():         forms.LocationUseSpellings,
	reflect.TypeFor[forms.Territory]():           forms.TerritorySpellings,
	reflect.TypeFor[forms.AccessRoute]():         forms.AccessRouteSpellings,
	reflect.TypeFor[forms.OrganisationType]():    forms.OrganisationTypeSpellings,
}

var enums = enumChoices()

// badEnums lists, as "path: value", values of enumerated fields that are
// neither "" (not answered) nor one of their choices, as the schema would.
// The path is built only for a value it reports, so walking a large draft
// allocates nothing per field; it stops after max values.
func badEnums(v reflect.Value, root string, out *[]string) {
	w := enumWalk{out: out, path: []pathPart{{name: root, index: -1}}}
	w.walk(v)
}

// maxBadEnums is how many values badEnums lists: callers show three.
const maxBadEnums = 4

type pathPart struct {
	name  string
	index int // -1 for a field, else an index into a list
}

type enumWalk struct {
	path []pathPart
	out  *[]string
}

func (w *enumWalk) walk(v reflect.Value) {
	if len(*w.out) >= maxBadEnums {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			w.path = append(w.path, pathPart{name: name, index: -1})
			w.walk(v.Field(i))
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Slice:
		for i := range v.Len() {
			w.path = append(w.path, pathPart{index: i})
			w.walk(v.Index(i))
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.String:
		choices, ok := enums[v.Type()]
		if !ok || v.String() == "" {
			return
		}
		for _, c := range choices {
			if c.Value == v.String() {
				return
			}
		}
		*w.out = append(*w.out, fmt.Sprintf("%s: %q is not one of %s", w.pathString(), v.String(), strings.Join(quoted(forms.Values(choices)), ", ")))
	}
}

func (w *enumWalk) pathString() string {
	var sb strings.Builder
	for _, p := range w.path {
		switch {
		case p.index >= 0:
			fmt.Fprintf(&sb, "[%d]", p.index)
		case sb.Len() > 0:
			sb.WriteString("." + p.name)
		default:
			sb.WriteString(p.name)
		}
	}
	return sb.String()
}

func quoted(vs []string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if v != "" {
			out = append(out, fmt.Sprintf("%q", v))
		}
	}
	return out
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
