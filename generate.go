package devopsagent

// This file holds the go:generate directive. The typed API (api_op_*.go,
// serializers.go, deserializers.go, validators.go, the types package and
// internal/schemas) is generated from internal/model/devopsagent.json by
// internal/codegen; run "go generate ./..." after changing the model.

//go:generate go run ./internal/codegen/cmd/devopsagent-gen -model internal/model/devopsagent.json -out .
