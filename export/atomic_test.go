package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dirEntries lists the names in dir.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestAtomicCommit(t *testing.T) {
	tests := []struct {
		name     string
		existing string // content of the destination before, "" for none
	}{
		{name: "new file"},
		{name: "replaces a file", existing: "old content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "timeline.csv")
			if tt.existing != "" {
				require.NoError(t, os.WriteFile(path, []byte(tt.existing), 0o640))
			}
			f, err := CreateAtomic(path)
			require.NoError(t, err)
			defer f.Abort()
			assert.Equal(t, path, f.Path())
			_, err = f.Write([]byte("new "))
			require.NoError(t, err)

			// Until Commit the destination is untouched.
			got, err := os.ReadFile(path)
			if tt.existing == "" {
				assert.True(t, os.IsNotExist(err), "no destination before Commit")
			} else {
				require.NoError(t, err)
				assert.Equal(t, tt.existing, string(got))
			}

			_, err = f.Write([]byte("content"))
			require.NoError(t, err)
			require.NoError(t, f.Commit())
			got, err = os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, "new content", string(got))
			assert.Equal(t, []string{"timeline.csv"}, dirEntries(t, dir), "no temporary file left")

			fi, err := os.Stat(path)
			require.NoError(t, err)
			wantMode := os.FileMode(0o644)
			if tt.existing != "" {
				wantMode = 0o640
			}
			assert.Equal(t, wantMode, fi.Mode().Perm())

			assert.NoError(t, f.Abort(), "Abort after Commit does nothing")
			assert.Error(t, f.Commit(), "a second Commit")
			_, err = f.Write([]byte("late"))
			assert.Error(t, err, "write after Commit")
			got, err = os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, "new content", string(got), "the committed file stays")
		})
	}
}

func TestAtomicAbort(t *testing.T) {
	tests := []struct {
		name     string
		existing string
	}{
		{name: "new file"},
		{name: "existing file", existing: "keep me"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "timeline.xlsx")
			if tt.existing != "" {
				require.NoError(t, os.WriteFile(path, []byte(tt.existing), 0o644))
			}
			f, err := CreateAtomic(path)
			require.NoError(t, err)
			_, err = f.Write([]byte("half a file"))
			require.NoError(t, err)
			require.NoError(t, f.Abort())
			assert.NoError(t, f.Abort(), "a second Abort")
			assert.Error(t, f.Commit(), "Commit after Abort")
			if tt.existing == "" {
				assert.Empty(t, dirEntries(t, dir), "nothing written")
			} else {
				assert.Equal(t, []string{"timeline.xlsx"}, dirEntries(t, dir))
				got, err := os.ReadFile(path)
				require.NoError(t, err)
				assert.Equal(t, tt.existing, string(got))
			}
		})
	}
}

func TestAtomicUnwritable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	tests := []struct {
		name    string
		path    string
		wantErr string
	}{
		{name: "missing directory", path: filepath.Join(dir, "no", "such", "out.csv"), wantErr: "no such file or directory"},
		{name: "parent is a file", path: filepath.Join(file, "out.csv"), wantErr: "not a directory"},
		{name: "directory as path", path: dir + string(filepath.Separator), wantErr: "not a file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := CreateAtomic(tt.path)
			require.Error(t, err)
			assert.Nil(t, f)
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, "export: cannot create "+tt.path+": "), msg)
			assert.Contains(t, msg, tt.wantErr)
			assert.NotContains(t, msg, ".tmp-", "the message names the destination, not the temporary file")
		})
	}
}

func TestAtomicCommitFails(t *testing.T) {
	// Renaming onto a directory fails; the temporary file must go and the
	// directory stay.
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	f, err := CreateAtomic(path)
	require.NoError(t, err)
	require.NoError(t, os.Mkdir(path, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(path, "keep"), nil, 0o644))
	_, err = f.Write([]byte("[]\n"))
	require.NoError(t, err)
	err = f.Commit()
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "export: writing "+path+": "), err.Error())
	assert.Equal(t, []string{"out.json"}, dirEntries(t, dir), "temporary file removed")
	assert.NoError(t, f.Abort())
}

// TestAtomicLargeFile writes past several write-out hints, in pieces of
// uneven size, and checks the file is whole after Commit and that Abort
// still leaves nothing behind.
func TestAtomicLargeFile(t *testing.T) {
	piece := make([]byte, writebackEvery/3+7)
	for i := range piece {
		piece[i] = byte('a' + i%26)
	}
	const pieces = 10 // over three hints
	for _, commit := range []bool{true, false} {
		dir := t.TempDir()
		path := filepath.Join(dir, "events.jsonl")
		f, err := CreateAtomic(path)
		require.NoError(t, err)
		for range pieces {
			n, err := f.Write(piece)
			require.NoError(t, err)
			require.Equal(t, len(piece), n)
		}
		assert.Equal(t, int64(pieces*len(piece)), f.written)
		assert.Greater(t, f.flushed, int64(2*writebackEvery), "write-out started along the way")
		if !commit {
			require.NoError(t, f.Abort())
			assert.Empty(t, dirEntries(t, dir))
			continue
		}
		require.NoError(t, f.Commit())
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		require.Len(t, got, pieces*len(piece))
		for k := range pieces {
			require.Equal(t, piece, got[k*len(piece):(k+1)*len(piece)], "piece %d", k)
		}
		assert.Equal(t, []string{"events.jsonl"}, dirEntries(t, dir))
	}
}
