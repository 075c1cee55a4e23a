package emulator

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const assetsPath = "/asset/agent-space/default/assets"

func TestAssetLifecycle(t *testing.T) {
	env := newEnv(t, nil)

	created := env.call(t, http.MethodPost, assetsPath, map[string]any{
		"assetType": "runbook", "metadata": map[string]any{"owner": "ops", "tier": 1},
		"content": map[string]any{"file": map[string]any{
			"path": "docs/run book (v1).md", "body": map[string]any{"text": "# Restart"}}},
	})
	requireStatus(t, created, http.StatusCreated)
	require.JSONEq(t, `{"asset":{"assetId":"id-1","assetType":"runbook",
		"metadata":{"owner":"ops","tier":1},"version":1,
		"createdAt":1782907200,"updatedAt":1782907200}}`, string(created.raw))

	env.clock.Advance(2250 * time.Millisecond)
	updated := env.call(t, http.MethodPatch, assetsPath+"/id-1", map[string]any{
		"metadata": map[string]any{"tier": 2, "owner": nil, "reviewed": true},
		"content": map[string]any{"file": map[string]any{
			"path": "bin/tool", "body": map[string]any{"bytes": "AAEC"}}},
	})
	requireStatus(t, updated, http.StatusOK)
	require.JSONEq(t, `{"asset":{"assetId":"id-1","assetType":"runbook",
		"metadata":{"tier":2,"reviewed":true},"version":2,
		"createdAt":1782907200,"updatedAt":1782907202.25}}`, string(updated.raw))

	stored := storedAsset(env, "id-1")
	assert.Equal(t, []byte("# Restart"), stored.Files["docs/run book (v1).md"].Content)
	assert.Equal(t, []byte{0, 1, 2}, stored.Files["bin/tool"].Content)

	zipped := env.call(t, http.MethodPatch, assetsPath+"/id-1", map[string]any{
		"content": map[string]any{"zip": map[string]any{"zipFile": zipOf(t, map[string]string{
			"a.txt": "A", "dir/b.txt": "B"})}},
	})
	requireStatus(t, zipped, http.StatusOK)
	assert.Equal(t, "3", zipped.num(t, "asset", "version"))
	require.JSONEq(t, `{"tier":2,"reviewed":true}`,
		mustJSON(t, dig(t, zipped.body, "asset", "metadata")))
	stored = storedAsset(env, "id-1")
	assert.Equal(t, map[string]*assetFile{
		"a.txt": {Content: []byte("A")}, "dir/b.txt": {Content: []byte("B")},
	}, stored.Files, "a zip replaces every file")

	synced := env.call(t, http.MethodPatch, assetsPath+"/id-1", map[string]any{
		"content": map[string]any{
			"sourceUrl": map[string]any{"url": "https://git.example.com/r.git"}},
	})
	requireStatus(t, synced, http.StatusOK)
	assert.Equal(t, "4", synced.num(t, "asset", "version"))
	assert.Equal(t, "https://git.example.com/r.git", storedAsset(env, "id-1").SourceURL)
}

func TestAssetErrors(t *testing.T) {
	env := newEnv(t, nil)
	created := env.call(t, http.MethodPost, assetsPath, map[string]any{
		"assetType": "skill", "content": map[string]any{"sourceUrl": map[string]any{
			"url": "https://git.example.com/skills.git"}},
	})
	requireStatus(t, created, http.StatusCreated)
	require.JSONEq(t, `{}`, mustJSON(t, dig(t, created.body, "asset", "metadata")),
		"metadata defaults to an empty object")

	notZip := env.call(t, http.MethodPatch, assetsPath+"/id-1", map[string]any{
		"content": map[string]any{"zip": map[string]any{"zipFile": "bm90IGEgemlw"}},
	})
	requireFields(t, notZip, field("/content/zip/zipFile",
		"Member must be a zip archive: it could not be read"))
	assert.Equal(t, 1, storedAsset(env, "id-1").Version, "a failed update changes nothing")

	missing := env.call(t, http.MethodPatch, assetsPath+"/nope", map[string]any{})
	requireError(t, missing, http.StatusNotFound, codeResourceNotFound,
		"asset nope does not exist in agent space default")

	badURL := env.call(t, http.MethodPost, assetsPath, map[string]any{
		"assetType": "skill", "content": map[string]any{"sourceUrl": map[string]any{
			"url": "http://insecure.example.com"}},
	})
	requireFields(t, badURL, field("/content/sourceUrl/url",
		"Member must satisfy regular expression pattern: ^https://.*$"))
}

func zipOf(t *testing.T, files map[string]string) string {
	t.Helper()

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(content))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// storedAsset copies an asset record out of the state, under the lock.
func storedAsset(env *testEnv, id string) assetRecord {
	var rec assetRecord
	_ = env.srv.store.view(func(st *state) error {
		rec = *st.Assets[id]
		return nil
	})
	return rec
}
