package forms_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var today = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// s251Example is the worked example moved to the s251 route, complete.
func s251Example() *forms.Application {
	a := forms.Example()
	a.Legal.CLDC = forms.CLDCS251
	a.Legal.CAGReference = "18/CAG/0038"
	a.Legal.S251Scope = "Receipt of the cohort by NHS England, linkage to HES and release of pseudonymised extracts for this study."
	a.Legal.S251SupportCurrent = true
	a.Legal.OptOutAcknowledged = true
	a.Legal.ConsentMaterials = nil
	a.Legal.CohortContact = ""
	// The s251 route calls for its own evidence (R-L6).
	for i, title := range []string{"Section 251 application", "CAG approval letter", "Documents reviewed by CAG", "CAG register entry"} {
		a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: fmt.Sprintf("s%d", i+1), Type: forms.EvS251, Title: title, Status: forms.EvidenceFinal})
	}
	return a
}

type ruleCase struct {
	name  string
	check string
	base  func() *forms.Application // nil: forms.Example
	edit  func(a *forms.Application)
	fires bool
	// field, when set, is the path the finding must point at.
	field string
}

var ruleCases = []ruleCase{
	// Purpose (R-U, R-D7)
	{"no category", "purpose-category", nil, func(a *forms.Application) { a.Purpose.Category = "" }, true, "purpose.category"},
	{"unknown category", "purpose-category", nil, func(a *forms.Application) { a.Purpose.Category = "marketing" }, true, "purpose.category"},
	{"missing benefits", "purpose-statements", nil, func(a *forms.Application) { a.Purpose.ExpectedBenefits = " " }, true, "purpose.expected_benefits"},
	{"commercial without purpose", "purpose-commercial", nil, func(a *forms.Application) { a.Purpose.Commercial = true }, true, "purpose.commercial_purpose"},
	{"commercial described", "purpose-commercial", nil, func(a *forms.Application) {
		a.Purpose.Commercial, a.Purpose.CommercialPurpose, a.Purpose.CommercialBenefit = true, "Analytics firm runs the models under contract.", "Faster access to results for NHS clinics."
	}, false, ""},
	{"hidden commercial answers ignored", "purpose-commercial", nil, func(a *forms.Application) { a.Purpose.CommercialPurpose = "" }, false, ""},
	{"REC needed, no reference", "purpose-rec", nil, func(a *forms.Application) { a.Purpose.RECReference = "" }, true, "purpose.rec_reference"},
	{"REC not needed", "purpose-rec", nil, func(a *forms.Application) { a.Purpose.RECNeeded, a.Purpose.RECReference = false, "" }, false, ""},
	{"REC reference odd", "purpose-rec-form", nil, func(a *forms.Application) { a.Purpose.RECReference = "REC 123" }, true, "purpose.rec_reference"},
	{"funding not stated", "purpose-funding", nil, func(a *forms.Application) { a.Purpose.FundingStatus = "" }, true, "purpose.funding_status"},
	{"funding applied", "purpose-funding", nil, func(a *forms.Application) { a.Purpose.FundingStatus = "applied" }, true, "purpose.funding_status"},
	{"funder missing", "purpose-funding", nil, func(a *forms.Application) { a.Purpose.FundingSource = "" }, true, "purpose.funding_source"},
	{"not research, no funding asked", "purpose-funding", nil, func(a *forms.Application) { a.Purpose.IsResearch, a.Purpose.FundingStatus = false, "" }, false, ""},
	{"published data unchecked", "purpose-published-data", nil, func(a *forms.Application) { a.Purpose.PublishedDataChecked = false }, true, "purpose.published_data_checked"},

	// Data (R-D)
	{"no products", "data-products", nil, func(a *forms.Application) { a.Data.Products = nil }, true, "data.products"},
	{"product without fields", "data-product-details", nil, func(a *forms.Application) { a.Data.Products[1].Fields = nil }, true, "data.products[1].fields"},
	{"product without years", "data-product-details", nil, func(a *forms.Application) {
		p := &a.Data.Products[0]
		p.HistoricFrom, p.HistoricTo, p.LatestAvailable = "", "", false
	}, true, "data.products[0].historic_from"},
	{"years backwards", "data-product-years", nil, func(a *forms.Application) { a.Data.Products[0].HistoricTo = "1999" }, true, "data.products[0].historic_to"},
	{"financial years accepted", "data-product-years", nil, func(a *forms.Application) {
		a.Data.Products[0].HistoricFrom, a.Data.Products[0].HistoricTo = "2000/01", "2025/26"
	}, false, ""},
	{"years without reason", "data-product-years", nil, func(a *forms.Application) { a.Data.Products[0].YearsReason = "" }, true, "data.products[0].years_reason"},
	{"NHS number without reason", "data-identifier-reason", nil, func(a *forms.Application) {
		a.Data.Products[0].Fields = append(a.Data.Products[0].Fields, forms.ProductField{Name: "NHS Number"})
	}, true, "data.products[0].fields[2].reason"},
	{"identifier with reason", "data-identifier-reason", nil, func(a *forms.Application) {
		a.Data.Products[0].Fields = append(a.Data.Products[0].Fields, forms.ProductField{Name: "Postcode district", Reason: "Deprivation index."})
	}, false, ""},
	{"ordinary field without reason", "data-field-reason", nil, func(a *forms.Application) { a.Data.Products[1].Fields[0].Reason = "" }, true, "data.products[1].fields[0].reason"},
	{"no transparency notice", "data-product-flow", nil, func(a *forms.Application) { a.Data.Products[0].TransparencyNotice = "" }, true, "data.products[0].transparency_notice"},
	{"aggregate product needs no flow details", "data-product-flow", nil, func(a *forms.Application) {
		p := &a.Data.Products[0]
		p.Identifiability, p.AccessedBy, p.LegalBasis, p.TransparencyNotice = forms.AggregateLevel, nil, "", ""
	}, false, ""},
	{"product names a removed person", "data-accessed-by", nil, func(a *forms.Application) { a.Data.Products[0].AccessedBy = []string{"gone"} }, true, "data.products[0].accessed_by"},
	{"product names someone without access", "data-accessed-by", nil, func(a *forms.Application) { a.People[1].AccessesData = false }, true, "data.products[0].accessed_by"},
	{"aggregated HES with a death product", "data-aggregated-hes", aggregatedHES, func(a *forms.Application) {
		a.Data.Products = append(a.Data.Products, forms.ProductRequest{Name: "Civil Registrations of Death", Identifiability: forms.AggregateLevel})
	}, true, "data.products[1].name"},
	{"cohort research without MRIS", "data-mris-suggestion", nil, func(a *forms.Application) { a.Data.Products = a.Data.Products[:2] }, true, "data.products"},
	{"no cohort, no MRIS suggestion", "data-mris-suggestion", nil, func(a *forms.Application) {
		a.Data.Products = a.Data.Products[:2]
		a.Cohort.Needed = false
	}, false, ""},
	{"GP data flagged", "data-gp-pag", nil, func(a *forms.Application) { a.Data.Products[0].GPData = true }, true, "data.products[0].gp_data"},
	{"GP data by name", "data-gp-pag", nil, func(a *forms.Application) {
		a.Data.Products[0].Name = "GPES Data for Pandemic Planning and Research (GDPPR)"
	}, true, "data.products[0].gp_data"},

	// Cohort (R-C)
	{"cohort kind missing", "cohort-kind", nil, func(a *forms.Application) { a.Cohort.Kind = "" }, true, "cohort.kind"},
	{"existing cohort without reference", "cohort-kind", nil, func(a *forms.Application) { a.Cohort.Kind = "existing" }, true, "cohort.existing_reference"},
	{"no cohort hides its answers", "cohort-kind", nil, func(a *forms.Application) { a.Cohort.Needed, a.Cohort.Kind = false, "existing" }, false, ""},
	{"no validation fields", "cohort-validation-fields", nil, func(a *forms.Application) { a.Cohort.ValidationFields = nil }, true, "cohort.validation_fields"},
	{"validation without NHS number or DOB", "cohort-validation-fields", nil, func(a *forms.Application) {
		a.Cohort.ValidationFields = []forms.ValidationField{forms.VFStudyID, forms.VFPostcode, forms.VFGender}
	}, true, "cohort.validation_fields"},
	{"names mean manual validation", "cohort-manual-validation", nil, func(a *forms.Application) {
		a.Cohort.ValidationFields = append(a.Cohort.ValidationFields, forms.VFSurname)
	}, true, "cohort.validation_fields"},
	{"names beside NHS number and DOB", "cohort-minimum-fields", nil, func(a *forms.Application) {
		a.Cohort.ValidationFields = append(a.Cohort.ValidationFields, forms.VFForename)
	}, true, "cohort.validation_fields"},
	{"names without NHS number", "cohort-minimum-fields", nil, func(a *forms.Application) {
		a.Cohort.ValidationFields = []forms.ValidationField{forms.VFSurname, forms.VFForename, forms.VFDateBirth, forms.VFPostcode}
	}, false, ""},
	{"period missing", "cohort-period", nil, func(a *forms.Application) { a.Cohort.Period = "" }, true, "cohort.period"},

	// Legal (R-L)
	{"no article 6", "legal-article6", nil, func(a *forms.Application) { a.Legal.Article6 = "" }, true, "legal_basis.article6"},
	{"aggregate only needs no article 6", "legal-article6", aggregatedHES, func(a *forms.Application) { a.Legal.Article6 = "" }, false, ""},
	{"no article 9", "legal-article9", nil, func(a *forms.Application) { a.Legal.Article9 = "" }, true, "legal_basis.article9"},
	{"identifiable without CLDC", "legal-cldc", nil, func(a *forms.Application) { a.Legal.CLDC = "" }, true, "legal_basis.cldc_route"},
	{"other route unexplained", "legal-cldc", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCOther }, true, "legal_basis.cldc_explanation"},
	{"pseudonymised, no cohort needs no CLDC", "legal-cldc", nil, func(a *forms.Application) {
		a.Data.Products = a.Data.Products[:2]
		a.Cohort.Needed = false
		a.Legal.CLDC = ""
	}, false, ""},
	{"other route without reasons", "legal-identifiable-reasons", nil, func(a *forms.Application) {
		a.Legal.CLDC, a.Legal.CLDCExplanation = forms.CLDCOther, "Court order 2026/17."
	}, true, "legal_basis.identifiable_reasons"},
	{"no privacy notice", "legal-transparency", nil, func(a *forms.Application) { a.Legal.PrivacyNoticeURL = "" }, true, "legal_basis.privacy_notice_url"},
	{"s251 without CAG reference", "legal-cag-reference", s251Example, func(a *forms.Application) { a.Legal.CAGReference = "" }, true, "legal_basis.cag_reference"},
	{"CAG reference ignored under consent", "legal-cag-reference", nil, func(a *forms.Application) { a.Legal.CAGReference = "" }, false, ""},
	{"malformed CAG reference", "legal-cag-reference-form", s251Example, func(a *forms.Application) { a.Legal.CAGReference = "CAG 38" }, true, "legal_basis.cag_reference"},
	{"malformed CAG ignored under consent", "legal-cag-reference-form", nil, func(a *forms.Application) { a.Legal.CAGReference = "CAG 38" }, false, ""},
	{"s251 not confirmed current", "legal-s251-support", s251Example, func(a *forms.Application) { a.Legal.S251SupportCurrent = false }, true, "legal_basis.s251_support_current"},
	{"s251 scope missing", "legal-s251-support", s251Example, func(a *forms.Application) { a.Legal.S251Scope = "" }, true, "legal_basis.s251_scope"},
	{"s251 opt-out not acknowledged", "legal-opt-out", s251Example, func(a *forms.Application) { a.Legal.OptOutAcknowledged = false }, true, "legal_basis.opt_out_acknowledged"},
	{"opt-out not asked under consent", "legal-opt-out", nil, func(a *forms.Application) { a.Legal.OptOutAcknowledged = false }, false, ""},
	{"consent without materials", "legal-consent-materials", nil, func(a *forms.Application) { a.Legal.ConsentMaterials = nil }, true, "legal_basis.consent_materials"},
	{"consent material without version", "legal-consent-materials", nil, func(a *forms.Application) { a.Legal.ConsentMaterials[2].Version = "" }, true, "legal_basis.consent_materials[2].version"},
	{"consent material without start", "legal-consent-materials", nil, func(a *forms.Application) { a.Legal.ConsentMaterials[1].From = forms.Date{} }, true, "legal_basis.consent_materials[1].used_from"},
	{"consent material ends before start", "legal-consent-materials", nil, func(a *forms.Application) {
		a.Legal.ConsentMaterials[0].To = forms.NewDate(2010, 1, 1)
	}, true, "legal_basis.consent_materials[0].used_to"},
	{"consent forms only", "legal-consent-materials", nil, func(a *forms.Application) {
		a.Legal.ConsentMaterials = a.Legal.ConsentMaterials[1:2]
	}, true, "legal_basis.consent_materials"},
	{"consent materials ignored under s251", "legal-consent-materials", s251Example, func(a *forms.Application) {
		a.Legal.ConsentMaterials = []forms.ConsentMaterial{{ID: "x"}}
	}, false, ""},
	{"no cohort contact", "legal-cohort-contact", nil, func(a *forms.Application) { a.Legal.CohortContact = "" }, true, "legal_basis.cohort_contact"},

	// Organisations and people (R-O)
	{"no organisations", "org-listed", nil, func(a *forms.Application) { a.Organisations = nil }, true, "organisations"},
	{"organisation without role", "org-listed", nil, func(a *forms.Application) { a.Organisations[0].Role = "" }, true, "organisations[0].role"},
	{"no controller", "org-listed", nil, func(a *forms.Application) { a.Organisations[0].Role = forms.RoleProcessor }, true, "organisations"},
	{"two sole controllers", "org-controller-roles", nil, func(a *forms.Application) { a.Organisations = append(a.Organisations, trust()) }, true, "organisations"},
	{"joint controllers", "org-controller-roles", nil, func(a *forms.Application) {
		t := trust()
		t.Role = forms.RoleJointController
		a.Organisations[0].Role = forms.RoleJointController
		a.Organisations = append(a.Organisations, t)
	}, false, ""},
	{"no overall responsibility", "org-controller-roles", nil, func(a *forms.Application) { a.Organisations[0].OverallResponsibility = false }, true, "organisations"},
	{"controller without DSFC", "org-dsfc", nil, func(a *forms.Application) { a.Organisations[0].DSFCSigned = false }, true, "organisations[0].dsfc_signed"},
	{"controller not a legal entity", "org-dsfc", nil, func(a *forms.Application) { a.Organisations[0].LegalEntity = false }, true, "organisations[0].legal_entity"},
	{"processor needs no DSFC", "org-dsfc", nil, func(a *forms.Application) { a.Organisations = append(a.Organisations, processor()) }, false, ""},
	{"DSPT expired, no certificates", "org-security", nil, func(a *forms.Application) {
		s := &a.Organisations[0].Security
		s.DSPTValidUntil, s.ISO27001 = forms.NewDate(2026, 6, 30), false
	}, true, "organisations[0].security"},
	{"DSPT expired, ISO 27001 current", "org-security", nil, func(a *forms.Application) {
		a.Organisations[0].Security.DSPTValidUntil = forms.NewDate(2026, 6, 30)
	}, false, ""},
	{"DSPT approaching standards", "org-security", nil, func(a *forms.Application) {
		s := &a.Organisations[0].Security
		s.DSPTStatus, s.ISO27001 = "approaching-standards", false
	}, true, "organisations[0].security"},
	{"processor without assurance", "org-security", nil, func(a *forms.Application) {
		p := processor()
		p.Security = forms.Security{}
		a.Organisations = append(a.Organisations, p)
	}, true, "organisations[1].security"},
	{"no-access organisation needs no assurance", "org-security", nil, func(a *forms.Application) {
		a.Organisations = append(a.Organisations, forms.Organisation{ID: "o9", Name: "Patient panel", Role: forms.RoleNoAccess})
	}, false, ""},
	{"aggregated HES needs no DSPT", "org-security", aggregatedHES, func(a *forms.Application) {
		a.Organisations[0].Security = forms.Security{}
	}, false, ""},
	{"DSPT lapses soon", "org-dspt-expiring", nil, func(a *forms.Application) {
		a.Organisations[0].Security.DSPTValidUntil = forms.NewDate(2026, 12, 31)
	}, true, "organisations[0].security.dspt_valid_until"},
	{"no DSA signatory", "org-dsa-signatory", nil, func(a *forms.Application) { a.Organisations[0].DSASignatory = "" }, true, "organisations[0].dsa_signatory"},
	{"processor needs no signatory", "org-dsa-signatory", nil, func(a *forms.Application) { a.Organisations = append(a.Organisations, processor()) }, false, ""},
	{"person from an unlisted organisation", "people-organisation", nil, func(a *forms.Application) { a.People[1].OrganisationID = "o7" }, true, "people[1].organisation_id"},
	{"person from a no-access organisation", "people-organisation", nil, func(a *forms.Application) {
		a.Organisations = append(a.Organisations, forms.Organisation{ID: "o9", Name: "Patient panel", Role: forms.RoleNoAccess})
		a.People[1].OrganisationID = "o9"
	}, true, "people[1].organisation_id"},
	{"person without access need not belong", "people-organisation", nil, func(a *forms.Application) {
		a.People = append(a.People, forms.Person{ID: "pe9", Name: "Lay adviser", Role: "PPI"})
	}, false, ""},
	{"person without role", "people-details", nil, func(a *forms.Application) { a.People[0].Role = "" }, true, "people[0].role"},
	{"nobody accesses personal data", "people-details", nil, func(a *forms.Application) {
		a.People[0].AccessesData, a.People[1].AccessesData = false, false
	}, true, "people"},

	// Territory (R-T, R-O4)
	{"no territory", "territory-declared", nil, func(a *forms.Application) { a.Territory = "" }, true, "territory"},
	{"no locations", "territory-locations", nil, func(a *forms.Application) { a.Locations = nil }, true, "locations"},
	{"aggregated HES needs no locations", "territory-locations", aggregatedHES, func(a *forms.Application) { a.Locations = nil }, false, ""},
	{"location without country", "territory-locations", nil, func(a *forms.Application) { a.Locations[0].Country = "" }, true, "locations[0].country"},
	{"location of unknown organisation", "territory-locations", nil, func(a *forms.Application) { a.Locations[0].OrganisationID = "" }, true, "locations[0].organisation_id"},
	{"Scotland outside England and Wales", "territory-location-inside", nil, func(a *forms.Application) { a.Locations[0].Country = "Scotland" }, true, "locations[0].country"},
	{"Scotland inside the UK", "territory-location-inside", nil, func(a *forms.Application) {
		a.Territory, a.Locations[0].Country = forms.TerritoryUK, "scotland"
	}, false, ""},
	{"Germany outside the UK territory", "territory-location-inside", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryUK
		a.Locations = append(a.Locations, euLocation())
	}, true, "locations[1].country"},
	{"Germany inside UK and EEA", "territory-location-inside", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryUKEEA
		a.Locations = append(a.Locations, euLocation())
	}, false, ""},
	{"USA outside UK and EEA", "territory-location-inside", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryUKEEA
		a.Locations = append(a.Locations, usLocation())
	}, true, "locations[1].country"},
	{"unknown country", "territory-country-known", nil, func(a *forms.Application) { a.Locations[0].Country = "Atlantis" }, true, "locations[0].country"},
	{"bare UK under England and Wales", "territory-country-known", nil, func(a *forms.Application) { a.Locations[0].Country = "U.K." }, true, "locations[0].country"},
	{"adequate country outside the UK", "territory-outside-uk", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryUKEEA
		a.Locations = append(a.Locations, euLocation())
	}, true, "locations[1].country"},
	{"US needs certification or a TRA", "territory-outside-uk", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryWorldwide
		a.Locations = append(a.Locations, usLocation())
	}, true, "locations[1].tra_reference"},
	{"non-adequate country without TRA", "territory-tra", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryWorldwide
		a.Locations = append(a.Locations, forms.Location{ID: "l3", OrganisationID: "o1", Site: "Sydney office", Country: "Australia"})
	}, true, "locations[1].tra_reference"},
	{"non-adequate country with TRA", "territory-tra", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryWorldwide
		a.Locations = append(a.Locations, forms.Location{ID: "l3", OrganisationID: "o1", Site: "Sydney office", Country: "Australia", TRAReference: "TRA-2026-04"})
	}, false, ""},
	{"adequate country needs no TRA", "territory-tra", nil, func(a *forms.Application) {
		a.Territory = forms.TerritoryWorldwide
		a.Locations = append(a.Locations, euLocation())
	}, false, ""},
	{"sub-licensing without reasons", "territory-sublicensing", nil, func(a *forms.Application) { a.SubLicensing.Needed = true }, true, "sub_licensing.reason"},
	{"hidden sub-licensing answers ignored", "territory-sublicensing", nil, func(a *forms.Application) { a.SubLicensing.Reason = "" }, false, ""},
	{"no access route", "territory-access-route", nil, func(a *forms.Application) { a.AccessRoute = "" }, true, "access_route"},

	// Lifecycle (R-A, R-C7, R-P3)
	{"DSA without end", "lifecycle-dsa-dates", nil, func(a *forms.Application) { a.Lifecycle.DSASigned = forms.NewDate(2026, 1, 5) }, true, "lifecycle.dsa_end"},
	{"DSA ends before signed", "lifecycle-dsa-dates", nil, func(a *forms.Application) {
		a.Lifecycle.DSASigned, a.Lifecycle.DSAEnd = forms.NewDate(2026, 1, 5), forms.NewDate(2025, 1, 5)
	}, true, "lifecycle.dsa_end"},
	{"renewal due", "lifecycle-renewal", nil, func(a *forms.Application) { a.Lifecycle.DSAEnd = forms.NewDate(2027, 1, 31) }, true, "lifecycle.renewal_requested"},
	{"renewal deadline passed", "lifecycle-renewal", nil, func(a *forms.Application) { a.Lifecycle.DSAEnd = forms.NewDate(2026, 12, 10) }, true, "lifecycle.renewal_requested"},
	{"renewal far off", "lifecycle-renewal", nil, func(a *forms.Application) { a.Lifecycle.DSAEnd = forms.NewDate(2028, 1, 31) }, false, ""},
	{"renewal asked late", "lifecycle-renewal", nil, func(a *forms.Application) {
		l := &a.Lifecycle
		l.DSAEnd, l.RenewalRequested, l.RenewalRequestedOn = forms.NewDate(2026, 12, 10), true, forms.NewDate(2026, 11, 20)
	}, true, "lifecycle.renewal_requested_on"},
	{"renewal asked in time", "lifecycle-renewal", nil, func(a *forms.Application) {
		l := &a.Lifecycle
		l.DSAEnd, l.RenewalRequested, l.RenewalRequestedOn = forms.NewDate(2026, 12, 10), true, forms.NewDate(2026, 10, 1)
	}, false, ""},
	{"ended without destruction", "lifecycle-destruction", nil, func(a *forms.Application) { a.Lifecycle.DSAEnd = forms.NewDate(2026, 11, 1) }, true, "lifecycle.destruction"},
	{"destruction unconfirmed", "lifecycle-destruction", nil, func(a *forms.Application) {
		a.Lifecycle.DSAEnd = forms.NewDate(2026, 11, 1)
		a.Lifecycle.Destruction = &forms.DestructionRecord{WhatDestroyed: "All extracts", DestroyedBy: "TRE manager", Method: "Secure wipe", DestroyedOn: forms.NewDate(2026, 11, 3)}
	}, true, "lifecycle.destruction.confirmation_sent"},
	{"renewed DSA needs no destruction", "lifecycle-destruction", nil, func(a *forms.Application) {
		a.Lifecycle.DSAEnd, a.Lifecycle.RenewalRequested = forms.NewDate(2026, 11, 1), true
	}, false, ""},
	{"destruction confirmed late", "lifecycle-destruction-late", nil, func(a *forms.Application) {
		a.Lifecycle.DSAEnd = forms.NewDate(2026, 10, 1)
		a.Lifecycle.Destruction = &forms.DestructionRecord{WhatDestroyed: "All", DestroyedBy: "TRE manager", Method: "Secure wipe", DestroyedOn: forms.NewDate(2026, 10, 3), ConfirmedOn: forms.NewDate(2026, 10, 30)}
	}, true, "lifecycle.destruction.confirmation_sent"},
	{"cohort file not sent", "lifecycle-cohort-file", nil, func(a *forms.Application) {
		a.Lifecycle.DSASigned, a.Lifecycle.DSAEnd = forms.NewDate(2026, 11, 1), forms.NewDate(2029, 10, 31)
	}, true, "lifecycle.cohort_file_sent"},
	{"no charges recorded", "lifecycle-charges", nil, func(a *forms.Application) { a.Preliminary.CostPaidBy = "" }, true, "preliminary_assessment.cost_paid_by"},
	{"charges not yet due at enquiry", "lifecycle-charges", nil, func(a *forms.Application) {
		a.Preliminary.CostPaidBy = ""
		a.Overview.StageHistory = a.Overview.StageHistory[:1]
	}, false, ""},
	{"preliminary outcome missing", "preliminary-outcome", nil, func(a *forms.Application) { a.Preliminary.TimeToAccess = "" }, true, "preliminary_assessment.time_to_access"},
}

func aggregatedHES() *forms.Application {
	a := forms.Example()
	a.Data = forms.DataRequest{AggregatedHESOnly: true, Products: []forms.ProductRequest{{
		ID: "p1", Name: "Hospital Episode Statistics Admitted Patient Care (HES APC)", HistoricFrom: "2015", HistoricTo: "2024",
		YearsReason: "Ten years of trend.", Identifiability: forms.AggregateLevel, Fields: []forms.ProductField{{Name: "Admissions by ICB and year", Reason: "The measure."}},
	}}}
	a.Cohort = forms.Cohort{}
	a.Legal = forms.LegalBasis{CLDC: forms.CLDCNone}
	a.Purpose.IsResearch = false
	return a
}

func trust() forms.Organisation {
	return forms.Organisation{
		ID: "o2", Name: "Exampleton NHS Foundation Trust", Role: forms.RoleSoleController, LegalEntity: true, DSFCSigned: true, DSASignatory: "Caldicott Guardian",
		Security: forms.Security{DSPTStatus: forms.DSPTStandardsMet, DSPTValidUntil: forms.NewDate(2027, 6, 30)},
	}
}

func processor() forms.Organisation {
	return forms.Organisation{
		ID: "o3", Name: "Example Cloud Ltd", Role: forms.RoleProcessor, LegalEntity: true,
		Security: forms.Security{CyberEssentialsPlus: true, CEPlusExpiry: forms.NewDate(2027, 3, 1)},
	}
}

func euLocation() forms.Location {
	return forms.Location{ID: "l2", OrganisationID: "o1", Site: "Partner office, Berlin", Country: "Deutschland"}
}

func usLocation() forms.Location {
	return forms.Location{ID: "l2", OrganisationID: "o1", Site: "Boston collaborator", Country: "USA"}
}

// The examples carry no files (the bytes are the user's to supply), so the
// one advice they may have is to attach them.
func TestExamplePassesItsChecks(t *testing.T) {
	for _, a := range []*forms.Application{forms.Example(), s251Example()} {
		for _, f := range forms.Evaluate(a, today) {
			assert.Equal(t, "evidence-file-attached", f.CheckID, f.Message)
		}
	}
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.check+"/"+tc.name, func(t *testing.T) {
			base := tc.base
			if base == nil {
				base = forms.Example
			}
			a := base()
			tc.edit(a)
			var got []forms.Finding
			for _, f := range forms.Evaluate(a, today) {
				if f.CheckID == tc.check {
					got = append(got, f)
				}
			}
			if !tc.fires {
				assert.Empty(t, got)
				return
			}
			require.NotEmpty(t, got, "check %s should fire", tc.check)
			var fields []string
			for _, f := range got {
				fields = append(fields, f.Field)
				assert.NotEmpty(t, f.Message)
			}
			assert.Contains(t, fields, tc.field)
		})
	}
}

// TestEveryCheckHasCases keeps the table honest: a check nobody made fire is
// a check nobody knows works.
func TestEveryCheckHasCases(t *testing.T) {
	fires := map[string]bool{}
	for _, tc := range ruleCases {
		if tc.fires {
			fires[tc.check] = true
		}
	}
	for _, c := range forms.AllChecks() {
		if strings.HasPrefix(c.ID, "overview-") || strings.HasPrefix(c.ID, "patient-identifiers") || strings.HasPrefix(c.ID, "dataflow-") || strings.HasPrefix(c.ID, "dpia-") || strings.HasPrefix(c.ID, "review-") || strings.HasPrefix(c.ID, "evidence-") || strings.HasPrefix(c.ID, "public-") {
			continue // tested in overview_rules_test.go, identifiers_test.go, dataflow_rules_test.go, dpia_rules_test.go, review_test.go, evidence_rules_test.go and register_rules_test.go
		}
		assert.True(t, fires[c.ID], "no case makes %s fire", c.ID)
	}
}

func TestChecksAreWellFormed(t *testing.T) {
	requirementIDs := readRequirements(t).ids
	seen := map[string]bool{}
	for _, c := range forms.AllChecks() {
		assert.False(t, seen[c.ID], "duplicate check %s", c.ID)
		seen[c.ID] = true
		assert.Regexp(t, `^[a-z0-9]+(-[a-z0-9]+)*$`, c.ID)
		assert.NotEmpty(t, c.Requirements, c.ID)
		assert.NotEmpty(t, c.Title, c.ID)
		assert.Contains(t, []forms.Severity{forms.Blocker, forms.Warning, forms.Advice}, c.Severity, c.ID)
		for _, r := range c.Requirements {
			assert.Contains(t, requirementIDs, r, "%s names an unknown requirement", c.ID)
		}
	}
}

// fieldsOnly lists the requirements no check enforces, with the field (JSON
// path) that serves each. A requirement moves out of this table when a check
// comes to name it.
var fieldsOnly = map[string]string{
	"R-P4": "overview.novel_or_contentious",
	"R-C1": "cohort.needed",
	"R-O5": "organisations[].honorary_contracts",
	"R-T6": "data_flow, dpia",
	"R-E1": "evidence[].type",
	"R-E2": "evidence[].file",
	"R-E3": "evidence[]",
	"R-A3": "overview.stage_history (audit stage)",
}

func TestEveryRequirementIsCheckedOrAField(t *testing.T) {
	requirementIDs := readRequirements(t).ids
	checked := map[string]bool{}
	for _, c := range forms.AllChecks() {
		for _, r := range c.Requirements {
			checked[r] = true
		}
	}
	for _, r := range requirementIDs {
		_, field := fieldsOnly[r]
		assert.True(t, checked[r] || field, "%s is neither named by a check nor served by a listed field", r)
	}
	for r := range fieldsOnly {
		assert.True(t, slices.Contains(requirementIDs, r), "fieldsOnly names unknown %s", r)
	}
}

func TestSectionOfField(t *testing.T) {
	for path, want := range map[string]forms.SectionID{
		"organisations[2].security":       forms.SectionOrganisations,
		"people[0].name":                  forms.SectionOrganisations,
		"legal_basis.cag_reference":       forms.SectionLegal,
		"locations[1].tra_reference":      forms.SectionTerritory,
		"access_route":                    forms.SectionTerritory,
		"data.products[0].fields[1].name": forms.SectionData,
		"dpia.risks[0].harm":              forms.SectionDPIA,
		"":                                forms.SectionOverview,
	} {
		assert.Equal(t, want, forms.SectionOfField(path), path)
	}
}

func TestValidationService(t *testing.T) {
	assert.Equal(t, forms.AutomaticValidation, forms.ValidationServiceFor([]forms.ValidationField{forms.VFNHSNumber, forms.VFDateBirth, forms.VFPostcode, forms.VFGender}))
	assert.Equal(t, forms.ManualValidation, forms.ValidationServiceFor([]forms.ValidationField{forms.VFNHSNumber, forms.VFSurname}))
	assert.Contains(t, forms.ManualValidation.Label(), "extra cost")
}

// resolves reports whether a finding's field path names a field of the
// model, so "open this field" always has somewhere to go.
func resolves(path string) bool {
	t := reflect.TypeOf(forms.Application{})
	for _, part := range strings.Split(path, ".") {
		name, _, indexed := strings.Cut(part, "[")
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return false
		}
		found := false
		for i := 0; i < t.NumField(); i++ {
			if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); tag == name {
				t, found = t.Field(i).Type, true
				break
			}
		}
		if !found || (indexed && t.Kind() != reflect.Slice) {
			return false
		}
	}
	return true
}

func TestFindingsPointAtRealFields(t *testing.T) {
	assert.False(t, resolves("legal_basis.no_such_field"))
	assert.True(t, resolves("data.products[3].fields[1].reason"))
	for _, tc := range ruleCases {
		base := tc.base
		if base == nil {
			base = forms.Example
		}
		a := base()
		tc.edit(a)
		for _, f := range forms.Evaluate(a, today) {
			assert.True(t, resolves(f.Field), "%s points at %q, which is not a field", f.CheckID, f.Field)
		}
	}
}
