package export

import (
	"os"

	"golang.org/x/sys/unix"
)

// startWriteback asks Linux to start writing the n bytes of f at off to disk
// without waiting for them (sync_file_range with SYNC_FILE_RANGE_WRITE).
// Errors are ignored: it is a hint, and the sync at commit reports failures.
func startWriteback(f *os.File, off, n int64) {
	rc, err := f.SyscallConn()
	if err != nil {
		return
	}
	_ = rc.Control(func(fd uintptr) {
		_ = unix.SyncFileRange(int(fd), off, n, unix.SYNC_FILE_RANGE_WRITE)
	})
}
