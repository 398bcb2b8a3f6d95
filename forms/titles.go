package forms

import "strings"

// DistinctTitle returns title, or title marked as imported on a date when a
// draft of that title exists already, so two copies of one application can
// be told apart in every list (a re-imported pack keeps its original's title).
func DistinctTitle(title string, existing []string, on Date) string {
	taken := map[string]bool{}
	for _, t := range existing {
		taken[strings.TrimSpace(t)] = true
	}
	title = strings.TrimSpace(title)
	if !taken[title] {
		return title
	}
	base := title + " (imported " + on.Human() + ")"
	candidate := base
	for n := 2; taken[candidate]; n++ {
		candidate = base[:len(base)-1] + ", " + itoa(n) + ")"
	}
	return candidate
}
