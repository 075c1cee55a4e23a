// Package jsonwire decodes restJson1 response bodies: it implements
// smithy.ShapeDeserializer over a JSON scanner of its own, so that the
// generated Deserialize methods run on it unchanged.
//
// smithy-go's JSON reader is correct but costly for large pages: it
// allocates a string per value once a 4 KiB arena is used up, parses
// every document into maps eagerly, and reads bodies into pooled buffers
// that are capped at 64 KiB and never presized. This package reads the
// body once into a buffer sized from Content-Length, checks the grammar
// in the same pass that decodes, copies strings into chunked arenas (a
// few allocations per page instead of one per string), keeps documents
// and unknown union members as the JSON bytes sent, and finds members
// through a per-schema index rather than a map lookup per key.
//
// Files: scanner.go (grammar, skipping), strings.go (string tokens and
// their text), numbers.go, arena.go, members.go (the member index),
// decoder.go (structures, unions, lists, maps), values.go (scalars,
// timestamps, documents), body.go (entry points, body buffers).
//
// Input is checked as strictly as encoding/json checks it: any byte that
// breaks the grammar is an *Error naming its offset and what was
// expected, and nesting deeper than 1000 levels is refused. Like
// encoding/json, string text has invalid UTF-8 and lone surrogate
// escapes replaced by U+FFFD.
package jsonwire
