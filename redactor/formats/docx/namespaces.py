"""XML namespaces of a Word package, and Clark names built from them."""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Namespaces of relationship-id attributes (``r:id``, ``r:embed``...), transitional and strict.
REL_ATTRIBUTE_NS = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    }
)


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag."""
    return f"{{{W_NS}}}{tag}"
