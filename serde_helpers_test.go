package devopsagent

// Helpers of the serde tests (serde_*_test.go, validators_test.go): they
// drive the generated Serialize and Deserialize methods through smithy-go's
// restJson1 protocol, without a client, and fill values for round trips.

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"reflect"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
	smithytraits "github.com/aws/smithy-go/traits"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/document"
)

// encodeRequest serializes in as a request of op.
func encodeRequest(t *testing.T, op *operation, in smithy.Serializable) *smithyhttp.Request {
	t.Helper()
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	require.NoError(t, restjson1.New(nil).SerializeRequest(context.Background(), op.schema, in,
		req))
	return req
}

// bodyOf returns the body of req, or "" when it has none.
func bodyOf(t *testing.T, req *smithyhttp.Request) string {
	t.Helper()
	stream := req.GetStream()
	if stream == nil {
		return ""
	}
	body, err := io.ReadAll(stream)
	require.NoError(t, err)
	return string(body)
}

// bodyOp returns an operation schema whose input and output are shape, so
// that any structure can be written as a request body and read back as a
// response body.
func bodyOp(shape *smithy.Schema) *smithy.OperationSchema {
	op := smithy.NewSchema(smithy.ShapeID{Namespace: "test", Name: "Body"},
		smithy.ShapeTypeOperation, 0,
		&smithytraits.HTTP{Method: "POST", URI: "/", Code: 200})
	return smithy.NewOperationSchema(op, shape, shape)
}

// encodeBody writes v, a structure of shape, as a JSON body.
func encodeBody(t *testing.T, shape *smithy.Schema, v smithy.Serializable) string {
	t.Helper()
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	require.NoError(t, restjson1.New(nil).SerializeRequest(context.Background(), bodyOp(shape), v,
		req))
	return bodyOf(t, req)
}

// decodeBody reads body, a 200 response, into out, a structure of shape.
func decodeBody(shape *smithy.Schema, body string, out smithy.Deserializable) error {
	return decodeResponse(bodyOp(shape), http.StatusOK, nil, body, out)
}

// decodeResponse runs restJson1 response decoding with the error registry.
func decodeResponse(op *smithy.OperationSchema, status int, header http.Header, body string,
	out smithy.Deserializable,
) error {
	if header == nil {
		header = http.Header{}
	}
	resp := &smithyhttp.Response{Response: &http.Response{
		StatusCode: status,
		Header:     header,
		Body:       io.NopCloser(bytes.NewReader([]byte(body))),
	}}
	return restjson1.New(nil).DeserializeResponse(context.Background(), op, typeRegistry, resp, out)
}

// fillTime is the timestamp fill puts in every time field; it has whole
// milliseconds so that it survives both timestamp formats.
var fillTime = time.Date(2026, 1, 2, 15, 4, 5, 123_000_000, time.UTC)

// fill sets every settable field of the structure v points to, and of
// nested structures, lists and maps, to a value derived from the field
// name. Union (interface) fields other than documents are left alone; the
// tests set them.
func fill(v any) {
	fillValue(reflect.ValueOf(v).Elem(), "x")
}

var documentType = reflect.TypeOf((*document.Interface)(nil)).Elem()

func fillValue(v reflect.Value, name string) {
	switch {
	case v.Type() == documentType:
		v.Set(reflect.ValueOf(document.NewLazyDocument(map[string]any{"field": name, "n": 1})))
	case v.Type() == reflect.TypeOf(time.Time{}):
		v.Set(reflect.ValueOf(fillTime))
	}

	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fillValue(v.Field(i), v.Type().Field(i).Name)
			}
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillValue(v.Elem(), name)
	case reflect.String:
		v.SetString(name + "-value")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int32:
		v.SetInt(int64(len(name)))
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte(name))
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillValue(v.Index(0), name)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		elem := reflect.New(v.Type().Elem()).Elem()
		fillValue(elem, name)
		m.SetMapIndex(reflect.ValueOf(name+"-key"), elem)
		v.Set(m)
	}
}

// filled returns a pointer to a filled value of type T.
func filled[T any]() *T {
	v := new(T)
	fill(v)
	return v
}
