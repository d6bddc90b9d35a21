//go:build !unix

package store

import "os"

// canWrite reports whether the file at path is not marked read-only. A
// folder's permissions cannot be read this way; a folder that refuses the
// lock or SQLite's files is reported when they are created.
func canWrite(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return true
	}
	return fi.IsDir() || fi.Mode().Perm()&0o200 != 0
}
