package forms

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Answers arrive in other spellings than ours: NHS England's Data Uses
// Register writes "Anonymised - ICO Code Compliant" and "Frequent Adhoc
// Flow", people type a choice's label, an en dash or "&". MatchChoice reads
// them all, so an older or hand-written file is understood rather than
// refused.

// Spelling is another way a choice's value is written. Contains matches
// any text whose key holds Written's key (for phrases like "2023/24
// Standards Met"); otherwise the whole text must match.
type Spelling struct {
	Written  string
	Value    string
	Contains bool
}

// SpellingKey reduces text to its lower-case letters and digits, so that
// case, spaces, dashes and punctuation do not matter when matching.
func SpellingKey(s string) string {
	var buf [128]byte
	return string(appendSpellingKey(buf[:0], s))
}

// appendSpellingKey appends s's SpellingKey to b. The rules key every
// product name on every keystroke: ASCII goes byte by byte without the
// allocations of strings.ToLower, and a map looked up with string(b)
// copies nothing.
func appendSpellingKey(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b = append(b, c)
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		i += n
	}
	return b
}

// MatchChoice finds the value of choices written as s: the value itself,
// its label, or one of spellings. ok is false when nothing matches (and for
// blank text, which is no answer rather than a wrong one).
func MatchChoice(choices []Choice, spellings []Spelling, s string) (value string, ok bool) {
	k := SpellingKey(s)
	if k == "" {
		return "", false
	}
	for _, c := range choices {
		if c.Value == s {
			return c.Value, true
		}
	}
	for _, c := range choices {
		if c.Value != "" && (SpellingKey(c.Value) == k || SpellingKey(c.Label) == k) {
			return c.Value, true
		}
	}
	for _, sp := range spellings {
		if SpellingKey(sp.Written) == k {
			return sp.Value, true
		}
	}
	for _, sp := range spellings {
		if sp.Contains && strings.Contains(k, SpellingKey(sp.Written)) {
			return sp.Value, true
		}
	}
	return "", false
}

func sp(value string, written ...string) []Spelling {
	out := make([]Spelling, len(written))
	for i, w := range written {
		out[i] = Spelling{Written: w, Value: value}
	}
	return out
}

func spContains(value string, written ...string) []Spelling {
	out := sp(value, written...)
	for i := range out {
		out[i].Contains = true
	}
	return out
}

func spellings(groups ...[]Spelling) []Spelling {
	var out []Spelling
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// The register's wording and common hand-written forms of each choice list.
// Contains-spellings are checked last and in order, so the longer phrase
// ("standards not met") comes before the shorter one it holds.
var (
	StageSpellings = spellings(
		sp(string(StageApproval), "approved", "approval given"),
		sp(string(StageDataAccess), "live", "active", "data released", "data access granted"),
		sp(string(StageDSASigned), "dsa signed", "signed"),
		sp(string(StageSubmission), "submitted", "application submitted"),
		sp(string(StageDeletion), "closed", "expired", "data destroyed"),
		sp(string(StageRenewal), "renewed", "extension", "amendment"),
	)
	PurposeSpellings = spellings(
		sp(string(PurposeHealthCare), "research", "medical research", "health research", "health and social care research", "direct care", "commissioning", "planning", "health and care", "provision of health care", "healthcare"),
		sp(string(PurposeAdultSocialCare), "social care", "provision of adult social care"),
		sp(string(PurposeHealthPromotion), "public health", "health promotion", "promotion of health"),
	)
	FundingSpellings = spellings(
		sp("awarded", "funded", "yes", "granted"),
		sp("applied", "pending", "bid submitted", "applied for funding"),
		sp("not-needed", "unfunded", "none", "not funded", "no funding needed", "internally funded", "not applicable"),
	)
	FrequencySpellings = spellings(
		sp("one-off", "one off", "oneoff", "single", "once", "single extract", "one-time"),
		sp("ongoing", "regular", "recurring", "daily", "weekly", "monthly", "quarterly", "annual", "annually", "yearly", "six monthly", "bi-annual"),
		sp("frequent-adhoc", "frequent adhoc flow", "frequent ad hoc", "frequent ad-hoc flow", "ad hoc", "adhoc"),
		sp("system-access", "system access", "sde", "secure data environment", "tre"),
	)
	IdentifiabilitySpellings = spellings(
		sp(string(AnonymisedICO), "Anonymised - ICO Code Compliant", "anonymised ico code compliant", "anonymised – ico code compliant", "anonymized - ico code compliant", "ico anonymised", "anonymised (ico code compliant)", "anonymised ico compliant"),
		sp(string(Pseudonymised), "pseudonymized", "pseudonymous", "pseudo", "de-identified", "deidentified", "de-identified for limited access", "pseudonymised data", "pseudonymised - not ico code compliant"),
		sp(string(Identifiable), "personally identifiable", "identifiable data", "identified", "personal confidential data", "confidential"),
		sp(string(Anonymised), "anonymized", "anonymous", "non-identifiable", "non identifiable", "anonymised data"),
		sp(string(AggregateLevel), "aggregated", "aggregate data", "aggregated data", "tabular", "tabulations", "aggregate statistics", "small numbers suppressed"),
	)
	SensitivitySpellings = spellings(
		sp("sensitive", "sensitive data", "special category"),
		sp("non-sensitive", "non sensitive", "nonsensitive", "not sensitive", "non-sensitive data"),
	)
	CohortKindSpellings = spellings(
		sp("new", "new cohort", "new cohort to provide"),
		sp("existing", "existing cohort", "previously supplied", "already supplied", "existing agreement"),
	)
	ValidationFieldSpellings = spellings(
		sp(string(VFNHSNumber), "nhs no", "nhs no.", "nhsnumber", "nhs_number", "nhs num"),
		sp(string(VFHashedNHSNumber), "hashed nhs no", "pseudonymised nhs number", "tokenised nhs number", "tokenized nhs number", "encrypted nhs number", "salted hash of nhs number", "hashed nhs numbers"),
		sp(string(VFDateBirth), "dob", "d.o.b.", "birth date", "date_of_birth"),
		sp(string(VFGender), "sex", "gender/sex", "sex/gender"),
		sp(string(VFPostcode), "post code", "postal code", "home postcode"),
		sp(string(VFSurname), "family name", "last name"),
		sp(string(VFForename), "first name", "given name", "forenames"),
		sp(string(VFStudyID), "participant id", "study number", "study identifier", "local study id", "study_id"),
		sp(string(VFOtherKey), "other", "linkage key", "pseudonymous key", "other key", "other identifier"),
	)
	CohortPeriodSpellings = spellings(
		sp("backdated", "historic", "retrospective", "back dated"),
		sp("from-recruitment", "from recruitment", "from recruitment date", "prospective", "from consent date", "from date of consent"),
	)
	Article6Spellings = spellings(
		sp("6-1-a", "consent", "6a"),
		sp("6-1-b", "contract"),
		sp("6-1-c", "legal obligation"),
		sp("6-1-d", "vital interests"),
		sp("6-1-e", "public task", "public interest", "official authority", "task in the public interest", "6e"),
		sp("6-1-f", "legitimate interests", "legitimate interest"),
	)
	Article9Spellings = spellings(
		sp("9-2-a", "explicit consent"),
		sp("9-2-b", "employment", "social protection"),
		sp("9-2-g", "substantial public interest"),
		sp("9-2-h", "health or social care", "health and social care", "provision of health care", "medical diagnosis", "direct care", "9h"),
		sp("9-2-i", "public health", "public interest in public health"),
		sp("9-2-j", "research", "scientific research", "research or statistics", "archiving, research and statistics", "statistics", "9j"),
	)
	CLDCSpellings = spellings(
		sp(string(CLDCNone), "Does not include the flow of confidential data", "not applicable", "n/a", "na", "none", "no confidential data", "not confidential"),
		sp(string(CLDCReasonableExpectation), "Consent (Reasonable Expectation)", "reasonable expectation", "implied consent"),
		sp(string(CLDCConsent), "consent", "explicit consent", "patient consent", "informed patient consent", "participant consent"),
		sp(string(CLDCS251), "Section 251 NHS Act 2006", "section 251", "s251", "s 251", "section 251 support", "cag", "cag support", "s251 support"),
		sp(string(CLDCStatutory), "Statutory exemption to flow confidential data without consent", "statutory exemption", "statutory", "statute", "regulation 3", "copi regulation 3"),
		sp(string(CLDCMixture), "Mixture of confidential data flow(s) with support under section 251 NHS Act 2006 and non-confidential data flow(s)", "mixture", "mixed"),
		sp(string(CLDCOther), "court order", "other legal basis"),
	)
	ConsentMaterialSpellings = spellings(
		sp("information-sheet", "pis", "patient information sheet", "information leaflet", "participant information leaflet", "pil"),
		sp("consent-form", "icf", "informed consent form"),
	)
	// RoleSpellings read a plain "data controller" as sole; the importer
	// makes it joint when the file names more than one.
	RoleSpellings = spellings(
		sp(string(RoleSoleController), "data controller", "controller", "sole controller"),
		sp(string(RoleJointController), "joint controller", "joint data controllers"),
		sp(string(RoleProcessor), "processor", "data processor"),
		sp(string(RoleNoAccess), "no access", "none", "no data access", "involved", "funder"),
		spContains(string(RoleJointController), "joint"),
		// A controller that also processes is a controller.
		spContains(string(RoleSoleController), "controller"),
		spContains(string(RoleProcessor), "processor"),
	)
	DSPTSpellings = spellings(
		spContains("standards-exceeded", "standards exceeded"),
		spContains("standards-not-met", "standards not met", "not met"),
		spContains("approaching-standards", "approaching standards"),
		spContains(string(DSPTStandardsMet), "standards met"),
		sp("not-published", "not published", "none"),
	)
	LocationUseSpellings = spellings(
		sp("processing-and-storage", "storage and processing", "processing & storage", "both"),
		sp("processing", "processing only", "access only"),
		sp("storage", "storage only"),
	)
	TerritorySpellings = spellings(
		sp(string(TerritoryEnglandWales), "England/Wales", "England & Wales", "england", "wales", "england and wales only"),
		sp(string(TerritoryUK), "uk", "united kingdom", "uk only", "great britain"),
		sp(string(TerritoryUKEEA), "UK & EEA", "UK and EEA", "uk/eea", "eea", "uk and european economic area"),
		sp(string(TerritoryWorldwide), "global", "world", "rest of the world", "international"),
	)
	AccessRouteSpellings = spellings(
		sp("secure-transfer", "secure file transfer", "sft", "sefT", "file transfer", "secure electronic file transfer (seft)", "data transfer", "transfer"),
		sp("sde", "secure data environment", "national secure data environment", "nhs england sde", "sde access", "system access"),
	)
	OrganisationTypeSpellings = spellings(
		sp("academic", "university", "higher education", "higher education institution", "research institute", "academic institution", "academic research"),
		sp("nhs-trust", "nhs trust", "foundation trust", "nhs foundation trust", "trust", "nhs provider", "hospital trust"),
		sp("icb", "integrated care board", "ccg", "clinical commissioning group", "commissioner"),
		sp("csu", "commissioning support unit"),
		sp("gp-practice", "gp", "general practice", "primary care network", "pcn"),
		sp("local-authority", "council", "county council", "city council", "borough council", "local government", "public health team"),
		sp("government", "government agency", "government department", "public body", "arms length body", "arm's length body", "central government", "executive agency", "non-departmental public body"),
		sp("charity", "charitable", "not for profit", "not-for-profit", "third sector", "research charity", "voluntary sector"),
		sp("commercial", "company", "private company", "commercial organisation", "private sector", "ltd", "limited company"),
		sp("independent-provider", "independent sector", "independent sector organisation", "independent sector provider", "private hospital"),
	)
)

var (
	article6Pattern = regexp.MustCompile(`(?i)\b6\s*[(\-.]?\s*1\s*[)\-.]?\s*[(\-.]?\s*([a-f])\b`)
	article9Pattern = regexp.MustCompile(`(?i)\b9\s*[(\-.]?\s*2\s*[)\-.]?\s*[(\-.]?\s*([a-j])\b`)
	// "9(2)(h) and (j)": further letters that share the article.
	moreLetters = regexp.MustCompile(`(?i)^\)?\s*(?:,|and|&|/|or)\s*\(?([a-j])\)`)
)

// ParseArticle6 finds every UK GDPR Article 6(1) basis written in s, in the
// order written, each once: "6(1)(e)", "6-1-e", "Article 6.1.e".
func ParseArticle6(s string) []Article6 {
	var out []Article6
	for _, l := range parseArticleLetters(article6Pattern, s) {
		if l > "f" {
			continue
		}
		out = appendUnique(out, Article6("6-1-"+l))
	}
	return out
}

// ParseArticle9 finds every UK GDPR Article 9(2) condition written in s:
// "9(2)(h) and 9(2)(j)", "9(2)(h) and (j)", "9-2-j".
func ParseArticle9(s string) []Article9 {
	var out []Article9
	for _, l := range parseArticleLetters(article9Pattern, s) {
		out = appendUnique(out, Article9("9-2-"+l))
	}
	return out
}

func parseArticleLetters(p *regexp.Regexp, s string) []string {
	var out []string
	for _, m := range p.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, strings.ToLower(s[m[2]:m[3]]))
		rest := s[m[1]:]
		for {
			mm := moreLetters.FindStringSubmatchIndex(rest)
			if mm == nil {
				break
			}
			out = append(out, strings.ToLower(rest[mm[2]:mm[3]]))
			rest = rest[mm[1]:]
		}
	}
	return out
}

func appendUnique[T comparable](xs []T, x T) []T {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// RouteInText reads a confidentiality route from free text such as a
// product's legal basis: the register's wording, or words naming one route
// unambiguously. ok is false when the text names none, or more than one.
func RouteInText(s string) (CLDCRoute, bool) {
	if v, ok := MatchChoice(CLDCChoices, CLDCSpellings, s); ok {
		return CLDCRoute(v), true
	}
	k := SpellingKey(s)
	found := map[CLDCRoute]bool{}
	for _, c := range []struct {
		r     CLDCRoute
		words []string
	}{
		{CLDCMixture, []string{"mixtureofconfidentialdataflow"}},
		{CLDCNone, []string{"doesnotincludetheflowofconfidentialdata", "noconfidentialdata"}},
		{CLDCReasonableExpectation, []string{"reasonableexpectation"}},
		{CLDCStatutory, []string{"statutoryexemption", "regulation3ofthehealthservicecontrolofpatientinformation", "regulation3ofcopi"}},
		{CLDCS251, []string{"section251", "s251support", "cagsupport", "nationalhealthserviceact2006s251"}},
		{CLDCConsent, []string{"informedconsent", "informedpatientconsent", "explicitconsent"}},
	} {
		for _, w := range c.words {
			if strings.Contains(k, w) {
				found[c.r] = true
			}
		}
	}
	// The mixture's own wording names s251 too.
	if found[CLDCMixture] {
		return CLDCMixture, true
	}
	if len(found) == 1 {
		for r := range found {
			return r, true
		}
	}
	return "", false
}

// orgTypeWords tell an organisation's type from its name, most telling
// first ("University Hospitals … NHS Foundation Trust" is a trust).
var orgTypeWords = []struct {
	t     OrganisationType
	words []string
}{
	{"csu", []string{"commissioningsupportunit"}},
	{"icb", []string{"integratedcareboard", "clinicalcommissioninggroup"}},
	{"nhs-trust", []string{"nhstrust", "nhsfoundationtrust", "foundationtrust"}},
	{"local-authority", []string{"council", "localauthority", "boroughof", "cityof"}},
	{"academic", []string{"university", "college", "instituteof", "schoolofhygiene"}},
	{"government", []string{"department", "agency", "office", "healthsecurity", "publichealthengland", "ukhsa", "ministry"}},
	{"commercial", []string{"ltd", "limited", "plc", "llp", "inc"}},
	{"charity", []string{"charity", "foundation", "trust"}},
}

// GuessOrganisationType reads an organisation's type from its name; ok is
// false when the name does not say.
func GuessOrganisationType(name string) (OrganisationType, bool) {
	k := SpellingKey(name)
	if k == "" {
		return "", false
	}
	for _, c := range orgTypeWords {
		for _, w := range c.words {
			if strings.Contains(k, w) {
				return c.t, true
			}
		}
	}
	return "", false
}
