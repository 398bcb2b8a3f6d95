package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Syllable counting for English, for the Flesch figures of the texts NHS
// England publishes (R-U2). Flesch counted syllables "as the word is read
// aloud"; a program can only approximate that, so the rules below are
// written for the words register texts use and tested against dictionary
// syllabifications (plainlanguage_syllables_test.go). A word counts at least
// one syllable.
//
// The rules, in order:
//   - digits are read one syllable each ("2026" counts 4: an average, since
//     "ten" is one and "seventy" three);
//   - an abbreviation in capitals is read letter by letter (W counts 3)
//     unless it can be said as a word ("NHS" 3, "MHRA" 4, "COVID" 2);
//   - a hyphenated or slashed word is the sum of its parts;
//   - a handful of words no rule gets right are looked up;
//   - otherwise each run of vowels (a e i o u y, accented ones too) is a
//     syllable, with these adjustments: a final silent "e" (make, used,
//     makes) is not, but "-le" after a consonant is (table); vowel pairs
//     said apart (tri-al, vi-de-o, ac-tu-al, sci-ence is not: ci-en after
//     c, t, s, g and x runs together as in "nation") count two; "u" after
//     "q" and before a vowel after "g" is a consonant; "y" between vowels
//     is a consonant (be-yond); "-ing" after a vowel is its own syllable
//     (be-ing); "-ment", "-ly", "-ful", "-less", "-ness" after a silent
//     "e", and compounds such as "some-times" and "base-line", keep it
//     silent (state-ment); "-ism" is two syllables.

// Syllables counts the syllables of one word as written in running text;
// punctuation around it is ignored. Text with no letter or digit counts 0.
func Syllables(word string) int {
	n := 0
	for _, part := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '/' || r == '–' || r == '‐' }) {
		n += partSyllables(part)
	}
	return n
}

func partSyllables(w string) int {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	// A plural of capitals (GPs, TSEs) reads as the capitals.
	if len(w) >= 3 && w[len(w)-1] == 's' && allUpperish(w[:len(w)-1]) {
		w = w[:len(w)-1]
	}
	digits, letters, upper, lower := 0, 0, 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
		}
	}
	if letters == 0 {
		return digits
	}
	n := digits
	if upper >= 2 && lower == 0 {
		return n + capitalsSyllables(w)
	}
	word := foldWord(w)
	if word == "" {
		return max(n, 1)
	}
	return n + wordSyllables(word)
}

// capitalsSyllables reads an abbreviation in capitals: letter by letter,
// unless it is four letters or more and sayable as a word, with a vowel
// for every four letters and no three consonants running (COVID, NICE,
// IRAS; but UKHSA, MHRA, DSCRO are spelt).
func capitalsSyllables(w string) int {
	letters, spelled, vowels, run, maxRun := 0, 0, 0, 0, 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r == 'W' {
			spelled += 3
		} else {
			spelled++
		}
		if strings.ContainsRune("AEIOU", r) {
			vowels++
			run = 0
		} else {
			run++
			maxRun = max(maxRun, run)
		}
	}
	if letters <= 3 || vowels*4 < letters || maxRun >= 3 {
		return spelled
	}
	return wordSyllables(foldWord(w))
}

// foldWord lower-cases a word, keeps its letters only (an apostrophe ends
// it, so "patient's" reads "patient") and folds accented vowels to plain
// ones so "Siân" counts like "Sian".
func foldWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if r == '\'' || r == '’' {
			// A possessive or contraction ends the word (patient's,
			// don't); a name goes on (O'Neill).
			if b.Len() > 0 && contractionTail(w[i:]) {
				break
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		r = unicode.ToLower(r)
		if r >= utf8.RuneSelf {
			r = foldAccent(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func contractionTail(s string) bool {
	switch strings.ToLower(s) {
	case "", "s", "t", "ll", "re", "ve", "d", "m":
		return true
	}
	return false
}

func foldAccent(r rune) rune {
	switch r {
	case 'à', 'á', 'â', 'ä', 'ã', 'å':
		return 'a'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ò', 'ó', 'ô', 'ö', 'õ':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ŵ':
		return 'w'
	case 'ŷ', 'ý', 'ÿ':
		return 'y'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	}
	return r
}

func isVowelLetter(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// syllableExceptions holds words the rules miscount, with their count.
var syllableExceptions = map[string]int{
	"area": 3, "areas": 3, "idea": 3, "ideas": 3, "ideal": 3,
	"create": 2, "creates": 2, "created": 3, "creating": 3, "creation": 3, "creative": 3,
	"react": 2, "reacts": 2, "reaction": 3, "reactions": 3, "reality": 4,
	"linear": 3, "nuclear": 3, "theatre": 3,
	"people": 2, "peoples": 2,
	"business": 2, "businesses": 3, "every": 2, "everyone": 3, "everything": 3, "everybody": 4,
	"evening": 2, "maybe": 2, "recipe": 3, "element": 3, "elements": 3,
	"science": 2, "sciences": 3, "scientist": 3, "scientists": 3, "scientific": 4, "conscience": 2,
	"fluid": 2, "fluids": 2, "suicide": 3, "genuine": 3, "ruin": 2, "intuitive": 4,
	"argue": 2, "argued": 2, "therefore": 2, "whereas": 2, "ratio": 3, "ratios": 3,
	"coalition": 4, "cooperate": 4, "cooperation": 5, "coordinate": 4, "coordinated": 5, "coordination": 5, "coordinator": 5,
	"reuse": 2, "reused": 2, "reassess": 3, "reassessed": 3, "reassessment": 4,
	"reinforce": 3, "reimburse": 3, "reimbursement": 4, "reidentify": 5, "reidentified": 5, "reidentification": 7,
	"deidentified": 5, "preexisting": 4, "familiar": 3, "ocean": 2, "poem": 2,
	"being": 2, "beings": 2, "cruel": 2, "quiet": 2, "diet": 2, "client": 2, "clients": 2,
	"naive": 2, "via": 2, "initiative": 4, "initiatives": 4, "diabetes": 4, "real": 1, "really": 2, "whole": 1, "wholly": 2,
}

// wordSyllables counts a folded, lower-case word of letters.
func wordSyllables(w string) int {
	if n, ok := syllableExceptions[w]; ok {
		return n
	}
	// A silent "e" stays silent before these endings (state-ment, safe-ly).
	for _, suf := range []string{"ments", "ment", "fully", "ful", "less", "ness", "ly", "ties", "ty", "times", "time", "lines", "line", "works", "work", "wide", "one", "by"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		if stem[len(stem)-1] == 'e' && !isVowelLetter(rune(stem[len(stem)-2])) && hasVowel(stem[:len(stem)-1]) {
			if n, ok := syllableExceptions[stem]; ok {
				return n + vowelGroups(suf)
			}
			return max(1, vowelGroups(stem)) + vowelGroups(suf)
		}
	}
	return max(1, vowelGroups(w))
}

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowelLetter(rune(s[i])) {
			return true
		}
	}
	return false
}

// vowelGroups is the heart of the count: runs of vowels, split where the
// pair is said apart, less silent endings.
func vowelGroups(w string) int {
	n := len(w)
	vowel := make([]bool, n)
	for i := 0; i < n; i++ {
		c := w[i]
		switch {
		case c == 'y':
			// "y" starting a word before a vowel (year), or between two
			// vowels (beyond, player), is a consonant.
			prevV := i > 0 && isVowelLetter(rune(w[i-1])) && w[i-1] != 'y'
			nextV := i+1 < n && isVowelLetter(rune(w[i+1]))
			vowel[i] = !((i == 0 && nextV) || (prevV && nextV))
		case c == 'u' && i > 0 && w[i-1] == 'q':
			vowel[i] = false // qu
		case c == 'u' && i > 0 && w[i-1] == 'g' && i+1 < n && isVowelLetter(rune(w[i+1])) && !(i+2 == n && w[i+1] == 'e' && i >= 2 && !isVowelLetter(rune(w[i-2]))):
			vowel[i] = false // guide, language; but "-gue" after a consonant ends the word (argue is listed)
		default:
			vowel[i] = isVowelLetter(rune(c))
		}
	}
	count := 0
	for i := 0; i < n; i++ {
		if !vowel[i] {
			continue
		}
		if i == 0 || !vowel[i-1] {
			count++
			continue
		}
		if splitPair(w, i) {
			count++
		}
	}
	// A final "e" after a consonant is silent, unless it ends "-le" after a
	// consonant (table) or the word has no other vowel (the).
	switch {
	case n >= 2 && w[n-1] == 'e' && vowel[n-1] && !vowel[n-2]:
		if !(n >= 3 && w[n-2] == 'l' && !vowel[n-3]) {
			count--
		}
	case n >= 3 && w[n-2] == 'e' && (w[n-1] == 'd' || w[n-1] == 's') && vowel[n-2] && !vowel[n-3]:
		// "-ed" is silent except after t or d; "-es" except after s, x, z,
		// c, g, ch, sh, and "-les" after a consonant.
		p := w[n-3]
		silent := false
		if w[n-1] == 'd' {
			// han-dled and en-a-bled keep their "-le" syllable; called does not.
			silent = p != 't' && p != 'd' && !(p == 'l' && n >= 4 && !vowel[n-4] && w[n-4] != 'l')
		} else {
			silent = !strings.ContainsRune("sxzcg", rune(p)) && !(p == 'h' && n >= 4 && (w[n-4] == 'c' || w[n-4] == 's'))
			if p == 'l' && n >= 4 && !vowel[n-4] {
				silent = false
			}
		}
		if silent {
			count--
		}
	}
	// "-ism" is two syllables (mech-a-nism).
	if strings.HasSuffix(w, "ism") || strings.HasSuffix(w, "isms") {
		count++
	}
	return count
}

// splitPair reports whether the vowel at i, following another vowel, starts
// a syllable of its own.
func splitPair(w string, i int) bool {
	a, b := w[i-1], w[i]
	prev := byte(0)
	if i >= 2 {
		prev = w[i-2]
	}
	rest := w[i+1:]
	if a == 'y' {
		return true // an-y-one, em-bry-o
	}
	palatal := prev == 'c' || prev == 't' || prev == 's' || prev == 'g' || prev == 'x'
	// "-ing" after a vowel: be-ing, car-ry-ing.
	if b == 'i' && rest == "ng" {
		return true
	}
	switch string([]byte{a, b}) {
	case "ia":
		// tri-al, me-di-a, as-so-ci-ate; but so-cial, in-i-tial.
		return !palatal || strings.HasPrefix(rest, "t") || strings.HasPrefix(rest, "lit")
	case "io":
		// ra-di-o, bi-ol-o-gy, pe-ri-od; but na-tion, re-gion, mil-lion.
		// be-hav-iour, sen-ior and jun-ior run together too.
		if strings.HasPrefix(rest, "ur") || ((prev == 'l' || prev == 'n') && (rest == "n" || rest == "ns" || rest == "r" || rest == "rs")) {
			return false
		}
		return !palatal
	case "iu":
		return true // me-di-um
	case "eo":
		// vi-de-o, ge-og-ra-phy; but sur-geon, gor-geous.
		return !(prev == 'g' && (strings.HasPrefix(rest, "n") || strings.HasPrefix(rest, "us")))
	case "ua":
		return true // ac-tu-al (qu and gu are consonants already)
	case "uo":
		return true
	case "ue":
		// val-ue, is-sue, true end the word as one; flu-ent splits.
		return rest != "" && rest != "s" && rest != "d"
	case "ie":
		// cli-ent, ex-pe-ri-ence, di-et, so-ci-e-ty, eas-i-er split;
		// field, friend, stud-ied, pa-tient (after t) do not.
		if rest == "r" || rest == "rs" || rest == "st" {
			return true
		}
		if palatal && !strings.HasPrefix(rest, "ty") {
			return false
		}
		return strings.HasPrefix(rest, "nt") || strings.HasPrefix(rest, "nc") || strings.HasPrefix(rest, "ty") ||
			rest == "t" || rest == "ts" || rest == "r" || rest == "rs" || rest == "st"
	}
	return false
}
