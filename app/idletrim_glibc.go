//go:build linux && cgo

package app

/*
#include <stddef.h>
// Weak: glibc has malloc_trim, other C libraries (musl) may not.
extern int malloc_trim(size_t pad) __attribute__((weak));
static void dars_trim_c_heap(void) { if (malloc_trim) malloc_trim(0); }
*/
import "C"

// trimCHeap hands the C heap's free pages back to the system: the renderer
// frees a closed window's buffers and a screen's textures there, and glibc
// keeps them until asked.
func trimCHeap() { C.dars_trim_c_heap() }
