// Package serde holds the small hand-written helpers that the generated
// serializers, deserializers and validators call. Everything else in
// (de)serialization is smithy-go's schema serde; a helper exists here only
// where smithy-go does not do what this client needs, and its comment says
// why:
//
//   - time.go: date-time text is parsed leniently (lower-case "t" and "z",
//     offsets, any number of fraction digits); smithy-go rejects "z".
//   - union.go: unions keep unknown members as tag plus JSON value and
//     reject two known members; smithy-go silently drops unknown members.
//   - collections.go: lists and maps skip JSON nulls and report read errors
//     that smithy.ReadList and smithy.ReadMap would drop.
//   - document.go: documents are written from the caller's value and read
//     with exact numbers.
//   - scalars.go: enums are read without a temporary string; blobs inside
//     collections are never written as null.
//   - errors.go: validation errors for values that cannot be sent.
//
// TODO: decoding a Task costs about 33 allocations, 30 of them inside
// smithy-go's JSON reader (strings once its 4 KiB arena is full, documents
// parsed into maps). The 20-per-task target needs a ShapeDeserializer of
// our own that slices strings from the body and keeps documents raw.
package serde
