//go:build !unix

package storage

import "errors"

// ErrLocked is returned when another sovwatch process holds the database.
var ErrLocked = errors.New("another sovwatch process is using this database")

// Lock is a no-op where advisory file locks are not available: run one
// sovwatch per database there. Leases then expire by themselves.
func Lock(dbPath string) (unlock func() error, err error) {
	return func() error { return nil }, nil
}
