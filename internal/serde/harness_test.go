package serde

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
	smithyprelude "github.com/aws/smithy-go/prelude"
	smithytraits "github.com/aws/smithy-go/traits"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/stretchr/testify/require"

	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
)

// The helpers are tested through smithy-go's real restJson1 engine: a
// small hand-made schema and a holder type whose methods call them, as
// generated code does.

func newTestSchema(name string, typ smithy.ShapeType, traits ...smithy.Trait) *smithy.Schema {
	return smithy.NewSchema(smithy.ShapeID{Namespace: "test", Name: name}, typ, 0, traits...)
}

var (
	holderSchema = newTestSchema("Holder", smithy.ShapeTypeStructure)
	unionSchema  = newTestSchema("Choice", smithy.ShapeTypeUnion)
	listSchema   = newTestSchema("Names", smithy.ShapeTypeList)
	mapSchema    = newTestSchema("Counts", smithy.ShapeTypeMap)

	choiceText   = unionSchema.AddMember("text", smithyprelude.String)
	choiceNumber = unionSchema.AddMember("number", smithyprelude.Integer)
	listMember   = listSchema.AddMember("member", smithyprelude.String)
	_            = mapSchema.AddMember("key", smithyprelude.String)
	mapValue     = mapSchema.AddMember("value", smithyprelude.Integer)

	holderChoice = holderSchema.AddMember("choice", unionSchema)
	holderNames  = holderSchema.AddMember("names", listSchema)
	holderCounts = holderSchema.AddMember("counts", mapSchema)
	holderWhen   = holderSchema.AddMember("when", smithyprelude.Timestamp,
		&smithytraits.TimestampFormat{Format: "date-time"})
	holderEpoch = holderSchema.AddMember("epoch", smithyprelude.Timestamp)
	holderHTTP  = holderSchema.AddMember("httpDate", smithyprelude.Timestamp,
		&smithytraits.TimestampFormat{Format: "http-date"})
	holderDoc  = holderSchema.AddMember("doc", smithyprelude.Document)
	holderKind = holderSchema.AddMember("kind", smithyprelude.String)
	holderBlob = holderSchema.AddMember("blob", smithyprelude.Blob)

	testOp = smithy.NewOperationSchema(
		newTestSchema("Op", smithy.ShapeTypeOperation, &smithytraits.HTTP{Method: "POST", URI: "/", Code: 200}),
		holderSchema, holderSchema)
)

// kind is a string enum, as generated enums are.
type kind string

// holder is decoded with the helpers under test.
type holder struct {
	Text       *string
	Number     *int32
	Unknown    string
	UnknownRaw []byte
	Names      []string
	Counts     map[string]int32
	When       *time.Time
	Epoch      *time.Time
	HTTPDate   *time.Time
	Doc        internaldocument.Interface
	Kind       kind
	Blob       []byte
}

func (h *holder) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, holderSchema, func(ms *smithy.Schema) error {
		switch ms {
		case holderChoice:
			return ReadUnion(d, ms, h.readChoice(d), func(tag string, value []byte) {
				h.Unknown, h.UnknownRaw = tag, value
			})
		case holderNames:
			return ReadList(d, ms, func() error {
				h.Names = append(h.Names, "")
				return d.ReadString(listMember, &h.Names[len(h.Names)-1])
			})
		case holderCounts:
			h.Counts = map[string]int32{}
			return ReadMap(d, ms, func(key string) error {
				var n int32
				err := d.ReadInt32(mapValue, &n)
				h.Counts[key] = n
				return err
			})
		case holderWhen:
			h.When = new(time.Time)
			return ReadDateTime(d, ms, h.When)
		case holderEpoch:
			h.Epoch = new(time.Time)
			return ReadEpochSeconds(d, ms, h.Epoch)
		case holderHTTP:
			h.HTTPDate = new(time.Time)
			return ReadHTTPDate(d, ms, h.HTTPDate)
		case holderDoc:
			return ReadDocument(d, ms, &h.Doc)
		case holderKind:
			return ReadEnum(d, ms, &h.Kind)
		case holderBlob:
			return d.ReadBlob(ms, &h.Blob)
		}
		return nil
	})
}

func (h *holder) readChoice(d smithy.ShapeDeserializer) func(string) (bool, error) {
	return func(key string) (bool, error) {
		switch key {
		case "text":
			h.Text = new(string)
			return true, d.ReadString(choiceText, h.Text)
		case "number":
			h.Number = new(int32)
			return true, d.ReadInt32(choiceNumber, h.Number)
		}
		return false, nil
	}
}

func (h *holder) Serialize(s smithy.ShapeSerializer) {
	s.WriteStruct(holderSchema)
	if h.Doc != nil {
		WriteDocument(s, holderDoc, h.Doc)
	}
	if h.Names != nil {
		s.WriteList(holderNames)
		for _, n := range h.Names {
			s.WriteString(listMember, n)
		}
		s.CloseList()
	}
	if h.Blob != nil || h.Kind != "" {
		WriteBlob(s, holderBlob, h.Blob)
	}
	s.CloseStruct()
}

// decode runs body through restJson1 response decoding into a holder.
func decode(t *testing.T, body string) (*holder, error) {
	t.Helper()
	resp := &smithyhttp.Response{Response: &http.Response{
		StatusCode: 200,
		Header:     http.Header{},
		Body:       io.NopCloser(bytes.NewReader([]byte(body))),
	}}
	out := &holder{}
	err := restjson1.New(nil).DeserializeResponse(context.Background(), testOp, &smithy.TypeRegistry{}, resp, out)
	return out, err
}

// encode runs h through restJson1 request encoding and returns the body.
func encode(t *testing.T, h *holder) string {
	t.Helper()
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	require.NoError(t, restjson1.New(nil).SerializeRequest(context.Background(), testOp, h, req))
	body, err := io.ReadAll(req.GetStream())
	require.NoError(t, err)
	return string(body)
}
