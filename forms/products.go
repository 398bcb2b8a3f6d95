package forms

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/darsworkbench/dars-workbench/assets"
)

// Product is one entry of the data-product catalogue: a data set named on
// approved DARS agreements, with the values the register shows for it
// there, in the register's own wording (R-D1).
type Product struct {
	Name string
	// Seen is how many published agreements list the product; the picker
	// offers common products first.
	Seen            int
	TypesOfData     []string
	Frequencies     []string
	Confidentiality []string
	// Gateways are NHS England's legal bases for releasing it, as written.
	Gateways []string
	// SDEOnly marks a product NHS England offers only in its Secure Data
	// Environment, never by file transfer (R-T5).
	SDEOnly bool

	key     string   // SpellingKey of the name
	abbrevs []string // lower-case abbreviations the picker finds it by
	words   []string // lower-case words of its name
}

// ErrBadCatalogue wraps every reason a product catalogue cannot be read.
var ErrBadCatalogue = errors.New("not a readable product catalogue")

// The first five columns are required; legal_gateway and access may follow.
var catalogueColumns = []string{"name", "seen", "type_of_data", "frequency", "confidentiality", "legal_gateway", "access"}

const requiredColumns = 5

// ParseProducts reads the tab-separated product catalogue: lines starting
// with "#" are comments, the first other line is the header naming the
// columns, columns holding several values separate them with "|", and
// "(empty)" stands for a value the register left blank.
func ParseProducts(r io.Reader) ([]Product, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	var out []Product
	ncols := 0
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if ncols == 0 {
			if len(cols) < requiredColumns || len(cols) > len(catalogueColumns) || strings.Join(cols, ",") != strings.Join(catalogueColumns[:len(cols)], ",") {
				return nil, fmt.Errorf("%w: line %d: the header must name the columns %s (the last two may be left out)", ErrBadCatalogue, line, strings.Join(catalogueColumns, ", "))
			}
			ncols = len(cols)
			continue
		}
		if len(cols) != ncols {
			return nil, fmt.Errorf("%w: line %d: %d columns, want %d separated by tabs", ErrBadCatalogue, line, len(cols), ncols)
		}
		name := strings.TrimSpace(cols[0])
		if name == "" {
			return nil, fmt.Errorf("%w: line %d: a product needs a name", ErrBadCatalogue, line)
		}
		seen, err := strconv.Atoi(strings.TrimSpace(cols[1]))
		if err != nil || seen < 0 {
			return nil, fmt.Errorf("%w: line %d: %q is not a count of agreements", ErrBadCatalogue, line, cols[1])
		}
		p := Product{Name: name, Seen: seen, TypesOfData: splitValues(cols[2]), Frequencies: splitValues(cols[3]), Confidentiality: splitValues(cols[4])}
		if ncols > 5 {
			p.Gateways = splitValues(cols[5])
		}
		if ncols > 6 {
			switch a := strings.ToLower(strings.TrimSpace(cols[6])); a {
			case "", "(empty)", "any":
			case "sde only", "sde-only", "sde":
				p.SDEOnly = true
			default:
				return nil, fmt.Errorf("%w: line %d: access %q is not \"SDE only\" or blank", ErrBadCatalogue, line, cols[6])
			}
		}
		p.index()
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %v", ErrBadCatalogue, line+1, err)
	}
	if ncols == 0 {
		return nil, fmt.Errorf("%w: no header line", ErrBadCatalogue)
	}
	return out, nil
}

func splitValues(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" && v != "(empty)" {
			out = append(out, v)
		}
	}
	return out
}

var (
	productsOnce sync.Once
	products     []Product
	productsErr  error
	productByKey map[string]*Product
)

// ProductCatalogue returns the embedded catalogue of products seen on approved
// agreements, most often agreed first. A catalogue that cannot be read
// gives an empty list and ProductCatalogueError says why.
func ProductCatalogue() []Product {
	productsOnce.Do(func() {
		ps, err := ParseProducts(bytes.NewReader(assets.ProductsTSV))
		if err != nil {
			productsErr = err
			return
		}
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Seen > ps[j].Seen })
		products = ps
		productByKey = make(map[string]*Product, len(ps))
		for i := range ps {
			productByKey[ps[i].key] = &ps[i]
		}
	})
	return products
}

// ProductCatalogueError says why the embedded catalogue could not be read,
// or is nil; the Data screen shows it rather than an empty picker alone.
func ProductCatalogueError() error {
	ProductCatalogue()
	return productsErr
}

// LookupProduct finds a product of the embedded catalogue by name, as
// FindProduct does, in constant time (the rules ask on every keystroke).
func LookupProduct(name string) (Product, bool) {
	ProductCatalogue()
	var buf [128]byte
	if p, ok := productByKey[string(appendSpellingKey(buf[:0], name))]; ok {
		return *p, true
	}
	return Product{}, false
}

// aliases are words people search by that a product's name does not hold.
var aliases = map[string][]string{
	"hes":       {"hospital episode statistics"},
	"a&e":       {"accident and emergency", "a and e", "emergency care"},
	"ae":        {"accident and emergency", "a and e"},
	"ons":       {"civil registration"},
	"deaths":    {"civil registration", "cause of death"},
	"mortality": {"civil registration", "death", "mortality"},
	"births":    {"births"},
	"pds":       {"demographic"},
	"tracing":   {"mris", "demographic"},
	"iapt":      {"improving access to psychological therapies"},
	"talking":   {"improving access to psychological therapies"},
	"cancer":    {"cancer", "ndrs"},
	"gp":        {"general practice", "primary care"},
	"sus":       {"secondary uses service", "sus "},
	"pbr":       {"payment by results"},
	"mental":    {"mental health"},
	"maternity": {"maternity"},
	"covid":     {"covid"},
}

var smallWords = map[string]bool{"and": true, "of": true, "to": true, "the": true, "for": true, "in": true, "by": true, "a": true, "on": true}

// index fills the lower-case words and abbreviations a search looks at:
// the name's words, what it puts in brackets, and the initials of the
// words before the brackets (Emergency Care Data Set → ECDS).
func (p *Product) index() {
	p.key = SpellingKey(p.Name)
	p.words = nameWords(p.Name)
	var initials strings.Builder
	head, _, _ := strings.Cut(p.Name, "(")
	for _, w := range strings.FieldsFunc(head, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !smallWords[strings.ToLower(w)] {
			initials.WriteRune(unicode.ToLower([]rune(w)[0]))
		}
	}
	if initials.Len() > 1 {
		p.abbrevs = append(p.abbrevs, initials.String())
	}
	rest := p.Name
	for {
		i := strings.Index(rest, "(")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], ")")
		if j < 0 {
			break
		}
		// Only capitals in brackets are an abbreviation: "(HES APC)" is,
		// "(Deaths)" is words like any other.
		if inside := rest[i+1 : i+j]; strings.ToUpper(inside) == inside {
			p.abbrevs = append(p.abbrevs, SpellingKey(inside))
			p.abbrevs = append(p.abbrevs, nameWords(inside)...)
		}
		rest = rest[i+j:]
	}
}

func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&' })
}

// matches reports whether a product answers one search word: a word of its
// name starts with it, it is one of its abbreviations, or an alias of it.
func (p *Product) matches(q string) bool {
	for _, w := range p.words {
		if strings.HasPrefix(w, q) {
			return true
		}
	}
	for _, a := range p.abbrevs {
		if a == q || (len(q) >= 3 && strings.HasPrefix(a, q)) {
			return true
		}
	}
	lower := strings.ToLower(p.Name)
	for _, phrase := range aliases[q] {
		if strings.Contains(lower, phrase) {
			return true
		}
	}
	return false
}

// SearchProducts finds the catalogue products that every word of query
// finds, by any word of the name or any abbreviation (HES, ECDS, MHSDS,
// GDPPR…), best first: an exact name or abbreviation, then the most often
// agreed. An empty query lists the whole catalogue.
func SearchProducts(ps []Product, query string) []Product {
	qs := nameWords(query)
	if len(qs) == 0 {
		return append([]Product(nil), ps...)
	}
	type hit struct {
		p     Product
		exact bool
	}
	var hits []hit
	qkey := SpellingKey(query)
	for i := range ps {
		p := &ps[i]
		all := true
		for _, q := range qs {
			if !p.matches(q) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		exact := SpellingKey(p.Name) == qkey
		for _, a := range p.abbrevs {
			exact = exact || a == qkey
		}
		hits = append(hits, hit{*p, exact})
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].exact != hits[j].exact {
			return hits[i].exact
		}
		return hits[i].p.Seen > hits[j].p.Seen
	})
	out := make([]Product, len(hits))
	for i, h := range hits {
		out[i] = h.p
	}
	return out
}

// FindProduct looks a product up by name, ignoring case, spacing and
// punctuation ("HES A&E" is not a name; "Hospital Episode Statistics
// Accident and Emergency (HES A and E)" is).
func FindProduct(ps []Product, name string) (Product, bool) {
	k := SpellingKey(name)
	if k == "" {
		return Product{}, false
	}
	for _, p := range ps {
		if p.key == k || (p.key == "" && SpellingKey(p.Name) == k) {
			return p, true
		}
	}
	return Product{}, false
}

// NearestProducts names up to n catalogue products whose names are closest
// to name, for advice on a name the catalogue does not hold. It compares
// letter trigrams, so typos, reordered words and missing brackets still
// find their product; nothing below a fair likeness is offered.
func NearestProducts(ps []Product, name string, n int) []string {
	if SpellingKey(name) == "" {
		return nil
	}
	// A name that a search finds (an abbreviation, a word) offers those.
	type scored struct {
		name  string
		score float64
		seen  int
	}
	var all []scored
	q := trigrams(name)
	for _, p := range ps {
		s := dice(q, trigrams(p.Name))
		for _, a := range p.abbrevs {
			if a != "" && a == SpellingKey(name) {
				s = 1
			}
		}
		all = append(all, scored{p.Name, s, p.Seen})
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].score != all[j].score {
			return all[i].score > all[j].score
		}
		return all[i].seen > all[j].seen
	})
	var out []string
	for _, s := range all {
		if len(out) == n || s.score < 0.35 {
			break
		}
		out = append(out, s.name)
	}
	if len(out) == 0 {
		for _, p := range SearchProducts(ps, name) {
			if len(out) == n {
				break
			}
			out = append(out, p.Name)
		}
	}
	return out
}

func trigrams(s string) map[string]int {
	k := " " + strings.Join(nameWords(s), " ") + " "
	r := []rune(k)
	out := map[string]int{}
	for i := 0; i+3 <= len(r); i++ {
		out[string(r[i:i+3])]++
	}
	return out
}

// dice is the Sørensen–Dice likeness of two trigram bags, from 0 to 1.
func dice(a, b map[string]int) float64 {
	na, nb, both := 0, 0, 0
	for _, c := range a {
		na += c
	}
	for t, c := range b {
		nb += c
		both += min(c, a[t])
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(both) / float64(na+nb)
}

// Identifiability is the level to prefill: the least identifying level
// approved agreements received the product at, which is also the level
// data minimisation asks the applicant to start from.
func (p Product) Identifiability() Identifiability {
	best := Identifiability("")
	for _, t := range p.TypesOfData {
		v, ok := MatchChoice(IdentifiabilityChoices, IdentifiabilitySpellings, t)
		if ok && (best == "" || dfIdentRank(Identifiability(v)) < dfIdentRank(best)) {
			best = Identifiability(v)
		}
	}
	return best
}

// Levels are the identifiability levels approved agreements received the
// product at.
func (p Product) Levels() []Identifiability {
	var out []Identifiability
	for _, t := range p.TypesOfData {
		if v, ok := MatchChoice(IdentifiabilityChoices, IdentifiabilitySpellings, t); ok {
			out = appendUnique(out, Identifiability(v))
		}
	}
	return out
}

// FrequencyValues maps the frequencies seen to our Frequency values.
func (p Product) FrequencyValues() []Frequency {
	var out []Frequency
	for _, f := range p.Frequencies {
		if v, ok := MatchChoice(FrequencyChoices, FrequencySpellings, f); ok {
			out = appendUnique(out, Frequency(v))
		}
	}
	return out
}

// Frequency is the frequency to prefill: the only one seen, else one-off
// when agreements took it once, else the first seen.
func (p Product) Frequency() Frequency {
	fs := p.FrequencyValues()
	switch {
	case len(fs) == 0:
		return ""
	case len(fs) == 1:
		return fs[0]
	}
	for _, f := range fs {
		if f == "one-off" {
			return f
		}
	}
	return fs[0]
}

// Routes are the confidentiality routes agreements received the product
// under.
func (p Product) Routes() []CLDCRoute {
	var out []CLDCRoute
	for _, c := range p.Confidentiality {
		if r, ok := RouteInText(c); ok {
			out = appendUnique(out, r)
		}
	}
	return out
}

// Prefill copies what approved agreements show for product p into a
// request: its catalogue name, identifiability, frequency, the gateway
// when only one was ever used, and the GP flag. Answers already given are
// kept.
func (p Product) Prefill(r *ProductRequest) {
	r.Name = p.Name
	if r.Identifiability == "" {
		r.Identifiability = p.Identifiability()
	}
	if r.Frequency == "" || r.Frequency == "one-off" {
		if f := p.Frequency(); f != "" {
			r.Frequency = f
		}
	}
	if strings.TrimSpace(r.DisseminationGateway) == "" && len(p.Gateways) == 1 {
		r.DisseminationGateway = p.Gateways[0]
	}
	if MentionsGPData(p.Name) {
		r.GPData = true
	}
}
