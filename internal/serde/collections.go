package serde

import (
	smithy "github.com/aws/smithy-go"
)

// ReadList reads a JSON array, calling item once for each element that is
// not null; item reads the element from d.
//
// smithy.ReadList would hand null elements to item (which then fails on a
// dense list) and returns nil when the next element cannot be read. Smithy
// asks clients to tolerate and drop nulls in dense lists, so they are
// skipped here, and every read error is returned.
func ReadList(d smithy.ShapeDeserializer, s *smithy.Schema, item func() error) error {
	if err := d.ReadList(s); err != nil {
		return err
	}

	member := s.ListMember()
	for {
		more, err := d.ReadListItem(member)
		if err != nil || !more {
			return err
		}

		null, err := d.ReadNil(member)
		if err != nil {
			return err
		}
		if null {
			continue
		}
		if err := item(); err != nil {
			return err
		}
	}
}

// ReadMap reads a JSON object as a map, calling entry with each key whose
// value is not null; entry reads the value from d. Null values are dropped,
// as Smithy asks of clients for dense maps.
func ReadMap(d smithy.ShapeDeserializer, s *smithy.Schema, entry func(key string) error) error {
	if err := d.ReadMap(s); err != nil {
		return err
	}

	keySchema, valueSchema := s.MapKey(), s.MapValue()
	for {
		key, more, err := d.ReadMapKey(keySchema)
		if err != nil || !more {
			return err
		}

		null, err := d.ReadNil(valueSchema)
		if err != nil {
			return err
		}
		if null {
			continue
		}
		if err := entry(key); err != nil {
			return err
		}
	}
}
