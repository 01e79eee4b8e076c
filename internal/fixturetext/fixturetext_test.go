package fixturetext

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLines(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ar-b.txt"), []byte("ثالث\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ar-a.txt"), []byte("أول\n\n  \nثان"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "en-a.txt"), []byte("first"), 0o644))
	assert.Equal(t, []string{"أول", "ثان", "ثالث"}, Lines(t, dir, "ar"))
	assert.Equal(t, []string{"first"}, Lines(t, dir, "en"))
	assert.NotEmpty(t, Lines(t, "../../fixtures", "ar"), "the project's own fixtures")
}
