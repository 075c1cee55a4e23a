package emulator

// This file defines what the emulator stores for each resource and how a
// stored record is written on the wire. Records keep exact times; the wire
// forms follow the model: date-time strings for tasks and associations,
// epoch-seconds numbers for assets.

import (
	"encoding/json"
	"strconv"
	"time"
)

type agentSpaceRecord struct {
	AgentSpaceID string    `json:"agentSpaceId"`
	CreatedAt    time.Time `json:"createdAt"`
}

type serviceRecord struct {
	Seq                      int64             `json:"seq"`
	ServiceID                string            `json:"serviceId"`
	ServiceType              string            `json:"serviceType"`
	Name                     string            `json:"name,omitempty"`
	AccessibleResources      []json.RawMessage `json:"accessibleResources,omitempty"`
	AdditionalServiceDetails json.RawMessage   `json:"additionalServiceDetails,omitempty"`
	KmsKeyArn                string            `json:"kmsKeyArn,omitempty"`
	PrivateConnectionName    string            `json:"privateConnectionName,omitempty"`
	Tags                     map[string]string `json:"tags,omitempty"`
	CreatedAt                time.Time         `json:"createdAt"`
}

// registeredService is the wire form of RegisteredService.
type registeredService struct {
	ServiceID                string            `json:"serviceId"`
	ServiceType              string            `json:"serviceType"`
	Name                     string            `json:"name,omitempty"`
	AccessibleResources      []json.RawMessage `json:"accessibleResources,omitempty"`
	AdditionalServiceDetails json.RawMessage   `json:"additionalServiceDetails,omitempty"`
	KmsKeyArn                string            `json:"kmsKeyArn,omitempty"`
	PrivateConnectionName    string            `json:"privateConnectionName,omitempty"`
}

// wire returns the service as GetService and ListServices show it.
func (r *serviceRecord) wire() registeredService {
	return registeredService{
		ServiceID: r.ServiceID, ServiceType: r.ServiceType, Name: r.Name,
		AccessibleResources:      r.AccessibleResources,
		AdditionalServiceDetails: r.AdditionalServiceDetails,
		KmsKeyArn:                r.KmsKeyArn, PrivateConnectionName: r.PrivateConnectionName,
	}
}

// pendingOAuthRecord is a registration waiting for its OAuth consent.
type pendingOAuthRecord struct {
	State    string         `json:"state"`
	Service  *serviceRecord `json:"service"`
	ReturnTo string         `json:"returnTo"`
}

type associationRecord struct {
	Seq           int64           `json:"seq"`
	AssociationID string          `json:"associationId"`
	AgentSpaceID  string          `json:"agentSpaceId"`
	ServiceID     string          `json:"serviceId"`
	ConfigType    string          `json:"configType"`
	Configuration json.RawMessage `json:"configuration"`
	Capabilities  json.RawMessage `json:"capabilities,omitempty"`
	Status        string          `json:"status"`
	Webhook       *webhookRecord  `json:"webhook,omitempty"`
	CreatedAt     time.Time       `json:"createdAt"`
	UpdatedAt     time.Time       `json:"updatedAt"`
}

// association is the wire form of Association.
type association struct {
	AgentSpaceID  string          `json:"agentSpaceId"`
	CreatedAt     string          `json:"createdAt"`
	UpdatedAt     string          `json:"updatedAt"`
	Status        string          `json:"status,omitempty"`
	AssociationID string          `json:"associationId"`
	ServiceID     string          `json:"serviceId"`
	Configuration json.RawMessage `json:"configuration"`
	Capabilities  json.RawMessage `json:"capabilities,omitempty"`
}

// wire returns the association as the association operations show it.
func (r *associationRecord) wire() association {
	return association{
		AgentSpaceID: r.AgentSpaceID, AssociationID: r.AssociationID, ServiceID: r.ServiceID,
		CreatedAt: dateTime(r.CreatedAt), UpdatedAt: dateTime(r.UpdatedAt),
		Status: r.Status, Configuration: r.Configuration, Capabilities: r.Capabilities,
	}
}

// webhookRecord is the endpoint an event-channel style association
// receives events on. It is also the wire form of GenericWebhook.
type webhookRecord struct {
	WebhookURL    string `json:"webhookUrl"`
	WebhookID     string `json:"webhookId"`
	WebhookType   string `json:"webhookType"`
	WebhookSecret string `json:"webhookSecret,omitempty"`
	APIKey        string `json:"apiKey,omitempty"`
}

// withoutSecrets is the webhook as later calls show it: the secret and
// the API key are handed out once, when the webhook is created.
func (w *webhookRecord) withoutSecrets() *webhookRecord {
	if w == nil {
		return nil
	}
	return &webhookRecord{
		WebhookURL: w.WebhookURL, WebhookID: w.WebhookID, WebhookType: w.WebhookType,
	}
}

type taskRecord struct {
	Seq            int64          `json:"seq"`
	AgentSpaceID   string         `json:"agentSpaceId"`
	TaskID         string         `json:"taskId"`
	ExecutionID    string         `json:"executionId,omitempty"`
	Title          string         `json:"title"`
	Description    string         `json:"description,omitempty"`
	Reference      *taskReference `json:"reference,omitempty"`
	TaskType       string         `json:"taskType"`
	Priority       string         `json:"priority"`
	Status         string         `json:"status"`
	StatusReason   string         `json:"statusReason,omitempty"`
	PrimaryTaskID  string         `json:"primaryTaskId,omitempty"`
	HasLinkedTasks bool           `json:"hasLinkedTasks"`
	Version        int            `json:"version"`
	CreatedAt      time.Time      `json:"createdAt"`
	UpdatedAt      time.Time      `json:"updatedAt"`
}

// taskReference is both ReferenceInput and ReferenceOutput on the wire.
type taskReference struct {
	System        string `json:"system"`
	Title         string `json:"title,omitempty"`
	ReferenceID   string `json:"referenceId"`
	ReferenceURL  string `json:"referenceUrl"`
	AssociationID string `json:"associationId"`
}

// task is the wire form of Task.
type task struct {
	AgentSpaceID   string         `json:"agentSpaceId"`
	TaskID         string         `json:"taskId"`
	ExecutionID    string         `json:"executionId,omitempty"`
	Title          string         `json:"title"`
	Description    string         `json:"description,omitempty"`
	Reference      *taskReference `json:"reference,omitempty"`
	TaskType       string         `json:"taskType"`
	Priority       string         `json:"priority"`
	Status         string         `json:"status"`
	CreatedAt      string         `json:"createdAt"`
	UpdatedAt      string         `json:"updatedAt"`
	Version        int            `json:"version"`
	PrimaryTaskID  string         `json:"primaryTaskId,omitempty"`
	StatusReason   string         `json:"statusReason,omitempty"`
	HasLinkedTasks bool           `json:"hasLinkedTasks"`
}

// wire returns the task as the backlog task operations show it.
func (r *taskRecord) wire() task {
	return task{
		AgentSpaceID: r.AgentSpaceID, TaskID: r.TaskID, ExecutionID: r.ExecutionID,
		Title: r.Title, Description: r.Description, Reference: r.Reference,
		TaskType: r.TaskType, Priority: r.Priority, Status: r.Status,
		CreatedAt: dateTime(r.CreatedAt), UpdatedAt: dateTime(r.UpdatedAt),
		Version: r.Version, PrimaryTaskID: r.PrimaryTaskID,
		StatusReason: r.StatusReason, HasLinkedTasks: r.HasLinkedTasks,
	}
}

type assetRecord struct {
	Seq          int64                 `json:"seq"`
	AgentSpaceID string                `json:"agentSpaceId"`
	AssetID      string                `json:"assetId"`
	AssetType    string                `json:"assetType"`
	Metadata     json.RawMessage       `json:"metadata"`
	Files        map[string]*assetFile `json:"files,omitempty"`
	SourceURL    string                `json:"sourceUrl,omitempty"`
	Version      int                   `json:"version"`
	CreatedAt    time.Time             `json:"createdAt"`
	UpdatedAt    time.Time             `json:"updatedAt"`
}

// assetFile is one file of an asset's content.
type assetFile struct {
	Content  []byte          `json:"content"`
	Metadata json.RawMessage `json:"metadata,omitempty"`
}

// asset is the wire form of Asset.
type asset struct {
	AssetID   string          `json:"assetId"`
	AssetType string          `json:"assetType"`
	Metadata  json.RawMessage `json:"metadata"`
	Version   int             `json:"version"`
	CreatedAt json.Number     `json:"createdAt"`
	UpdatedAt json.Number     `json:"updatedAt"`
}

// wire returns the asset as CreateAsset and UpdateAsset show it.
func (r *assetRecord) wire() asset {
	return asset{
		AssetID: r.AssetID, AssetType: r.AssetType, Metadata: r.Metadata,
		Version: r.Version, CreatedAt: epochSeconds(r.CreatedAt),
		UpdatedAt: epochSeconds(r.UpdatedAt),
	}
}

// tokenRecord remembers what a client token was first used for, and when.
type tokenRecord struct {
	Fingerprint string    `json:"fingerprint"`
	ResourceID  string    `json:"resourceId"`
	FirstUsed   time.Time `json:"firstUsed"`
}

// dateTime formats t as a Smithy date-time: RFC 3339 in UTC with at most
// millisecond precision.
func dateTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.999Z")
}

// epochSeconds formats t as Smithy epoch-seconds with millisecond
// precision, the restJson1 default for timestamps without a format.
func epochSeconds(t time.Time) json.Number {
	ms := t.UnixMilli()
	return json.Number(strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64))
}
