package forms

import "time"

// Example returns the worked example draft offered on first run: a consented
// cohort study with linkage, filled in across every section so that a new
// user can see what a complete answer looks like. IDs are fixed so that the
// example is reproducible; callers give it a fresh draft ID.
func Example() *Application {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	a := &Application{ID: "00000000-0000-4000-8000-000000000001"}
	a.Overview = Overview{
		Title:         "Long-term kidney outcomes after childhood cancer (worked example)",
		Summary:       "We will link our consented cohort of 4,200 childhood cancer survivors to hospital and death records to measure chronic kidney disease after treatment, so that follow-up clinics can target those most at risk.",
		DARSReference: "DARS-NIC-123456-AB1C2-v1.0",
		RequestedFrom: d(2027, time.April, 1),
		RequestedTo:   d(2030, time.March, 31),
		LeadApplicant: "Dr Siân Wyn",
		LeadOrg:       "University of Exampleton",
		Readiness:     "Funded, protocol drafted",
	}
	a.SetStage(StageEnquiry, d(2026, time.September, 14))
	a.SetStage(StagePreliminary, d(2026, time.October, 20))
	a.Preliminary = PreliminaryAssessment{
		AgreementsNeeded:   "One DSA; DSFC already signed by the University.",
		CohortPreparations: "Cohort file of study ID, NHS number, date of birth, postcode and gender.",
		CloudSecurity:      "No cloud storage; data stays in the University's trusted research environment.",
		TimeToAccess:       "About six months after submission.",
		CostEstimate:       "£9,800 (estimate from the preliminary assessment)",
		CostPaidBy:         "Kidney Research Example Fund grant KR-2026-041",
	}
	a.Purpose = Purpose{
		Category:             PurposeHealthCare,
		Objective:            "To measure how often chronic kidney disease develops in adults treated for cancer in childhood, and which treatments carry the highest risk.",
		ProcessingActivities: "NHS England links the cohort to HES and death registrations and sends pseudonymised extracts to the University's trusted research environment, where two analysts run survival models.",
		ExpectedOutputs:      "Peer-reviewed papers, a report to the national late-effects group, and aggregate tables with small numbers suppressed.",
		ExpectedOutcomes:     "Revised follow-up guidance for survivors at high risk of kidney disease.",
		ExpectedBenefits:     "Earlier detection of kidney disease in about 300 survivors a year in England, measured by referral rates in late-effects clinics.",
		IsResearch:           true,
		RECNeeded:            true,
		RECReference:         "26/NW/0123",
		IRASReference:        "312345",
		FundingSource:        "Kidney Research Example Fund",
		FundingStatus:        "awarded",
		PublishedDataChecked: true,
		PublishedDataNote:    "Published HES tables do not break down kidney outcomes by childhood cancer treatment.",
	}
	a.Data = DataRequest{Products: []ProductRequest{
		{
			ID: "p1", Name: "Hospital Episode Statistics Admitted Patient Care (HES APC)",
			HistoricFrom: "2000", HistoricTo: "2026", LatestAvailable: true, Frequency: "one-off",
			YearsReason: "Survivors were treated from 1995; admissions from 2000 cover adult follow-up.",
			Fields: []ProductField{
				{Name: "Diagnosis codes", Reason: "To identify chronic kidney disease admissions."},
				{Name: "Admission date", Reason: "To time outcomes from treatment."},
			},
			Identifiability: Pseudonymised, AccessedBy: []string{"pe1", "pe2"},
			LegalBasis: "Consent", TransparencyNotice: "https://example.ac.uk/kidney-study/privacy",
			Sensitivity: "sensitive", DisseminationGateway: "Health and Social Care Act 2012 – s261(2)(c)",
		},
		{
			ID: "p2", Name: "Civil Registrations of Death",
			HistoricFrom: "2000", HistoricTo: "2026", LatestAvailable: true, Frequency: "one-off",
			YearsReason: "Deaths since cohort entry are needed for survival analysis.",
			Fields: []ProductField{
				{Name: "Date of death", Reason: "Censoring and outcome."},
				{Name: "Underlying cause of death", Reason: "Kidney-related deaths."},
			},
			Identifiability: Pseudonymised, AccessedBy: []string{"pe1", "pe2"},
			LegalBasis: "Consent", TransparencyNotice: "https://example.ac.uk/kidney-study/privacy",
			Sensitivity: "sensitive", DisseminationGateway: "Health and Social Care Act 2012 – s261(2)(c)",
		},
		{
			ID: "p3", Name: "MRIS - Cohort Event Notification Report",
			LatestAvailable: true, FutureDrops: true, Frequency: "ongoing",
			Fields: []ProductField{
				{Name: "Death notification", Reason: "Stops follow-up letters to bereaved families and censors the analysis."},
				{Name: "Embarkation notification", Reason: "Participants who leave England are censored at emigration."},
			},
			Identifiability: Identifiable, AccessedBy: []string{"pe1"},
			LegalBasis: "Consent", TransparencyNotice: "https://example.ac.uk/kidney-study/privacy",
			Sensitivity: "non-sensitive", DisseminationGateway: "Health and Social Care Act 2012 – s261(2)(c)",
		},
	}}
	a.Cohort = Cohort{
		Needed: true, Kind: "new", Period: "backdated", Size: "4,200",
		ValidationFields: []ValidationField{VFStudyID, VFNHSNumber, VFDateBirth, VFPostcode, VFGender},
	}
	a.Legal = LegalBasis{
		Article6: "6-1-e", Article9: "9-2-j", CLDC: CLDCConsent,
		ConsentMaterials: []ConsentMaterial{
			{ID: "c1", Kind: "information-sheet", Version: "2.0", From: d(2015, time.January, 5), To: d(2019, time.June, 30)},
			{ID: "c2", Kind: "consent-form", Version: "2.0", From: d(2015, time.January, 5), To: d(2019, time.June, 30)},
			{ID: "c3", Kind: "information-sheet", Version: "3.1", From: d(2019, time.July, 1)},
			{ID: "c4", Kind: "consent-form", Version: "3.1", From: d(2019, time.July, 1)},
		},
		CohortContact:    "Annual newsletter and the study website.",
		PrivacyNoticeURL: "https://example.ac.uk/kidney-study/privacy",
	}
	a.Organisations = []Organisation{
		{
			ID: "o1", Name: "University of Exampleton", Type: "academic", Role: RoleSoleController, OverallResponsibility: true,
			LegalEntity: true, DSFCSigned: true, DSFCDate: d(2024, time.May, 2), DSASignatory: "Director of Research Services",
			Security: Security{DSPTCode: "EE133887-SCS", DSPTStatus: DSPTStandardsMet, DSPTPublished: d(2026, time.June, 28), DSPTValidUntil: d(2027, time.June, 30), ISO27001: true, ISO27001Expiry: d(2028, time.January, 31)},
		},
	}
	a.People = []Person{
		{ID: "pe1", Name: "Dr Siân Wyn", Role: "Chief investigator", OrganisationID: "o1", AccessesData: true},
		{ID: "pe2", Name: "Tomás O'Neill", Role: "Statistician", OrganisationID: "o1", AccessesData: true},
	}
	a.Territory = TerritoryEnglandWales
	a.Locations = []Location{{ID: "l1", OrganisationID: "o1", Site: "Exampleton Trusted Research Environment, Main Campus", Country: "England", Use: "processing-and-storage"}}
	a.AccessRoute = "secure-transfer"
	a.Evidence = []EvidenceItem{
		{ID: "e1", Type: "protocol", Title: "Study protocol", Version: "4.0", DocumentDate: d(2026, time.August, 1), Status: "final"},
		{ID: "e2", Type: "rec-review", Title: "REC favourable opinion", Version: "1", DocumentDate: d(2026, time.August, 20), Status: "final"},
		{ID: "e3", Type: "consent-form", Title: "Consent form", Version: "3.1", DocumentDate: d(2019, time.July, 1), Status: "final"},
		{ID: "e4", Type: "consent-form", Title: "Consent form", Version: "2.0", DocumentDate: d(2014, time.November, 3), Status: "final"},
		{ID: "e5", Type: "information-sheet", Title: "Participant information sheet", Version: "2.0", DocumentDate: d(2014, time.November, 3), Status: "final"},
		{ID: "e6", Type: "information-sheet", Title: "Participant information sheet", Version: "3.1", DocumentDate: d(2019, time.July, 1), Status: "final"},
		{ID: "e7", Type: "iras", Title: "IRAS project 312345 application summary", DocumentDate: d(2026, time.July, 14), Status: "final"},
		{ID: "e8", Type: "funding-letter", Title: "Award letter KR-2026-041", DocumentDate: d(2026, time.March, 9), Status: "final"},
		{ID: "e9", Type: "dpia", Title: "Data protection impact assessment", Version: "1.0", DocumentDate: d(2026, time.October, 30), Status: "final"},
		{ID: "e10", Type: "data-flow-map", Title: "Data flow map", Version: "1.0", DocumentDate: d(2026, time.October, 30), Status: "final"},
		{ID: "e11", Type: "privacy-notice", Title: "Study privacy notice (web page, printed to PDF)", Version: "2.2", DocumentDate: d(2026, time.September, 1), Status: "final"},
	}
	a.DataFlow = DeriveDataFlow(a)
	a.DPIA = exampleDPIA(d)
	return a
}
