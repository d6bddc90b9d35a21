//go:build !windows

package main

import "io"

// holdWindow keeps nothing open: outside Windows a terminal outlives the
// program.
func holdWindow(io.Writer) {}
