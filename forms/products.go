package forms

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Product is one entry of the data-product catalogue: a data set named on
// approved DARS agreements, with the values seen for it there (R-D1).
type Product struct {
	Name string
	// Seen is how many published agreements list the product; the picker
	// offers common products first.
	Seen            int
	TypesOfData     []string
	Frequencies     []string
	Confidentiality []string
}

// ErrBadCatalogue wraps every reason a product catalogue cannot be read.
var ErrBadCatalogue = errors.New("not a readable product catalogue")

var catalogueColumns = []string{"name", "seen", "type_of_data", "frequency", "confidentiality"}

// ParseProducts reads the tab-separated product catalogue: lines starting
// with "#" are comments, the first other line is the header naming the
// columns, and columns holding several values separate them with "; ".
func ParseProducts(r io.Reader) ([]Product, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	var out []Product
	header := false
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if !header {
			if strings.Join(cols, ",") != strings.Join(catalogueColumns, ",") {
				return nil, fmt.Errorf("%w: line %d: the header must name the columns %s", ErrBadCatalogue, line, strings.Join(catalogueColumns, ", "))
			}
			header = true
			continue
		}
		if len(cols) != len(catalogueColumns) {
			return nil, fmt.Errorf("%w: line %d: %d columns, want %d separated by tabs", ErrBadCatalogue, line, len(cols), len(catalogueColumns))
		}
		name := strings.TrimSpace(cols[0])
		if name == "" {
			return nil, fmt.Errorf("%w: line %d: a product needs a name", ErrBadCatalogue, line)
		}
		seen, err := strconv.Atoi(strings.TrimSpace(cols[1]))
		if err != nil || seen < 0 {
			return nil, fmt.Errorf("%w: line %d: %q is not a count of agreements", ErrBadCatalogue, line, cols[1])
		}
		out = append(out, Product{Name: name, Seen: seen, TypesOfData: splitValues(cols[2]), Frequencies: splitValues(cols[3]), Confidentiality: splitValues(cols[4])})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %v", ErrBadCatalogue, line+1, err)
	}
	if !header {
		return nil, fmt.Errorf("%w: no header line", ErrBadCatalogue)
	}
	return out, nil
}

func splitValues(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Identifiability is the level the product is most often supplied at:
// identifiable if agreements only ever list it that way, else anonymised
// (pseudonymised extracts are listed as "Anonymised - ICO Code Compliant").
func (p Product) Identifiability() Identifiability {
	if len(p.TypesOfData) == 1 && strings.EqualFold(p.TypesOfData[0], "Identifiable") {
		return Identifiable
	}
	if len(p.TypesOfData) == 0 {
		return ""
	}
	return Pseudonymised
}

// FrequencyValues maps the frequencies seen to our Frequency values.
func (p Product) FrequencyValues() []Frequency {
	var out []Frequency
	for _, f := range p.Frequencies {
		switch strings.ToLower(f) {
		case "one-off":
			out = append(out, "one-off")
		case "ongoing":
			out = append(out, "ongoing")
		case "frequent adhoc flow":
			out = append(out, "frequent-adhoc")
		case "system access":
			out = append(out, "system-access")
		}
	}
	return out
}

// FindProduct looks a product up by name, ignoring case and surrounding space.
func FindProduct(ps []Product, name string) (Product, bool) {
	name = strings.TrimSpace(name)
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return Product{}, false
}
