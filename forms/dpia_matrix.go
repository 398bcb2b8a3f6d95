package forms

// Likelihood is how likely harm to individuals is, in the ICO's three steps.
type Likelihood string

const (
	Remote   Likelihood = "remote"
	Possible Likelihood = "possible"
	Probable Likelihood = "probable"
)

var LikelihoodChoices = []Choice{
	{"", "Not assessed"},
	{string(Remote), "Remote"},
	{string(Possible), "Possible"},
	{string(Probable), "Probable"},
}

// HarmSeverity is how severe the harm to individuals would be. (Severity is
// taken by readiness findings.)
type HarmSeverity string

const (
	Minimal     HarmSeverity = "minimal"
	Significant HarmSeverity = "significant"
	Severe      HarmSeverity = "severe"
)

var HarmSeverityChoices = []Choice{
	{"", "Not assessed"},
	{string(Minimal), "Minimal"},
	{string(Significant), "Significant"},
	{string(Severe), "Severe"},
}

// RiskLevel is the overall risk that follows from likelihood and severity.
type RiskLevel string

const (
	RiskLow    RiskLevel = "low"
	RiskMedium RiskLevel = "medium"
	RiskHigh   RiskLevel = "high"
)

var RiskLevelChoices = []Choice{
	{"", "Not assessed"},
	{string(RiskLow), "Low"},
	{string(RiskMedium), "Medium"},
	{string(RiskHigh), "High"},
}

// RiskEffect is what the measures do to a risk (step 6).
type RiskEffect string

const (
	Eliminated RiskEffect = "eliminated"
	Reduced    RiskEffect = "reduced"
	Accepted   RiskEffect = "accepted"
)

var RiskEffectChoices = []Choice{
	{"", "Not decided"},
	{string(Eliminated), "Eliminated"},
	{string(Reduced), "Reduced"},
	{string(Accepted), "Accepted"},
}

// Likelihoods and HarmSeverities list the assessed values in matrix order.
var (
	Likelihoods    = []Likelihood{Remote, Possible, Probable}
	HarmSeverities = []HarmSeverity{Minimal, Significant, Severe}
)

// Index is the column of the likelihood in the matrix (0 remote … 2
// probable), or -1 when it is not assessed.
func (l Likelihood) Index() int {
	for i, v := range Likelihoods {
		if v == l {
			return i
		}
	}
	return -1
}

// Index is the row of the severity in the matrix (0 minimal … 2 severe), or
// -1 when it is not assessed.
func (s HarmSeverity) Index() int {
	for i, v := range HarmSeverities {
		if v == s {
			return i
		}
	}
	return -1
}

// Label is the likelihood as a person reads it.
func (l Likelihood) Label() string { return LabelOf(LikelihoodChoices, string(l)) }

// Label is the severity as a person reads it.
func (s HarmSeverity) Label() string { return LabelOf(HarmSeverityChoices, string(s)) }

// Label is the risk level as a person reads it.
func (r RiskLevel) Label() string { return LabelOf(RiskLevelChoices, string(r)) }

// Label is the effect as a person reads it.
func (e RiskEffect) Label() string { return LabelOf(RiskEffectChoices, string(e)) }

// Rank orders risk levels: 0 not assessed, 1 low, 2 medium, 3 high.
func (r RiskLevel) Rank() int {
	switch r {
	case RiskLow:
		return 1
	case RiskMedium:
		return 2
	case RiskHigh:
		return 3
	}
	return 0
}

// riskMatrix is the ICO's matrix, indexed [severity][likelihood]: the risk
// is high wherever severe harm is more than remote or significant harm is
// probable, and low where harm is minimal and not probable, or significant
// but remote.
var riskMatrix = [3][3]RiskLevel{
	{RiskLow, RiskLow, RiskMedium},   // minimal
	{RiskLow, RiskMedium, RiskHigh},  // significant
	{RiskMedium, RiskHigh, RiskHigh}, // severe
}

// RiskLevelOf is the overall risk for a likelihood and a severity, or "" when
// either is not assessed.
func RiskLevelOf(l Likelihood, s HarmSeverity) RiskLevel {
	li, si := l.Index(), s.Index()
	if li < 0 || si < 0 {
		return ""
	}
	return riskMatrix[si][li]
}

// Overall is the risk before measures.
func (r *DPIARisk) Overall() RiskLevel { return RiskLevelOf(r.Likelihood, r.Severity) }

// Residual is the risk left after measures: low once eliminated, otherwise
// what the residual likelihood and severity give ("" until assessed).
func (r *DPIARisk) Residual() RiskLevel {
	if r.Effect == Eliminated {
		return RiskLow
	}
	return RiskLevelOf(r.ResidualLikelihood, r.ResidualSeverity)
}

// HighestResidual is the highest residual risk in the register.
func (d *DPIA) HighestResidual() RiskLevel {
	var top RiskLevel
	for i := range d.Risks {
		if r := d.Risks[i].Residual(); r.Rank() > top.Rank() {
			top = r
		}
	}
	return top
}

// MatrixCell is one cell of the 3×3 chart with the numbers of the risks in it.
type MatrixCell struct {
	Likelihood Likelihood
	Severity   HarmSeverity
	Level      RiskLevel
	Numbers    []int
}

// RiskMatrix places each risk of the register by its number, before
// (residual false) or after measures (residual true), as [severity][likelihood]
// cells. Risks not yet assessed, and eliminated risks after measures, are
// left out and counted in unplaced.
func (d *DPIA) RiskMatrix(residual bool) (cells [3][3]MatrixCell, unplaced []int) {
	for si, s := range HarmSeverities {
		for li, l := range Likelihoods {
			cells[si][li] = MatrixCell{Likelihood: l, Severity: s, Level: riskMatrix[si][li]}
		}
	}
	for i := range d.Risks {
		r := &d.Risks[i]
		l, s := r.Likelihood, r.Severity
		if residual {
			l, s = r.ResidualLikelihood, r.ResidualSeverity
		}
		li, si := l.Index(), s.Index()
		if li < 0 || si < 0 || (residual && r.Effect == Eliminated) {
			unplaced = append(unplaced, i+1)
			continue
		}
		cells[si][li].Numbers = append(cells[si][li].Numbers, i+1)
	}
	return cells, unplaced
}
