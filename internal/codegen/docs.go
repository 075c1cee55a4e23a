package codegen

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns the model's documentation traits into Go doc comments.
// Doc comments on types and functions start with the Go name, as Go
// convention asks; the model's sentence follows in its own words.

// docs renders doc comments. It knows which capitalised words are proper
// nouns in this model, so a sentence can be re-cased after a Go name.
type docs struct {
	proper map[string]bool
}

// newDocs learns proper nouns from every documentation string: a
// capitalised word seen in the middle of a sentence keeps its capital.
func newDocs(texts []string) *docs {
	d := &docs{proper: map[string]bool{}}
	for _, text := range texts {
		for _, sentence := range sentenceSplit.Split(plainText(text), -1) {
			words := strings.Fields(sentence)
			for _, w := range words[min(1, len(words)):] {
				w = strings.Trim(w, ".,;:()\"'")
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
					d.proper[w] = true
				}
			}
		}
	}
	return d
}

var sentenceSplit = regexp.MustCompile(`[.!?]\s+`)

// typeDoc returns the doc comment text of a structure, union or enum.
func (d *docs) typeDoc(name, doc, kindWord string) string {
	first, rest := firstWord(doc)
	switch {
	case doc == "":
		return name + " is " + article(kindWord) + " " + kindWord + " of the service."
	case isArticle(first):
		return name + " is " + strings.ToLower(first) + " " + rest
	case first == "How":
		return name + " says how " + rest
	}
	return name + " holds " + d.lower(first) + " " + rest
}

// enumDoc returns the doc comment text of an enum. The model describes an
// enum by its values, as a plural ("Lifecycle states of a task."), and a
// value of the Go type is one of them.
func (d *docs) enumDoc(name, doc string) string {
	first, rest := firstWord(doc)
	if doc == "" || isArticle(first) || first == "How" {
		return d.typeDoc(name, doc, "enum")
	}
	return name + " is one of the " + d.lower(first) + " " + rest
}

// unionMemberDoc returns the doc comment text of the type of one union
// member: what its value is, then which member it is.
func (d *docs) unionMemberDoc(name, member, union, doc string) string {
	which := "the " + member + " member of " + union + "."
	if doc == "" {
		return name + " is " + which
	}
	return d.typeDoc(name, doc, "structure") + " It is " + which
}

// errorDoc returns the doc comment text of a modeled error.
func (d *docs) errorDoc(name, doc string) string {
	if doc == "" {
		return name + " is an error the service can return."
	}
	first, rest := firstWord(doc)
	return name + " is returned when " + d.lower(first) + " " + rest
}

// operationDoc returns the doc comment text of an operation method; the
// model states what an operation does with a verb ("Returns ...").
func (d *docs) operationDoc(name, doc string) string {
	first, rest := firstWord(doc)
	switch {
	case doc == "":
		return name + " calls the " + name + " operation."
	case strings.HasSuffix(first, "s") && !d.proper[first]:
		return name + " " + d.lower(first) + " " + rest
	}
	return name + " calls the " + name + " operation. " + doc
}

// waiterDoc returns the first sentence of a waiter type's doc comment;
// the model states what a waiter does with a verb ("Waits until ...").
func (d *docs) waiterDoc(name, doc string) string {
	first, rest := firstWord(doc)
	switch {
	case doc == "":
		return name + " waits for the result of an operation to reach a final state."
	case strings.HasSuffix(first, "s") && !d.proper[first]:
		return name + " " + d.lower(first) + " " + rest
	}
	return name + " waits for the result of an operation to reach a final state. " + doc
}

// isArticle reports a word that starts a noun phrase about one thing.
func isArticle(word string) bool {
	switch word {
	case "A", "An", "The", "One":
		return true
	}
	return false
}

// lower lower-cases a sentence's first word unless it is a proper noun or
// an acronym ("A" is the article, not an acronym).
func (d *docs) lower(word string) string {
	if d.proper[word] || (len(word) > 1 && word == strings.ToUpper(word)) {
		return word
	}
	r, size := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return word
	}
	rest := word[size:]
	for _, c := range rest {
		if unicode.IsUpper(c) {
			return word // CamelCase, such as PagerDuty
		}
	}
	return string(unicode.ToLower(r)) + rest
}

func firstWord(doc string) (string, string) {
	first, rest, _ := strings.Cut(strings.TrimSpace(doc), " ")
	return first, rest
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// comment renders text as a // comment, wrapped to fit width columns
// after indent tabs. Blank lines in text separate paragraphs.
func comment(text string, indent int) string {
	width := 76 - 4*indent
	var lines []string
	for i, para := range paragraphs(text) {
		if i > 0 {
			lines = append(lines, "//")
		}
		if items, ok := listItems(para); ok {
			for _, item := range items {
				lines = append(lines, "//   - "+item)
			}
			continue
		}
		for _, line := range wrap(para, width) {
			lines = append(lines, "// "+line)
		}
	}
	return strings.Join(lines, "\n")
}

// paragraphs splits plain or simple-HTML text into blocks separated by
// blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, block := range strings.Split(plainText(text), "\n\n") {
		if strings.TrimSpace(block) != "" {
			out = append(out, strings.TrimSpace(block))
		}
	}
	return out
}

// listItems returns the items of a block whose lines all start with "- ",
// each with single-spaced words.
func listItems(block string) ([]string, bool) {
	var items []string
	for _, line := range strings.Split(block, "\n") {
		item, ok := strings.CutPrefix(strings.TrimSpace(line), "- ")
		if !ok {
			return nil, false
		}
		items = append(items, strings.Join(strings.Fields(item), " "))
	}
	return items, true
}

var (
	htmlBreak = regexp.MustCompile(`(?i)</?(p|br|ul|ol)\s*/?>`)
	htmlItem  = regexp.MustCompile(`(?i)<li>`)
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
)

// plainText removes HTML markup: paragraphs and list items become blank
// line separated blocks, other tags disappear and entities are decoded.
func plainText(text string) string {
	text = htmlBreak.ReplaceAllString(text, "\n\n")
	text = htmlItem.ReplaceAllString(text, "\n- ")
	text = htmlTag.ReplaceAllString(text, "")
	return html.UnescapeString(text)
}

// wrap breaks a paragraph into lines of at most width columns; a single
// longer word gets a line of its own.
func wrap(para string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(para) {
		switch {
		case line == "":
			line = word
		case len(line)+1+len(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
