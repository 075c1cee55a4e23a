// Package apisurface lists the exported declarations of a Go package from
// its source files: constants, variables, types, struct fields,
// functions and methods (interface methods included), each with a
// signature written out in one normal form (parameter names dropped,
// package qualifiers replaced by import paths), so that two packages
// declaring the same API compare equal as text.
package apisurface

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Decl is one exported declaration.
type Decl struct {
	// Name is the declared name; fields and methods are "Type.Name".
	Name string

	// Kind is "const", "var", "type", "alias", "field", "func" or
	// "method".
	Kind string

	// Sig is the function signature, the field's type or the type's
	// definition ("struct" and "interface" for those, whose members are
	// declarations of their own); empty for constants and variables.
	Sig string

	// File is the base name of the declaring file.
	File string

	// Generated is set when the file is marked "Code generated".
	Generated bool
}

// Load returns the exported declarations of the non-test Go files in
// dir, by name.
func Load(dir string) (map[string]Decl, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}

	decls := map[string]Decl{}
	fset := token.NewFileSet()
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		if err := loadFile(fset, path, decls); err != nil {
			return nil, err
		}
	}
	return decls, nil
}

// loadFile adds the exported declarations of one file to decls.
func loadFile(fset *token.FileSet, path string, decls map[string]Decl) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}

	w := writer{imports: importPaths(f)}
	base := Decl{File: filepath.Base(path), Generated: ast.IsGenerated(f)}
	for _, d := range f.Decls {
		for _, decl := range w.decls(d) {
			decl.File, decl.Generated = base.File, base.Generated
			decls[decl.Name] = decl
		}
	}
	return nil
}

// importPaths maps each import's local name to its path.
func importPaths(f *ast.File) map[string]string {
	paths := map[string]string{}
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		name := filepath.Base(path)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		paths[name] = path
	}
	return paths
}

// writer renders declarations of one file.
type writer struct {
	imports map[string]string
}

// decls returns the exported declarations of d.
func (w writer) decls(d ast.Decl) []Decl {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return w.funcDecl(d)
	case *ast.GenDecl:
		return w.genDecl(d)
	}
	return nil
}

func (w writer) funcDecl(d *ast.FuncDecl) []Decl {
	if !d.Name.IsExported() {
		return nil
	}
	if d.Recv == nil {
		return []Decl{{Name: d.Name.Name, Kind: "func", Sig: w.expr(d.Type)}}
	}

	recv := receiverName(d.Recv.List[0].Type)
	if !ast.IsExported(recv) {
		return nil
	}
	return []Decl{{Name: recv + "." + d.Name.Name, Kind: "method", Sig: w.expr(d.Type)}}
}

// receiverName returns the type name of a method receiver.
func receiverName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiverName(e.X)
	case *ast.IndexExpr:
		return receiverName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

func (w writer) genDecl(d *ast.GenDecl) []Decl {
	var out []Decl
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			if s.Name.IsExported() {
				out = append(out, w.typeSpec(s)...)
			}
		case *ast.ValueSpec:
			for _, name := range s.Names {
				if name.IsExported() {
					out = append(out, Decl{Name: name.Name, Kind: d.Tok.String()})
				}
			}
		}
	}
	return out
}

// typeSpec returns a type declaration and, for a struct or interface,
// its exported fields or methods.
func (w writer) typeSpec(s *ast.TypeSpec) []Decl {
	kind := "type"
	if s.Assign.IsValid() {
		kind = "alias"
	}

	switch t := s.Type.(type) {
	case *ast.StructType:
		return append([]Decl{{Name: s.Name.Name, Kind: kind, Sig: "struct"}},
			w.members(s.Name.Name, "field", t.Fields)...)
	case *ast.InterfaceType:
		return append([]Decl{{Name: s.Name.Name, Kind: kind, Sig: "interface"}},
			w.members(s.Name.Name, "method", t.Methods)...)
	}
	return []Decl{{Name: s.Name.Name, Kind: kind, Sig: w.expr(s.Type)}}
}

// members returns the exported fields of a struct or the methods of an
// interface as declarations named "Type.Member"; an embedded member is
// named by its type.
func (w writer) members(typeName, kind string, fields *ast.FieldList) []Decl {
	var out []Decl
	for _, f := range fields.List {
		if len(f.Names) == 0 {
			embedded := w.expr(f.Type)
			out = append(out, Decl{Name: typeName + "." + embedded, Kind: "embedded", Sig: embedded})
			continue
		}
		for _, name := range f.Names {
			if name.IsExported() {
				out = append(out, Decl{Name: typeName + "." + name.Name, Kind: kind, Sig: w.expr(f.Type)})
			}
		}
	}
	return out
}

// expr renders a type expression in normal form.
func (w writer) expr(e ast.Expr) string {
	switch e := e.(type) {
	case nil:
		return ""
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if pkg, ok := e.X.(*ast.Ident); ok {
			if path, ok := w.imports[pkg.Name]; ok {
				return path + "." + e.Sel.Name
			}
		}
		return w.expr(e.X) + "." + e.Sel.Name
	case *ast.StarExpr:
		return "*" + w.expr(e.X)
	case *ast.Ellipsis:
		return "..." + w.expr(e.Elt)
	case *ast.ArrayType:
		return "[" + w.expr(e.Len) + "]" + w.expr(e.Elt)
	case *ast.BasicLit:
		return e.Value
	case *ast.MapType:
		return "map[" + w.expr(e.Key) + "]" + w.expr(e.Value)
	case *ast.ChanType:
		return "chan " + w.expr(e.Value)
	case *ast.FuncType:
		return "func(" + w.fieldTypes(e.Params) + ")" + w.results(e.Results)
	case *ast.InterfaceType:
		if len(e.Methods.List) == 0 {
			return "any"
		}
		return "interface{" + w.inline(e.Methods) + "}"
	case *ast.StructType:
		return "struct{" + w.inline(e.Fields) + "}"
	}
	return fmt.Sprintf("<%T>", e)
}

// fieldTypes renders a parameter list as its types, one per parameter.
func (w writer) fieldTypes(fields *ast.FieldList) string {
	if fields == nil {
		return ""
	}
	var types []string
	for _, f := range fields.List {
		n := max(len(f.Names), 1)
		for range n {
			types = append(types, w.expr(f.Type))
		}
	}
	return strings.Join(types, ", ")
}

func (w writer) results(fields *ast.FieldList) string {
	list := w.fieldTypes(fields)
	switch {
	case list == "":
		return ""
	case strings.Contains(list, ", "):
		return " (" + list + ")"
	}
	return " " + list
}

// inline renders the members of an unnamed struct or interface type,
// sorted, as "Name Type" pairs.
func (w writer) inline(fields *ast.FieldList) string {
	var parts []string
	for _, m := range w.members("", "", fields) {
		parts = append(parts, strings.TrimPrefix(m.Name, ".")+" "+m.Sig)
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}
