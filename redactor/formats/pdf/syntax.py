"""Names the PDF specification fixes: file syntax, not text a document can put in a file.

Every page says ``/Type /Page``, every standard font ``/BaseFont /Helvetica`` and
``/Encoding /WinAnsiEncoding``, whatever the page shows. The verifier reads every
name of the file as text (a writer could hide a value in one), so without this
table a removed street name "Page" or surname "Roman" (``/Times-Roman``) would be
"found" in every page dictionary or font of every PDF, and no such document could
ever be redacted.

The table is deliberately narrow: a name is syntax only under a key whose value the
specification (ISO 32000) draws from a fixed list, and only when it is one of that
list (also as a member of an array under that key: ``/Filter [...]``,
``/ProcSet [...]``, ``/ColorSpace [/Indexed /DeviceRGB ...]``). Any other name, and
these same names under any other key, are still read as text. It is written from the
specification, not from what redactor's writer emits, so the verifier stays
independent of the writer.
"""
from __future__ import annotations

_STANDARD_FONTS = frozenset({
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Symbol", "ZapfDingbats",
})
_ENCODINGS = frozenset({"StandardEncoding", "WinAnsiEncoding", "MacRomanEncoding", "MacExpertEncoding",
                        "PDFDocEncoding", "Identity-H", "Identity-V"})
_COLOUR_SPACES = frozenset({"DeviceGray", "DeviceRGB", "DeviceCMYK", "CalGray", "CalRGB", "Lab", "ICCBased",
                            "Indexed", "Pattern", "Separation", "DeviceN"})

#: key -> the names the specification allows as its value (without the slash).
FIXED: dict[str, frozenset[str]] = {
    "/Type": frozenset({
        "Catalog", "Pages", "Page", "Font", "FontDescriptor", "Encoding", "XObject", "ExtGState", "Pattern",
        "Shading", "Halftone", "Group", "Mask", "Metadata", "ObjStm", "XRef", "Outlines", "Annot", "Action",
        "Border", "OCG", "OCMD", "StructTreeRoot", "StructElem", "MCR", "OBJR", "Filespec", "EmbeddedFile",
        "Sig", "CMap", "Collection",
    }),
    "/Subtype": frozenset({
        "Type0", "Type1", "MMType1", "Type3", "TrueType", "CIDFontType0", "CIDFontType2", "Type1C",
        "CIDFontType0C", "OpenType", "Form", "Image", "PS", "XML",
    }),
    "/ProcSet": frozenset({"PDF", "Text", "ImageB", "ImageC", "ImageI"}),
    "/Filter": frozenset({"ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "FlateDecode", "RunLengthDecode",
                          "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode", "Crypt",
                          "AHx", "A85", "LZW", "Fl", "RL", "CCF", "DCT"}),
    "/BaseFont": _STANDARD_FONTS,
    "/FontName": _STANDARD_FONTS,
    "/Encoding": _ENCODINGS,
    "/BaseEncoding": _ENCODINGS,
    "/ColorSpace": _COLOUR_SPACES,
    "/CS": _COLOUR_SPACES,
    "/S": frozenset({"Transparency", "Alpha", "Luminosity"}),
    "/BM": frozenset({"Normal", "Compatible", "Multiply", "Screen", "Overlay", "Darken", "Lighten", "ColorDodge",
                      "ColorBurn", "HardLight", "SoftLight", "Difference", "Exclusion", "Hue", "Saturation",
                      "Color", "Luminosity"}),
    "/PageLayout": frozenset({"SinglePage", "OneColumn", "TwoColumnLeft", "TwoColumnRight", "TwoPageLeft",
                              "TwoPageRight"}),
    "/PageMode": frozenset({"UseNone", "UseOutlines", "UseThumbs", "FullScreen", "UseOC", "UseAttachments"}),
}


def is_syntax(key: str | None, name: bytes) -> bool:
    """Whether ``name`` (its unparsed bytes, slash first) is a value the specification fixes for ``key``."""
    allowed = FIXED.get(key or "")
    return allowed is not None and name[:1] == b"/" and name[1:].decode("latin-1") in allowed
