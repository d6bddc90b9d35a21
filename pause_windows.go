//go:build windows

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// holdWindow keeps the console window open after a failure when the
// program has the window to itself (started by a double-click): Windows
// would otherwise close it with the message still unread.
func holdWindow(stderr io.Writer) {
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	if n != 1 {
		return // a shell shares the window and shows the message
	}
	fmt.Fprint(stderr, "\nNhấn Enter để đóng cửa sổ… ")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
}
