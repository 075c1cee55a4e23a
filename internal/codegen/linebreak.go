package codegen

import (
	"go/scanner"
	"go/token"
	"strings"
)

// This file breaks generated code lines that run past codeWidth: long
// identifiers from the model make some calls and signatures too wide. A
// line is split after the last comma, "&&" or "||" that keeps the first
// part within the width, or else after an opening parenthesis; the rest
// continues one tab deeper, and is split again if needed. gofmt runs
// afterwards.

// codeWidth is the column code lines should not pass; a tab counts as
// four columns.
const codeWidth = 100

func breakLongLines(src []byte) []byte {
	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		out = append(out, breakLine(line)...)
	}
	return []byte(strings.Join(out, "\n"))
}

// breakLine returns line, split into pieces that fit when possible.
func breakLine(line string) []string {
	tabs := len(line) - len(strings.TrimLeft(line, "\t"))
	if columns(line) <= codeWidth || strings.HasPrefix(line[tabs:], "//") {
		return []string{line}
	}

	cut := breakPoint(line, codeWidth-3*tabs)
	if cut <= 0 {
		return []string{line}
	}
	rest := strings.Repeat("\t", tabs+1) + strings.TrimLeft(line[cut:], " ")
	return append([]string{strings.TrimRight(line[:cut], " ")}, breakLine(rest)...)
}

// breakPoint returns the byte offset at which to split line so that the
// first part is at most limit bytes: just after the last comma, "&&" or
// "||" that fits (Go never inserts a semicolon after those), else just
// after the last opening parenthesis that fits (other than a method
// receiver's or a result list's); 0 when nothing fits. Commas between a
// function's results, such as "(T, error)", come last: splitting there
// strands a word.
func breakPoint(line string, limit int) int {
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(line))
	s.Init(f, []byte(line), nil, 0)

	afterOperator, afterParen, afterResult, prev := 0, 0, 0, token.ILLEGAL
	var results []bool // per open parenthesis: does it open a result list?
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		end := f.Offset(pos) + len(tokenText(tok, lit))
		if end > limit {
			break
		}
		switch tok {
		case token.COMMA, token.LAND, token.LOR:
			if len(results) > 0 && results[len(results)-1] {
				afterResult = end
			} else {
				afterOperator = end
			}
		case token.LPAREN:
			results = append(results, prev == token.RPAREN)
			if prev != token.FUNC && prev != token.RPAREN && end < len(line) && line[end] != ')' {
				afterParen = end
			}
		case token.RPAREN:
			results = results[:max(len(results)-1, 0)]
		}
		prev = tok
	}
	for _, at := range []int{afterOperator, afterParen} {
		if at > 0 {
			return at
		}
	}
	return afterResult
}

func tokenText(tok token.Token, lit string) string {
	if lit != "" {
		return lit
	}
	return tok.String()
}

// columns returns the display width of line with tabs as four columns.
func columns(line string) int {
	return len(line) + 3*strings.Count(line, "\t")
}
