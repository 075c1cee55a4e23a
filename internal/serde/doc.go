// Package serde holds the small hand-written helpers that the generated
// serializers, deserializers and validators call. Everything else in
// (de)serialization is smithy-go's schema serde; a helper exists here only
// where smithy-go does not do what this client needs, and its comment says
// why:
//
//   - time.go: date-time text is parsed leniently (lower-case "t" and "z",
//     offsets, any number of fraction digits); smithy-go rejects "z".
//   - union.go: unions keep unknown members as tag plus JSON value and
//     take the first known member when several are set; smithy-go
//     silently drops unknown members.
//   - collections.go: lists and maps skip JSON nulls and report read errors
//     that smithy.ReadList and smithy.ReadMap would drop.
//   - document.go: documents are written from the caller's value and read
//     with exact numbers.
//   - scalars.go: enums are read without a temporary string; blobs inside
//     collections are never written as null.
//   - errors.go: validation errors for values that cannot be sent.
//
// Readers that can lend or copy a value's bytes (internal/jsonwire's
// decoder, which the client uses for successful responses) are detected
// through two small interfaces: RawJSONReader (documents and unknown union
// members keep their JSON as sent) and TextReader (timestamps are parsed
// without copying their text). With smithy-go's reader the helpers fall
// back to its parsed values.
package serde
