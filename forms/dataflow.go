package forms

// DataFlowMap is the data flow diagram of the application (R-T6): parties and
// the flows between them. The first map is derived from the answers; the
// user's own edits are kept apart from what was derived.
type DataFlowMap struct {
	Nodes []FlowNode `json:"nodes"`
	Flows []Flow     `json:"flows"`
}

// NodeKind is what a node in the map stands for.
type NodeKind string

var NodeKindChoices = []Choice{
	{"nhs-england", "NHS England"},
	{"organisation", "Organisation"},
	{"system", "System or store"},
	{"location", "Location"},
	{"people", "People group"},
	{"output", "Output"},
}

// FlowNode is one party, place or output in the map.
type FlowNode struct {
	ID             string   `json:"id"`
	Kind           NodeKind `json:"kind"`
	Label          string   `json:"label"`
	OrganisationID string   `json:"organisation_id"`
	LocationID     string   `json:"location_id"`
	Country        string   `json:"country"`
	Derived        bool     `json:"derived"`
}

// Flow is data travelling between two nodes.
type Flow struct {
	ID              string          `json:"id"`
	From            string          `json:"from"`
	To              string          `json:"to"`
	Items           string          `json:"items"`
	Identifiability Identifiability `json:"identifiability"`
	Method          string          `json:"transfer_method"`
	Encrypted       bool            `json:"encrypted_in_transit"`
	Frequency       Frequency       `json:"frequency"`
	LegalGateway    string          `json:"legal_gateway"`
	OptOutApplied   bool            `json:"opt_out_applied"`
	Derived         bool            `json:"derived"`
}
