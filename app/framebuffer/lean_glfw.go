//go:build !ci && !android && !ios && !mobile && !tamago && !noos && !tinygo && !wasm

package framebuffer

import "github.com/go-gl/glfw/v3.3/glfw"

// Lean sets the hints for every window created after it. Call it on the
// main goroutine after Fyne has made its first window (which starts GLFW)
// and before any is shown.
func Lean() {
	defer func() { _ = recover() }() // go-gl panics on a GLFW error: the defaults stay
	glfw.WindowHint(glfw.DepthBits, 0)
	glfw.WindowHint(glfw.StencilBits, 0)
}
