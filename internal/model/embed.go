// Package model embeds the DevOps Agent service model, the Smithy JSON AST
// file beside this one, from which every generated file is produced and
// against which the local emulator validates requests. The file is data
// we maintain; the bytes stay unexported so that nothing can change the
// model a running program sees.
package model

import (
	_ "embed"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// modelJSON is the raw Smithy 2.0 JSON AST of the service model.
//
//go:embed devopsagent.json
var modelJSON []byte

// Load parses the embedded model. Each call returns a new Model, so a
// caller may not affect another's.
func Load() (*smithymodel.Model, error) {
	return smithymodel.Load(modelJSON)
}
