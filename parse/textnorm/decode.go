package textnorm

import "unicode/utf8"

// DecodeRune is utf8.DecodeRuneInString with the two-byte forms (Latin,
// Arabic) decoded without a call to the general decoder. Its ASCII path is
// written to be inlined, like the standard library's.
func DecodeRune(s string) (r rune, size int) {
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	} else {
		r, size = decodeWideRune(s)
	}
	return
}

// decodeWideRune is DecodeRune for a first byte that is not ASCII.
func decodeWideRune(s string) (rune, int) {
	if len(s) >= 2 && s[0]-0xC2 <= 0xDF-0xC2 && s[1]&0xC0 == 0x80 {
		return rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s)
}
