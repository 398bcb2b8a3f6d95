package forms

// DataFlowMap is the data flow diagram of the application (R-T6): parties and
// the flows between them. The first map is derived from the answers; the
// user's own edits are kept apart from what was derived (see Refresh).
type DataFlowMap struct {
	Nodes []FlowNode `json:"nodes"`
	Flows []Flow     `json:"flows"`
	// Dismissed holds the derivation keys of derived nodes and flows the
	// user removed, so that a refresh does not bring them back.
	Dismissed []string `json:"dismissed"`
}

// NodeKind is what a node in the map stands for.
type NodeKind string

const (
	NodeNHSEngland   NodeKind = "nhs-england"
	NodeOrganisation NodeKind = "organisation"
	NodeSystem       NodeKind = "system"
	NodeLocation     NodeKind = "location"
	NodePeople       NodeKind = "people"
	NodeOutput       NodeKind = "output"
)

var NodeKindChoices = []Choice{
	{string(NodeNHSEngland), "NHS England"},
	{string(NodeOrganisation), "Organisation"},
	{string(NodeSystem), "System or store"},
	{string(NodeLocation), "Location"},
	{string(NodePeople), "People group"},
	{string(NodeOutput), "Output"},
}

// Label is the kind as a person reads it.
func (k NodeKind) Label() string { return LabelOf(NodeKindChoices, string(k)) }

// TransferMethod is how data travels along a flow (R-T5).
type TransferMethod string

const (
	TransferSecureFile  TransferMethod = "secure-file-transfer"
	TransferSDEAccess   TransferMethod = "sde-access"
	TransferAPI         TransferMethod = "api"
	TransferPhysical    TransferMethod = "physical-media"
	TransferInternal    TransferMethod = "internal-access"
	TransferPublication TransferMethod = "publication"
)

var TransferMethodChoices = []Choice{
	{string(TransferSecureFile), "Secure file transfer"},
	{string(TransferSDEAccess), "Access in a secure data environment"},
	{string(TransferAPI), "API"},
	{string(TransferPhysical), "Physical media"},
	{string(TransferInternal), "Access within the organisation's secure environment"},
	{string(TransferPublication), "Publication of aggregate results"},
}

// Label is the method as a person reads it.
func (m TransferMethod) Label() string { return LabelOf(TransferMethodChoices, string(m)) }

// NHSEnglandOrg is the OrganisationID of nodes that belong to NHS England
// itself (its own store or secure data environment); NHS England is not one
// of the applicant's organisations.
const NHSEnglandOrg = "nhs-england"

// FlowNode is one party, place, system, group of people or output in the map.
type FlowNode struct {
	ID    string   `json:"id"`
	Kind  NodeKind `json:"kind"`
	Label string   `json:"label"`
	// OrganisationID links the node to an organisation in the answers; the
	// node is drawn in that organisation's swimlane (R-O1, R-O4).
	OrganisationID string `json:"organisation_id"`
	// LocationID links the node to a processing or storage location in the
	// answers (R-O4, R-T2, R-T3).
	LocationID string `json:"location_id"`
	Country    string `json:"country"`
	// Key is the derivation key of a derived node ("" for the user's own).
	Key string `json:"derivation_key"`
	// Derived marks a node proposed from the answers; Edited marks one the
	// user has changed since, which a refresh then leaves alone.
	Derived bool `json:"derived"`
	Edited  bool `json:"edited"`
}

// Flow is data travelling between two nodes (R-T6, R-D1, R-T5).
type Flow struct {
	ID   string `json:"id"`
	From string `json:"from"`
	To   string `json:"to"`
	// Items says what travels: products and data items, or "aggregate outputs".
	Items string `json:"items"`
	// Products lists the IDs of the requested products the flow carries, so
	// that its identifiability can be checked against the Data section.
	Products        []string        `json:"products"`
	Identifiability Identifiability `json:"identifiability"`
	Method          TransferMethod  `json:"transfer_method"`
	Encrypted       bool            `json:"encrypted_in_transit"`
	Frequency       Frequency       `json:"frequency"`
	LegalGateway    string          `json:"legal_gateway"`
	// OptOutApplied records that the National Data Opt-out is applied
	// before the data leaves NHS England (R-L8).
	OptOutApplied bool   `json:"opt_out_applied"`
	Key           string `json:"derivation_key"`
	Derived       bool   `json:"derived"`
	Edited        bool   `json:"edited"`
}

// Node returns the node with id, if any.
func (m *DataFlowMap) Node(id string) (*FlowNode, bool) {
	for i := range m.Nodes {
		if m.Nodes[i].ID == id {
			return &m.Nodes[i], true
		}
	}
	return nil, false
}

// Flow returns the flow with id, if any.
func (m *DataFlowMap) Flow(id string) (*Flow, bool) {
	for i := range m.Flows {
		if m.Flows[i].ID == id {
			return &m.Flows[i], true
		}
	}
	return nil, false
}

// AddNode adds a node of the user's own and returns its ID.
func (m *DataFlowMap) AddNode(n FlowNode) string {
	if n.ID == "" {
		n.ID = NewID()
	}
	n.Key, n.Derived, n.Edited = "", false, false
	m.Nodes = append(m.Nodes, n)
	return n.ID
}

// AddFlow adds a flow of the user's own and returns its ID.
func (m *DataFlowMap) AddFlow(f Flow) string {
	if f.ID == "" {
		f.ID = NewID()
	}
	f.Key, f.Derived, f.Edited = "", false, false
	m.Flows = append(m.Flows, f)
	return f.ID
}

// UpdateNode replaces the node with n.ID. A derived node becomes edited, so
// that refreshing from the answers keeps the user's change.
func (m *DataFlowMap) UpdateNode(n FlowNode) bool {
	old, ok := m.Node(n.ID)
	if !ok {
		return false
	}
	n.Key, n.Derived = old.Key, old.Derived
	n.Edited = old.Derived && (old.Edited || !dfSameNode(*old, n))
	*old = n
	return true
}

// UpdateFlow replaces the flow with f.ID, marking a derived flow edited.
func (m *DataFlowMap) UpdateFlow(f Flow) bool {
	old, ok := m.Flow(f.ID)
	if !ok {
		return false
	}
	f.Key, f.Derived = old.Key, old.Derived
	f.Edited = old.Derived && (old.Edited || !dfSameFlow(*old, f))
	*old = f
	return true
}

// RemoveNode removes a node and every flow touching it. Removed derived
// items are remembered so a refresh does not restore them.
func (m *DataFlowMap) RemoveNode(id string) {
	var nodes []FlowNode
	for _, n := range m.Nodes {
		if n.ID == id {
			m.dismiss(n.Key)
			continue
		}
		nodes = append(nodes, n)
	}
	m.Nodes = nodes
	var flows []Flow
	for _, f := range m.Flows {
		if f.From == id || f.To == id {
			m.dismiss(f.Key)
			continue
		}
		flows = append(flows, f)
	}
	m.Flows = flows
}

// RemoveFlow removes one flow.
func (m *DataFlowMap) RemoveFlow(id string) {
	var flows []Flow
	for _, f := range m.Flows {
		if f.ID == id {
			m.dismiss(f.Key)
			continue
		}
		flows = append(flows, f)
	}
	m.Flows = flows
}

func (m *DataFlowMap) dismiss(key string) {
	if key == "" {
		return
	}
	for _, k := range m.Dismissed {
		if k == key {
			return
		}
	}
	m.Dismissed = append(m.Dismissed, key)
}

func (m *DataFlowMap) dismissed(key string) bool {
	for _, k := range m.Dismissed {
		if k == key {
			return true
		}
	}
	return false
}

func dfSameNode(a, b FlowNode) bool {
	return a.Kind == b.Kind && a.Label == b.Label && a.OrganisationID == b.OrganisationID &&
		a.LocationID == b.LocationID && a.Country == b.Country
}

func dfSameFlow(a, b Flow) bool {
	if len(a.Products) != len(b.Products) {
		return false
	}
	for i := range a.Products {
		if a.Products[i] != b.Products[i] {
			return false
		}
	}
	return a.From == b.From && a.To == b.To && a.Items == b.Items &&
		a.Identifiability == b.Identifiability && a.Method == b.Method &&
		a.Encrypted == b.Encrypted && a.Frequency == b.Frequency &&
		a.LegalGateway == b.LegalGateway && a.OptOutApplied == b.OptOutApplied
}
