package validate

// Smithy @pattern values are ECMAScript 262 regular expressions; Go's
// regexp package implements RE2. This file compiles every pattern of the
// model with Go, translating the one construct the DevOps Agent model uses
// that RE2 lacks:
//
//   - \uXXXX escapes (ClientId: ^[\u0020-\u007E]+$) become \x{XXXX}.
//
// Every other pattern of the model compiles unchanged. Two semantic
// differences remain, both harmless for this model: RE2's \s and \S are
// ASCII-only where ECMAScript's cover all Unicode white space, and RE2's
// "." matches \r, U+2028 and U+2029, which ECMAScript's does not.
//
// TODO: translate \s and \S to their Unicode classes if a pattern where the
// difference matters ever appears in the model.

import (
	"fmt"
	"regexp"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

var ecmaUnicodeEscape = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`)

// TranslatePattern rewrites an ECMAScript pattern into RE2 syntax.
func TranslatePattern(pattern string) string {
	return ecmaUnicodeEscape.ReplaceAllString(pattern, `\x{$1}`)
}

// compileModelPatterns compiles the pattern trait of every shape and member
// in m, keyed by the pattern's model text.
func compileModelPatterns(m *smithymodel.Model) (map[string]*regexp.Regexp, error) {
	out := map[string]*regexp.Regexp{}
	add := func(owner string, traits smithymodel.Traits) error {
		text, ok := traits.String(smithymodel.TraitPattern)
		if !ok || out[text] != nil {
			return nil
		}
		re, err := regexp.Compile(TranslatePattern(text))
		if err != nil {
			return fmt.Errorf("validate: pattern of %s: %w", owner, err)
		}
		out[text] = re
		return nil
	}

	for _, id := range m.ShapeIDs() {
		shape := m.Shape(id)
		if err := add(id, shape.Traits); err != nil {
			return nil, err
		}
		for _, mem := range shape.Members {
			if err := add(id+"$"+mem.Name, mem.Traits); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
