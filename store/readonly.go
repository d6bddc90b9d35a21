package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// readOnlyParams open a connection that can read but never write the file:
// query_only makes SQLite refuse any change, and no journal mode is set.
const readOnlyParams = "?_pragma=busy_timeout(5000)&_pragma=query_only(1)"

// OpenReadOnly opens an existing record only to read it, for verify and
// similar checks: it never takes the secretary's lock, never migrates and
// never writes, so it can run beside a secretary's program and booths.
func OpenReadOnly(path string) (_ *Store, err error) {
	ctx := context.Background()
	if err := checkPath(path, false); err != nil {
		return nil, err
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	s := &Store{path: path, Now: time.Now, readOnly: true}
	db, err := sql.Open("sqlite", path+readOnlyParams)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.db = db
	defer func() {
		if err != nil {
			_ = db.Close()
		}
	}()
	if err := db.PingContext(ctx); err != nil {
		return nil, s.openError(err)
	}
	if err := s.checkSchema(ctx); err != nil {
		return nil, s.openError(err)
	}
	return s, nil
}
