package emulator

// This file implements CreateAsset and UpdateAsset. An asset holds files:
// a single file adds or replaces one, a zip archive replaces them all, a
// source URL is recorded (the emulator never fetches it). Every update
// bumps the version and merges metadata: top-level keys present in the
// update replace the stored ones, a null removes one, and the rest stay.

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// maxUnzippedBytes bounds what one zip archive may expand to.
const maxUnzippedBytes = 64 << 20

type assetContent struct {
	File *struct {
		Path string `json:"path"`
		Body struct {
			Bytes []byte  `json:"bytes"`
			Text  *string `json:"text"`
		} `json:"body"`
		Metadata json.RawMessage `json:"metadata"`
	} `json:"file"`
	Zip *struct {
		ZipFile []byte `json:"zipFile"`
	} `json:"zip"`
	SourceURL *struct {
		URL string `json:"url"`
	} `json:"sourceUrl"`
}

type createAssetInput struct {
	AgentSpaceID string          `json:"agentSpaceId"`
	AssetType    string          `json:"assetType"`
	Metadata     json.RawMessage `json:"metadata"`
	Content      assetContent    `json:"content"`
	ClientToken  string          `json:"clientToken"`
}

type assetOutput struct {
	Asset asset `json:"asset"`
}

// createAsset implements CreateAsset: it unpacks the content and stores
// a new asset at version 1.
func (s *Server) createAsset(c *call) (any, error) {
	var in createAssetInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	files, err := unpackContent(in.Content, nil)
	if err != nil {
		return nil, err
	}

	var out assetOutput
	err = s.store.update(func(st *state) error {
		id, err := st.createOnce(s.tokenScope(c, in.AgentSpaceID, in.ClientToken), func() string {
			rec := s.newAsset(st, in, files)
			st.Assets[rec.AssetID] = rec
			return rec.AssetID
		})
		if err != nil {
			return err
		}
		out.Asset = st.Assets[id].wire()
		return nil
	})
	return out, err
}

// newAsset builds the record of a new asset holding files.
func (s *Server) newAsset(st *state, in createAssetInput,
	files map[string]*assetFile) *assetRecord {
	now := s.now()
	rec := &assetRecord{
		Seq: st.nextSeq(), AgentSpaceID: in.AgentSpaceID, AssetID: s.newID(),
		AssetType: in.AssetType, Metadata: in.Metadata, Files: files,
		Version: 1, CreatedAt: now, UpdatedAt: now,
	}
	if rec.Metadata == nil {
		rec.Metadata = json.RawMessage(`{}`)
	}
	if in.Content.SourceURL != nil {
		rec.SourceURL = in.Content.SourceURL.URL
	}
	return rec
}

type updateAssetInput struct {
	AgentSpaceID string          `json:"agentSpaceId"`
	AssetID      string          `json:"assetId"`
	Metadata     json.RawMessage `json:"metadata"`
	Content      *assetContent   `json:"content"`
	ClientToken  string          `json:"clientToken"`
}

// updateAsset implements UpdateAsset (see applyAssetUpdate).
func (s *Server) updateAsset(c *call) (any, error) {
	var in updateAssetInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	var out assetOutput
	err := s.store.update(func(st *state) error {
		rec, err := st.asset(in.AgentSpaceID, in.AssetID)
		if err != nil {
			return err
		}
		err = st.updateOnce(s.tokenScope(c, in.AgentSpaceID, in.ClientToken), rec.AssetID,
			func() error { return s.applyAssetUpdate(rec, in) })
		if err != nil {
			return err
		}
		out.Asset = rec.wire()
		return nil
	})
	return out, err
}

// applyAssetUpdate computes every change first and then applies it, so an
// invalid archive leaves the asset untouched.
func (s *Server) applyAssetUpdate(rec *assetRecord, in updateAssetInput) error {
	files, sourceURL := rec.Files, rec.SourceURL
	if in.Content != nil {
		var err error
		if files, err = unpackContent(*in.Content, rec.Files); err != nil {
			return err
		}
		if in.Content.SourceURL != nil {
			sourceURL = in.Content.SourceURL.URL
		}
	}
	metadata, err := mergeMetadata(rec.Metadata, in.Metadata)
	if err != nil {
		return err
	}

	rec.Files, rec.SourceURL, rec.Metadata = files, sourceURL, metadata
	rec.Version++
	rec.UpdatedAt = s.now()
	return nil
}

// unpackContent returns the files an asset holds after content is applied
// to current (nil for a new asset). current is not modified.
func unpackContent(content assetContent,
	current map[string]*assetFile) (map[string]*assetFile, error) {
	switch {
	case content.File != nil:
		files := make(map[string]*assetFile, len(current)+1)
		for path, f := range current {
			files[path] = f
		}
		data := content.File.Body.Bytes
		if content.File.Body.Text != nil {
			data = []byte(*content.File.Body.Text)
		}
		files[content.File.Path] = &assetFile{Content: data, Metadata: content.File.Metadata}
		return files, nil
	case content.Zip != nil:
		return unzip(content.Zip.ZipFile)
	default:
		return current, nil
	}
}

// unzip reads every regular file of a zip archive.
func unzip(data []byte) (map[string]*assetFile, error) {
	invalid := func(reason string) error {
		return errField("/content/zip/zipFile", "Member must be a zip archive: %s", reason)
	}

	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, invalid("it could not be read")
	}

	files := map[string]*assetFile{}
	var total int64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		content, err := readZipEntry(f, maxUnzippedBytes-total)
		if err != nil {
			return nil, invalid(err.Error())
		}
		total += int64(len(content))
		files[f.Name] = &assetFile{Content: content}
	}
	return files, nil
}

// readZipEntry reads one archive entry, failing once it would take the
// archive past budget bytes in all.
func readZipEntry(f *zip.File, budget int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("entry %s could not be opened", f.Name)
	}
	defer rc.Close()

	content, err := io.ReadAll(io.LimitReader(rc, budget+1))
	if err != nil {
		return nil, fmt.Errorf("entry %s could not be read", f.Name)
	}
	if int64(len(content)) > budget {
		return nil, fmt.Errorf("it expands to more than %d bytes", maxUnzippedBytes)
	}
	return content, nil
}

// mergeMetadata merges update into current as UpdateAsset documents. When
// either is not a JSON object the update replaces the metadata whole.
func mergeMetadata(current, update json.RawMessage) (json.RawMessage, error) {
	if update == nil {
		return current, nil
	}

	var base, patch map[string]json.RawMessage
	if json.Unmarshal(current, &base) != nil || json.Unmarshal(update, &patch) != nil ||
		base == nil || patch == nil {
		return update, nil
	}
	for k, v := range patch {
		if string(v) == "null" {
			delete(base, k)
			continue
		}
		base[k] = v
	}

	merged, err := json.Marshal(base)
	if err != nil {
		return nil, fmt.Errorf("emulator: merge metadata: %w", err)
	}
	return merged, nil
}

// asset finds an asset of an agent space.
func (st *state) asset(agentSpaceID, assetID string) (*assetRecord, error) {
	if err := st.requireAgentSpace(agentSpaceID); err != nil {
		return nil, err
	}
	rec, ok := st.Assets[assetID]
	if !ok || rec.AgentSpaceID != agentSpaceID {
		return nil, errNotFound("asset %s does not exist in agent space %s", assetID, agentSpaceID)
	}
	return rec, nil
}
