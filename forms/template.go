package forms

// FromTemplate makes a new draft from a template's JSON: a fresh ID, no
// revision, and the enquiry stage reached today. The template is decoded
// strictly, so a template that no longer matches the model is an error.
func FromTemplate(b []byte, today Date) (*Application, error) {
	a, err := Decode(b)
	if err != nil {
		return nil, err
	}
	a.ID, a.Revision = NewID(), 0
	a.Overview.StageHistory = nil
	a.SetStage(StageEnquiry, today)
	return a, nil
}
