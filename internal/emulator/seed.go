package emulator

// This file loads seed data: agent spaces and registered services to
// preload. Services such as github and slack are registered by the real
// service through a browser OAuth flow that no API call can replay, so
// seeding is how the emulator gets them.
//
// Seed file format (JSON; unknown keys are an error, to catch typos):
//
//	{
//	  "agentSpaces": [{"agentSpaceId": "prod"}],
//	  "services": [
//	    {
//	      "serviceId": "github-main",
//	      "serviceType": "github",
//	      "name": "GitHub (octo-org)",
//	      "additionalServiceDetails": {
//	        "github": {"owner": "octo-org", "ownerType": "organization"}
//	      }
//	    },
//	    {
//	      "serviceId": "slack-ops",
//	      "serviceType": "slack",
//	      "additionalServiceDetails": {
//	        "slack": {"teamId": "T0123ABCD", "teamName": "Ops"}
//	      }
//	    }
//	  ]
//	}
//
// A service entry has the members of the model's RegisteredService plus
// "tags", and is validated against it. Applying a seed replaces services
// with the same id and leaves everything else in place, so a seed can be
// applied on top of a saved state at every start.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/devopsagent-go/devopsagent/internal/emulator/validate"
)

// Seed is data to preload into the emulator.
type Seed struct {
	AgentSpaces []SeedAgentSpace `json:"agentSpaces,omitempty"`
	Services    []SeedService    `json:"services,omitempty"`
}

// SeedAgentSpace is an agent space to create.
type SeedAgentSpace struct {
	AgentSpaceID string `json:"agentSpaceId"`
}

// SeedService is a registered service to create, in the wire form
// GetService returns it.
type SeedService struct {
	ServiceID   string `json:"serviceId"`
	ServiceType string `json:"serviceType"`
	Name        string `json:"name,omitempty"`

	// AdditionalServiceDetails is an AdditionalServiceDetails union value,
	// for example {"github": {"owner": "o", "ownerType": "user"}}.
	AdditionalServiceDetails json.RawMessage `json:"additionalServiceDetails,omitempty"`

	AccessibleResources   []json.RawMessage `json:"accessibleResources,omitempty"`
	KmsKeyArn             string            `json:"kmsKeyArn,omitempty"`
	PrivateConnectionName string            `json:"privateConnectionName,omitempty"`
	Tags                  map[string]string `json:"tags,omitempty"`
}

// LoadSeed reads a seed file.
func LoadSeed(path string) (*Seed, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("emulator: read seed: %w", err)
	}

	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	seed := &Seed{}
	if err := dec.Decode(seed); err != nil {
		return nil, fmt.Errorf("emulator: parse seed %s: %w", path, err)
	}
	return seed, nil
}

// ApplySeed adds the seed's agent spaces and services.
func (s *Server) ApplySeed(seed *Seed) error {
	for _, space := range seed.AgentSpaces {
		if err := s.AddAgentSpace(space.AgentSpaceID); err != nil {
			return err
		}
	}
	for _, svc := range seed.Services {
		if err := s.AddService(svc); err != nil {
			return err
		}
	}
	return nil
}

// AddAgentSpace creates an agent space unless it exists.
func (s *Server) AddAgentSpace(id string) error {
	if err := s.checkSeedValue("AgentSpaceId", id); err != nil {
		return fmt.Errorf("emulator: agent space %q: %w", id, err)
	}

	return s.store.update(func(st *state) error {
		if _, ok := st.AgentSpaces[id]; !ok {
			st.AgentSpaces[id] = &agentSpaceRecord{AgentSpaceID: id, CreatedAt: s.now()}
		}
		return nil
	})
}

// AddService registers a service directly, as if its registration had
// completed, replacing the content of any service with the same id.
func (s *Server) AddService(svc SeedService) error {
	tags := svc.Tags
	svc.Tags = nil
	if err := s.checkSeedValue("RegisteredService", svc); err != nil {
		return fmt.Errorf("emulator: service %q: %w", svc.ServiceID, err)
	}
	if err := s.checkSeedValue("Tags", tags); err != nil {
		return fmt.Errorf("emulator: service %q tags: %w", svc.ServiceID, err)
	}

	return s.store.update(func(st *state) error {
		rec := &serviceRecord{
			ServiceID: svc.ServiceID, ServiceType: svc.ServiceType,
			Name: svc.Name, AccessibleResources: svc.AccessibleResources,
			AdditionalServiceDetails: svc.AdditionalServiceDetails, KmsKeyArn: svc.KmsKeyArn,
			PrivateConnectionName: svc.PrivateConnectionName, Tags: tags,
		}
		// A replaced service keeps its place in list order, so page
		// tokens stay valid when a seed is applied again at start.
		if old, ok := st.Services[rec.ServiceID]; ok {
			rec.Seq, rec.CreatedAt = old.Seq, old.CreatedAt
		} else {
			rec.Seq, rec.CreatedAt = st.nextSeq(), s.now()
		}
		st.Services[rec.ServiceID] = rec
		return nil
	})
}

// checkSeedValue validates v, encoded as JSON, against a model shape.
func (s *Server) checkSeedValue(shape string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("decode: %w", err)
	}

	if vs := s.validator.Validate(s.shapeID(shape), doc); len(vs) > 0 {
		return errors.New(validate.Summary(vs))
	}
	return nil
}
