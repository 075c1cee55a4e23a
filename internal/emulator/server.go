// Package emulator is a local stand-in for the AWS DevOps Agent API: an
// http.Handler that speaks the service's restJson1 protocol for its 13
// operations, so the client can be tried and tested without an AWS
// account.
//
// Routing, request binding and validation come from the Smithy model
// (routes.go, input.go, package validate); behaviour lives in one file per
// resource (tasks.go, services.go, associations.go, assets.go); state and
// its persistence in store.go; signature checks in auth.go; the browser
// side of OAuth registration and webhook receivers in extras.go; faults
// queued by tests, and call counts, in faults.go.
//
// The server is safe for concurrent use.
package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/devopsagent-go/devopsagent/internal/emulator/validate"
	"github.com/devopsagent-go/devopsagent/internal/model"
	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// DefaultMaxBodyBytes is the default request body limit: room for the
// largest asset the model allows (6 MiB, base64 encoded) and its JSON.
const DefaultMaxBodyBytes = 10 << 20

// DefaultTokenLifetime is how long a client token is remembered by
// default. The service does not document its window; a few hours covers
// any retry an SDK makes.
const DefaultTokenLifetime = 8 * time.Hour

// DefaultAgentSpaceID names the agent space that exists from the start.
const DefaultAgentSpaceID = "default"

// Options configures a Server. The zero value is a working emulator that
// keeps state in memory and accepts any well-formed signature.
type Options struct {
	// Model is the service model; nil loads the embedded model.
	Model *smithymodel.Model

	// Credentials, when set, turns on signature verification: requests
	// must be signed with this key pair.
	Credentials *Credentials

	// StatePath is a JSON file the state is loaded from at start and
	// saved to after every change; "" keeps state in memory only.
	StatePath string

	// Seed preloads agent spaces and registered services (see Seed).
	Seed *Seed

	// AgentSpaceID names the agent space created at start; "" means
	// DefaultAgentSpaceID.
	AgentSpaceID string

	// MaxBodyBytes limits request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64

	// Now is the clock that stamps resources; nil means time.Now. Times
	// are kept to the millisecond, the precision of the wire formats.
	// Signature times are checked against the wall clock, not this one.
	Now func() time.Time

	// TokenLifetime is how long after its first use a client token is
	// remembered, by the clock Now; 0 or less means DefaultTokenLifetime.
	// A later call with a forgotten token is a new request.
	TokenLifetime time.Duration

	// NewID makes resource ids; nil means random UUIDs.
	NewID func() string

	// Logger receives one line per request (method, path, status, error
	// code); nil logs nothing. Bodies and headers are never logged.
	Logger *slog.Logger
}

// Server is the emulator. Create it with New.
type Server struct {
	opts        Options
	model       *smithymodel.Model
	namespace   string
	routes      []*route
	validator   *validate.Validator
	errorStatus map[string]int
	errorShapes map[string]bool
	store       *store
	faults      *faultQueue
}

// handler implements one operation. It returns the output value to write
// as JSON, or an error (an *apiError, or anything else for a 500).
type handler func(s *Server, c *call) (any, error)

var operationHandlers = map[string]handler{
	"AssociateService":  (*Server).associateService,
	"CreateAsset":       (*Server).createAsset,
	"CreateBacklogTask": (*Server).createBacklogTask,
	"GetAssociation":    (*Server).getAssociation,
	"GetBacklogTask":    (*Server).getBacklogTask,
	"GetService":        (*Server).getService,
	"ListAssociations":  (*Server).listAssociations,
	"ListBacklogTasks":  (*Server).listBacklogTasks,
	"ListServices":      (*Server).listServices,
	"RegisterService":   (*Server).registerService,
	"UpdateAsset":       (*Server).updateAsset,
	"UpdateAssociation": (*Server).updateAssociation,
	"UpdateBacklogTask": (*Server).updateBacklogTask,
}

// New builds a Server: it loads the model, the state file and the seed,
// and makes sure the start-up agent space exists.
func New(opts Options) (*Server, error) {
	opts = withDefaults(opts)
	m := opts.Model
	if m == nil {
		loaded, err := model.Load()
		if err != nil {
			return nil, fmt.Errorf("emulator: load model: %w", err)
		}
		m = loaded
	}

	s := &Server{opts: opts, model: m, faults: newFaultQueue()}
	if err := s.loadModel(); err != nil {
		return nil, err
	}

	st, err := openStore(opts.StatePath, s.now())
	if err != nil {
		return nil, err
	}
	s.store = st

	if err := s.AddAgentSpace(opts.AgentSpaceID); err != nil {
		return nil, err
	}
	if opts.Seed != nil {
		if err := s.ApplySeed(opts.Seed); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// withDefaults fills in the options left at their zero value.
func withDefaults(opts Options) Options {
	if opts.AgentSpaceID == "" {
		opts.AgentSpaceID = DefaultAgentSpaceID
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.TokenLifetime <= 0 {
		opts.TokenLifetime = DefaultTokenLifetime
	}
	if opts.NewID == nil {
		opts.NewID = randomUUID
	}
	return opts
}

// loadModel derives routes, the validator, the error shapes and their
// statuses from the model.
func (s *Server) loadModel() error {
	svc, err := s.model.Service()
	if err != nil {
		return fmt.Errorf("emulator: %w", err)
	}
	s.namespace = svc.Namespace()

	if s.routes, err = buildRoutes(s.model, operationHandlers); err != nil {
		return err
	}
	if s.validator, err = validate.New(s.model); err != nil {
		return fmt.Errorf("emulator: %w", err)
	}

	s.errorStatus, s.errorShapes = map[string]int{}, map[string]bool{}
	for _, id := range s.model.ShapeIDs() {
		var code int
		shape := s.model.Shape(id)
		if shape.Traits.Has(smithymodel.TraitError) {
			s.errorShapes[shape.Name()] = true
		}
		if ok, err := shape.Traits.Decode(smithymodel.TraitHTTPError, &code); ok && err == nil {
			s.errorStatus[shape.Name()] = code
		}
	}
	return nil
}

// shapeID returns the absolute id of a shape of the service's namespace.
func (s *Server) shapeID(name string) string {
	return s.namespace + "#" + name
}

// now reads the clock, in UTC, to the millisecond.
func (s *Server) now() time.Time {
	return s.opts.Now().UTC().Truncate(time.Millisecond)
}

// newID makes a resource id with the configured generator.
func (s *Server) newID() string {
	return s.opts.NewID()
}

// ServeHTTP answers one request. Every response carries a request id.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(headerRequestID, randomUUID())
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}

	if strings.HasPrefix(r.URL.Path, extrasPrefix) {
		s.serveExtras(rec, r)
	} else {
		s.serveAPI(rec, r)
	}

	if s.opts.Logger != nil {
		s.opts.Logger.Info("request", "method", r.Method, "path", r.URL.Path,
			"status", rec.status, "error", rec.Header().Get(headerErrorType))
	}
}

// serveAPI answers an API request: the operation's output as JSON, or a
// restJson1 error.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	out, status, err := s.handleAPI(w, r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	writeJSON(w, status, out)
}

// handleAPI runs the steps of an API call: read the body, check the
// signature, route, answer a queued fault (see FailNext), check the media
// type, bind and validate the input, run the operation.
func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) (any, int, *apiError) {
	body, apiErr := s.readBody(w, r)
	if apiErr != nil {
		return nil, 0, apiErr
	}
	if apiErr := s.authenticate(r, body); apiErr != nil {
		return nil, 0, apiErr
	}

	rt, labels, ok := matchRoute(s.routes, r.Method, r.URL)
	if !ok {
		return nil, 0, newError(codeUnknownOperation, "no operation matches %s %s",
			r.Method, r.URL.Path)
	}
	if fault := s.faults.take(rt.name); fault != nil {
		return nil, 0, fault
	}
	if apiErr := checkContentType(rt, r.Header, body); apiErr != nil {
		return nil, 0, apiErr
	}
	doc, apiErr := inputDocument(rt, labels, r.URL.Query(), body)
	if apiErr != nil {
		return nil, 0, apiErr
	}
	if vs := s.validator.Validate(rt.input.ID, doc); len(vs) > 0 {
		return nil, 0, errInvalid(vs...)
	}
	s.validator.DropUnknown(rt.input.ID, doc)

	c := &call{route: rt, doc: doc, baseURL: baseURL(r)}
	out, err := rt.handler(s, c)
	if err != nil {
		return nil, 0, s.asAPIError(rt.name, err)
	}
	return out, rt.code, nil
}

// asAPIError passes modeled errors through and hides anything else behind
// an InternalServerException, logging the cause.
func (s *Server) asAPIError(op string, err error) *apiError {
	var apiErr *apiError
	if errors.As(err, &apiErr) {
		return apiErr
	}
	if s.opts.Logger != nil {
		s.opts.Logger.Error("operation failed", "operation", op, "error", err)
	}
	return newError(codeInternal, "the emulator failed to process the request")
}

// readBody reads the whole body, answering ContentSizeExceededException
// when it is larger than the limit.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *apiError) {
	limit := s.opts.MaxBodyBytes
	tooLarge := newError(codeContentSize, "request body is larger than %d bytes", limit)
	if r.ContentLength > limit {
		return nil, tooLarge
	}

	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) {
		return nil, tooLarge
	}
	if err != nil {
		return nil, newError(codeSerialization, "request body could not be read")
	}
	return data, nil
}

// baseURL is the emulator's root URL as the caller reached it, with a
// "cp."/"dp." host prefix removed.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := strings.TrimPrefix(strings.TrimPrefix(r.Host, "cp."), "dp.")
	return scheme + "://" + host
}

// statusRecorder remembers the status written, for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the status and passes it on.
func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// randomUUID returns a random (version 4) UUID.
func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// randomSecret returns n random bytes, hex encoded.
func randomSecret(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
