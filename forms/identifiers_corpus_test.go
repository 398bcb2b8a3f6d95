package forms_test

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The scanner's figures, measured on a generated corpus: valid NHS numbers
// written every way we know people write them, inside realistic sentences,
// and the realistic numbers of a DARS application that are not NHS numbers.
// The bar: at least 99.9% of numbers caught in every format, at
// most 0.1% of non-identifiers flagged. Run with -v for the table.

const (
	corpusPerFormat   = 2000
	corpusPerCategory = 1500
	minRecall         = 0.999
	maxFalseAlarms    = 0.001
)

// spaced joins the digits of n (rewritten in digits starting at zero) in
// groups of the given sizes with sep.
func spaced(n string, zero rune, sep string, sizes ...int) string {
	var b strings.Builder
	k := 0
	for gi, size := range sizes {
		if gi > 0 {
			b.WriteString(sep)
		}
		for j := 0; j < size; j++ {
			b.WriteRune(zero + rune(n[k]-'0'))
			k++
		}
	}
	return b.String()
}

func every(n string, between string) string {
	var b strings.Builder
	for i := 0; i < len(n); i++ {
		if i > 0 {
			b.WriteString(between)
		}
		b.WriteByte(n[i])
	}
	return b.String()
}

type idFormat struct {
	name   string
	render func(n string) string
	// unusual groupings are found only where they stand apart from other
	// digit groups (see nhsnumber.go): they are tried in those sentences.
	unusual bool
}

func nhsFormats() []idFormat {
	g := func(sep string, sizes ...int) func(string) string {
		return func(n string) string { return spaced(n, '0', sep, sizes...) }
	}
	var fs []idFormat
	add := func(name string, f func(string) string) { fs = append(fs, idFormat{name, f, false}) }
	add("plain", g("", 10))
	spaces := map[string]string{
		"space": " ", "two spaces": "  ", "no-break space": "\u00A0", "thin space": "\u2009",
		"narrow no-break space": "\u202F", "figure space": "\u2007", "ideographic space": "\u3000",
		"en space": "\u2002", "em space": "\u2003", "hair space": "\u200A", "punctuation space": "\u2008",
		"medium maths space": "\u205F", "tab": "\t", "line break": "\n", "CRLF": "\r\n",
		"line separator": "\u2028",
	}
	dashes := map[string]string{
		"hyphen-minus": "-", "hyphen": "\u2010", "non-breaking hyphen": "\u2011", "figure dash": "\u2012",
		"en dash": "\u2013", "em dash": "\u2014", "horizontal bar": "\u2015", "minus sign": "\u2212",
		"small hyphen-minus": "\uFE63", "full-width hyphen-minus": "\uFF0D", "spaced hyphen": " - ",
		"spaced en dash": " \u2013 ",
	}
	others := map[string]string{
		"dot": ".", "slash": "/", "backslash": "\\", "underscore": "_", "middle dot": "\u00B7",
		"spaced slash": " / ", "dot and space": ". ", "full-width full stop": "\uFF0E",
	}
	for _, set := range []map[string]string{spaces, dashes, others} {
		for name, sep := range set {
			add("3-3-4 "+name, g(sep, 3, 3, 4))
		}
	}
	for _, sizes := range [][]int{{4, 3, 3}, {3, 4, 3}, {5, 5}, {3, 7}, {2, 2, 2, 2, 2}} {
		label := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(sizes)), "-"), "[]")
		for _, sep := range []struct{ name, s string }{{"space", " "}, {"hyphen", "-"}, {"dot", "."}, {"no-break space", "\u00A0"}} {
			add(label+" "+sep.name, g(sep.s, sizes...))
		}
	}
	add("digit by digit, spaces", func(n string) string { return every(n, " ") })
	add("digit by digit, hyphens", func(n string) string { return every(n, "-") })
	add("digit by digit, dots", func(n string) string { return every(n, ".") })
	for _, sizes := range [][]int{{3, 3, 2, 2}, {2, 4, 4}, {4, 4, 2}, {2, 8}, {6, 4}, {2, 3, 5}} {
		label := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(sizes)), "-"), "[]")
		for _, sep := range []struct{ name, s string }{{"space", " "}, {"hyphen", "-"}} {
			fs = append(fs, idFormat{label + " " + sep.name + " (unusual)", g(sep.s, sizes...), true})
		}
	}
	add("wrapped after 3-3", func(n string) string { return n[:3] + " " + n[3:6] + "\n" + n[6:] })
	add("wrapped with hyphen", func(n string) string { return n[:3] + "-\n" + n[3:6] + "-\n" + n[6:] })
	add("wrapped with an indent", func(n string) string { return n[:3] + " " + n[3:6] + "\n        " + n[6:] })
	add("3-3-4 mixed space and hyphen", func(n string) string { return n[:3] + " " + n[3:6] + "-" + n[6:] })
	add("(3) 3-4", func(n string) string { return "(" + n[:3] + ") " + n[3:6] + "-" + n[6:] })
	add("thousands commas", func(n string) string { return spaced(n, '0', ",", 1, 3, 3, 3) })
	add("thousands dots", func(n string) string { return spaced(n, '0', ".", 1, 3, 3, 3) })
	// Other scripts' digits.
	add("full-width", func(n string) string { return spaced(n, '０', "", 10) })
	add("full-width 3-3-4 ideographic space", func(n string) string { return spaced(n, '０', "\u3000", 3, 3, 4) })
	add("full-width 3-3-4 full-width hyphen", func(n string) string { return spaced(n, '０', "\uFF0D", 3, 3, 4) })
	add("Arabic-Indic 3-3-4", func(n string) string { return spaced(n, '\u0660', " ", 3, 3, 4) })
	add("Devanagari", func(n string) string { return spaced(n, '\u0966', "", 10) })
	add("mathematical bold", func(n string) string { return spaced(n, '\U0001D7CE', " ", 3, 3, 4) })
	add("mixed ASCII and full-width", func(n string) string {
		return n[:3] + " " + spaced(n[3:], '０', " ", 3, 4)
	})
	add("superscript", func(n string) string {
		sup := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
		var b strings.Builder
		for i := 0; i < 10; i++ {
			b.WriteRune(sup[n[i]-'0'])
		}
		return b.String()
	})
	// Invisible characters between digits.
	add("zero-width space between digits", func(n string) string { return every(n, "\u200B") })
	add("soft hyphen 3-3-4", g("\u00AD", 3, 3, 4))
	add("word joiner 3-3-4", g("\u2060", 3, 3, 4))
	add("3-3-4 with zero-width joiner and spaces", func(n string) string {
		return n[:3] + "\u200D " + n[3:6] + " \u200D" + n[6:]
	})
	add("combining low line", func(n string) string { return every(n, "\u0332") + "\u0332" })
	// Brackets, quotes, glued to words and file names.
	add("in brackets", func(n string) string { return "(" + n + ")" })
	add("in square brackets 3-3-4", func(n string) string { return "[" + spaced(n, '0', " ", 3, 3, 4) + "]" })
	add("in quotes", func(n string) string { return "\"" + n + "\"" })
	add("in curly quotes 3-3-4", func(n string) string { return "\u201C" + spaced(n, '0', " ", 3, 3, 4) + "\u201D" })
	add("in guillemets", func(n string) string { return "«" + n + "»" })
	add("in single quotes", func(n string) string { return "'" + spaced(n, '0', "-", 3, 3, 4) + "'" })
	add("glued to NHS", func(n string) string { return "NHS" + n })
	add("glued to nhs: 3-3-4", func(n string) string { return "nhs:" + spaced(n, '0', "-", 3, 3, 4) })
	add("in a file name", func(n string) string { return "cohort_" + n + ".csv" })
	add("in a hyphenated file name", func(n string) string { return "pt-" + spaced(n, '0', "-", 3, 3, 4) + "-notes.pdf" })
	add("keycap-free emoji spacing", func(n string) string { return every(n, "\uFE0F") })
	return fs
}

// recallSentences embed a number; %[1]s is the number, %[2]s a second one.
// Those marked touching put other digit groups right beside it.
var recallSentences = []struct {
	text     string
	touching bool
}{
	{"%[1]s", false},
	{"Patient %[1]s was recruited in 2019 at site 4.", false},
	{"NHS number: %[1]s", false},
	{"NHS no.%[1]s, please check.", false},
	{"The record for %[1]s (consented 12/03/2019) was withdrawn.", false},
	{"Please remove %[1]s from the cohort before 31 March 2026.", false},
	{"Row 12: %[1]s", false},
	{"IDs %[1]s; %[2]s", false},
	{"Two numbers: %[1]s %[2]s", true},
	{"List:\n1. %[1]s\n2. %[2]s\n", true},
	{"Linkage failed for %[1]s, 4,200 others matched.", false},
	{"In 2019 %[1]s moved to Leeds.", true},
	{"Example (not real): %[1]s.", false},
	{"\t%[1]s\t1984\tM13\n", true},
	{"Bed 12 %[1]s discharged", true},
	{"Note 183 %[1]s", true},
}

func validNumbers(r *rand.Rand, n int) []string {
	var out []string
	for len(out) < n {
		if num, ok := nhsNumber(fmt.Sprintf("%09d", r.IntN(1_000_000_000))); ok && num != "0000000000" {
			out = append(out, num)
		}
	}
	return out
}

// digitsOf reads the digits of a match in any script.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r):
			b.WriteByte(byte('0' + indexRune([]rune("⁰¹²³⁴⁵⁶⁷⁸⁹"), r)))
		default:
			for _, zero := range []rune{'０', '\u0660', '\u0966', '\U0001D7CE'} {
				if r >= zero && r <= zero+9 {
					b.WriteRune('0' + r - zero)
				}
			}
		}
	}
	return b.String()
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

func caught(text, n string) bool {
	for _, h := range forms.ScanText(text) {
		if h.Kind == forms.IdentNHSNumber && digitsOf(text[h.Start:h.End]) == n {
			return true
		}
	}
	return false
}

func TestNHSNumberRecallOnGeneratedCorpus(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 2026))
	formats := nhsFormats()
	sort.Slice(formats, func(i, j int) bool { return formats[i].name < formats[j].name })
	total, totalCaught := 0, 0
	for _, f := range formats {
		nums := validNumbers(r, corpusPerFormat+1)
		var sentences []string
		for _, rs := range recallSentences {
			if !rs.touching || !f.unusual {
				sentences = append(sentences, rs.text)
			}
		}
		got := 0
		var missed []string
		for i := 0; i < corpusPerFormat; i++ {
			n, m := nums[i], nums[i+1]
			sentence := sentences[i%len(sentences)]
			text := fmt.Sprintf(sentence, f.render(n), f.render(m))
			ok := caught(text, n)
			if strings.Contains(sentence, "%[2]s") {
				ok = ok && caught(text, m)
			}
			if ok {
				got++
			} else if len(missed) < 3 {
				missed = append(missed, fmt.Sprintf("%q", text))
			}
		}
		rate := float64(got) / corpusPerFormat
		t.Logf("recall %-42s %6.2f%% (%d/%d)", f.name, 100*rate, got, corpusPerFormat)
		if rate < minRecall {
			t.Errorf("format %q: recall %.2f%% is below %.1f%%; missed e.g. %s", f.name, 100*rate, 100*minRecall, strings.Join(missed, ", "))
		}
		total += corpusPerFormat
		totalCaught += got
	}
	t.Logf("recall over %d formats: %.3f%% (%d/%d)", len(formats), 100*float64(totalCaught)/float64(total), totalCaught, total)
}

// category generates one realistic non-identifier.
type category struct {
	name string
	gen  func(r *rand.Rand) string
}

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

func letters(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('A' + r.IntN(26))
	}
	return string(b)
}

func isbn10(r *rand.Rand) (string, bool) {
	body := digits(r, 9)
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(body[i]-'0') * (10 - i)
	}
	c := (11 - sum%11) % 11
	if c == 10 {
		return body + "X", true
	}
	return body + string(rune('0'+c)), false
}

func isbn13(r *rand.Rand) string {
	body := pick(r, "978", "979") + digits(r, 9)
	sum := 0
	for i := 0; i < 12; i++ {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(body[i]-'0') * w
	}
	return body + string(rune('0'+(10-sum%10)%10))
}

func date(r *rand.Rand) (d, m, y int) { return 1 + r.IntN(28), 1 + r.IntN(12), 1995 + r.IntN(35) }

var areaCodes = []string{"0113", "0114", "0115", "0116", "0117", "0118", "0121", "0131", "0141", "0151", "0161", "0191"}
var longAreaCodes = []string{"01223", "01865", "01632", "01904", "01392", "01752", "01524", "01244"}

func nonIdentifierCategories() []category {
	thousands := func(v int64) string {
		s := fmt.Sprint(v)
		var b []byte
		for i := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b = append(b, ',')
			}
			b = append(b, s[i])
		}
		return string(b)
	}
	return []category{
		{"UK landline", func(r *rand.Rand) string {
			a, sub := pick(r, areaCodes...), digits(r, 7)
			return pick(r,
				a+" "+sub[:3]+" "+sub[3:], "("+a+") "+sub[:3]+" "+sub[3:], a+"-"+sub[:3]+"-"+sub[3:], a+sub,
				"+44 "+a[1:]+" "+sub[:3]+" "+sub[3:], "+44 (0)"+a[1:]+" "+sub[:3]+" "+sub[3:],
				"+44 (0) "+a[1:]+" "+sub[:3]+" "+sub[3:], "0044 "+a[1:]+" "+sub[:3]+" "+sub[3:], "+44"+a[1:]+sub,
				"(0)"+a[1:]+" "+sub[:3]+" "+sub[3:], a+" "+sub[:3]+" "+sub[3:]+" ext. "+digits(r, 4),
				a+" "+sub[:3]+" "+sub[3:]+" (ext "+digits(r, 4)+")")
		}},
		{"London and long-code landline", func(r *rand.Rand) string {
			sub8, lc, sub6 := digits(r, 8), pick(r, longAreaCodes...), digits(r, 6)
			return pick(r,
				"020 "+sub8[:4]+" "+sub8[4:], "(020) "+sub8[:4]+" "+sub8[4:], "020-"+sub8[:4]+"-"+sub8[4:],
				"+44 20 "+sub8[:4]+" "+sub8[4:], "+44 (0)20 "+sub8[:4]+" "+sub8[4:], "0207 "+sub8[1:4]+" "+sub8[4:],
				lc+" "+sub6, "("+lc+") "+sub6, lc+" "+sub6[:3]+" "+sub6[3:], "+44 "+lc[1:]+" "+sub6)
		}},
		{"UK mobile and non-geographic", func(r *rand.Rand) string {
			m := "07" + digits(r, 9)
			ng := pick(r, "0800", "0300", "0345", "0330", "0808") + digits(r, 7)
			return pick(r, m[:5]+" "+m[5:], m[:5]+" "+m[5:8]+" "+m[8:], m, "+44 "+m[1:5]+" "+m[5:],
				"+44 (0)"+m[1:5]+" "+m[5:], m[:3]+" "+m[3:7]+" "+m[7:], ng[:4]+" "+ng[4:7]+" "+ng[7:], "Call 111 or 999")
		}},
		{"dates", func(r *rand.Rand) string {
			d, m, y := date(r)
			d2, m2, y2 := date(r)
			return pick(r,
				fmt.Sprintf("%02d/%02d/%d", d, m, y), fmt.Sprintf("%d-%02d-%02d", y, m, d), fmt.Sprintf("%02d.%02d.%d", d, m, y),
				fmt.Sprintf("%02d-%02d-%02d", d, m, y%100), fmt.Sprintf("%d/%d/%d", d, m, y),
				fmt.Sprintf("%02d/%02d/%d – %02d/%02d/%d", d, m, y, d2, m2, y2),
				fmt.Sprintf("from %02d/%02d/%d to %02d/%02d/%d", d, m, y, d2, m2, y2),
				fmt.Sprintf("on %02d/%02d/%d %d sites joined", d, m, y, 2+r.IntN(40)),
				fmt.Sprintf("%02d/%02d/%d %02d:%02d", d, m, y, r.IntN(24), r.IntN(60)),
				fmt.Sprintf("%d-%02d-%02d %02d:%02d", y, m, d, r.IntN(24), r.IntN(60)),
				fmt.Sprintf("%02d.%02d.%d %02d.%02d", d, m, y, r.IntN(24), r.IntN(60)),
				fmt.Sprintf("%d %s %d", d, pick(r, "January", "March", "June", "October"), y),
				fmt.Sprintf("%d/%02d", y, (y+1)%100), fmt.Sprintf("%d-%d", y, y2), fmt.Sprintf("%d–%d", y, y2))
		}},
		{"grant and award numbers", func(r *rand.Rand) string {
			return pick(r,
				"NIHR"+digits(r, 6), "NIHR "+digits(r, 2)+"/"+digits(r, 3)+"/"+digits(r, 2), "HTA "+digits(r, 2)+"/"+digits(r, 3)+"/"+digits(r, 2),
				"RP-PG-"+digits(r, 4)+"-"+digits(r, 5), "PB-PG-"+digits(r, 4)+"-"+digits(r, 5), "NIHR"+digits(r, 3)+"-"+digits(r, 5),
				"MR/"+letters(r, 1)+digits(r, 6)+"/1", "MC_UU_"+digits(r, 5)+"/"+digits(r, 1), "ES/"+letters(r, 1)+digits(r, 6)+"/1",
				"EP/"+letters(r, 1)+digits(r, 6)+"/1", digits(r, 6)+"/Z/"+digits(r, 2)+"/Z", "C"+digits(r, 5)+"/A"+digits(r, 5),
				"EudraCT "+fmt.Sprint(2004+r.IntN(20))+"-"+digits(r, 6)+"-"+digits(r, 2), fmt.Sprint(2004+r.IntN(20))+"-"+digits(r, 6)+"-"+digits(r, 2),
				"ISRCTN"+digits(r, 8), "NCT"+digits(r, 8), "KR-"+fmt.Sprint(2020+r.IntN(8))+"-"+digits(r, 3),
				"grant agreement No "+digits(r, 9), "award "+fmt.Sprint(2018+r.IntN(9))+"/"+digits(r, 5)+"/"+digits(r, 2),
				"ref "+fmt.Sprint(2018+r.IntN(9))+"-"+digits(r, 6))
		}},
		{"DARS, IRAS, REC and CAG references", func(r *rand.Rand) string {
			rec := pick(r, "NW", "LO", "YH", "SC", "EE", "WM", "NE", "SW", "WA")
			return pick(r,
				"DARS-NIC-"+digits(r, 6)+"-"+letters(r, 2)+digits(r, 1)+letters(r, 1)+digits(r, 1)+fmt.Sprintf("-v%d.%d", r.IntN(5), r.IntN(10)),
				"DARS-NIC-"+digits(r, 6)+"-"+letters(r, 5), "NIC-"+digits(r, 6)+"-"+letters(r, 5),
				"IRAS "+digits(r, 6), "IRAS ID: "+digits(r, 7), "IRAS project ID "+digits(r, 6),
				digits(r, 2)+"/"+rec+"/"+digits(r, 4), "REC ref "+digits(r, 2)+"/"+rec+"/"+digits(r, 4),
				digits(r, 2)+"/CAG/"+digits(r, 4), "CAG "+fmt.Sprint(1+r.IntN(10))+"-"+digits(r, 2)+"(a)/"+fmt.Sprint(2010+r.IntN(15)),
				"IRAS "+digits(r, 6)+", REC "+digits(r, 2)+"/"+rec+"/"+digits(r, 4)+", CAG "+digits(r, 2)+"/CAG/"+digits(r, 4))
		}},
		{"ODS, ICO, DSPT, company and charity numbers", func(r *rand.Rand) string {
			return pick(r,
				"ODS code "+letters(r, 3), "ODS "+letters(r, 1)+digits(r, 5), digits(r, 1)+letters(r, 2)+digits(r, 2), letters(r, 3)+digits(r, 2),
				"ICO registration Z"+digits(r, 7), "ICO "+letters(r, 2)+digits(r, 6), "DSPT "+letters(r, 2)+digits(r, 6)+"-SCS",
				"Company number "+digits(r, 8), "Registered charity "+fmt.Sprint(1000000+r.IntN(200000)), "UKPRN 1000"+digits(r, 4),
				"VAT GB "+digits(r, 3)+" "+digits(r, 4)+" "+digits(r, 2), "sort code "+digits(r, 2)+"-"+digits(r, 2)+"-"+digits(r, 2))
		}},
		{"ISBNs and references", func(r *rand.Rand) string {
			i10, _ := isbn10(r)
			i13 := isbn13(r)
			hy10 := i10[:1] + "-" + i10[1:3] + "-" + i10[3:9] + "-" + i10[9:]
			hy13 := i13[:3] + "-" + i13[3:4] + "-" + i13[4:6] + "-" + i13[6:12] + "-" + i13[12:]
			return pick(r, "ISBN "+hy13, "ISBN-10: "+hy10, "ISBN "+i10, "ISBN: "+i10[:1]+" "+i10[1:3]+" "+i10[3:9]+" "+i10[9:],
				hy13, hy10, "ISBN 13: "+i13, i13, i13[:3]+"-"+i13[3:],
				"doi:10."+digits(r, 4)+"/bmj.m"+digits(r, 4), "https://doi.org/10.1016/S0140-6736("+digits(r, 2)+")"+digits(r, 5)+"-"+digits(r, 1),
				"10.1186/s"+digits(r, 5)+"-0"+digits(r, 2)+"-"+digits(r, 4)+"-"+digits(r, 1), "PMID: "+digits(r, 8),
				"ORCID "+digits(r, 4)+"-"+digits(r, 4)+"-"+digits(r, 4)+"-"+digits(r, 4), "pp. "+digits(r, 3)+"–"+digits(r, 3),
				fmt.Sprintf("Lancet %d;%d(%d):%d-%d", 1990+r.IntN(35), 300+r.IntN(100), 1+r.IntN(12), 100+r.IntN(900), 100+r.IntN(900)))
		}},
		{"version numbers and software", func(r *rand.Rand) string {
			return pick(r,
				fmt.Sprintf("v%d.%d", r.IntN(10), r.IntN(10)), fmt.Sprintf("version %d.%d.%d", r.IntN(10), r.IntN(20), r.IntN(50)),
				fmt.Sprintf("Protocol v%d.%d (%02d/%02d/%d)", 1+r.IntN(5), r.IntN(10), 1+r.IntN(28), 1+r.IntN(12), 2015+r.IntN(12)),
				fmt.Sprintf("10.0.%d.%d", 19000+r.IntN(1000), 1000+r.IntN(9000)), fmt.Sprintf("R %d.%d.%d", 3+r.IntN(2), r.IntN(5), r.IntN(4)),
				fmt.Sprintf("Python 3.%d.%d", 8+r.IntN(5), r.IntN(12)), "SAS 9.4 M8", "Stata 18.0",
				fmt.Sprintf("Windows Server 2019 build %d.%d", 17763+r.IntN(100), 1000+r.IntN(5000)),
				fmt.Sprintf("consent form version %d.%d dated %d/%d/%d", 1+r.IntN(5), r.IntN(10), 1+r.IntN(28), 1+r.IntN(12), 2015+r.IntN(12)))
		}},
		{"money", func(r *rand.Rand) string {
			return pick(r,
				"£"+thousands(int64(r.IntN(100000))), "£"+thousands(int64(r.IntN(10_000_000))), "£"+thousands(int64(r.IntN(100_000_000)))+"."+digits(r, 2),
				"£ "+thousands(int64(1000*r.IntN(10000))), "GBP "+thousands(int64(r.IntN(5_000_000))), "$"+thousands(int64(r.IntN(100_000_000)))+".00",
				"€"+thousands(int64(r.Int64N(9_999_999_999))), "£1.2m", "£"+fmt.Sprint(1+r.IntN(9))+"."+digits(r, 1)+"bn",
				"£"+thousands(int64(1+r.IntN(9))*100_000_000), "cost £"+digits(r, 3)+" per extract")
		}},
		{"counts and round numbers", func(r *rand.Rand) string {
			return pick(r,
				thousands(int64(r.IntN(100_000)))+" patients", thousands(int64(r.IntN(100_000_000)))+" records",
				"about "+thousands(int64(1+r.IntN(99))*100_000_000)+" episodes", fmt.Sprint(int64(1+r.IntN(99))*100_000_000)+" rows",
				fmt.Sprintf("%d,000–%d,000 participants", 1+r.IntN(50), 51+r.IntN(50)), fmt.Sprintf("%d000-%d000", 10+r.IntN(40), 50+r.IntN(49)),
				fmt.Sprintf("between %d and %d", r.IntN(1000), 1000+r.IntN(9000)), fmt.Sprintf("%d %03d records", 1+r.IntN(999), r.IntN(1000)),
				fmt.Sprintf("n = %d (%d.%d%%)", r.IntN(100000), r.IntN(100), r.IntN(10)), fmt.Sprintf("%d of %d (%d%%)", r.IntN(5000), 5000+r.IntN(5000), r.IntN(100)))
		}},
		{"years and year ranges", func(r *rand.Rand) string {
			y := 1990 + r.IntN(36)
			return pick(r,
				fmt.Sprintf("%d-%d", y, y+1+r.IntN(10)), fmt.Sprintf("%d–%d", y, y+1+r.IntN(10)),
				fmt.Sprintf("%d/%02d to %d/%02d", y, (y+1)%100, y+5, (y+6)%100), fmt.Sprintf("%d %d %d %d", y, y+1, y+2, y+3),
				fmt.Sprintf("between %d and %d", y, y+10), fmt.Sprintf("%d-%02d", y, (y+1)%100),
				fmt.Sprintf("years %d, %d and %d", y, y+1, y+2), fmt.Sprintf("FY%d/%02d", y, (y+1)%100),
				fmt.Sprintf("%d-%d (%d years)", y, y+10, 10), fmt.Sprintf("HES APC %d/%02d–%d/%02d", y, (y+1)%100, y+9, (y+10)%100))
		}},
		{"statistics", func(r *rand.Rand) string {
			f := func(w int) string { return fmt.Sprintf("%d.%0*d", r.IntN(100), w, r.IntN(pow10(w))) }
			return pick(r,
				"HR "+f(2)+" ("+f(2)+"–"+f(2)+")", "OR "+f(2)+" (95% CI "+f(2)+" to "+f(2)+")", "p = 0."+digits(r, 4),
				"mean "+f(1)+" (SD "+f(1)+")", "RR "+f(3)+" ["+f(3)+", "+f(3)+"]", f(2)+" ("+f(2)+"-"+f(2)+")",
				"median "+fmt.Sprint(r.IntN(100))+" (IQR "+fmt.Sprint(r.IntN(50))+"–"+fmt.Sprint(50+r.IntN(50))+")")
		}},
		{"statute and regulation references", func(r *rand.Rand) string {
			return pick(r, "section 251 of the NHS Act 2006", "Regulation 5 of the Health Service (Control of Patient Information) Regulations 2002",
				"Article 6(1)(e) and 9(2)(j)", "Data Protection Act 2018 Schedule 1 Part 1 paragraph 4",
				"s251 support under regulation 5, CAG "+digits(r, 2)+"/CAG/"+digits(r, 4), "Health and Social Care Act 2012 s261(2)(b)(ii)")
		}},
		{"codes, hashes and addresses", func(r *rand.Rand) string {
			hex := func(n int) string {
				b := make([]byte, n)
				for i := range b {
					b[i] = "0123456789abcdef"[r.IntN(16)]
				}
				return string(b)
			}
			return pick(r,
				hex(8)+"-"+hex(4)+"-4"+hex(3)+"-"+pick(r, "8", "9", "a", "b")+hex(3)+"-"+hex(12), "SHA-256 "+hex(64), hex(64),
				fmt.Sprintf("%d.%d.%d.%d", r.IntN(256), r.IntN(256), r.IntN(256), r.IntN(256)), "SNOMED CT "+digits(r, 8),
				"SNOMED "+fmt.Sprint(1+r.IntN(9))+digits(r, 9), "ICD-10 "+letters(r, 1)+digits(r, 2)+"."+digits(r, 1),
				"OPCS-4 "+letters(r, 1)+digits(r, 2)+"."+digits(r, 1), "LS2 9JT", "M13 9PL", "09:00–17:00",
				fmt.Sprintf("%d.%d, -%d.%d", 50+r.IntN(5), r.IntN(10000), r.IntN(5), r.IntN(10000)), "grid ref SJ "+digits(r, 5)+" "+digits(r, 5),
				digits(r, 6)+" "+digits(r, 6), "10 MB", thousands(int64(r.IntN(10_000_000)))+" bytes")
		}},
		{"rows of figures pasted from a spreadsheet", func(r *rand.Rand) string {
			y := 2010 + r.IntN(15)
			var cells []string
			for j, k := 0, 3+r.IntN(4); j < k; j++ {
				cells = append(cells, pick(r,
					fmt.Sprint(r.IntN(pow10(1+r.IntN(5)))), thousands(int64(r.IntN(1_000_000))),
					fmt.Sprintf("%d.%d%%", r.IntN(100), r.IntN(10)), fmt.Sprint(y+j)))
			}
			return strings.Join(cells, pick(r, "\t", " ", "  ", " | ", "\t\t"))
		}},
		{"file names", func(r *rand.Rand) string {
			d, m, y := date(r)
			return pick(r,
				fmt.Sprintf("protocol_v%d.%d_%d-%02d-%02d.pdf", 1+r.IntN(5), r.IntN(10), y, m, d),
				fmt.Sprintf("scan_%d%02d%02d_%s.pdf", y, m, d, digits(r, 6)), fmt.Sprintf("IMG_%d%02d%02d_%s.jpg", y, m, d, digits(r, 4)),
				fmt.Sprintf("DSPT-%d-%02d.pdf", y, (y+1)%100), fmt.Sprintf("REC-approval-%s-%s.pdf", digits(r, 2), digits(r, 4)),
				fmt.Sprintf("consent form v%d.%d (%02d.%02d.%d).pdf", 1+r.IntN(5), r.IntN(10), d, m, y))
		}},
	}
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

var falseAlarmSentences = []string{
	"%s",
	"Contact the study office on %s.",
	"Reference: %s",
	"(see %s)",
	"The figure %s comes from the protocol.",
	"We will use %s as agreed.",
	"Funding: %s; 4,200 participants from 2015 to 2025.",
	"Item 12 %s",
}

func TestNonIdentifiersOnGeneratedCorpus(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2026))
	total, flagged := 0, 0
	for _, c := range nonIdentifierCategories() {
		n := 0
		var examples []string
		for i := 0; i < corpusPerCategory; i++ {
			text := fmt.Sprintf(falseAlarmSentences[i%len(falseAlarmSentences)], c.gen(r))
			for _, h := range forms.ScanText(text) {
				if h.Kind == forms.IdentNHSNumber {
					n++
					if len(examples) < 5 {
						examples = append(examples, fmt.Sprintf("%q", text))
					}
					break
				}
			}
		}
		t.Logf("false alarms %-45s %5.2f%% (%d/%d) %s", c.name, 100*float64(n)/corpusPerCategory, n, corpusPerCategory, strings.Join(examples, " "))
		total += corpusPerCategory
		flagged += n
	}
	rate := float64(flagged) / float64(total)
	t.Logf("false alarms overall: %.3f%% (%d/%d)", 100*rate, flagged, total)
	if rate > maxFalseAlarms {
		t.Errorf("%.3f%% of realistic non-identifiers were flagged as NHS numbers; the bar is %.1f%%", 100*rate, 100*maxFalseAlarms)
	}
}

func TestUnicodeDigitValues(t *testing.T) {
	// Every script's decimal digits read as their values: the number is
	// found, and the same digits with a wrong check digit are not.
	for _, zero := range []rune{'0', '０', '\u0660', '\u06F0', '\u0966', '\u09E6', '\u0E50', '\u1040', '\U0001D7CE', '\U0001D7D8', '\U0001D7F6', '\U0001FBF0'} {
		good := spaced("9434765919", zero, " ", 3, 3, 4)
		bad := spaced("9434765918", zero, " ", 3, 3, 4)
		if hits := forms.ScanText(good); len(hits) != 1 || hits[0].Kind != forms.IdentNHSNumber {
			t.Errorf("digits from %U: %q gave %v", zero, good, hits)
		} else if want := spaced("943", zero, "", 3) + " *** ****"; hits[0].Shown != want {
			t.Errorf("digits from %U: shown %q, want %q", zero, hits[0].Shown, want)
		}
		if hits := forms.ScanText(bad); len(hits) != 0 {
			t.Errorf("digits from %U: %q (wrong check digit) gave %v", zero, bad, hits)
		}
	}
}
