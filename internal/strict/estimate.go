package strict

// estimateYAML counts, in one pass over the bytes and without parsing, about
// how many nodes (values and keys) the YAML library will build for data: an
// entry of a flow collection is two (a key and a value, at most), a "key:" two, a "- " one, each line with content one more for the
// collection it may open. Quoted text, comments and block scalars (| and >)
// count nothing inside. The count errs on the high side, and stops once it
// passes limit; it returns the count and the line where it passed.
//
// The YAML library builds its whole node tree, at about 250 bytes a node,
// before any limit of ours can look at it; an 8 MB flow mapping
// "{a,a,a,…}" would cost 1.6 GB. Counting first refuses it in milliseconds.
func estimateYAML(data []byte, limit int) (int, int) {
	var (
		n, line     = 0, 1
		flow        []byte // open flow collections, '[' or '{'
		quote       byte   // the quote of the scalar being read, or 0
		startOfLine = true
		indent      = 0
		block       = -1 // indentation of the key that owns a block scalar, or -1
		prev        = byte('\n')
	)
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\n' {
			line++
			startOfLine, indent, prev = true, 0, c
			if n > limit {
				return n, line - 1
			}
			continue
		}
		if startOfLine {
			if c == ' ' {
				indent++
				continue
			}
			startOfLine = false
			if block >= 0 {
				if indent > block || c == '\r' {
					i = skipLine(data, i)
					continue
				}
				block = -1
			}
			if quote == 0 && len(flow) == 0 && c != '#' && c != '\r' {
				n++ // the line may open a mapping or a list
			}
		}
		if quote != 0 {
			switch {
			case c == '\\' && quote == '"':
				i++
			case c == quote:
				if quote == '\'' && i+1 < len(data) && data[i+1] == '\'' {
					i++
				} else {
					quote = 0
				}
			}
			prev = c
			continue
		}
		tokenStart := prev == ' ' || prev == '\t' || prev == '\n' || len(flow) > 0 && (prev == '[' || prev == '{' || prev == ',')
		next := byte('\n')
		if i+1 < len(data) {
			next = data[i+1]
		}
		blank := next == ' ' || next == '\t' || next == '\n' || next == '\r'
		switch c {
		case '#':
			if tokenStart {
				i = skipLine(data, i)
				continue
			}
		case '"', '\'':
			if tokenStart {
				quote = c
			}
		case '[', '{':
			if tokenStart || len(flow) > 0 {
				flow = append(flow, c)
				n += 3 // the collection and its first entry, a key and a value at most
			}
		case ']', '}':
			if len(flow) > 0 {
				flow = flow[:len(flow)-1]
			}
		case ',':
			if len(flow) > 0 {
				n += 2
			}
		case ':':
			if blank || len(flow) > 0 && (next == ',' || next == ']' || next == '}') {
				n += 2
			}
		case '-':
			if tokenStart && blank && len(flow) == 0 {
				n++
			}
		case '*', '&', '!':
			if tokenStart {
				n++
			}
		case '|', '>':
			if tokenStart && len(flow) == 0 && (blank || next == '-' || next == '+' || next >= '0' && next <= '9') {
				block = indent
			}
		}
		prev = c
	}
	if n > limit {
		return n, line
	}
	return n, 0
}

// skipLine returns the offset of the line break ending the line holding
// offset i (or the end of data), for the loop to continue from.
func skipLine(data []byte, i int) int {
	for i < len(data) && data[i] != '\n' {
		i++
	}
	return i - 1
}
