package emulator

// This file implements client-token idempotency. The first call with a
// token records a fingerprint of its input and the resource it created or
// changed. A retry with the same token and the same input gets that
// resource back without a second change; the same token with a different
// input is a ConflictException. A token is forgotten Options.TokenLifetime
// after its first use, and forgotten tokens are swept from the state.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// minTokenSweep is the number of remembered tokens below which no sweep
// of forgotten ones is made.
const minTokenSweep = 1024

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
// it, "" when the token is new, empty or forgotten, or a ConflictException
// when the token was used with a different input.
func (st *state) replay(ts tokenScope) (string, error) {
	if ts.token == "" {
		return "", nil
	}

	key := tokenKey(ts.op, ts.agentSpaceID, ts.token)
	rec, ok := st.Tokens[key]
	if !ok {
		return "", nil
	}
	if ts.forgets(rec) {
		delete(st.Tokens, key)
		return "", nil
	}
	if rec.Fingerprint != ts.fp {
		return "", errConflict("clientToken was already used with a different %s request", ts.op)
	}
	return rec.ResourceID, nil
}

// remember records what a new client token was used for, and sweeps the
// forgotten tokens each time the number remembered has doubled.
func (st *state) remember(ts tokenScope, resourceID string) {
	if ts.token == "" {
		return
	}
	st.Tokens[tokenKey(ts.op, ts.agentSpaceID, ts.token)] = &tokenRecord{
		Fingerprint: ts.fp, ResourceID: resourceID, FirstUsed: ts.at,
	}

	if len(st.Tokens) >= max(st.tokenSweepAt, minTokenSweep) {
		st.sweepTokens(ts)
		st.tokenSweepAt = 2 * len(st.Tokens)
	}
}

// sweepTokens deletes every token ts's clock and lifetime have forgotten.
func (st *state) sweepTokens(ts tokenScope) {
	for key, rec := range st.Tokens {
		if ts.forgets(rec) {
			delete(st.Tokens, key)
		}
	}
}

// tokenScope is what a client token is looked up by: the operation, the
// agent space, the token itself and the fingerprint of the call's input;
// and when it is used, and how long tokens are remembered.
type tokenScope struct {
	op, agentSpaceID, token, fp string
	at                          time.Time
	lifetime                    time.Duration
}

// tokenScope returns the scope of call c's client token, used now.
func (s *Server) tokenScope(c *call, agentSpaceID, token string) tokenScope {
	return tokenScope{op: c.route.name, agentSpaceID: agentSpaceID, token: token,
		fp: fingerprint(c.doc), at: s.now(), lifetime: s.opts.TokenLifetime}
}

// forgets reports whether rec's token has outlived the lifetime by the
// time of ts.
func (ts tokenScope) forgets(rec *tokenRecord) bool {
	return ts.at.Sub(rec.FirstUsed) >= ts.lifetime
}

// createOnce runs a create in an agent space that must exist. A retry of
// an earlier call with the same token returns the id that call created;
// otherwise create makes the resource and returns its id, which the token
// then remembers.
func (st *state) createOnce(ts tokenScope, create func() string) (string, error) {
	if err := st.requireAgentSpace(ts.agentSpaceID); err != nil {
		return "", err
	}
	id, err := st.replay(ts)
	if err != nil || id != "" {
		return id, err
	}

	id = create()
	st.remember(ts, id)
	return id, nil
}

// updateOnce runs change, an update of resource id, unless the call is a
// retry of an earlier one with the same token, which changed it already.
func (st *state) updateOnce(ts tokenScope, id string, change func() error) error {
	replayed, err := st.replay(ts)
	if err != nil || replayed != "" {
		return err
	}

	if err := change(); err != nil {
		return err
	}
	st.remember(ts, id)
	return nil
}
