// Package codegen generates the typed API of a restJson1 service from its
// Smithy JSON AST model: smithy-go schemas, the types package, one file per
// operation, serializers, deserializers and validators.
//
// The pipeline is load (internal/smithymodel) → resolve (resolve.go builds
// the api view: Go names, types and encodings) → emit (emit_*.go fill the
// templates in templates/) → finish and write (write.go drops unused
// imports, gofmt's and writes). Nothing here names a shape of a particular
// service: adding operations to the model and re-running is all it takes.
package codegen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// Options configures a run of the generator.
type Options struct {
	// ModelPath is the Smithy 2.0 JSON AST file to read.
	ModelPath string

	// OutDir is the root directory of the module to write to.
	OutDir string

	// Module is the import path of the module in OutDir. When empty it is
	// read from OutDir/go.mod.
	Module string

	// Skip, when set, makes an operation that uses an unsupported Smithy
	// feature (event streams, streaming blobs) be left out and reported
	// to Skip instead of failing the whole run.
	Skip func(op string, why error)
}

// Generate reads the model and writes every generated file under OutDir.
func Generate(opts Options) error {
	files, err := Render(opts)
	if err != nil {
		return err
	}
	return writeFiles(opts.OutDir, files)
}

// Render reads the model and returns the generated files without writing
// them, keyed by slash-separated path relative to OutDir.
func Render(opts Options) (map[string][]byte, error) {
	data, err := os.ReadFile(opts.ModelPath)
	if err != nil {
		return nil, fmt.Errorf("codegen: %w", err)
	}
	m, err := smithymodel.Load(data)
	if err != nil {
		return nil, err
	}
	if opts.Module == "" {
		if opts.Module, err = modulePath(opts.OutDir); err != nil {
			return nil, err
		}
	}

	a, err := resolve(m, opts.Module, opts.Skip)
	if err != nil {
		return nil, err
	}
	files, err := a.emit()
	if err != nil {
		return nil, err
	}

	out := map[string][]byte{}
	for _, f := range files {
		done, err := finish(f)
		if err != nil {
			return nil, err
		}
		out[done.path] = done.src
	}
	return out, nil
}

// emit renders every file of the api.
func (a *api) emit() ([]file, error) {
	emitters := []func() ([]file, error){
		one(a.emitSchemas),
		a.emitTypes,
		a.emitTypesSerde,
		a.emitRootSerde,
		a.emitOperations,
		one(a.emitValidators),
		one(a.emitPrinting),
	}

	var files []file
	for _, e := range emitters {
		fs, err := e()
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	return files, nil
}

// one adapts an emitter of a single file.
func one(e func() (file, error)) func() ([]file, error) {
	return func() ([]file, error) {
		f, err := e()
		return []file{f}, err
	}
}

// modulePath reads the module path from dir/go.mod.
func modulePath(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("codegen: find module path: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", fmt.Errorf("codegen: no module line in %s/go.mod", dir)
}
