package codegen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// This file turns rendered templates into final files: unused imports are
// dropped (templates list every import a file might need), the source is
// gofmt'd, and files are written only when their content changes. Files
// that an earlier run generated but this run did not are removed.

// finish drops unused imports from f and formats it.
func finish(f file) (file, error) {
	fset := token.NewFileSet()
	tree, err := parser.ParseFile(fset, f.path, f.src, parser.ParseComments)
	if err != nil {
		return f, fmt.Errorf("codegen: parse generated %s: %w\n%s", f.path, err, numbered(f.src))
	}
	dropUnusedImports(fset, tree)

	var buf bytes.Buffer
	if err := format.Node(&buf, fset, tree); err != nil {
		return f, fmt.Errorf("codegen: format %s: %w", f.path, err)
	}
	src, err := format.Source(breakLongLines(buf.Bytes()))
	if err != nil {
		return f, fmt.Errorf("codegen: reformat %s: %w\n%s", f.path, err, numbered(buf.Bytes()))
	}
	return file{path: f.path, src: rewrapComments(src)}, nil
}

// commentWidth is the column that comment text should not pass; a tab
// counts as four columns.
const commentWidth = 80

// commentLine matches a line of comment prose: indentation, "// ", and
// text that starts a paragraph line (not a list item or code block).
var commentLine = regexp.MustCompile(`^(\t*)// ([^\s-].*)$`)

// rewrapComments re-flows comment paragraphs that templates filled with
// names and that run past commentWidth. Other paragraphs are left as
// written.
func rewrapComments(src []byte) []byte {
	lines := strings.Split(string(src), "\n")
	var out []string
	for i := 0; i < len(lines); {
		m := commentLine.FindStringSubmatch(lines[i])
		if m == nil {
			out = append(out, lines[i])
			i++
			continue
		}

		start, indent, words, long := i, m[1], []string{}, false
		for ; i < len(lines); i++ {
			pm := commentLine.FindStringSubmatch(lines[i])
			if pm == nil || pm[1] != indent {
				break
			}
			words = append(words, strings.Fields(pm[2])...)
			long = long || 4*len(indent)+len(lines[i])-len(indent) > commentWidth
		}
		if !long {
			out = append(out, lines[start:i]...)
			continue
		}
		out = append(out, wrapLines(indent, words, commentWidth-4*len(indent)-3)...)
	}
	return []byte(strings.Join(out, "\n"))
}

// wrapLines fills comment lines of at most width columns of text.
func wrapLines(indent string, words []string, width int) []string {
	var out []string
	for _, line := range wrap(strings.Join(words, " "), width) {
		out = append(out, indent+"// "+line)
	}
	return out
}

// dropUnusedImports removes import specs whose package name is never used
// as a selector qualifier. Generated code never names a local variable
// after an imported package, so a qualifier match means the import is
// used. The line of a dropped spec is merged into the next one, so that it
// leaves no blank line inside a group of imports.
func dropUnusedImports(fset *token.FileSet, tree *ast.File) {
	used := map[string]bool{}
	ast.Inspect(tree, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})

	for _, decl := range tree.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.IMPORT {
			continue
		}
		var kept []ast.Spec
		var dropped []int // lines, in increasing order
		for _, spec := range gen.Specs {
			if used[importName(spec.(*ast.ImportSpec))] {
				kept = append(kept, spec)
			} else {
				dropped = append(dropped, fset.Position(spec.Pos()).Line)
			}
		}
		gen.Specs = kept
		for _, line := range slices.Backward(dropped) {
			fset.File(gen.Pos()).MergeLine(line)
		}
	}

	imports := tree.Imports[:0]
	for _, spec := range tree.Imports {
		if used[importName(spec)] {
			imports = append(imports, spec)
		}
	}
	tree.Imports = imports
}

// importName returns the name a file uses for an import: its explicit
// name, or the last element of its path.
func importName(spec *ast.ImportSpec) string {
	if spec.Name != nil {
		return spec.Name.Name
	}
	path, _ := strconv.Unquote(spec.Path.Value)
	return path[strings.LastIndex(path, "/")+1:]
}

// numbered returns src with line numbers, for errors in generated code.
func numbered(src []byte) string {
	var b strings.Builder
	for i, line := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%5d  %s\n", i+1, line)
	}
	return b.String()
}

// writeFiles writes files under dir and removes earlier generated files
// that are no longer produced.
func writeFiles(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)

	produced := map[string]bool{}
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		produced[path] = true
		if err := writeIfChanged(path, files[name]); err != nil {
			return err
		}
	}
	return removeStale(dir, produced)
}

func writeIfChanged(path string, src []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, src) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("codegen: %w", err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return fmt.Errorf("codegen: %w", err)
	}
	return nil
}

// generatedDirs are the directories, relative to the output directory,
// that may hold generated files.
var generatedDirs = []string{".", "types", "internal/schemas"}

// removeStale deletes Go files in generatedDirs that carry the generated
// header but were not produced by this run (an operation or shape was
// removed from the model).
func removeStale(dir string, produced map[string]bool) error {
	var stale []string
	for _, sub := range generatedDirs {
		paths, err := filepath.Glob(filepath.Join(dir, sub, "*.go"))
		if err != nil {
			return fmt.Errorf("codegen: %w", err)
		}
		for _, path := range paths {
			if !produced[path] && isGenerated(path) {
				stale = append(stale, path)
			}
		}
	}

	sort.Strings(stale)
	for _, path := range stale {
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("codegen: remove stale %s: %w", path, err)
		}
	}
	return nil
}

func isGenerated(path string) bool {
	src, err := os.ReadFile(path)
	return err == nil && bytes.HasPrefix(src, []byte(header+"\n"))
}
