package emulator

// This file implements the service registry: RegisterService, GetService
// and ListServices. A registration whose authorization needs a user's
// consent (OAuth 3LO or authorization discovery) is kept pending and
// answered with additionalStep.oauth; extras.go completes it when the
// browser comes back. Any other registration is stored at once and
// answered with its serviceId.

import (
	"encoding/json"
	"fmt"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

type registerInput struct {
	Service                          string            `json:"service"`
	KmsKeyArn                        string            `json:"kmsKeyArn"`
	PrivateConnectionName            string            `json:"privateConnectionName"`
	TargetURLPrivateConnectionName   string            `json:"targetUrlPrivateConnectionName"`
	ExchangeURLPrivateConnectionName string            `json:"exchangeUrlPrivateConnectionName"`
	Name                             string            `json:"name"`
	Tags                             map[string]string `json:"tags"`
}

type registerOutput struct {
	ServiceID      string            `json:"serviceId,omitempty"`
	AdditionalStep *additionalStep   `json:"additionalStep,omitempty"`
	KmsKeyArn      string            `json:"kmsKeyArn,omitempty"`
	Tags           map[string]string `json:"tags,omitempty"`
}

type additionalStep struct {
	OAuth struct {
		AuthorizationURL string `json:"authorizationUrl"`
	} `json:"oauth"`
}

// registerService implements RegisterService: it registers the service
// at once, or, for services that need a user's OAuth consent, leaves it
// pending and answers the step the user must take.
func (s *Server) registerService(c *call) (any, error) {
	var in registerInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	details, err := checkRegistration(c, in)
	if err != nil {
		return nil, err
	}

	rec, err := s.newServiceRecord(in, details)
	if err != nil {
		return nil, err
	}
	out := registerOutput{KmsKeyArn: in.KmsKeyArn, Tags: in.Tags}

	kind, authConfig := s.oauthStep(in.Service, details)
	if kind == "" {
		err = s.store.update(func(st *state) error {
			rec.Seq, rec.ServiceID = st.nextSeq(), s.newID()
			st.Services[rec.ServiceID] = rec
			out.ServiceID = rec.ServiceID
			return nil
		})
		return out, err
	}

	step, err := s.beginOAuth(c, rec, kind, authConfig)
	if err != nil {
		return nil, err
	}
	out.AdditionalStep = step
	return out, nil
}

// checkRegistration applies the rules the model cannot express and
// returns the details object of the registered service type.
func checkRegistration(c *call, in registerInput) (map[string]any, error) {
	union, _ := c.doc["serviceDetails"].(map[string]any)
	details, ok := union[in.Service].(map[string]any)
	if !ok {
		return nil, errField("/serviceDetails",
			"Member must hold the %s details, the service named in the request path", in.Service)
	}

	if in.PrivateConnectionName != "" {
		exclusive := []struct{ path, value string }{
			{"/targetUrlPrivateConnectionName", in.TargetURLPrivateConnectionName},
			{"/exchangeUrlPrivateConnectionName", in.ExchangeURLPrivateConnectionName},
		}
		for _, m := range exclusive {
			if m.value != "" {
				return nil, errField(m.path,
					"Member must not be set together with privateConnectionName")
			}
		}
	}
	return details, nil
}

// newServiceRecord builds the record of a service being registered, with
// the details GetService will show for it.
func (s *Server) newServiceRecord(in registerInput,
	details map[string]any) (*serviceRecord, error) {
	registered, err := s.registeredDetails(in.Service, details)
	if err != nil {
		return nil, err
	}

	privateConnection := in.PrivateConnectionName
	if privateConnection == "" {
		privateConnection = in.TargetURLPrivateConnectionName
	}
	return &serviceRecord{
		ServiceType: in.Service, Name: in.Name, AdditionalServiceDetails: registered,
		KmsKeyArn: in.KmsKeyArn, PrivateConnectionName: privateConnection,
		Tags: in.Tags, CreatedAt: s.now(),
	}, nil
}

// authMethods maps an authorizationConfig union member to the
// authorizationMethod value registered details report for it.
var authMethods = map[string]string{
	"oAuthClientCredentials": "oauth-client-credentials",
	"oAuth3LO":               "oauth-3lo",
	"authorizationDiscovery": "oauth-3lo",
	"apiKey":                 "api-key",
	"bearerToken":            "bearer-token",
}

// registeredDetails derives the AdditionalServiceDetails a registration
// reports from the details it was registered with, driven by the model:
// each member of the registered-details shape is taken from the details
// object, else from its authorizationConfig variant, else from the
// member's default; authorizationMethod names the variant. Secrets never
// appear because no registered-details shape has a member for them. It
// returns nil for service types the union has no member for.
func (s *Server) registeredDetails(serviceType string,
	details map[string]any) (json.RawMessage, error) {
	union := s.model.Shape(s.shapeID("AdditionalServiceDetails"))
	mem := union.Member(serviceType)
	if mem == nil {
		return nil, nil
	}

	authKind, authBody := s.authorizationConfig(serviceType, details)
	out := map[string]any{}
	for _, field := range s.model.Shape(mem.Target).Members {
		if v := firstSet(details[field.Name], authBody[field.Name]); v != nil {
			out[field.Name] = v
			continue
		}
		if field.Name == "authorizationMethod" && authMethods[authKind] != "" {
			out[field.Name] = authMethods[authKind]
			continue
		}
		if def, ok := field.Traits[smithymodel.TraitDefault]; ok && field.IsRequired() {
			out[field.Name] = def
		}
	}

	data, err := json.Marshal(map[string]any{serviceType: out})
	if err != nil {
		return nil, fmt.Errorf("emulator: encode %s details: %w", serviceType, err)
	}
	return data, nil
}

// authorizationConfig reads the authorizationConfig member of the details
// of a service type. Where the model makes it a union it returns the
// variant's name and object; where it is a structure, "" and the object.
func (s *Server) authorizationConfig(serviceType string,
	details map[string]any) (string, map[string]any) {
	raw := details["authorizationConfig"]
	union := s.model.Shape(s.shapeID("ServiceDetails"))
	mem := union.Member(serviceType)
	if mem == nil {
		return "", nil
	}
	cfg := s.model.Shape(mem.Target).Member("authorizationConfig")
	if cfg == nil {
		return "", nil
	}

	if s.model.Shape(cfg.Target).Type == "union" {
		return unionVariant(raw)
	}
	obj, _ := raw.(map[string]any)
	return "", obj
}

// unionVariant returns the name and object of the one member set in a
// union value, or "" and nil.
func unionVariant(v any) (string, map[string]any) {
	obj, _ := v.(map[string]any)
	for name, value := range obj {
		if body, ok := value.(map[string]any); ok {
			return name, body
		}
	}
	return "", nil
}

// firstSet returns the first of vs that is not nil, or nil.
func firstSet(vs ...any) any {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}

type serviceIDInput struct {
	ServiceID string `json:"serviceId"`
}

type getServiceOutput struct {
	Service registeredService `json:"service"`
	Tags    map[string]string `json:"tags,omitempty"`
}

// getService implements GetService.
func (s *Server) getService(c *call) (any, error) {
	var in serviceIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	var out getServiceOutput
	err := s.store.view(func(st *state) error {
		rec, ok := st.Services[in.ServiceID]
		if !ok {
			return errNotFound("service %s is not registered", in.ServiceID)
		}
		out.Service, out.Tags = rec.wire(), rec.Tags
		return nil
	})
	return out, err
}

type listServicesInput struct {
	FilterServiceType string `json:"filterServiceType"`
}

type listServicesOutput struct {
	NextToken string              `json:"nextToken,omitempty"`
	Services  []registeredService `json:"services"`
}

// listServices implements ListServices: registered services, oldest
// first, optionally of one service type.
func (s *Server) listServices(c *call) (any, error) {
	var in listServicesInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	params := paramsFingerprint([]string{in.FilterServiceType})
	after, err := c.resumeKey(params)
	if err != nil {
		return nil, err
	}

	out := listServicesOutput{Services: []registeredService{}}
	err = s.store.view(func(st *state) error {
		var items []keyed[registeredService]
		for _, rec := range st.Services {
			if in.FilterServiceType == "" || rec.ServiceType == in.FilterServiceType {
				key := sortKey{rec.CreatedAt.UnixMilli(), rec.Seq}
				items = append(items, keyed[registeredService]{key: key, item: rec.wire()})
			}
		}

		page, next := pageOf(items, false, after, c.pageSize())
		out.Services = append(out.Services, page...)
		out.NextToken = c.nextToken(params, next)
		return nil
	})
	return out, err
}
