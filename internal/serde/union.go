package serde

import (
	"fmt"

	smithy "github.com/aws/smithy-go"

	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
)

// ReadUnion reads a union: a JSON object in which one member should be
// set. For each key whose value is not null, until a known member has been
// read, it calls member, which reads the value and reports true when the
// key names a known member, or returns false without reading anything.
//
// Rules, where smithy-go's reader (which drops unknown members without a
// trace) is not enough:
//   - null members are ignored;
//   - the first known member wins: any later member, known, unknown or a
//     repeat of the same key, is skipped, so that one odd value in a list
//     does not cost the caller the whole page;
//   - a known member wins over an unknown one, whatever their order;
//   - if only unknown members are present, unknown is called once with the
//     first one's key and its JSON value.
//
// The unknown value is kept as sent when d is a RawJSONReader. Otherwise
// (smithy-go's reader, which does not expose a value's bytes) it is
// re-encoded from the parsed JSON: object keys sorted, numbers exact, no
// insignificant space.
func ReadUnion(d smithy.ShapeDeserializer, s *smithy.Schema,
	member func(key string) (bool, error), unknown func(tag string, value []byte),
) error {
	if err := d.ReadMap(s); err != nil {
		return err
	}

	var found bool
	var tag string
	var value []byte
	for {
		key, more, err := d.ReadMapKey(nil)
		if err != nil {
			return err
		}
		if !more {
			break
		}

		null, err := d.ReadNil(s)
		if err != nil {
			return err
		}
		if null {
			continue
		}

		if found {
			if _, err := readRawJSON(d, s); err != nil {
				return err
			}
			continue
		}

		ok, err := member(key)
		if err != nil {
			return err
		}
		if ok {
			found = true
			continue
		}

		raw, err := readRawJSON(d, s)
		if err != nil {
			return err
		}
		if tag == "" {
			tag, value = key, raw
		}
	}

	if !found && tag != "" {
		unknown(tag, value)
	}
	return nil
}

// readRawJSON reads any JSON value and returns its encoding.
func readRawJSON(d smithy.ShapeDeserializer, s *smithy.Schema) ([]byte, error) {
	if r, ok := d.(RawJSONReader); ok {
		return r.ReadRawJSON()
	}

	doc := &internaldocument.Decoded{}
	if err := d.ReadDocument(s, &doc.Value); err != nil {
		return nil, err
	}

	raw, err := doc.MarshalSmithyDocument()
	if err != nil {
		return nil, fmt.Errorf("union %s: re-encode unknown member: %w", shapeName(s), err)
	}
	return raw, nil
}

// shapeName returns the name of the shape s describes; a member schema
// names its target.
func shapeName(s *smithy.Schema) string {
	if s.MemberName() != "" {
		return s.TargetID().Name
	}
	return s.ID().Name
}
