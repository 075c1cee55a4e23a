package devopsagent

// This file holds the cache of the credentials a call's optFns set.

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// callCredentials keeps the credentials one call retrieved, so that the
// call's retry attempts sign with them until they expire. Unlike an
// aws.CredentialsCache it retrieves in the caller's goroutine with the
// call's context: cancelling the call cancels the provider's context (a
// provider that ignores it holds the call up, as with the official
// client), and a provider that panics does so where the caller can
// recover.
type callCredentials struct {
	provider aws.CredentialsProvider

	mu        sync.Mutex
	creds     aws.Credentials
	retrieved bool
}

// Retrieve returns the credentials retrieved earlier in the call while
// they are valid, and otherwise asks the provider.
func (c *callCredentials) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c.mu.Lock()
	defer c.mu.Unlock()

	if c.retrieved && !c.creds.Expired() {
		return c.creds, nil
	}
	creds, err := c.provider.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	c.creds, c.retrieved = creds, true
	return creds, nil
}
