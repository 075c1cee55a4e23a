// This file maps a ListBacklogTasks response onto our types with the
// scanner. Three choices make it cheap, and each has a cost the real client
// would have to accept or work around:
//   - strings are substrings of one copy of the body (one allocation per
//     page; a kept string keeps the whole page alive);
//   - optional scalars point into slabs allocated 256 at a time (a kept
//     pointer keeps its slab alive);
//   - documents keep their raw JSON bytes and are decoded only when the
//     caller unmarshals them, instead of becoming map[string]any at once.

package prototype

import (
	"encoding/json"
	"fmt"
	"time"

	devopsagent "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/internal/serde"
	"github.com/devopsagent-go/devopsagent/types"
)

// slabSize is how many values each slab allocation holds.
const slabSize = 256

// slab hands out pointers to values allocated slabSize at a time.
type slab[T any] struct {
	free []T
}

// put stores v in the slab and returns a pointer to it.
func (s *slab[T]) put(v T) *T {
	if len(s.free) == 0 {
		s.free = make([]T, slabSize)
	}
	p := &s.free[0]
	*p = v
	s.free = s.free[1:]
	return p
}

// taskDecoder holds the scanner and the slabs of one response.
type taskDecoder struct {
	s     *scanner
	strs  slab[string]
	times slab[time.Time]
	ints  slab[int32]
	refs  slab[types.ReferenceOutput]
}

// DecodeListBacklogTasks decodes a ListBacklogTasks response body into out.
// Unknown members are skipped (after validation); null members are left
// unset; malformed JSON is an error naming the offset.
func DecodeListBacklogTasks(body []byte, out *devopsagent.ListBacklogTasksOutput) error {
	d := &taskDecoder{s: newScanner(body)}
	err := d.s.object(func(key string) error {
		if null, err := d.s.null(); null || err != nil {
			return err
		}

		switch key {
		case "tasks":
			return d.tasks(&out.Tasks)
		case "nextToken":
			return d.str(&out.NextToken)
		}
		return d.s.skipValue(0)
	})
	if err != nil {
		return fmt.Errorf("decode ListBacklogTasks response: %w", err)
	}
	return d.s.end()
}

// tasks reads the task list, skipping null elements.
func (d *taskDecoder) tasks(v *[]types.Task) error {
	list := make([]types.Task, 0, 64)
	err := d.s.array(func() error {
		if null, err := d.s.null(); null || err != nil {
			return err
		}
		list = append(list, types.Task{})
		return d.task(&list[len(list)-1])
	})
	*v = list
	return err
}

// task reads one Task object.
func (d *taskDecoder) task(t *types.Task) error {
	return d.s.object(func(key string) error {
		if null, err := d.s.null(); null || err != nil {
			return err
		}
		return d.taskMember(t, key)
	})
}

// taskMember reads the value of one Task member.
func (d *taskDecoder) taskMember(t *types.Task, key string) error {
	switch key {
	case "agentSpaceId":
		return d.str(&t.AgentSpaceId)
	case "taskId":
		return d.str(&t.TaskId)
	case "executionId":
		return d.str(&t.ExecutionId)
	case "title":
		return d.str(&t.Title)
	case "description":
		return d.str(&t.Description)
	case "reference":
		return d.reference(&t.Reference)
	case "taskType":
		return d.enum((*string)(&t.TaskType))
	case "priority":
		return d.enum((*string)(&t.Priority))
	case "status":
		return d.enum((*string)(&t.Status))
	case "createdAt":
		return d.dateTime(&t.CreatedAt)
	case "updatedAt":
		return d.dateTime(&t.UpdatedAt)
	case "version":
		return d.int32(&t.Version)
	case "supportMetadata":
		return d.document(&t.SupportMetadata)
	case "metadata":
		return d.document(&t.Metadata)
	case "primaryTaskId":
		return d.str(&t.PrimaryTaskId)
	case "statusReason":
		return d.str(&t.StatusReason)
	case "hasLinkedTasks":
		v, err := d.s.bool()
		t.HasLinkedTasks = v
		return err
	}
	return d.s.skipValue(0)
}

// reference reads a ReferenceOutput object.
func (d *taskDecoder) reference(v **types.ReferenceOutput) error {
	r := d.refs.put(types.ReferenceOutput{})
	*v = r
	return d.s.object(func(key string) error {
		if null, err := d.s.null(); null || err != nil {
			return err
		}

		switch key {
		case "system":
			return d.str(&r.System)
		case "title":
			return d.str(&r.Title)
		case "referenceId":
			return d.str(&r.ReferenceId)
		case "referenceUrl":
			return d.str(&r.ReferenceUrl)
		case "associationId":
			return d.str(&r.AssociationId)
		}
		return d.s.skipValue(0)
	})
}

// str reads an optional string member.
func (d *taskDecoder) str(v **string) error {
	s, err := d.s.string()
	if err != nil {
		return err
	}
	*v = d.strs.put(s)
	return nil
}

// enum reads an enum member; unknown values are kept, as the model allows.
func (d *taskDecoder) enum(v *string) error {
	s, err := d.s.string()
	*v = s
	return err
}

// dateTime reads a date-time timestamp member.
func (d *taskDecoder) dateTime(v **time.Time) error {
	s, err := d.s.string()
	if err != nil {
		return err
	}
	t, err := serde.ParseDateTime(s)
	if err != nil {
		return err
	}
	*v = d.times.put(t)
	return nil
}

// int32 reads an optional integer member.
func (d *taskDecoder) int32(v **int32) error {
	n, err := d.s.int32()
	if err != nil {
		return err
	}
	*v = d.ints.put(n)
	return nil
}

// document reads a document member, keeping its raw JSON.
func (d *taskDecoder) document(v *document.Interface) error {
	raw, err := d.s.rawValue()
	if err != nil {
		return err
	}
	*v = document.NewLazyDocument(json.RawMessage(raw))
	return nil
}
