package input

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// cleanText drops a byte-order mark, turns CRLF and lone CR into LF and
// replaces invalid UTF-8 with U+FFFD. It reports whether bytes were replaced.
func cleanText(b []byte) (string, bool) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	replaced := false
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\ufffd"))
		replaced = true
	}
	s := string(b)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s, replaced
}

// isBinary reports whether data looks binary: a NUL byte in its first 8 KiB.
func isBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	return bytes.IndexByte(b, 0) >= 0
}

func utf8Valid(b []byte) bool { return utf8.Valid(b) }
