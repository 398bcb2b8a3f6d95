// Package framebuffer asks the graphics driver for windows without a depth
// or stencil buffer. Fyne draws in two dimensions with the depth test off
// and never uses a stencil, yet GLFW's defaults give every window a 24-bit
// depth and 8-bit stencil buffer as large as the window: 4 MB for a draft
// window, held in video memory, or in the process under a software
// renderer (remote desktops, virtual machines).
package framebuffer
