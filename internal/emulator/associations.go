package emulator

// This file implements the association operations: AssociateService,
// GetAssociation, UpdateAssociation and ListAssociations.
//
// An association links an agent space to a registered service (or, for
// the aws and sourceAws configurations, to an AWS account through the
// built-in service id "aws"). The configuration's union member must match
// the service's type. Associating a service again overwrites the existing
// association of that service, as the service documents. AWS account
// associations start "pending-confirmation" (the account's role is
// confirmed out of band); all others are "valid". Event-channel style
// services get a webhook, whose secret is shown only when it is created.

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// awsServiceID is the service id AWS account associations use.
const awsServiceID = "aws"

// awsConfigTypes are the configuration members that describe AWS
// accounts rather than registered services.
var awsConfigTypes = map[string]bool{"aws": true, "sourceAws": true}

// webhookTypes gives the webhook type for the configuration members whose
// service pushes events to the agent space.
var webhookTypes = map[string]string{
	"eventChannel": "hmac",
	"pagerduty":    "pagerduty",
	"gitlab":       "gitlab",
	"dynatrace":    "apikey",
}

type associateInput struct {
	AgentSpaceID  string             `json:"agentSpaceId"`
	ServiceID     string             `json:"serviceId"`
	Configuration configurationUnion `json:"configuration"`
	Capabilities  json.RawMessage    `json:"capabilities"`
}

// configurationUnion is a ServiceConfiguration union value: the name of
// the member that is set, and the union's JSON holding only that member.
type configurationUnion struct {
	Type string
	JSON json.RawMessage
}

// UnmarshalJSON reads a validated union, which has exactly one member
// set; members sent as null count as unset and are dropped.
func (u *configurationUnion) UnmarshalJSON(data []byte) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	for name, value := range members {
		if string(value) == "null" {
			continue
		}
		set, err := json.Marshal(map[string]json.RawMessage{name: value})
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		u.Type, u.JSON = name, set
	}
	return nil
}

type associationOutput struct {
	Association association    `json:"association"`
	Webhook     *webhookRecord `json:"webhook,omitempty"`
}

// associateService implements AssociateService: it creates the
// association, or overwrites the one the service already has in the
// agent space (see associationOf).
func (s *Server) associateService(c *call) (any, error) {
	var in associateInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	configType, config := in.Configuration.Type, in.Configuration.JSON

	var out associationOutput
	err := s.store.update(func(st *state) error {
		if err := st.requireAgentSpace(in.AgentSpaceID); err != nil {
			return err
		}
		if err := st.checkServiceMatches(in.ServiceID, configType); err != nil {
			return err
		}

		now := s.now()
		rec := st.associationOf(in.AgentSpaceID, in.ServiceID, configType, config)
		if rec == nil {
			rec = s.newAssociation(st, c, in, configType, now)
			st.Associations[rec.AssociationID] = rec
		}
		rec.ConfigType, rec.Configuration = configType, config
		rec.Capabilities, rec.UpdatedAt = in.Capabilities, now
		out = associationOutput{Association: rec.wire(), Webhook: rec.Webhook}
		return nil
	})
	return out, err
}

// checkServiceMatches checks that serviceID may carry a configuration of
// the given type.
func (st *state) checkServiceMatches(serviceID, configType string) error {
	if awsConfigTypes[configType] {
		if serviceID != awsServiceID {
			return errField("/serviceId", "Member must be %q for an AWS account configuration",
				awsServiceID)
		}
		return nil
	}

	svc, ok := st.Services[serviceID]
	if !ok {
		return errNotFound("service %s is not registered", serviceID)
	}
	if svc.ServiceType != configType {
		return errField("/configuration", "Member must hold the %s configuration of service %s",
			svc.ServiceType, serviceID)
	}
	return nil
}

// associationOf finds the association a new AssociateService call
// overwrites: the same service in the same agent space, and for AWS
// accounts the same account.
func (st *state) associationOf(agentSpaceID, serviceID, configType string,
	config json.RawMessage) *associationRecord {
	for _, rec := range st.Associations {
		if rec.AgentSpaceID != agentSpaceID || rec.ServiceID != serviceID {
			continue
		}
		if !awsConfigTypes[configType] || accountID(rec.Configuration) == accountID(config) {
			return rec
		}
	}
	return nil
}

// accountID extracts the accountId of an AWS account configuration.
func accountID(config json.RawMessage) string {
	var union map[string]struct {
		AccountID string `json:"accountId"`
	}
	_ = json.Unmarshal(config, &union) // stored configurations are valid JSON
	for _, v := range union {
		return v.AccountID
	}
	return ""
}

// newAssociation builds the record of a new association, with a webhook
// when its service pushes events.
func (s *Server) newAssociation(st *state, c *call, in associateInput, configType string,
	now time.Time) *associationRecord {
	status := "valid"
	if awsConfigTypes[configType] {
		status = "pending-confirmation"
	}

	rec := &associationRecord{
		Seq: st.nextSeq(), AssociationID: s.newID(), AgentSpaceID: in.AgentSpaceID,
		ServiceID: in.ServiceID, Status: status, CreatedAt: now,
	}
	if typ, ok := webhookTypes[configType]; ok {
		rec.Webhook = s.newWebhook(c.baseURL, typ)
	}
	return rec
}

// newWebhook makes a webhook of type typ under the emulator's address
// base, with a fresh secret (or API key, for type "apikey").
func (s *Server) newWebhook(base, typ string) *webhookRecord {
	id := s.newID()
	w := &webhookRecord{WebhookURL: base + webhooksPrefix + id, WebhookID: id, WebhookType: typ}
	if typ == "apikey" {
		w.APIKey = randomSecret(24)
	} else {
		w.WebhookSecret = randomSecret(32)
	}
	return w
}

type associationIDInput struct {
	AgentSpaceID  string `json:"agentSpaceId"`
	AssociationID string `json:"associationId"`
}

type getAssociationOutput struct {
	Association association `json:"association"`
}

// getAssociation implements GetAssociation.
func (s *Server) getAssociation(c *call) (any, error) {
	var in associationIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	var out getAssociationOutput
	err := s.store.view(func(st *state) error {
		rec, err := st.association(in.AgentSpaceID, in.AssociationID)
		if err != nil {
			return err
		}
		out.Association = rec.wire()
		return nil
	})
	return out, err
}

type updateAssociationInput struct {
	AgentSpaceID  string             `json:"agentSpaceId"`
	AssociationID string             `json:"associationId"`
	Configuration configurationUnion `json:"configuration"`
	Capabilities  json.RawMessage    `json:"capabilities"`
}

// updateAssociation replaces the configuration and, when given, the
// capabilities; members left out keep their values.
func (s *Server) updateAssociation(c *call) (any, error) {
	var in updateAssociationInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	var out associationOutput
	err := s.store.update(func(st *state) error {
		rec, err := st.association(in.AgentSpaceID, in.AssociationID)
		if err != nil {
			return err
		}
		if in.Configuration.Type != rec.ConfigType {
			return errField("/configuration", "Member must hold the %s configuration "+
				"the association was created with", rec.ConfigType)
		}

		rec.Configuration, rec.UpdatedAt = in.Configuration.JSON, s.now()
		if in.Capabilities != nil {
			rec.Capabilities = in.Capabilities
		}
		out = associationOutput{Association: rec.wire(), Webhook: rec.Webhook.withoutSecrets()}
		return nil
	})
	return out, err
}

// association finds an association of an agent space.
func (st *state) association(agentSpaceID, associationID string) (*associationRecord, error) {
	if err := st.requireAgentSpace(agentSpaceID); err != nil {
		return nil, err
	}
	rec, ok := st.Associations[associationID]
	if !ok || rec.AgentSpaceID != agentSpaceID {
		return nil, errNotFound("association %s does not exist in agent space %s",
			associationID, agentSpaceID)
	}
	return rec, nil
}

type listAssociationsInput struct {
	AgentSpaceID       string `json:"agentSpaceId"`
	FilterServiceTypes string `json:"filterServiceTypes"`
}

type listAssociationsOutput struct {
	NextToken    string        `json:"nextToken,omitempty"`
	Associations []association `json:"associations"`
}

// listAssociations lists an agent space's associations, oldest first.
// filterServiceTypes keeps those whose configuration member is one of the
// comma-separated names.
func (s *Server) listAssociations(c *call) (any, error) {
	var in listAssociationsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	types := map[string]bool{}
	for _, t := range strings.Split(in.FilterServiceTypes, ",") {
		if t = strings.TrimSpace(t); t != "" {
			types[t] = true
		}
	}
	params := paramsFingerprint([]any{in.AgentSpaceID, types})
	after, err := c.resumeKey(params)
	if err != nil {
		return nil, err
	}

	out := listAssociationsOutput{Associations: []association{}}
	err = s.store.view(func(st *state) error {
		if err := st.requireAgentSpace(in.AgentSpaceID); err != nil {
			return err
		}

		var items []keyed[association]
		for _, rec := range st.Associations {
			if rec.AgentSpaceID == in.AgentSpaceID && (len(types) == 0 || types[rec.ConfigType]) {
				key := sortKey{rec.CreatedAt.UnixMilli(), rec.Seq}
				items = append(items, keyed[association]{key: key, item: rec.wire()})
			}
		}

		page, next := pageOf(items, false, after, c.pageSize())
		out.Associations = append(out.Associations, page...)
		out.NextToken = c.nextToken(params, next)
		return nil
	})
	return out, err
}
