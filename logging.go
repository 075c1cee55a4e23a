package devopsagent

// This file holds the client's HTTP logging: the Deserialize middleware
// that logs each attempt's request and response as ClientLogMode asks,
// and the logger wrapper that keeps credentials out of signing logs.
//
// smithy-go has a request/response logger (smithyhttp.RequestResponseLogger),
// but it dumps bodies and headers verbatim. Ours hides the values of
// members the model marks sensitive (walking the operation's schemas with
// internal/redact) and the credential headers.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/traits"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/devopsagent-go/devopsagent/internal/redact"
)

// credentialHeaders are always hidden in logs.
var credentialHeaders = []string{"Authorization", "X-Amz-Security-Token"}

// logHTTP is the Deserialize middleware that logs requests and responses.
// It sits closest to the transport, so it sees every attempt's signed
// request and raw response.
type logHTTP struct {
	mode   aws.ClientLogMode
	op     *operation
	errors errorDecoder
}

// ID names the middleware as smithy-go's logger is named.
func (*logHTTP) ID() string { return "RequestResponseLogger" }

// HandleDeserialize logs the request, sends it on, and logs the response.
func (m *logHTTP) HandleDeserialize(
	ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler,
) (middleware.DeserializeOutput, middleware.Metadata, error) {
	logger := middleware.GetLogger(ctx)

	if req, ok := in.Request.(*smithyhttp.Request); ok && m.logsRequest() {
		logger.Logf(logging.Debug, "Request\n%s", m.formatRequest(req))
	}

	out, metadata, err := next.HandleDeserialize(ctx, in)

	// A failed send leaves a placeholder response with no status.
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if ok && resp.StatusCode != 0 && m.logsResponse() {
		logger.Logf(logging.Debug, "Response\n%s", m.formatResponse(resp))
	}
	return out, metadata, err
}

func (m *logHTTP) logsRequest() bool {
	return m.mode.IsRequest() || m.mode.IsRequestWithBody()
}

func (m *logHTTP) logsResponse() bool {
	return m.mode.IsResponse() || m.mode.IsResponseWithBody()
}

// formatRequest renders the request line, headers and, if asked, body.
func (m *logHTTP) formatRequest(req *smithyhttp.Request) string {
	hidden := sensitiveBindings(m.op.schema.Input)

	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", req.Method, hidden.redactURL(req.URL, m.op.schema))
	writeHeaders(&b, req.Header, hidden)

	if m.mode.IsRequestWithBody() {
		b.WriteString("\n")
		b.Write(redact.JSON(m.op.schema.Input, peekRequestBody(req)))
	}
	return b.String()
}

// formatResponse renders the status line, headers and, if asked, body.
// Reading the body for the log replaces it with an in-memory copy.
func (m *logHTTP) formatResponse(resp *smithyhttp.Response) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", resp.Proto, resp.Status)

	if !m.mode.IsResponseWithBody() {
		writeHeaders(&b, resp.Header, sensitiveBindings(m.op.schema.Output))
		return b.String()
	}

	body := bufferBody(resp)
	schema := m.responseSchema(resp, body)
	writeHeaders(&b, resp.Header, sensitiveBindings(schema))
	b.WriteString("\n")
	b.Write(redact.JSON(schema, body))
	return b.String()
}

// responseSchema returns the schema describing a response: the output's
// for a success, the modeled error's for a known error, else nil.
func (m *logHTTP) responseSchema(resp *smithyhttp.Response, body []byte) *smithy.Schema {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return m.op.schema.Output
	}
	if entry := m.errors.lookup(readErrorInfo(resp.Header, body).code); entry != nil {
		return entry.Schema
	}
	return nil
}

// peekRequestBody returns a copy of the request body, rewinding the stream.
// A stream that cannot be rewound is not read.
func peekRequestBody(req *smithyhttp.Request) []byte {
	stream := req.GetStream()
	if stream == nil || !req.IsStreamSeekable() {
		return nil
	}
	body, _ := io.ReadAll(stream)
	_ = req.RewindStream()
	return body
}

// bufferBody reads the response body and puts an in-memory copy back.
// When the read fails, the copy ends with the same error, so that the
// decoder reports the broken body rather than a syntax error about the
// part that arrived; nothing is returned to log then.
func bufferBody(resp *smithyhttp.Response) []byte {
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), failingReader{err}))
		return nil
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return body
}

// failingReader is a reader whose every read fails with err.
type failingReader struct{ err error }

func (r failingReader) Read([]byte) (int, error) { return 0, r.err }

// writeHeaders writes header lines in name order, hiding credential
// headers and those bound to sensitive members.
func writeHeaders(b *strings.Builder, header http.Header, hidden bindings) {
	for _, name := range slices.Sorted(maps.Keys(header)) {
		for _, value := range header[name] {
			if hidden.hidesHeader(name) {
				value = redact.Placeholder
			}
			fmt.Fprintf(b, "%s: %s\n", name, value)
		}
	}
}

// hidesHeader reports whether the header's value must not be logged.
func (b bindings) hidesHeader(name string) bool {
	named := func(h string) bool { return strings.EqualFold(h, name) }
	prefixed := func(p string) bool {
		return len(name) >= len(p) && strings.EqualFold(name[:len(p)], p)
	}
	return slices.ContainsFunc(credentialHeaders, named) ||
		slices.ContainsFunc(b.headers, named) ||
		slices.ContainsFunc(b.headerPrefixes, prefixed)
}

// bindings lists the HTTP places outside the body where a structure puts
// sensitive members.
type bindings struct {
	// headers are header names.
	headers []string

	// headerPrefixes are prefixes of header names.
	headerPrefixes []string

	// queries are query parameter names.
	queries []string

	// allQueries is set when a sensitive map is bound to the query.
	allQueries bool

	// labels is set when a sensitive member is bound to a path label.
	labels bool
}

// sensitiveBindings finds the sensitive members of schema bound to
// headers, query parameters or path labels.
func sensitiveBindings(schema *smithy.Schema) bindings {
	var found bindings
	if schema == nil {
		return found
	}
	for _, m := range schema.Members() {
		if !redact.IsSensitive(m) {
			continue
		}
		found.add(m)
	}
	return found
}

// add records where the sensitive member m is bound, if outside the body.
func (b *bindings) add(m *smithy.Schema) {
	if h, ok := smithy.SchemaTrait[*traits.HTTPHeader](m); ok {
		b.headers = append(b.headers, h.Name)
	}
	if p, ok := smithy.SchemaTrait[*traits.HTTPPrefixHeaders](m); ok {
		b.headerPrefixes = append(b.headerPrefixes, p.Prefix)
	}
	if q, ok := smithy.SchemaTrait[*traits.HTTPQuery](m); ok {
		b.queries = append(b.queries, q.Name)
	}
	if _, ok := smithy.SchemaTrait[*traits.HTTPQueryParams](m); ok {
		b.allQueries = true
	}
	if _, ok := smithy.SchemaTrait[*traits.HTTPLabel](m); ok {
		b.labels = true
	}
}

// redactURL renders u with sensitive query values hidden. When a path
// label is sensitive the path is replaced by the operation's URI
// template, which shows the labels' names instead of their values.
func (b bindings) redactURL(u *url.URL, op *smithy.OperationSchema) string {
	path := u.EscapedPath()
	if h, ok := smithy.SchemaTrait[*traits.HTTP](op.Schema); ok && b.labels {
		path, _, _ = strings.Cut(h.URI, "?")
	}

	query := u.RawQuery
	if len(b.queries) > 0 || b.allQueries {
		query = b.redactQuery(u.Query())
	}
	if query != "" {
		path += "?" + query
	}
	return u.Scheme + "://" + u.Host + path
}

// redactQuery hides the values of sensitive query parameters.
func (b bindings) redactQuery(query url.Values) string {
	for name, values := range query {
		if b.allQueries || slices.Contains(b.queries, name) {
			for i := range values {
				values[i] = redact.Placeholder
			}
		}
	}
	return query.Encode()
}

// scrubbingLogger removes secrets from log lines before passing them on.
// The SigV4 signer logs the canonical request, which contains the session
// token.
type scrubbingLogger struct {
	logger  logging.Logger
	secrets []string
}

// Logf formats the line, replaces each secret by redact.Placeholder and
// logs the result.
func (l scrubbingLogger) Logf(classification logging.Classification, format string, v ...any) {
	line := fmt.Sprintf(format, v...)
	for _, secret := range l.secrets {
		if secret != "" {
			line = strings.ReplaceAll(line, secret, redact.Placeholder)
		}
	}
	l.logger.Logf(classification, "%s", line)
}
