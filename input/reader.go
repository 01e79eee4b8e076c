package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/eventline/eventline/events"
	fastutf8 "github.com/segmentio/asm/utf8"
)

// Reader yields the articles of a list of paths, one at a time.
type Reader struct {
	opts  Options
	stdin io.Reader
	paths []string // paths still to open, in order
	// the JSONL file being read, if any
	jsonl     *bufio.Reader
	jsonlFile io.Closer
	jsonlPath string
	jsonlLine int
	jsonlBad  bool // invalid UTF-8 reported for this file already
	decoder   jsonlDecoder
	// seenIDs tells where each article id was first used, by a 64-bit hash
	// of the id (idHash): a map without pointers, which the collector never
	// scans (16 bytes an entry, 36 MB for a million), where the ids would
	// keep their strings too. Two ids with one hash would give a wrong
	// "already used" warning and change nothing else: over ten million
	// articles, about one chance in a million and a half.
	seenIDs   map[uint64]idPlace
	seenPaths []string // the paths of idPlace.path
	seenFull  bool     // maxSeenIDs ids are kept: no more are added
}

// maxSeenIDs bounds the ids a Reader keeps (36 MB at most), so that memory
// does not grow with a corpus of millions of articles: the ids that come
// after are still checked against those kept, but not kept themselves.
var maxSeenIDs = 1 << 20

// idPlace is where an article id was first used: seenPaths[path], at line
// (0 for a whole file, or a line past the 2,147,483,647th).
type idPlace struct {
	path, line int32
}

// idHash is the FNV-1a hash of an article id.
func idHash(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}

// NewReader returns a Reader over paths: files, directories (walked
// recursively in sorted order, taking .txt, .md, .jsonl and .ndjson files and
// skipping hidden ones) and "-" for stdin (a JSONL corpus when it starts
// with '{', else one text article).
func NewReader(paths []string, stdin io.Reader, opts Options) *Reader {
	return &Reader{opts: opts, stdin: stdin, paths: append([]string(nil), paths...), seenIDs: map[uint64]idPlace{}}
}

func (r *Reader) report(path string, line int, sev Severity, err error) {
	if r.opts.Report != nil {
		r.opts.Report(Problem{Path: path, Line: line, Severity: sev, Err: err})
	}
}

// Next returns the next article, or io.EOF when there are no more. Problems
// on the way are reported through Options.Report and skipped.
func (r *Reader) Next() (*events.Article, error) {
	for {
		if r.jsonl != nil {
			a, ok := r.nextJSONL()
			if ok {
				return a, nil
			}
			continue
		}
		if len(r.paths) == 0 {
			return nil, io.EOF
		}
		p := r.paths[0]
		r.paths = r.paths[1:]
		if a := r.open(p); a != nil {
			return a, nil
		}
	}
}

// Close releases an open corpus file.
func (r *Reader) Close() error {
	var err error
	if r.jsonlFile != nil {
		err = r.jsonlFile.Close()
	}
	r.jsonlFile, r.jsonl = nil, nil
	return err
}

// open handles one path: a directory expands into its files, a JSONL file
// starts streaming, a text file becomes one article.
func (r *Reader) open(p string) *events.Article {
	if p == "-" {
		return r.openStdin()
	}
	info, err := os.Stat(p)
	if err != nil {
		r.report(p, 0, Error, pathError(err))
		return nil
	}
	if info.IsDir() {
		files, err := listDir(p)
		if err != nil {
			r.report(p, 0, Error, pathError(err))
			return nil
		}
		if len(files) == 0 {
			r.report(p, 0, Error, ErrNoArticles)
			return nil
		}
		r.paths = append(files, r.paths...)
		return nil
	}
	if isJSONL(p) {
		f, err := os.Open(p)
		if err != nil {
			r.report(p, 0, Error, pathError(err))
			return nil
		}
		r.startJSONL(p, f, f)
		if head, _ := r.jsonl.Peek(8192); isBinary(head) {
			r.report(p, 0, Error, ErrBinary)
			r.Close()
		}
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		r.report(p, 0, Error, pathError(err))
		return nil
	}
	return r.textArticle(p, strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)), data)
}

func (r *Reader) openStdin() *events.Article {
	if r.stdin == nil {
		r.report("-", 0, Error, errors.New("no standard input"))
		return nil
	}
	br := bufio.NewReaderSize(r.stdin, 64*1024)
	head, _ := br.Peek(512)
	if t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n"); len(t) > 0 && t[0] == '{' {
		r.startJSONL("-", br, nil)
		return nil
	}
	data, err := io.ReadAll(br)
	if err != nil {
		r.report("-", 0, Error, err)
		return nil
	}
	return r.textArticle("-", "stdin", data)
}

func isJSONL(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

func isArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// listDir lists the article files below dir, recursively, in sorted order.
func listDir(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && d.Type().IsRegular() && isArticleFile(name) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files) // WalkDir is lexical per directory; make the whole list so
	return files, err
}

// pathError shortens os errors to their cause: the caller names the path.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such file or directory")
		}
		return pe.Err
	}
	return err
}

// textArticle builds the article of a text or Markdown file.
func (r *Reader) textArticle(path, defaultID string, data []byte) *events.Article {
	if isBinary(data) {
		r.report(path, 0, Error, ErrBinary)
		return nil
	}
	text, replaced := cleanText(data)
	if replaced {
		r.report(path, 0, Warning, errors.New("invalid UTF-8 replaced by U+FFFD"))
	}
	yml, body, bodyLine, hasFM, err := splitFrontMatter(text)
	if err != nil {
		r.report(path, 1, Error, err)
		return nil
	}
	a := &events.Article{Path: path, Line: bodyLine}
	if hasFM {
		for _, le := range applyFrontMatter(yml, a) {
			r.report(path, le.line, Error, le.err)
		}
	}
	a.Text = body
	if a.ID == "" {
		a.ID = defaultID
	}
	if strings.TrimSpace(a.Text) == "" {
		r.report(path, bodyLine, Error, ErrEmpty)
		return nil
	}
	r.finish(a, path, 0)
	return a
}

// finish fills defaults from the options and checks the id.
func (r *Reader) finish(a *events.Article, path string, line int) {
	if a.Published == "" && r.opts.Published != "" {
		a.Published = r.opts.Published
	}
	if a.Lang == "" || a.Lang == "auto" {
		a.Lang = r.opts.Lang
	}
	if a.Source == "" {
		a.Source = r.opts.Source
	}
	if a.Published == "" {
		r.report(path, line, Warning, fmt.Errorf("article %s has no publication date: relative dates stay unknown", a.ID))
	}
	h := idHash(a.ID)
	if prev, dup := r.seenIDs[h]; dup {
		where := r.seenPaths[prev.path]
		if prev.line > 0 {
			where += ":" + strconv.Itoa(int(prev.line))
		}
		r.report(path, line, Warning, fmt.Errorf("article id %q was already used by %s: event ids will repeat", a.ID, where))
		return
	}
	if len(r.seenIDs) >= maxSeenIDs {
		if !r.seenFull {
			r.seenFull = true
			r.report(path, line, Warning, fmt.Errorf("%d article ids read: the later ones are checked against these only, not against each other, so that memory stays bounded", maxSeenIDs))
		}
		return
	}
	if n := len(r.seenPaths); n == 0 || r.seenPaths[n-1] != path {
		r.seenPaths = append(r.seenPaths, path) // the paths come one after another
	}
	at := idPlace{path: int32(len(r.seenPaths) - 1)}
	if line <= math.MaxInt32 {
		at.line = int32(line)
	}
	r.seenIDs[h] = at
}

func (r *Reader) startJSONL(path string, src io.Reader, c io.Closer) {
	r.jsonl = bufio.NewReaderSize(src, 256*1024)
	r.jsonlFile = c
	r.jsonlPath = path
	r.jsonlLine = 0
	r.jsonlBad = false
}

// nextJSONL reads records until one makes an article; ok is false at the end
// of the file (which is then closed).
func (r *Reader) nextJSONL() (*events.Article, bool) {
	for {
		line, err := readLine(r.jsonl)
		if len(line) == 0 && err != nil {
			if err != io.EOF {
				r.report(r.jsonlPath, r.jsonlLine+1, Error, err)
			}
			if r.jsonlLine == 0 {
				r.report(r.jsonlPath, 0, Error, ErrNoArticles)
			}
			r.Close()
			return nil, false
		}
		r.jsonlLine++
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if a := r.jsonlArticle(line); a != nil {
			return a, true
		}
	}
}

// readLine reads one line of any length, without its line end. A line that
// fits in br's buffer is returned without a copy: it is valid until the next
// read.
func readLine(br *bufio.Reader) ([]byte, error) {
	chunk, err := br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return trimLineEnd(chunk, err), err
	}
	buf := append([]byte(nil), chunk...)
	for err == bufio.ErrBufferFull {
		chunk, err = br.ReadSlice('\n')
		buf = append(buf, chunk...)
	}
	return trimLineEnd(buf, err), err
}

// trimLineEnd drops the line end of a line read with err; an empty line read
// without error comes back empty, not nil.
func trimLineEnd(line []byte, err error) []byte {
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if err == nil && len(line) == 0 {
		return []byte{}
	}
	return line
}

func (r *Reader) jsonlArticle(line []byte) *events.Article {
	path, n := r.jsonlPath, r.jsonlLine
	if n == 1 {
		line = bytes.TrimPrefix(line, []byte("\ufeff"))
	}
	valid := fastutf8.Valid(line)
	if !valid && !r.jsonlBad {
		r.jsonlBad = true
		r.report(path, n, Warning, errors.New("invalid UTF-8 replaced by U+FFFD (reported once per file)"))
	}
	rec, err := r.decoder.decode(line, valid)
	if err != nil {
		r.report(path, n, Error, fmt.Errorf("%w: %v", ErrBadJSON, jsonErrText(err)))
		return nil
	}
	if rec.text == nil {
		r.report(path, n, Error, errors.New(`no "text" field`))
		return nil
	}
	text := cleanDecoded(*rec.text)
	if strings.TrimSpace(text) == "" {
		r.report(path, n, Error, ErrEmpty)
		return nil
	}
	a := &events.Article{Path: path, Line: n, Text: text}
	if rec.idErr != nil {
		r.report(path, n, Error, fmt.Errorf("id: %v", rec.idErr))
	}
	a.ID = rec.id
	if a.ID == "" {
		base := "stdin"
		if path != "-" {
			base = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		}
		a.ID = base + "-" + strconv.Itoa(n)
	}
	pub := rec.published
	if rec.publishedErr != nil {
		r.report(path, n, Error, fmt.Errorf("published: %v", rec.publishedErr))
	}
	fields := []struct {
		key string
		val *string
	}{{"published", &pub}, {"lang", rec.lang}, {"source", rec.source}, {"url", rec.url}, {"title", rec.title}}
	for _, f := range fields {
		if f.val == nil || *f.val == "" {
			continue
		}
		if err := setMeta(a, f.key, strings.TrimSpace(*f.val)); err != nil {
			r.report(path, n, Error, err)
		}
	}
	r.finish(a, path, n)
	return a
}

func jsonErrText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s: want a %s, got %s", te.Field, te.Type, te.Value)
	}
	return err.Error()
}
