//go:build unix

package store

import "syscall"

// canWrite reports whether this process may write the file or create
// files in the folder at path, as the system answers for it (a read-only
// mount included).
func canWrite(path string) bool {
	const wOK = 0x2
	return syscall.Access(path, wOK) == nil
}
