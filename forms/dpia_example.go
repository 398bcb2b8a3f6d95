package forms

import "time"

// exampleDPIA is the worked example's DPIA: signed off, with risks copied
// from the library under fixed IDs so the example is reproducible.
func exampleDPIA(d func(int, time.Month, int) Date) DPIA {
	risk := func(libID, id string, owner string, due Date) DPIARisk {
		l, _ := LibraryRiskByID(libID)
		r := l.NewRisk()
		r.ID = id
		for i := range r.Measures {
			r.Measures[i].ID = id + "-m" + string(rune('1'+i))
			r.Measures[i].Owner = owner
			r.Measures[i].Due = due
			r.Measures[i].Approved = true
		}
		return r
	}
	sign := func(name, role string, on Date) Signature { return Signature{Name: name, Role: role, On: on} }
	return DPIA{
		Screening: DPIAScreening{SpecialCategory: true, Matching: true, LargeScale: false},
		Need:      "We will link a consented cohort of childhood cancer survivors to hospital and death records held by NHS England. The linked data is special category health data about identifiable people, processed for research, so a DPIA is required.",
		Description: DPIADescription{
			Nature:   "Linked records are analysed only inside the University's trusted research environment; nothing leaves it except checked aggregate outputs.",
			Context:  "Participants joined through paediatric oncology clinics and were told at consent that their records would be linked. Our patient panel supports the linkage.",
			Purposes: "The results will change how late-effects clinics follow up survivors at risk of kidney disease.",
		},
		Consultation: []DPIAConsultation{
			{ID: "k1", Who: "Survivors' patient and public involvement panel (8 members)", How: "Workshop on the linkage plan and outputs", When: "October 2026", Outcome: "Supported linkage; asked for a plain-language summary of results."},
			{ID: "k2", Who: "University Data Protection Officer", How: "Review of the draft DPIA", When: "November 2026", Outcome: "Advice recorded at sign-off."},
		},
		Necessity: DPIANecessity{
			Justification: "Kidney outcomes are not recorded in the study's own follow-up; linkage is the only way to observe them without recalling 4,200 people to clinic.",
			DataQuality:   "NHS England validates the cohort on NHS number, date of birth, postcode and gender and reports match rates.",
			Rights:        "Participants may withdraw at any time through the study website; withdrawn people are removed before the next extract.",
		},
		Risks: []DPIARisk{
			risk("small-numbers", "r1", "Tomás O'Neill", d(2027, time.June, 30)),
			risk("linkage-errors", "r2", "Dr Siân Wyn", d(2027, time.May, 31)),
			risk("re-identification", "r3", "Dr Siân Wyn", d(2027, time.April, 30)),
			risk("applicant-access", "r4", "Exampleton TRE service manager", d(2027, time.April, 1)),
			risk("retention", "r5", "Dr Siân Wyn", d(2030, time.March, 31)),
		},
		SignOff: DPIASignOff{
			MeasuresApproved:     sign("Prof. Ada Example", "Head of School", d(2026, time.November, 16)),
			ResidualApproved:     sign("Prof. Ada Example", "Head of School", d(2026, time.November, 16)),
			DPOAdvice:            sign("Morgan Lee", "Data Protection Officer", d(2026, time.November, 12)),
			DPOAdviceSummary:     "Processing may proceed once outputs are checked for small numbers and the TRE access review is in place.",
			DPOOutcome:           DPOAccepted,
			DPOOutcomeBy:         sign("Dr Siân Wyn", "Chief investigator", d(2026, time.November, 16)),
			ConsultationReviewed: sign("Dr Siân Wyn", "Chief investigator", d(2026, time.November, 10)),
			KeptUnderReview:      sign("Dr Siân Wyn", "Chief investigator", d(2026, time.November, 16)),
			NextReview:           d(2027, time.November, 16),
		},
	}
}
