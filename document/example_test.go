package document_test

import (
	"fmt"

	"github.com/devopsagent-go/devopsagent/document"
)

func ExampleNewLazyDocument() {
	doc := document.NewLazyDocument(map[string]any{
		"owner":   "team-a",
		"retries": 3,
		"ratio":   0.1,
	})

	raw, err := doc.MarshalSmithyDocument()
	if err != nil {
		panic(err)
	}
	fmt.Println(string(raw))

	var back struct {
		Owner   string `json:"owner"`
		Retries int    `json:"retries"`
	}
	if err := doc.UnmarshalSmithyDocument(&back); err != nil {
		panic(err)
	}
	fmt.Println(back.Owner, back.Retries)

	// Output:
	// {"owner":"team-a","ratio":0.1,"retries":3}
	// team-a 3
}
