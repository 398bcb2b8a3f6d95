//go:build ci || android || ios || mobile || tamago || noos || tinygo || wasm

package framebuffer

// Lean does nothing where Fyne draws without GLFW (the build Fyne's ci tag
// makes, mobile, the web).
func Lean() {}
