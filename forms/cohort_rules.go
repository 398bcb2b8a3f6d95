package forms

import "strings"

// Every cohort check starts from Cohort.Needed: when no cohort is supplied the
// linkage answers are hidden, kept, and never judged.
func cohortChecks() []Check {
	return []Check{
		{
			ID: "cohort-kind", Requirements: []string{"R-C2"}, Severity: Blocker, Section: SectionCohort,
			Title: "A cohort is new or names the agreement it was supplied under",
			Eval: func(c *Context) []Hit {
				co := &c.App.Cohort
				if !co.Needed {
					return nil
				}
				switch {
				case co.Kind == "":
					return hit("cohort.kind", "Say whether this is a new cohort or one already supplied to NHS England under another agreement.")
				case co.Kind == "existing" && blank(co.ExistingReference):
					return hit("cohort.existing_reference", "Give the DARS reference of the agreement the cohort was supplied under, so NHS England can reuse it.")
				}
				return nil
			},
		},
		{
			ID: "cohort-validation-fields", Requirements: []string{"R-C3"}, Severity: Blocker, Section: SectionCohort,
			Title: "Linkage fields are chosen and can confirm identity",
			Eval: func(c *Context) []Hit {
				co := &c.App.Cohort
				if !co.Needed {
					return nil
				}
				if len(co.ValidationFields) == 0 {
					return hit("cohort.validation_fields", "Choose the fields NHS England will use to find your participants, for example NHS number, date of birth, postcode and gender.")
				}
				// Hashed NHS numbers and agreed keys link without naming anyone.
				f := co.ValidationFields
				if !hasValidationField(f, VFNHSNumber) && !hasValidationField(f, VFDateBirth) && !hasValidationField(f, VFHashedNHSNumber) && !hasValidationField(f, VFOtherKey) {
					return hit("cohort.validation_fields", "Add NHS number or date of birth (or a hashed NHS number or other key agreed with NHS England): without one, NHS England cannot find your participants.")
				}
				return nil
			},
		},
		{
			ID: "cohort-manual-validation", Requirements: []string{"R-C3", "R-C4"}, Severity: Advice, Section: SectionCohort,
			Title: "Names among the linkage fields mean manual validation at extra cost",
			Eval: func(c *Context) []Hit {
				co := &c.App.Cohort
				if co.Needed && ValidationServiceFor(co.ValidationFields) == ManualValidation {
					return hit("cohort.validation_fields", "Surname or forename can only be matched by the manual validation service, which costs more and takes longer than the automatic one (NHS number, date of birth, postcode, gender). Drop the names unless you cannot confirm identity without them.")
				}
				return nil
			},
		},
		{
			ID: "cohort-minimum-fields", Requirements: []string{"R-C5"}, Severity: Advice, Section: SectionCohort,
			Title: "The linkage fields are the minimum that confirms identity",
			Eval: func(c *Context) []Hit {
				co := &c.App.Cohort
				if !co.Needed {
					return nil
				}
				f := co.ValidationFields
				if hasValidationField(f, VFNHSNumber) && hasValidationField(f, VFDateBirth) &&
					(hasValidationField(f, VFSurname) || hasValidationField(f, VFForename)) {
					return hit("cohort.validation_fields", "NHS number with date of birth already confirms identity; sending names as well shares more than needed. Send only the fields the match needs.")
				}
				return nil
			},
		},
		{
			ID: "cohort-period", Requirements: []string{"R-C6"}, Severity: Warning, Section: SectionCohort,
			Title: "The cohort's data is backdated or from recruitment",
			Eval: func(c *Context) []Hit {
				co := &c.App.Cohort
				if co.Needed && co.Period == "" {
					return hit("cohort.period", "Say whether you need data backdated, or only from each participant's recruitment date.")
				}
				return nil
			},
		},
		{
			ID: "cohort-other-keys", Requirements: []string{"R-C3", "R-C5"}, Severity: Warning, Section: SectionCohort,
			Title: "Other linkage keys are named",
			Eval: func(c *Context) []Hit {
				co := &c.App.Cohort
				if co.Needed && hasValidationField(co.ValidationFields, VFOtherKey) && blank(co.OtherKeys) {
					return hit("cohort.other_linkage_keys", "Name the other linkage keys the cohort file carries (for example a pseudonymous key agreed with NHS England), so the linkage can be planned.")
				}
				return nil
			},
		},
		{
			ID: "cohort-sender", Requirements: []string{"R-C1", "R-O1"}, Severity: Warning, Section: SectionCohort,
			Title: "Another organisation that sends the cohort is named and listed",
			Eval: func(c *Context) []Hit {
				co := &c.App.Cohort
				if !co.Needed || co.Sender != SenderOther {
					return nil
				}
				if blank(co.SenderName) {
					return hit("cohort.sender_name", "Name the organisation that sends the cohort file to NHS England.")
				}
				for _, o := range c.App.Organisations {
					if SpellingKey(o.Name) == SpellingKey(co.SenderName) {
						return nil
					}
				}
				return hit("cohort.sender_name", strings.TrimSpace(co.SenderName)+" sends the cohort but is not among the organisations: list it there with its role, even if it receives no data back.")
			},
		},
	}
}
