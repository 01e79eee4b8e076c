package input

import (
	"bytes"
	"strings"

	fastutf8 "github.com/segmentio/asm/utf8"
)

// cleanText drops a byte-order mark, turns CRLF and lone CR into LF and
// replaces invalid UTF-8 with U+FFFD. It reports whether bytes were replaced.
func cleanText(b []byte) (string, bool) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	replaced := false
	if !fastutf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\ufffd"))
		replaced = true
	}
	return lineEnds(string(b)), replaced
}

// cleanDecoded is cleanText for a string decoded from JSON, which is valid
// UTF-8 already (encoding/json replaces invalid bytes with U+FFFD): it drops
// a byte-order mark and turns CRLF and lone CR into LF, without a copy when
// there is nothing to change.
func cleanDecoded(s string) string {
	return lineEnds(strings.TrimPrefix(s, "\ufeff"))
}

// lineEnds turns CRLF and lone CR into LF.
func lineEnds(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// isBinary reports whether data looks binary: a NUL byte in its first 8 KiB.
func isBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	return bytes.IndexByte(b, 0) >= 0
}
