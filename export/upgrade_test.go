package export_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// v1Doc is a file the version-1 release wrote, as generic JSON to edit the
// way a person typing from the register would.
func v1Doc(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "submission", "v1", "written-by-v1-example.json"))
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	return doc
}

func at(doc map[string]any, path ...any) map[string]any {
	var v any = doc
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v.(map[string]any)
}

func decodeDoc(t *testing.T, doc map[string]any) *export.Submission {
	t.Helper()
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	s, err := export.DecodeSubmission(b)
	require.NoError(t, err, "a version-1 file is never refused for how its answers are written")
	return s
}

// Answers typed in the register's words and in people's own are read, and
// each reading is reported.
func TestUpgradeV1ReadsAnswersAsWritten(t *testing.T) {
	cases := map[string]struct {
		edit  func(app map[string]any)
		check func(t *testing.T, a *forms.Application)
		note  string
	}{
		"register identifiability": {
			func(app map[string]any) {
				at(app, "data", "products", 0)["identifiability"] = "Anonymised - ICO Code Compliant"
			},
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.AnonymisedICO, a.Data.Products[0].Identifiability)
			}, "", // the choice's own label, dash aside: nothing inferred
		},
		"register frequency": {
			func(app map[string]any) { at(app, "data", "products", 2)["frequency"] = "Frequent Adhoc Flow" },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.Frequency("frequent-adhoc"), a.Data.Products[2].Frequency)
			}, "",
		},
		"register consent wording": {
			func(app map[string]any) { at(app, "legal_basis")["cldc_route"] = "Consent (Reasonable Expectation)" },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.CLDCReasonableExpectation, a.Legal.CLDC)
			}, "",
		},
		"statutory exemption": {
			func(app map[string]any) {
				at(app, "legal_basis")["cldc_route"] = "Statutory exemption to flow confidential data without consent"
			},
			func(t *testing.T, a *forms.Application) { assert.Equal(t, forms.CLDCStatutory, a.Legal.CLDC) }, "",
		},
		"mixture": {
			func(app map[string]any) {
				at(app, "legal_basis")["cldc_route"] = "Mixture of confidential data flow(s) with support under section 251 NHS Act 2006 and non-confidential data flow(s)"
			},
			func(t *testing.T, a *forms.Application) { assert.Equal(t, forms.CLDCMixture, a.Legal.CLDC) }, "Mixture",
		},
		"other explained as a statute": {
			func(app map[string]any) {
				lb := at(app, "legal_basis")
				lb["cldc_route"], lb["cldc_explanation"] = "other", "Statutory exemption: Regulation 3 of the Health Service (Control of Patient Information) Regulations 2002"
			},
			func(t *testing.T, a *forms.Application) { assert.Equal(t, forms.CLDCStatutory, a.Legal.CLDC) }, "Regulation 3",
		},
		"two article 9 conditions in one": {
			func(app map[string]any) { at(app, "legal_basis")["article9"] = "Article 9(2)(h) and (j)" },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.Article9("9-2-h"), a.Legal.Article9)
				assert.Equal(t, []forms.Article9{"9-2-j"}, a.Legal.Article9Additional)
			}, "9-2-h and 9-2-j",
		},
		"article 9 as a list": {
			func(app map[string]any) { at(app, "legal_basis")["article9"] = []any{"9(2)(h)", "9(2)(j)"} },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.Article9("9-2-h"), a.Legal.Article9)
				assert.Equal(t, []forms.Article9{"9-2-j"}, a.Legal.Article9Additional)
			}, "9-2-h and 9-2-j",
		},
		"both articles in one field": {
			func(app map[string]any) {
				lb := at(app, "legal_basis")
				lb["article6"], lb["article9"] = "UK GDPR Article 6(1)(e) and Article 9(2)(j)", ""
			},
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.Article6("6-1-e"), a.Legal.Article6)
				assert.Equal(t, forms.Article9("9-2-j"), a.Legal.Article9)
			}, "read as 9-2-j",
		},
		"article by its words": {
			func(app map[string]any) { at(app, "legal_basis")["article6"] = "Public task" },
			func(t *testing.T, a *forms.Application) { assert.Equal(t, forms.Article6("6-1-e"), a.Legal.Article6) }, "Public task",
		},
		"linkage fields in words": {
			func(app map[string]any) { at(app, "cohort")["validation_fields"] = "Hashed NHS number, DOB; Sex" },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, []forms.ValidationField{forms.VFHashedNHSNumber, forms.VFDateBirth, forms.VFGender}, a.Cohort.ValidationFields)
			}, "list of 3",
		},
		"two plain data controllers are joint": {
			func(app map[string]any) {
				orgs := app["organisations"].([]any)
				o2 := map[string]any{}
				for k, v := range orgs[0].(map[string]any) {
					o2[k] = v
				}
				o2["id"], o2["name"] = "o2", "Exampleton NHS Foundation Trust"
				orgs[0].(map[string]any)["role"], o2["role"] = "Data Controller", "Data controller"
				app["organisations"] = append(orgs, o2)
			},
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.RoleJointController, a.Organisations[0].Role)
				assert.Equal(t, forms.RoleJointController, a.Organisations[1].Role)
			}, "joint controller",
		},
		"a month alone": {
			func(app map[string]any) { at(app, "overview")["requested_end"] = "March 2030" },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, "2030-03-01", a.Overview.RequestedTo.String())
			}, "March 2030",
		},
		"a controller that also processes": {
			func(app map[string]any) { at(app, "organisations", 0)["role"] = "Data Controller and Data Processor" },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.RoleSoleController, a.Organisations[0].Role)
			}, "Data Controller and Data Processor",
		},
		"a UK date": {
			func(app map[string]any) { at(app, "overview")["requested_start"] = "01/04/2027" },
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, "2027-04-01", a.Overview.RequestedFrom.String())
			}, "01/04/2027",
		},
		"territory and route in words": {
			func(app map[string]any) {
				app["territory"], app["access_route"] = "England/Wales", "Secure electronic file transfer"
			},
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.TerritoryEnglandWales, a.Territory)
				assert.Equal(t, forms.AccessRoute("secure-transfer"), a.AccessRoute)
			}, "",
		},
		"DSPT status as published": {
			func(app map[string]any) {
				at(app, "organisations", 0, "security")["dspt_status"] = "23/24 Standards Met"
			},
			func(t *testing.T, a *forms.Application) {
				assert.Equal(t, forms.DSPTStandardsMet, a.Organisations[0].Security.DSPTStatus)
			}, "23/24 Standards Met",
		},
		"a yes in words": {
			func(app map[string]any) { at(app, "purpose")["is_research"] = "Yes" },
			func(t *testing.T, a *forms.Application) { assert.True(t, a.Purpose.IsResearch) }, "read as yes",
		},
		"product route and gateway from its legal basis": {
			func(app map[string]any) {
				at(app, "data", "products", 0)["legal_basis"] = "Health and Social Care Act 2012 – s261(2)(c); Informed Patient consent to permit the receipt, processing and release of data by NHS Digital"
				at(app, "data", "products", 1)["legal_basis"] = "Does not include the flow of confidential data"
			},
			func(t *testing.T, a *forms.Application) {
				p := a.Data.Products
				assert.Equal(t, forms.CLDCConsent, p[0].Confidentiality)
				assert.Equal(t, "Health and Social Care Act 2012 – s261(2)(c); Informed Patient consent to permit the receipt, processing and release of data by NHS Digital", p[0].DisseminationGateway)
				assert.Equal(t, forms.CLDCNone, p[1].Confidentiality)
				assert.Empty(t, p[1].DisseminationGateway, "a route is not a gateway")
				assert.Equal(t, p[0].LegalBasis, "Health and Social Care Act 2012 – s261(2)(c); Informed Patient consent to permit the receipt, processing and release of data by NHS Digital", "the words are kept")
			}, "from its legal basis",
		},
		"application route from the products": {
			func(app map[string]any) {
				at(app, "legal_basis")["cldc_route"] = ""
				for i := 0; i < 3; i++ {
					at(app, "data", "products", i)["legal_basis"] = "Does not include the flow of confidential data"
				}
			},
			func(t *testing.T, a *forms.Application) { assert.Equal(t, forms.CLDCNone, a.Legal.CLDC) }, "the products agree on",
		},
		"s251 and non-confidential products make a mixture": {
			func(app map[string]any) {
				at(app, "legal_basis")["cldc_route"] = ""
				at(app, "data", "products", 0)["legal_basis"] = "Section 251 NHS Act 2006"
				at(app, "data", "products", 1)["legal_basis"] = "Does not include the flow of confidential data"
				at(app, "data", "products", 2)["legal_basis"] = "Section 251 NHS Act 2006"
			},
			func(t *testing.T, a *forms.Application) { assert.Equal(t, forms.CLDCMixture, a.Legal.CLDC) }, "the products agree on",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			doc := v1Doc(t)
			tc.edit(doc["application"].(map[string]any))
			s := decodeDoc(t, doc)
			assert.Equal(t, 1, s.ReadFrom)
			tc.check(t, s.Application)
			assert.Empty(t, s.Application.Unmatched)
			if tc.note != "" {
				assert.Contains(t, strings.Join(s.Converted, "\n"), tc.note, "the conversion says what it inferred")
			}
		})
	}
}

// What cannot be read is kept word for word, never refused or dropped.
func TestUpgradeV1KeepsWhatItCannotRead(t *testing.T) {
	doc := v1Doc(t)
	app := doc["application"].(map[string]any)
	app["territory"] = "Narnia"
	at(app, "overview")["requested_end"] = "when the study ends"
	at(app, "overview")["register_status"] = "Live"
	at(app, "cohort")["validation_fields"] = []any{"NHS number", "Shoe size"}
	s := decodeDoc(t, doc)
	a := s.Application
	assert.Empty(t, a.Territory)
	assert.True(t, a.Overview.RequestedTo.IsZero())
	assert.Equal(t, []forms.ValidationField{forms.VFNHSNumber}, a.Cohort.ValidationFields)
	assert.ElementsMatch(t, []forms.UnmatchedAnswer{
		{Field: "application.territory", Written: "Narnia"},
		{Field: "application.overview.requested_end", Written: "when the study ends"},
		{Field: "application.overview.register_status", Written: "Live"},
		{Field: "application.cohort.validation_fields[1]", Written: "Shoe size"},
	}, a.Unmatched)

	// The converted draft exports as the current version and reads back.
	out, err := export.EncodeSubmission(s)
	require.NoError(t, err)
	again, err := export.DecodeSubmission(out)
	require.NoError(t, err)
	assert.Equal(t, a.Unmatched, again.Application.Unmatched)
	assert.NoError(t, validateAgainstSchema(t, compileSchema(t), out))
}

// The current version stays strict: it is written by the app, not by hand.
func TestCurrentVersionRefusesRegisterWording(t *testing.T) {
	good := string(encodeSub(t, forms.Example()))
	bad := strings.Replace(good, `"identifiability": "pseudonymised"`, `"identifiability": "Anonymised - ICO Code Compliant"`, 1)
	require.NotEqual(t, good, bad)
	_, err := export.DecodeSubmission([]byte(bad))
	assert.ErrorContains(t, err, "is not one of")
}

func FuzzUpgradeV1(f *testing.F) {
	f.Add(`{"territory":"England/Wales","legal_basis":{"article9":"9(2)(h) and (j)","cldc_route":"Mixture"}}`)
	f.Add(`{"data":{"products":[{"identifiability":["a",1],"legal_basis":"Section 251"}]},"cohort":{"validation_fields":"x,y"}}`)
	f.Add(`{"organisations":[{"role":"Data controller"},{"role":"controller"}],"overview":{"requested_start":"31/02/2020"}}`)
	f.Fuzz(func(t *testing.T, app string) {
		b := []byte(`{"schema_version":1,"app_version":"0.1.0","draft_id":"x","revision":0,"exported_at":"2026-11-23T09:00:00Z","application":` + app + `}`)
		s, err := export.DecodeSubmission(b)
		if err != nil {
			return
		}
		out, err := export.EncodeSubmission(s)
		if errors.Is(err, forms.ErrNHSNumbers) {
			// An answer, or an unknown question's name, that is an NHS number
			// is kept to be seen and deleted, never written out again.
			return
		}
		require.NoError(t, err)
		_, err = export.DecodeSubmission(out)
		require.NoError(t, err, "what a version-1 file converts to reads as the current version")
	})
}
