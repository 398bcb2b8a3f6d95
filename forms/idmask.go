package forms

import "strings"

// MaskNHSNumbers returns s with every NHS number in it written as the
// findings show it: the first three digits kept and every later digit a
// '*', separators and line breaks left in place, so "943 476 5919" becomes
// "943 *** ****" and a wrapped line stays wrapped. This is what an export
// with identifiers masked writes (R-C8); dates and postcodes, which only
// warn, are left as they are.
func MaskNHSNumbers(s string) string {
	// Masking can make a new number out of what is left ("1234567 943 ***
	// ****" still holds "1234567 943"), so mask until none is found. Each
	// round removes at least seven digits, so this ends.
	for {
		var b strings.Builder
		last := 0
		for _, h := range ScanText(s) {
			if h.Kind != IdentNHSNumber || h.Start < last {
				continue
			}
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:h.Start])
			if h.encoded {
				// Its escapes may hold no digit to mask ("&#xBEA;"):
				// it is written decoded and masked instead.
				b.WriteString(h.Shown)
			} else {
				maskSpan(&b, s[h.Start:h.End], 3)
			}
			last = h.End
		}
		if last == 0 {
			return s
		}
		b.WriteString(s[last:])
		s = b.String()
	}
}

// maskSpan writes span with every digit after the first keep replaced by
// '*' and invisible characters dropped.
func maskSpan(b *strings.Builder, span string, keep int) {
	seen := 0
	for i := 0; i < len(span); {
		k, _, size := charAt(span, i)
		switch {
		case k == kDigit && seen < keep:
			b.WriteString(span[i : i+size])
			seen++
		case k == kDigit:
			b.WriteByte('*')
			seen++
		case k == kTransparent:
		default:
			b.WriteString(span[i : i+size])
		}
		i += size
	}
}
