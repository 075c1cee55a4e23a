package document_test

import (
	"fmt"

	smithydocument "github.com/aws/smithy-go/document"

	"github.com/devopsagent-go/devopsagent/document"
)

func ExampleNewLazyDocument() {
	type owner struct {
		Team    string `document:"team"`
		Retries int    `document:"retries,omitempty"`
	}
	doc := document.NewLazyDocument(map[string]any{
		"owner": owner{Team: "team-a", Retries: 3},
		"ratio": 0.1,
	})

	raw, err := doc.MarshalSmithyDocument()
	if err != nil {
		panic(err)
	}
	fmt.Println(string(raw))

	var back struct {
		Owner owner `document:"owner"`
		Ratio any   `document:"ratio"`
	}
	if err := doc.UnmarshalSmithyDocument(&back); err != nil {
		panic(err)
	}
	ratio := back.Ratio.(smithydocument.Number)
	fmt.Println(back.Owner.Team, back.Owner.Retries, ratio.String())

	// Output:
	// {"owner":{"team":"team-a","retries":3},"ratio":0.1}
	// team-a 3 0.1
}
