package export

// Layout of every PDF the app writes, in points (1/72 inch) on A4 portrait.
// Kept in one place so the documents look like one family.
const (
	pageW = 595.28
	pageH = 841.89

	marginLeft   = 56.0
	marginRight  = 56.0
	marginTop    = 56.0
	marginBottom = 64.0
	// footerY is the top of the footer line, inside the bottom margin.
	footerY = pageH - 40.0

	contentW = pageW - marginLeft - marginRight
	bottomY  = pageH - marginBottom

	bodySize   = 10.0
	lineH      = 14.0
	smallSize  = 8.0
	smallLineH = 11.0
	tableSize  = 9.0
	tableLineH = 12.0
	cellPad    = 3.0

	h1Size = 18.0
	h2Size = 13.5
	h3Size = 11.5

	// labelW is the width of the question column of key/value answer rows.
	labelW   = 170.0
	labelGap = 10.0
	// longAnswer is the length from which an answer is set as a block under
	// its question rather than beside it: long prose reads badly in a column.
	longAnswer = 240

	tocEntryH  = 16.0
	tocIndent  = 16.0
	paraGap    = 6.0
	sectionGap = 10.0
)

// Colours as RGB.
var (
	colText    = RGB{0x1a, 0x1a, 0x1a}
	colMuted   = RGB{0x5f, 0x63, 0x68}
	colMissing = RGB{0xa3, 0x3a, 0x00}
	colRule    = RGB{0xc8, 0xcc, 0xd0}
	colHeadBG  = RGB{0xe8, 0xed, 0xf2}
	colAccent  = RGB{0x00, 0x5e, 0xb8} // NHS blue
	colAlert   = RGB{0xc0, 0x1b, 0x1b}
)

// RGB is a colour.
type RGB struct{ R, G, B uint8 }
