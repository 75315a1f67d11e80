package mdguard

import (
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// commonMark is goldmark's CommonMark parser with its default block and
// inline parsers and paragraph transformers, built once: building it
// costs more than parsing a short memo, and a parser keeps no state
// between parses (each parse has its own context), so every goroutine can
// share it.
var commonMark = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
})

// Parse reads src as CommonMark into goldmark's tree. Callers bound the
// work first with Links.
func Parse(src []byte) ast.Node {
	return commonMark().Parse(text.NewReader(src))
}
