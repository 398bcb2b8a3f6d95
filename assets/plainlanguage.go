package assets

import _ "embed"

// Word lists for the plain-language checks of the texts NHS England
// publishes in its Data Uses Register. They are data, not code, so that a
// writer can extend them; forms/plainlanguage_lists.go reads them.
var (
	// Acronyms lists abbreviations with their expansion, one a line:
	// "ACRONYM<TAB>expansion"; an empty expansion marks one every reader
	// knows (NHS, UK, GP), which never needs spelling out.
	//
	//go:embed plainlanguage/acronyms.tsv
	Acronyms string
	// Jargon lists words and phrases a member of the public would stumble
	// on, with a plainer way to say them: "term|variant<TAB>suggestion".
	//
	//go:embed plainlanguage/jargon.tsv
	Jargon string
)
