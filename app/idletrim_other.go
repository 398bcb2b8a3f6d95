//go:build !linux || !cgo

package app

// trimCHeap: only glibc's allocator needs telling (see idletrim_glibc.go).
func trimCHeap() {}
