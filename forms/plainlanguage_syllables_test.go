package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
)

// The expected counts are dictionary syllabifications (as a person reads
// the word aloud), chosen from the words register texts use.
func TestSyllables(t *testing.T) {
	words := map[string]int{
		// one syllable, silent endings
		"the": 1, "we": 1, "make": 1, "made": 1, "used": 1, "based": 1, "linked": 1, "makes": 1, "times": 1,
		"types": 1, "whole": 1, "while": 1, "age": 1, "free": 1, "due": 1, "true": 1, "field": 1, "friend": 1,
		"view": 1, "piece": 1, "year": 1, "young": 1, "they": 1, "their": 1, "does": 1, "guide": 1, "called": 1,
		"filed": 1, "health": 1, "each": 1, "great": 1, "real": 1, "queue": 1, "league": 1, "miles": 1, "risk": 1,
		// two
		"table": 2, "little": 2, "treated": 2, "needed": 2, "agreed": 2, "studied": 2, "studies": 2, "applied": 2,
		"places": 2, "changes": 2, "tables": 2, "uses": 2, "value": 2, "issue": 2, "fluent": 2, "patient": 2,
		"patients": 2, "ancient": 2, "social": 2, "special": 2, "trial": 2, "nation": 2, "region": 2, "prior": 2,
		"million": 2, "union": 2, "being": 2, "seeing": 2, "going": 2, "doing": 2, "paying": 2, "using": 2,
		"making": 2, "beyond": 2, "quiet": 2, "receive": 2, "believe": 2, "review": 2, "reviewed": 2, "language": 2,
		"question": 2, "surgeon": 2, "statement": 2, "useful": 2, "careful": 2, "likely": 2, "safely": 2, "only": 2,
		"early": 2, "apply": 2, "simply": 2, "sometimes": 2, "someone": 2, "lifetime": 2, "framework": 2, "baseline": 2,
		"guideline": 2, "whereby": 2, "handled": 2, "settled": 2, "travelled": 2, "practice": 2, "outcomes": 2,
		"measures": 2, "people": 2, "research": 2, "process": 2, "data": 2, "cohort": 2, "English": 2, "England": 2,
		"hospital": 3, "suppressed": 2, "approach": 2, "decline": 2, "science": 2, "client": 2,
		// three
		"analyse": 3, "various": 3, "serious": 3, "previous": 3, "delicious": 3, "efficient": 3, "sufficient": 3,
		"audience": 3, "earlier": 3, "easier": 3, "carrier": 3, "earliest": 3, "initial": 3, "media": 3, "financial": 3,
		"potential": 3, "essential": 3, "median": 3, "radio": 3, "period": 3, "violence": 3, "opinion": 3, "champion": 3,
		"video": 3, "theory": 3, "actual": 3, "usual": 3, "quality": 3, "continue": 3, "influence": 3, "completely": 3,
		"implement": 3, "management": 3, "agreement": 3, "entirely": 3, "extremely": 3, "carefully": 3, "enabled": 3,
		"considered": 3, "purposes": 3, "resources": 3, "services": 3, "diseases": 3, "anyone": 3, "carrying": 3,
		"possible": 3, "catalogue": 3, "element": 3, "area": 3, "idea": 3, "created": 3, "ratio": 3, "haemorrhage": 3,
		"mortality": 4, "outpatient": 3, "benefit": 3, "benefits": 3, "objective": 3, "activities": 4, "processing": 3,
		// four and more
		"analysis": 4, "analyses": 4, "society": 4, "variety": 4, "anxiety": 4, "experience": 4, "convenient": 4,
		"biology": 4, "geography": 4, "criterion": 4, "evaluate": 4, "January": 4, "situation": 4, "associate": 4,
		"continuous": 4, "mechanism": 4, "pseudonymised": 4, "paediatric": 4, "vulnerable": 4, "neonatal": 4,
		"diagnosis": 4, "appropriate": 4, "individual": 5, "associated": 5, "association": 5, "simultaneous": 5,
		"epidemiology": 7, "identifiable": 6, "confidentiality": 7,
		// names, capitals, digits and compounds
		"NHS": 3, "HES": 3, "GP": 2, "UK": 2, "DSPT": 4, "GDPPR": 5, "WHO": 5, "COVID": 2, "NICE": 1, "IRAS": 2,
		"Siân": 1, "O'Neill": 2, "patient's": 2, "2026": 4, "10": 2, "4,200": 4, "long-term": 2, "and/or": 2,
		"COVID-19": 4, "low-dose": 2, "re-identify": 5, "—": 0, "(": 0, "MHRA": 4, "MHRA's": 4, "UKHSA": 5, "DSCRO": 5,
		"YLST": 4, "GPs": 2, "TSEs": 3, "IGARD": 2, "behaviour": 3, "senior": 2, "junior": 2, "safety": 2,
		"ninety": 2, "diabetes": 4, "species": 2, "telephone": 3, "questionnaire": 3, "surveillance": 3, "routine": 2,
	}
	for w, want := range words {
		assert.Equal(t, want, forms.Syllables(w), "syllables of %q", w)
	}
}
