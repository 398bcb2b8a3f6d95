package export

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
