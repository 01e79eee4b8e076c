package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// AtomicFile is an output file written whole or not at all: the bytes go to
// a temporary file in the destination's directory, and Commit renames it
// onto the destination. Until Commit the destination is untouched; a
// reader never sees a half-written file.
//
//	f, err := export.CreateAtomic("timeline.xlsx")
//	if err != nil {
//		return err
//	}
//	defer f.Abort() // removes the temporary file unless Commit succeeded
//	… write to f …
//	return f.Commit()
type AtomicFile struct {
	path string
	tmp  *os.File
	done bool // committed or aborted

	written int64 // bytes written so far
	flushed int64 // bytes whose write-out to disk has been started
}

// writebackEvery is how many bytes AtomicFile lets pile up before it asks
// the system to start writing them to disk. Commit must sync the file, and
// a sync that finds hundreds of megabytes still in memory waits a second or
// more with nothing else to do; started early, the write-out runs beside the
// rest of the work and the sync finds little left.
const writebackEvery = 8 << 20

// CreateAtomic starts writing path. The temporary file is created next to
// path (so the final rename stays within one file system) with a name
// starting ".<base>.tmp-". It fails, naming path, when the directory does
// not exist or cannot be written.
func CreateAtomic(path string) (*AtomicFile, error) {
	dir, base := filepath.Split(path)
	if base == "" {
		return nil, fmt.Errorf("export: cannot create %s: not a file name", path)
	}
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("export: cannot create %s: %w", path, unwrapPathError(err))
	}
	// os.CreateTemp makes the file 0600; an output file gets the mode of the
	// file it replaces, else the usual 0644.
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		mode = fi.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return nil, fmt.Errorf("export: cannot create %s: %w", path, unwrapPathError(err))
	}
	return &AtomicFile{path: path, tmp: tmp}, nil
}

// unwrapPathError drops the temporary file's name from err, so that the
// message names the destination only.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Path returns the destination path.
func (f *AtomicFile) Path() string { return f.path }

// Write writes to the temporary file.
func (f *AtomicFile) Write(p []byte) (int, error) {
	if f.done {
		return 0, fmt.Errorf("export: %s: write after commit or abort", f.path)
	}
	n, err := f.tmp.Write(p)
	f.written += int64(n)
	if err != nil {
		return n, fmt.Errorf("export: writing %s: %w", f.path, unwrapPathError(err))
	}
	if f.written-f.flushed >= writebackEvery {
		// only a hint: Commit's sync still reports any error
		startWriteback(f.tmp, f.flushed, f.written-f.flushed)
		f.flushed = f.written
	}
	return n, nil
}

// Commit syncs and closes the temporary file and renames it onto the
// destination. On failure the temporary file is removed and the
// destination is left as it was.
func (f *AtomicFile) Commit() error {
	if f.done {
		return fmt.Errorf("export: %s: commit after commit or abort", f.path)
	}
	f.done = true
	name := f.tmp.Name()
	err := f.tmp.Sync()
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, f.path)
	}
	if err != nil {
		_ = os.Remove(name)
		return fmt.Errorf("export: writing %s: %w", f.path, unwrapRenameError(err))
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// unwrapRenameError drops the temporary file's name from a rename error.
func unwrapRenameError(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return unwrapPathError(err)
}

// syncDir makes the rename durable where the system allows it; errors are
// ignored, as some systems cannot sync a directory.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

// Abort closes and removes the temporary file, leaving the destination as
// it was. It does nothing after Commit or a previous Abort, so
// `defer f.Abort()` is always safe.
func (f *AtomicFile) Abort() error {
	if f.done {
		return nil
	}
	f.done = true
	name := f.tmp.Name()
	err := f.tmp.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("export: aborting %s: %w", f.path, unwrapPathError(err))
	}
	return nil
}
