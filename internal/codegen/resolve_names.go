package codegen

import (
	"fmt"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file names every shape in Go (type, package and schema variable)
// and rejects models whose names would collide.

// nameShapes gives every shape its Go type name, package and schema
// variable, and rejects names that would collide.
func (a *api) nameShapes() error {
	for _, s := range a.byID {
		a.nameShape(s)
	}
	return a.checkNames()
}

func (a *api) nameShape(s *shape) {
	switch {
	case s.prelude:
		s.schema = "smithyprelude." + s.name
	case s.name == "Service":
		// schemas.Service is the service schema (see the runtime contract).
		s.schema = s.name + exported(s.model.Type)
	default:
		s.schema = s.name
	}

	switch {
	case s.op != nil && s.op.input == s:
		s.goName, s.pkg = inputTypeName(s.op.name), pkgRoot
	case s.op != nil && s.op.output == s:
		s.goName, s.pkg = outputTypeName(s.op.name), pkgRoot
	case s.kind == kindStructure || s.kind == kindUnion || s.kind == kindEnum:
		s.goName, s.pkg = typeName(s.name), pkgTypes
		s.isError = s.model.Traits.Has(smithymodel.TraitError)
	}

	for _, m := range s.members {
		m.schema = s.schema + "_" + m.name
	}
}

// checkNames reports two shapes with one Go name in the same package, or
// two shapes with one schema variable.
func (a *api) checkNames() error {
	goNames := map[string]string{"UnknownUnionMember": "(generated)"}
	schemaNames := map[string]string{"Service": a.service.ID}
	claim := func(names map[string]string, name, owner string) error {
		if prev, ok := names[name]; ok && prev != owner {
			return fmt.Errorf("codegen: %s and %s both map to the Go name %s", prev, owner, name)
		}
		names[name] = owner
		return nil
	}

	for _, s := range a.shapes {
		if err := claim(schemaNames, s.schema, s.model.ID); err != nil {
			return err
		}
		for _, m := range s.members {
			if err := claim(schemaNames, m.schema, s.model.ID+"$"+m.name); err != nil {
				return err
			}
		}
		if s.goName == "" {
			continue
		}
		if err := claim(goNames, fmt.Sprint(s.pkg, ".", s.goName), s.model.ID); err != nil {
			return err
		}
		if s.kind != kindUnion {
			continue
		}
		for _, m := range s.members {
			key := fmt.Sprint(s.pkg, ".", unionMemberType(s.name, m.name))
			if err := claim(goNames, key, s.model.ID+"$"+m.name); err != nil {
				return err
			}
		}
	}
	for _, op := range a.operations {
		if err := claim(schemaNames, op.name, op.model.ID); err != nil {
			return err
		}
		if err := claim(schemaNames, "Op"+op.name, op.model.ID); err != nil {
			return err
		}
		for _, w := range op.waiters {
			key := fmt.Sprint(pkgRoot, ".", w.name, "Waiter")
			if err := claim(goNames, key, op.model.ID+" waiter "+w.name); err != nil {
				return err
			}
		}
	}
	return nil
}
