package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LibraryEntry is an organisation as an IG lead keeps it once for every
// draft: identity and security assurance (R-O2, R-O3). A draft's
// Organisation links to it by LibraryID; ApplyLibrary copies it in.
type LibraryEntry struct {
	ID        string `json:"id"`
	LegalName string `json:"legal_name"`
	// ODSCode is the NHS Organisation Data Service code, where one exists.
	ODSCode string `json:"ods_code"`
	// DSFCSigned is when the Data Sharing Framework Contract was signed (R-O2).
	DSFCSigned Date `json:"dsfc_signed"`
	// Security holds DSPT, ISO 27001 and Cyber Essentials Plus (R-O3).
	Security            Security `json:"security"`
	ISO27001Certificate string   `json:"iso27001_certificate"`
	ISO27001Scope       string   `json:"iso27001_scope"`
	ICORegistration     string   `json:"ico_registration"`
	// SecurityDocuments are attached like evidence (policies, certificates).
	SecurityDocuments []EvidenceItem `json:"security_documents"`
	Notes             string         `json:"notes"`
}

// Name is the entry's name as a list shows it.
func (e LibraryEntry) Name() string {
	if n := strings.TrimSpace(e.LegalName); n != "" {
		return n
	}
	return "(unnamed organisation)"
}

// ApplyLibrary overlays a library entry on a draft's organisation: the
// library is the one source of identity and assurance, so a change there
// shows in every linked draft and its checks. The draft keeps its own role,
// signatory and the other answers that differ between applications.
func (o *Organisation) ApplyLibrary(e LibraryEntry) {
	o.LibraryID = e.ID
	if n := strings.TrimSpace(e.LegalName); n != "" {
		o.Name = n
	}
	o.DSFCDate = e.DSFCSigned
	o.DSFCSigned = !e.DSFCSigned.IsZero()
	o.Security = e.Security
	o.Security.ISO27001 = e.Security.ISO27001 || strings.TrimSpace(e.ISO27001Certificate) != ""
}

// OverlayLibrary applies the library to every linked organisation of a
// draft, after Load and before display or checks. Links to entries that no
// longer exist are left as they were and returned, so the caller can say so.
func OverlayLibrary(a *Application, lib []LibraryEntry) (dangling []string) {
	byID := make(map[string]LibraryEntry, len(lib))
	for _, e := range lib {
		byID[e.ID] = e
	}
	for i := range a.Organisations {
		o := &a.Organisations[i]
		if o.LibraryID == "" {
			continue
		}
		if e, ok := byID[o.LibraryID]; ok {
			o.ApplyLibrary(e)
		} else {
			dangling = append(dangling, o.LibraryID)
		}
	}
	return dangling
}

// LibraryFromOrganisation starts a library entry from a draft's answers,
// for "add this organisation to the library".
func LibraryFromOrganisation(o Organisation) LibraryEntry {
	e := LibraryEntry{ID: NewID(), LegalName: o.Name, Security: o.Security}
	if o.DSFCSigned {
		e.DSFCSigned = o.DSFCDate
	}
	return e
}

var (
	// ErrODSCode explains the expected ODS code form.
	ErrODSCode = errors.New("an ODS code is 3 to 10 letters and digits, such as RGT or 8HV48")
	// ErrICORegistration explains the expected ICO registration number form.
	ErrICORegistration = errors.New("an ICO registration number looks like Z1234567 or ZA123456")

	odsPattern = regexp.MustCompile(`^[A-Z0-9]{3,10}$`)
	icoPattern = regexp.MustCompile(`^Z[A-Z0-9][0-9]{6}$`)
)

// ValidateODSCode checks the form of an optional ODS code.
func ValidateODSCode(s string) error {
	s = strings.TrimSpace(s)
	if s == "" || odsPattern.MatchString(s) {
		return nil
	}
	return ErrODSCode
}

// ValidateICORegistration checks the form of an optional ICO registration number.
func ValidateICORegistration(s string) error {
	s = strings.TrimSpace(s)
	if s == "" || icoPattern.MatchString(s) {
		return nil
	}
	return ErrICORegistration
}

// LibraryFormat names the library exchange file so a wrong file is refused.
const LibraryFormat = "dars-workbench-organisation-library"

// LibraryFileVersion is the version of the library file this build writes.
const LibraryFileVersion = 1

// ErrBadLibrary wraps every reason a library file cannot be read.
var ErrBadLibrary = errors.New("not a readable DARS Workbench organisation library file")

type libraryFile struct {
	Format        string         `json:"format"`
	Version       int            `json:"version"`
	Organisations []LibraryEntry `json:"organisations"`
}

// EncodeLibrary writes the library exchange file a unit shares with its
// researchers. Attached documents travel as their names and hashes only.
func EncodeLibrary(entries []LibraryEntry) ([]byte, error) {
	if err := GuardLibrary("The library file", entries); err != nil {
		return nil, err
	}
	if entries == nil {
		entries = []LibraryEntry{}
	}
	return json.MarshalIndent(libraryFile{Format: LibraryFormat, Version: LibraryFileVersion, Organisations: entries}, "", "  ")
}

// GuardLibrary refuses a library that holds an NHS number, naming each
// organisation and field (R-C8, see GuardNHSNumbers).
func GuardLibrary(what string, entries []LibraryEntry) error {
	return GuardNHSNumbers(what, LibraryParts(entries)...)
}

// LibraryParts names each library entry for the identifier guard.
func LibraryParts(entries []LibraryEntry) []Part {
	parts := make([]Part, len(entries))
	for i, e := range entries {
		parts[i] = Part{Name: "Library → organisation " + strconv.Itoa(i+1), Value: e}
	}
	return parts
}

// DecodeLibrary reads a library file strictly, like Decode reads a draft.
func DecodeLibrary(b []byte) ([]LibraryEntry, error) {
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%w: the text is not valid UTF-8; save the file as UTF-8 and try again", ErrBadLibrary)
	}
	if err := CheckJSON(b, LibraryJSONLimits); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadLibrary, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f libraryFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLibrary, explainJSONError(b, err, "a library file"))
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: unexpected data after the library", ErrBadLibrary)
	}
	if err := CheckListLengths(&f, "a library file"); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadLibrary, err)
	}
	if f.Format != LibraryFormat {
		return nil, fmt.Errorf("%w: the file's format is %q; export the library from DARS Workbench and try again", ErrBadLibrary, f.Format)
	}
	if f.Version < 1 || f.Version > LibraryFileVersion {
		return nil, fmt.Errorf("%w: file version %d; this version of DARS Workbench reads version %d", ErrBadLibrary, f.Version, LibraryFileVersion)
	}
	seen := map[string]bool{}
	for i, e := range f.Organisations {
		if strings.TrimSpace(e.ID) == "" {
			return nil, fmt.Errorf("%w: organisation %d has no id", ErrBadLibrary, i+1)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("%w: organisation id %q appears twice", ErrBadLibrary, e.ID)
		}
		seen[e.ID] = true
	}
	if f.Organisations == nil {
		f.Organisations = []LibraryEntry{}
	}
	NormaliseText(f.Organisations)
	return f.Organisations, nil
}
