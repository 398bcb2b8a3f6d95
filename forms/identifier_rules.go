package forms

// FieldIdentifierHit is an identifier found in one field of a draft.
type FieldIdentifierHit struct {
	Field string // JSON path, e.g. "data.products[2].fields[0].reason"
	Hit   IdentifierHit
}

// ScanApplication scans every string of a draft, repeating groups, names,
// file names and enumerations included (R-C8). It walks the model by
// reflection (idwalk.go) so that a field added later is scanned without
// anyone remembering to list it; exports refuse on exactly what it finds.
func ScanApplication(a *Application) []FieldIdentifierHit {
	return scanValue(a)
}

func (c *Context) identifierHits() []FieldIdentifierHit {
	if c.idDone != nil {
		c.waitIdentifierScan()
	} else if !c.scanned {
		c.runIdentifierScan()
	}
	return c.idHits
}

func (c *Context) runIdentifierScan() {
	scan := c.scan
	if scan == nil {
		scan = ScanText
	}
	c.idHits, c.scanned = scanValueWith(c.App, scan), true
}

// startIdentifierScan runs the scan on a goroutine of its own; until
// waitIdentifierScan returns, only that goroutine touches idHits and the
// scanner's state.
func (c *Context) startIdentifierScan() {
	c.idDone = make(chan struct{})
	go func() {
		defer close(c.idDone)
		defer func() { c.idPanic = recover() }()
		c.runIdentifierScan()
	}()
}

// waitIdentifierScan waits for the scan; a panic in it is raised again
// here, in the evaluation's own goroutine, as if the scan had run there.
func (c *Context) waitIdentifierScan() {
	<-c.idDone
	if p := c.idPanic; p != nil {
		c.idPanic = nil
		panic(p)
	}
}

func identifierHitsOf(c *Context, sev Severity) []Hit {
	var hs []Hit
	for _, fh := range c.identifierHits() {
		if fh.Hit.Severity == sev {
			hs = append(hs, Hit{Field: fh.Field, Message: "\"" + fh.Hit.Shown + "\": " + fh.Hit.Message()})
		}
	}
	return hs
}

// Both checks file their findings under the section of the field they
// point at (Section ""), since identifiers can be pasted anywhere.
func identifierChecks() []Check {
	return []Check{
		{
			ID: "patient-identifiers", Requirements: []string{"R-C8"}, Severity: Blocker,
			Title:       "No free-text answer holds an NHS number",
			Eval:        func(c *Context) []Hit { return identifierHitsOf(c, Blocker) },
			Identifiers: true,
		},
		{
			ID: "patient-identifiers-possible", Requirements: []string{"R-C8"}, Severity: Warning,
			Title:       "No free-text answer holds a date of birth or postcode of a person",
			Eval:        func(c *Context) []Hit { return identifierHitsOf(c, Warning) },
			Identifiers: true,
		},
	}
}
