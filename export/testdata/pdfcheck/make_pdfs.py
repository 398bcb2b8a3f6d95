#!/usr/bin/env python3
"""Writes the small crafted PDFs that export/pdfcheck_test.go inspects.
Run from this directory: python3 make_pdfs.py"""
import zlib

def pdf(objs, trailer_extra=b"", version=b"1.7"):
    out = b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objs) + 1) + trailer_extra + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out

def stream(dict_extra, data):
    return b"<< /Length %d " % len(data) + dict_extra + b" >>\nstream\n" + data + b"\nendstream"

content = b"BT /F1 12 Tf 72 720 Td (A note on /JavaScript and /Launch in text) Tj ET"
page = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream(b"", content),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]

def with_catalog(extra):
    objs = list(page)
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R " + extra + b" >>"
    return objs

files = {
    "plain.pdf": pdf(page),
    "open_at_page.pdf": pdf(with_catalog(b"/OpenAction [3 0 R /Fit]")),
    "openaction_js.pdf": pdf(with_catalog(b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")),
    "launch.pdf": pdf(with_catalog(b"/OpenAction << /S /Launch /F (cmd.exe) >>")),
    "escaped_name.pdf": pdf(with_catalog(b"/AA << /O << /S /JavaScr#69pt /J#53 (x) >> >>")),
    "encrypted.pdf": pdf(page + [b"<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>"], b"/Encrypt 6 0 R /ID [<01><01>] "),
}
# JavaScript hidden inside a compressed object stream (PDF 1.5+).
inner = b"7 0 8 32 << /S /JavaScript /JS 8 0 R >> (app.alert\\(2\\))"
objstm = stream(b"/Type /ObjStm /N 2 /First 8 /Filter /FlateDecode", zlib.compress(inner))
files["objstm_js.pdf"] = pdf(with_catalog(b"/OpenAction 7 0 R") + [objstm], version=b"1.5")
# The same object stream but innocent: only a page label dictionary.
clean = zlib.compress(b"7 0 << /Type /PageLabel /S /D >>")
files["objstm_clean.pdf"] = pdf(page + [stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", clean)], version=b"1.5")
# An image stream whose raw bytes happen to contain "/JS": data is skipped.
files["binary_stream.pdf"] = pdf(page + [stream(b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceGray", b"\x00/JS /Launch\xff")])
files["not_a_pdf.docx"] = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64
for name, data in files.items():
    open(name, "wb").write(data)
# Two more are written by qpdf from the files above, as real tools write them:
#   qpdf --encrypt user owner 256 -- plain.pdf qpdf_encrypted.pdf
#   qpdf --object-streams=generate --compress-streams=y openaction_js.pdf qpdf_objstm_js.pdf
