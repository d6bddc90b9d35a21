package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"

	"hoidong/model"
)

// migrationFiles are the schema's versioned migrations, applied in order by
// goose, each in its own transaction and recorded in goose_db_version.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// versionTable is where goose records the applied migrations.
const versionTable = goose.DefaultTablename

// provider returns a goose provider over the embedded migrations; it uses no
// goose globals.
func (s *Store) provider() (*goose.Provider, error) {
	fsys, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// latestVersion returns the newest schema version this program knows.
func latestVersion(p *goose.Provider) int64 {
	src := p.ListSources()
	if len(src) == 0 {
		return 0
	}
	return src[len(src)-1].Version
}

// schemaVersion returns the newest migration recorded in the file, whether
// the file holds any table besides goose's version table, and whether it
// has the version table at all.
func (s *Store) schemaVersion(ctx context.Context) (version int64, hasTables, hasVersions bool, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return 0, false, false, fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return 0, false, false, fmt.Errorf("list tables: %w", err)
		}
		if name == versionTable {
			hasVersions = true
		} else {
			hasTables = true
		}
	}
	if err := rows.Err(); err != nil {
		return 0, false, false, fmt.Errorf("list tables: %w", err)
	}
	if !hasVersions {
		return 0, hasTables, false, nil
	}
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(version_id) FROM `+versionTable+` WHERE is_applied`).Scan(&v); err != nil {
		return 0, hasTables, true, fmt.Errorf("read schema version: %w", err)
	}
	return v.Int64, hasTables, true, nil
}

// migrate brings the schema up to date, refusing a SQLite file that is not
// ours and one written by a newer program.
func (s *Store) migrate(ctx context.Context) error {
	p, err := s.provider()
	if err != nil {
		return err
	}
	current, hasTables, hasVersions, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if hasTables && !hasVersions {
		return model.Errorf(model.EInvalid, "Tệp %q là cơ sở dữ liệu SQLite nhưng không phải tệp biên bản của hoidong.", s.path)
	}
	if latest := latestVersion(p); current > latest {
		return newerSchema(s.path, current, latest)
	}
	if _, err := p.Up(ctx); err != nil {
		var pe *goose.PartialError
		if errors.As(err, &pe) && pe.Err != nil {
			err = pe.Err
		}
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	if hasVersions && current < 2 {
		return s.chainLegacy(ctx)
	}
	return nil
}

// checkSchema makes sure a booth opens a file whose schema is exactly the
// one this program writes; a booth never migrates.
func (s *Store) checkSchema(ctx context.Context) error {
	p, err := s.provider()
	if err != nil {
		return err
	}
	current, _, hasVersions, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	latest := latestVersion(p)
	switch {
	case !hasVersions:
		return model.Errorf(model.EInvalid, "Tệp %q không phải là tệp biên bản của hoidong.", s.path)
	case current > latest:
		return newerSchema(s.path, current, latest)
	case current < latest:
		return model.Errorf(model.EConflict,
			"Tệp %q được tạo bởi phiên bản hoidong cũ hơn; hãy mở nó bằng chương trình thư ký trước để cập nhật.", s.path)
	}
	return nil
}

func newerSchema(path string, current, latest int64) error {
	return model.Errorf(model.EConflict,
		"Tệp %q được tạo bởi phiên bản hoidong mới hơn (lược đồ %d, chương trình này biết đến %d). Hãy dùng phiên bản mới hơn.",
		path, current, latest)
}
