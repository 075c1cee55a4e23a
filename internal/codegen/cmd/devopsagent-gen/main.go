// Command devopsagent-gen generates the typed API of the module from the
// Smithy JSON AST model. The module runs it through go generate (see
// generate.go at the module root):
//
//	go run ./internal/codegen/cmd/devopsagent-gen -model internal/model/devopsagent.json -out .
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/devopsagent-go/devopsagent/internal/codegen"
)

func main() {
	var opts codegen.Options
	flag.StringVar(&opts.ModelPath, "model", "", "Smithy JSON AST model file (required)")
	flag.StringVar(&opts.OutDir, "out", ".", "root directory of the module to write to")
	flag.StringVar(&opts.Module, "module", "", "module import path (default: read from <out>/go.mod)")
	skip := flag.Bool("skip-unsupported", false,
		"leave out operations that use unsupported features instead of failing")
	flag.Parse()

	if opts.ModelPath == "" {
		fmt.Fprintln(os.Stderr, "devopsagent-gen: -model is required")
		flag.Usage()
		os.Exit(2)
	}
	if *skip {
		opts.Skip = func(op string, why error) {
			fmt.Fprintf(os.Stderr, "devopsagent-gen: skipping operation %s: %v\n", op, why)
		}
	}
	if err := codegen.Generate(opts); err != nil {
		fmt.Fprintln(os.Stderr, "devopsagent-gen:", err)
		os.Exit(1)
	}
}
