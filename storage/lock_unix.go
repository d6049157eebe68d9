//go:build unix

package storage

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// ErrLocked is returned when another sovwatch process holds the database.
var ErrLocked = errors.New("another sovwatch process is using this database")

// Lock takes the database's process lock, a file beside it, so that one
// process at a time drains the outbox: the one holding it may take back
// the leases a crashed process left. The operating system releases the
// lock when the process dies, however it dies.
func Lock(dbPath string) (unlock func() error, err error) {
	f, err := os.OpenFile(dbPath+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("storage: lock %s: %w", dbPath, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("storage: %s: %w (stop it first, or point this one at another storage.path)", dbPath, ErrLocked)
		}
		return nil, fmt.Errorf("storage: lock %s: %w", dbPath, err)
	}
	return f.Close, nil
}
