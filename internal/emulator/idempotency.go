package emulator

// This file implements client-token idempotency. The first call with a
// token records a fingerprint of its input and the resource it created or
// changed. A retry with the same token and the same input gets that
// resource back without a second change; the same token with a different
// input is a ConflictException.
//
// TODO: tokens are kept forever; the service forgets them after some hours.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// fingerprint hashes the input document without its client token.
// encoding/json writes map keys sorted, so equal inputs hash equally.
func fingerprint(doc map[string]any) string {
	rest := make(map[string]any, len(doc))
	for k, v := range doc {
		if k != "clientToken" {
			rest[k] = v
		}
	}

	data, _ := json.Marshal(rest) // decoded JSON always re-encodes
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// tokenKey is the key a client token is stored under: tokens are scoped
// by operation and agent space.
func tokenKey(op, agentSpaceID, token string) string {
	return op + "/" + agentSpaceID + "/" + token
}

// replay looks a client token up. It returns the resource id recorded for
// it, "" when the token is new (or empty), or a ConflictException when the
// token was used with a different input.
func (st *state) replay(op, agentSpaceID, token, fp string) (string, error) {
	if token == "" {
		return "", nil
	}

	rec, ok := st.Tokens[tokenKey(op, agentSpaceID, token)]
	if !ok {
		return "", nil
	}
	if rec.Fingerprint != fp {
		return "", errConflict("clientToken was already used with a different %s request", op)
	}
	return rec.ResourceID, nil
}

// remember records what a new client token was used for.
func (st *state) remember(op, agentSpaceID, token, fp, resourceID string) {
	if token == "" {
		return
	}
	st.Tokens[tokenKey(op, agentSpaceID, token)] = &tokenRecord{
		Fingerprint: fp, ResourceID: resourceID,
	}
}

// tokenScope is what a client token is looked up by: the operation, the
// agent space, the token itself and the fingerprint of the call's input.
type tokenScope struct {
	op, agentSpaceID, token, fp string
}

// tokenScope returns the scope of the call's client token.
func (c *call) tokenScope(agentSpaceID, token string) tokenScope {
	return tokenScope{op: c.route.name, agentSpaceID: agentSpaceID, token: token,
		fp: fingerprint(c.doc)}
}

// createOnce runs a create in an agent space that must exist. A retry of
// an earlier call with the same token returns the id that call created;
// otherwise create makes the resource and returns its id, which the token
// then remembers.
func (st *state) createOnce(ts tokenScope, create func() string) (string, error) {
	if err := st.requireAgentSpace(ts.agentSpaceID); err != nil {
		return "", err
	}
	id, err := st.replay(ts.op, ts.agentSpaceID, ts.token, ts.fp)
	if err != nil || id != "" {
		return id, err
	}

	id = create()
	st.remember(ts.op, ts.agentSpaceID, ts.token, ts.fp, id)
	return id, nil
}

// updateOnce runs change, an update of resource id, unless the call is a
// retry of an earlier one with the same token, which changed it already.
func (st *state) updateOnce(ts tokenScope, id string, change func() error) error {
	replayed, err := st.replay(ts.op, ts.agentSpaceID, ts.token, ts.fp)
	if err != nil || replayed != "" {
		return err
	}

	if err := change(); err != nil {
		return err
	}
	st.remember(ts.op, ts.agentSpaceID, ts.token, ts.fp, id)
	return nil
}
