package emulator

// This file holds the emulator's state and its persistence. All state
// lives in one value behind one mutex; when a state file is configured,
// every change is written to it atomically (temporary file, fsync, rename)
// before the request is answered, so a restart loses nothing.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// stateVersion is the format version of the state file.
const stateVersion = 1

// state is everything the emulator remembers. Maps are keyed by id.
type state struct {
	Version int `json:"version"`

	// Seq numbers every created record; it breaks ties between records
	// created in the same millisecond, which keeps page order total.
	Seq int64 `json:"seq"`

	AgentSpaces  map[string]*agentSpaceRecord   `json:"agentSpaces"`
	Services     map[string]*serviceRecord      `json:"services"`
	PendingOAuth map[string]*pendingOAuthRecord `json:"pendingOAuth"`
	Associations map[string]*associationRecord  `json:"associations"`
	Tasks        map[string]*taskRecord         `json:"tasks"`
	Assets       map[string]*assetRecord        `json:"assets"`
	Tokens       map[string]*tokenRecord        `json:"idempotencyTokens"`

	// tokenSweepAt is the number of remembered tokens at which the next
	// sweep of forgotten ones is made; it is not saved.
	tokenSweepAt int
}

// newState returns an empty state of the current format.
func newState() *state {
	st := &state{Version: stateVersion}
	st.fillMaps()
	return st
}

// fillMaps makes every map non-nil, for states read from older files.
func (st *state) fillMaps() {
	if st.AgentSpaces == nil {
		st.AgentSpaces = map[string]*agentSpaceRecord{}
	}
	if st.Services == nil {
		st.Services = map[string]*serviceRecord{}
	}
	if st.PendingOAuth == nil {
		st.PendingOAuth = map[string]*pendingOAuthRecord{}
	}
	if st.Associations == nil {
		st.Associations = map[string]*associationRecord{}
	}
	if st.Tasks == nil {
		st.Tasks = map[string]*taskRecord{}
	}
	if st.Assets == nil {
		st.Assets = map[string]*assetRecord{}
	}
	if st.Tokens == nil {
		st.Tokens = map[string]*tokenRecord{}
	}
}

// checkRecords reports a record saved as null, which no version writes.
func (st *state) checkRecords() error {
	return errors.Join(
		nullRecord("agentSpaces", st.AgentSpaces),
		nullRecord("services", st.Services),
		nullRecord("pendingOAuth", st.PendingOAuth),
		nullRecord("associations", st.Associations),
		nullRecord("tasks", st.Tasks),
		nullRecord("assets", st.Assets),
		nullRecord("idempotencyTokens", st.Tokens),
	)
}

// nullRecord returns an error naming the first key, in sorted order, of a
// null record of m, the map saved under name, or nil when there is none.
func nullRecord[R any](name string, m map[string]*R) error {
	var nulls []string
	for key, rec := range m {
		if rec == nil {
			nulls = append(nulls, key)
		}
	}
	if len(nulls) == 0 {
		return nil
	}
	return fmt.Errorf("%s %q is null", name, slices.Min(nulls))
}

// dateTokens gives the tokens saved without a time of first use (by
// versions that kept tokens forever) or with one after at, the time the
// state is loaded, that time. It reports whether it changed any, so
// that the new dates can be saved and a later load does not move them.
func (st *state) dateTokens(at time.Time) bool {
	changed := false
	for _, rec := range st.Tokens {
		if rec.FirstUsed.IsZero() || rec.FirstUsed.After(at) {
			rec.FirstUsed, changed = at, true
		}
	}
	return changed
}

// nextSeq returns a new sequence number.
func (st *state) nextSeq() int64 {
	st.Seq++
	return st.Seq
}

// store guards the state and persists it.
type store struct {
	mu   sync.Mutex
	path string
	st   *state
}

// openStore loads the state file at path, or starts empty when path is "",
// the file does not exist yet or it is empty (as after `touch`). Client
// tokens saved without the time of their first use, or with one after
// loaded, count as first used at loaded.
func openStore(path string, loaded time.Time) (*store, error) {
	s := &store{path: path, st: newState()}
	if path == "" {
		return s, nil
	}

	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("emulator: read state: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return s, nil
	}

	st := &state{}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("emulator: parse state %s: %w", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("emulator: state %s has format version %d, want %d",
			path, st.Version, stateVersion)
	}
	st.fillMaps()
	if err := st.checkRecords(); err != nil {
		return nil, fmt.Errorf("emulator: state %s: %w", path, err)
	}
	s.st = st
	if st.dateTokens(loaded) {
		if err := s.save(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// view runs fn with the state locked for reading.
func (s *store) view(fn func(st *state) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn(s.st)
}

// update runs fn with the state locked and saves the state when fn
// succeeds. fn must check everything before it changes anything, so that
// an error leaves the state as it was. When saving fails, the change stays
// in memory and the caller gets the error.
func (s *store) update(fn func(st *state) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()

	if err := fn(s.st); err != nil {
		return err
	}
	return s.save()
}

// save writes the state atomically. The caller holds the lock.
func (s *store) save() error {
	if s.path == "" {
		return nil
	}

	data, err := json.Marshal(s.st)
	if err != nil {
		return fmt.Errorf("emulator: encode state: %w", err)
	}
	if err := writeFileAtomic(s.path, data); err != nil {
		return fmt.Errorf("emulator: save state: %w", err)
	}
	return nil
}

// writeFileAtomic replaces path with data so that readers see either the
// old or the new content, never a partial file.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed

	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
