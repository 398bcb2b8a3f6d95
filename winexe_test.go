//go:build package

package main

import (
	"archive/zip"
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
	"path"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/darsworkbench/dars-workbench/app/cli"
	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWindowsPackage checks the zip `make package-windows` builds (named by
// DARS_WIN_ZIP), as far as Linux can see into a Windows program: a 64-bit
// GUI executable (no console window opens behind it) carrying its icon,
// version information and manifest, that needs no DLL beyond Windows' own
// (a mingw runtime DLL would be missing on the user's machine), beside the
// README and the third-party notices.
func TestWindowsPackage(t *testing.T) {
	zipPath := os.Getenv("DARS_WIN_ZIP")
	if zipPath == "" {
		t.Skip("set DARS_WIN_ZIP to the zip make package-windows built")
	}
	meta, err := cli.ParseMeta(fyneAppTOML)
	require.NoError(t, err)
	zr, err := zip.OpenReader(zipPath)
	require.NoError(t, err)
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		require.NoError(t, err)
		rc.Close()
		files[f.Name] = b.Bytes()
	}
	dir := meta.Name + "/"
	exe := files[dir+meta.Name+".exe"]
	require.NotEmpty(t, exe, "the zip holds %s.exe in a folder %q: %v", meta.Name, meta.Name, keys(files))
	assert.Equal(t, assets.ThirdPartyNotices, string(files[dir+"THIRD_PARTY_NOTICES.txt"]))
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Equal(t, string(readme), string(files[dir+"README.txt"]))

	f, err := pe.NewFile(bytes.NewReader(exe))
	require.NoError(t, err)
	assert.Equal(t, uint16(pe.IMAGE_FILE_MACHINE_AMD64), f.Machine)
	opt, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	require.True(t, ok, "PE32+ (64-bit)")
	assert.Equal(t, uint16(pe.IMAGE_SUBSYSTEM_WINDOWS_GUI), opt.Subsystem, "a GUI program: no console window")

	// debug/pe's ImportedLibraries is a stub; the symbols name their DLLs.
	syms, err := f.ImportedSymbols()
	require.NoError(t, err)
	seen := map[string]bool{}
	var libs []string
	for _, s := range syms {
		if _, dll, ok := strings.Cut(s, ":"); ok && !seen[dll] {
			seen[dll] = true
			libs = append(libs, dll)
		}
	}
	require.NotEmpty(t, libs)
	system := map[string]bool{"kernel32.dll": true, "user32.dll": true, "gdi32.dll": true, "shell32.dll": true, "opengl32.dll": true,
		"msvcrt.dll": true, "advapi32.dll": true, "ole32.dll": true, "oleaut32.dll": true, "winmm.dll": true, "ws2_32.dll": true,
		"dwmapi.dll": true, "imm32.dll": true, "shcore.dll": true, "ntdll.dll": true, "comdlg32.dll": true, "uxtheme.dll": true}
	for _, l := range libs {
		assert.True(t, system[strings.ToLower(l)], "%s is not part of Windows: the program would not start without it", l)
	}

	res := resources(t, f, opt)
	for id, name := range map[uint32]string{3: "icon", 14: "icon group", 16: "version information", 24: "manifest"} {
		assert.NotEmpty(t, res[id], "%s resource", name)
	}
	if len(res[14]) > 0 {
		group := res[14][0]
		require.GreaterOrEqual(t, len(group), 6+14)
		n := binary.LittleEndian.Uint16(group[4:])
		assert.GreaterOrEqual(t, n, uint16(1), "the icon group lists an icon")
		w := group[6]
		assert.Contains(t, []byte{0, 48, 64, 128}, w, "an icon big enough for Explorer (0 means 256)")
	}
	if len(res[16]) > 0 {
		v := res[16][0]
		assert.Equal(t, meta.Name, versionString(v, "ProductName"))
		assert.Equal(t, meta.Name, versionString(v, "FileDescription"))
		assert.True(t, strings.HasPrefix(versionString(v, "ProductVersion"), meta.Version+"."), versionString(v, "ProductVersion"))
		assert.True(t, bytes.Contains(v, []byte{0xBD, 0x04, 0xEF, 0xFE}), "fixed file version")
	}
	if len(res[24]) > 0 {
		assert.Contains(t, string(res[24][0]), `name="`+meta.Name+`"`)
	}
	t.Logf("%s: %d bytes, imports %v, resource types %v", path.Base(zipPath), len(exe), libs, typeIDs(res))
}

// resources returns the data of every resource by its type ID.
func resources(t *testing.T, f *pe.File, opt *pe.OptionalHeader64) map[uint32][][]byte {
	dd := opt.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	require.NotZero(t, dd.VirtualAddress, "a resource section")
	var sec *pe.Section
	for _, s := range f.Sections {
		if dd.VirtualAddress >= s.VirtualAddress && dd.VirtualAddress < s.VirtualAddress+s.VirtualSize {
			sec = s
		}
	}
	require.NotNil(t, sec)
	data, err := sec.Data()
	require.NoError(t, err)
	base := dd.VirtualAddress - sec.VirtualAddress
	u16 := func(o uint32) uint32 { return uint32(binary.LittleEndian.Uint16(data[o:])) }
	u32 := func(o uint32) uint32 { return binary.LittleEndian.Uint32(data[o:]) }
	type entry struct {
		id     uint32
		target uint32
		dir    bool
	}
	dirEntries := func(off uint32) []entry {
		n := u16(base+off+12) + u16(base+off+14)
		var out []entry
		for i := uint32(0); i < n; i++ {
			e := base + off + 16 + 8*i
			tgt := u32(e + 4)
			out = append(out, entry{id: u32(e), target: tgt &^ 0x80000000, dir: tgt&0x80000000 != 0})
		}
		return out
	}
	var leaves func(off uint32) [][]byte
	leaves = func(off uint32) [][]byte {
		var out [][]byte
		for _, e := range dirEntries(off) {
			if e.dir {
				out = append(out, leaves(e.target)...)
				continue
			}
			rva, size := u32(base+e.target), u32(base+e.target+4)
			start := rva - sec.VirtualAddress
			out = append(out, data[start:start+size])
		}
		return out
	}
	res := map[uint32][][]byte{}
	for _, typ := range dirEntries(0) {
		if typ.dir {
			res[typ.id] = leaves(typ.target)
		}
	}
	return res
}

// versionString reads one value of a VS_VERSIONINFO's string table: the
// key in UTF-16, padding to a 32-bit boundary, then the value.
func versionString(blob []byte, key string) string {
	words := make([]uint16, len(blob)/2)
	for i := range words {
		words[i] = binary.LittleEndian.Uint16(blob[2*i:])
	}
	k := utf16.Encode([]rune(key + "\x00"))
	for i := 0; i+len(k) <= len(words); i++ {
		match := true
		for j := range k {
			if words[i+j] != k[j] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		j := i + len(k)
		for j < len(words) && words[j] == 0 {
			j++
		}
		end := j
		for end < len(words) && words[end] != 0 {
			end++
		}
		return string(utf16.Decode(words[j:end]))
	}
	return ""
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func typeIDs(res map[uint32][][]byte) string {
	var b strings.Builder
	for id, l := range res {
		fmt.Fprintf(&b, "%d×%d ", id, len(l))
	}
	return b.String()
}
