package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadGold reads arbitrary bytes as a gold file: it must not panic, and
// every problem names the file.
func FuzzReadGold(f *testing.F) {
	for _, seed := range []string{"", "{", "[]", "null", `{"doc_id":1}`, `{"doc_id":"a","events":null}`,
		`{"doc_id":"a","events":[null,1,"x",{"anchor":""},{"anchor":"x","event_type":"attack","count":-1.5}]}`,
		goldFile} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "g.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, problems := ReadGold(path)
		for _, p := range problems {
			if p.Path != path {
				t.Fatalf("problem without its file: %v", p)
			}
		}
		_, _ = Evaluate([]Gold{g}, caseDocs())
	})
}
