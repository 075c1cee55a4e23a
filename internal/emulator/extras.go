package emulator

// This file serves the emulator's own endpoints under /_emulator/, the
// parts of the service that a browser or a third party talks to rather
// than the SDK. They are not signed.
//
//   GET  /_emulator/health               200 {"status":"ok"}
//   GET  /_emulator/oauth/authorize      stands in for a provider's consent
//                                        page: redirects to the callback
//   GET  /_emulator/oauth/callback       completes a pending registration:
//                                        303 to returnToEndpoint, body
//                                        {"serviceId": ...}
//   POST /_emulator/webhooks/{webhookId} accepts an event for a webhook
//                                        handed out by AssociateService
//
// OAuth flow: RegisterService answers additionalStep.oauth.authorizationUrl.
// For an oAuth3LO configuration that URL is the provider's authorization
// URL with response_type, client_id, redirect_uri (this emulator's
// callback), state, scope and, with supportCodeChallenge, a PKCE challenge.
// For authorizationDiscovery it is this emulator's authorize endpoint.
// Calling redirect_uri with the state and any code completes the
// registration, as the provider's redirect would.

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

const (
	extrasPrefix     = "/_emulator/"
	oauthAuthorize   = extrasPrefix + "oauth/authorize"
	oauthCallback    = extrasPrefix + "oauth/callback"
	webhooksPrefix   = extrasPrefix + "webhooks/"
	healthPath       = extrasPrefix + "health"
	offlineScope     = "offline_access"
	emulatedAuthCode = "emulated-authorization-code"
)

// serveExtras answers the paths under extrasPrefix that are not part of
// the API: the health check, the OAuth authorize and callback endpoints
// and webhooks.
func (s *Server) serveExtras(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == healthPath && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	case r.URL.Path == oauthAuthorize && r.Method == http.MethodGet:
		s.serveAuthorize(w, r)
	case r.URL.Path == oauthCallback && r.Method == http.MethodGet:
		s.serveCallback(w, r)
	case strings.HasPrefix(r.URL.Path, webhooksPrefix) && r.Method == http.MethodPost:
		s.serveWebhook(w, r)
	default:
		writeJSON(w, http.StatusNotFound, errorBody{Message: "no such emulator endpoint"})
	}
}

// oauthStep tells whether registering details needs a user's consent: it
// returns the authorizationConfig variant ("oAuth3LO" or
// "authorizationDiscovery") and its object, or "".
func (s *Server) oauthStep(serviceType string, details map[string]any) (string, map[string]any) {
	kind, body := s.authorizationConfig(serviceType, details)
	if kind == "oAuth3LO" || kind == "authorizationDiscovery" {
		return kind, body
	}
	return "", nil
}

// beginOAuth stores rec as pending and returns the step the caller must
// complete in a browser.
func (s *Server) beginOAuth(c *call, rec *serviceRecord, kind string,
	cfg map[string]any) (*additionalStep, error) {
	oauthState := randomSecret(16)
	returnTo, _ := cfg["returnToEndpoint"].(string)

	authURL, err := authorizationURL(c.baseURL, oauthState, kind, cfg)
	if err != nil {
		return nil, err
	}

	err = s.store.update(func(st *state) error {
		st.PendingOAuth[oauthState] = &pendingOAuthRecord{
			State: oauthState, Service: rec, ReturnTo: returnTo,
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	step := &additionalStep{}
	step.OAuth.AuthorizationURL = authURL
	return step, nil
}

// authorizationURL builds the URL the user is sent to for consent.
func authorizationURL(base, oauthState, kind string, cfg map[string]any) (string, error) {
	q := url.Values{}
	q.Set("response_type", "code")
	q.Set("redirect_uri", base+oauthCallback)
	q.Set("state", oauthState)
	if kind == "authorizationDiscovery" {
		return base + oauthAuthorize + "?" + q.Encode(), nil
	}

	raw, _ := cfg["authorizationUrl"].(string)
	u, err := url.Parse(raw)
	if err != nil {
		return "", errField("/serviceDetails", "Member must hold a valid authorizationUrl")
	}

	clientID, _ := cfg["clientId"].(string)
	q.Set("client_id", clientID)
	q.Set("scope", strings.Join(append(stringList(cfg["scopes"]), offlineScope), " "))
	if pkce, _ := cfg["supportCodeChallenge"].(bool); pkce {
		sum := sha256.Sum256([]byte(randomSecret(32)))
		q.Set("code_challenge", base64.RawURLEncoding.EncodeToString(sum[:]))
		q.Set("code_challenge_method", "S256")
	}

	for k, vs := range u.Query() {
		if _, taken := q[k]; !taken {
			q[k] = vs
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// stringList returns the strings of a decoded JSON array, skipping
// anything else; a value that is not an array gives an empty list.
func stringList(v any) []string {
	items, _ := v.([]any)
	out := make([]string, 0, len(items))
	for _, item := range items {
		if s, ok := item.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// serveAuthorize plays the provider's consent page: the user agrees at
// once and is sent back to the callback with a code.
func (s *Server) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	q := url.Values{}
	q.Set("code", emulatedAuthCode)
	q.Set("state", r.URL.Query().Get("state"))
	location := baseURL(r) + oauthCallback + "?" + q.Encode()
	w.Header().Set("Location", location)
	writeJSON(w, http.StatusFound, map[string]string{"location": location})
}

// serveCallback completes a pending registration, or drops it when the
// provider reports that consent was refused.
func (s *Server) serveCallback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	oauthState := q.Get("state")
	refused := q.Get("error") != "" || q.Get("code") == ""
	var pending *pendingOAuthRecord

	err := s.store.update(func(st *state) error {
		pending = st.PendingOAuth[oauthState]
		if pending == nil {
			return errNotFound("no registration is waiting for this OAuth state")
		}
		delete(st.PendingOAuth, oauthState)
		if refused {
			return nil
		}

		rec := pending.Service
		rec.Seq, rec.ServiceID, rec.CreatedAt = st.nextSeq(), s.newID(), s.now()
		st.Services[rec.ServiceID] = rec
		return nil
	})
	switch {
	case err != nil:
		s.writeError(w, s.asAPIError("OAuthCallback", err))
		return
	case refused:
		s.writeError(w, errAccessDenied("authorization was not granted; "+
			"the registration was dropped"))
		return
	}

	if pending.ReturnTo != "" {
		w.Header().Set("Location", pending.ReturnTo)
	}
	writeJSON(w, http.StatusSeeOther, map[string]string{"serviceId": pending.Service.ServiceID})
}

// serveWebhook accepts an event for a known webhook.
// TODO: check the HMAC signature or API key the sender presents; the
// service's scheme for them is not documented.
func (s *Server) serveWebhook(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, webhooksPrefix)
	found := false
	_ = s.store.view(func(st *state) error {
		for _, a := range st.Associations {
			if a.Webhook != nil && a.Webhook.WebhookID == id {
				found = true
			}
		}
		return nil
	})

	if !found {
		writeJSON(w, http.StatusNotFound, errorBody{Message: "no such webhook"})
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "accepted"})
}
