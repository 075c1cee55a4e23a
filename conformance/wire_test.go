package conformance

// How two captured requests are compared: the parts of a request that
// carry the API call (method, host, escaped path, query, Content-Type and
// body), reduced to one comparable value.

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wireForm is the API-relevant part of a request.
type wireForm struct {
	Method      string
	Host        string // URL host; the Host header must agree
	Path        string // escaped, as on the request line
	Query       string // raw, as on the request line
	ContentType string // "" when the header is absent
	Body        string

	// HeaderNames are the names of all headers sent, sorted; the values
	// of most are per call (date, invocation id, signature, user agent).
	HeaderNames   string
	ContentLength int64
}

// wireOf extracts the wire form of a captured request. With canonical
// set, the body is re-encoded with every object's keys sorted: Go ranges
// over maps in random order, so a body holding a map with more than one
// entry has no single expected byte form (facts.md §H.4).
func wireOf(t *testing.T, c captured, canonical bool) wireForm {
	t.Helper()

	if c.req.Host != "" {
		require.Equal(t, c.req.URL.Host, c.req.Host, "Host header vs URL host")
	}

	body := string(c.body)
	if canonical && len(c.body) > 0 {
		body = canonicalJSON(t, c.body)
	}

	names := make([]string, 0, len(c.req.Header))
	for name := range c.req.Header {
		names = append(names, name)
	}
	sort.Strings(names)

	return wireForm{
		Method:        c.req.Method,
		Host:          c.req.URL.Host,
		Path:          c.req.URL.EscapedPath(),
		Query:         c.req.URL.RawQuery,
		ContentType:   c.req.Header.Get("Content-Type"),
		Body:          body,
		HeaderNames:   strings.Join(names, ","),
		ContentLength: c.req.ContentLength,
	}
}

// canonicalJSON re-encodes a JSON document with object keys sorted and
// numbers kept verbatim.
func canonicalJSON(t *testing.T, raw []byte) string {
	t.Helper()

	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v), "body is JSON: %s", raw)

	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return string(bytes.TrimSuffix(out.Bytes(), []byte("\n")))
}

// assertSameRequests checks that both clients sent the same sequence of
// requests and returns our wire forms for further checks.
func assertSameRequests(t *testing.T, theirs, mine []captured, canonical bool) []wireForm {
	t.Helper()

	want := make([]wireForm, len(theirs))
	for i, c := range theirs {
		want[i] = wireOf(t, c, canonical)
	}
	got := make([]wireForm, len(mine))
	for i, c := range mine {
		got[i] = wireOf(t, c, canonical)
	}

	assert.Equal(t, want, got, "requests: official (expected) vs ours (actual)")
	return got
}

// factsForm is the wire form compared with an expectation written from
// facts.md, which says nothing of per-call headers: it checks that the
// Content-Length matches the body and leaves the header list out.
func factsForm(t *testing.T, c captured) wireForm {
	t.Helper()

	w := wireOf(t, c, false)
	assert.Equal(t, int64(len(c.body)), w.ContentLength, "Content-Length")
	w.HeaderNames, w.ContentLength = "", 0
	return w
}
