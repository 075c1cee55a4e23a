// Package model embeds the DevOps Agent service model, the Smithy JSON AST
// file beside this one, from which every generated file is produced and
// against which the local emulator validates requests.
package model

import (
	_ "embed"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// JSON is the raw Smithy 2.0 JSON AST of the service model.
//
//go:embed devopsagent.json
var JSON []byte

// Load parses the embedded model.
func Load() (*smithymodel.Model, error) {
	return smithymodel.Load(JSON)
}
