"""Headers: which are read, which are kept, and how a header becomes text and back.

A header the reader shows is split into *fields*, each a piece of text the
writer can change on its own: an unstructured header (Subject) is one field;
an address header is a display name and an address per mailbox (and a name
per group). :func:`fields` gives the decoded fields (RFC 2047 undone) with
the punctuation between them; :func:`render` turns possibly changed fields
back into a header value, RFC 2047-encoding whatever is not ASCII. The
writer only ever emits what the fields hold, so anything the parser could not
place in a field is dropped rather than passed through.
"""
from __future__ import annotations

import re
from email.header import Header, decode_header, make_header
from email.headerregistry import AddressHeader
from typing import Any

#: headers whose text the reader shows to detection, in this order.
READ = ("From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Subject")
#: the only headers a redacted message keeps (lower case); everything else carries routes,
#: hosts, identifiers and addresses the recipient does not need (Received, Message-ID, X-...).
#: Content-Description and Content-Location are free text and URLs, so they go too.
KEPT = frozenset({
    "from", "to", "cc", "reply-to", "subject", "date", "mime-version",
    "content-type", "content-transfer-encoding", "content-disposition", "content-id", "content-language",
})
#: of the headers read, those the redacted message keeps (Bcc and Sender are read, then dropped).
REWRITTEN = frozenset(h.lower() for h in READ) & KEPT
#: Content-Type parameters a redacted part keeps; the rest (name, x-...) can hold text.
KEPT_PARAMS = ("charset", "boundary", "format", "delsp", "type", "protocol", "micalg", "reply-type")

#: characters that make a display name need quotes (RFC 5322 specials).
_SPECIALS = re.compile(r'[][\\()<>@,:;".]')
#: a field key: ("text",), ("group", g), ("name", g, a) or ("addr", g, a).
Key = tuple[Any, ...]
#: a header as fields: (key, text), with key None for punctuation the reader inserted.
Fields = list[tuple[Key | None, str]]


def clean(value: str) -> str:
    """Undo surrogate escapes (8-bit bytes in a header): decode them as UTF-8, replacing the rest."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def unstructured(raw: str) -> str:
    """A raw header value decoded as plain text (RFC 2047 words undone where they parse)."""
    try:
        return clean(" ".join(str(make_header(decode_header(raw))).split()))
    except Exception:
        return clean(" ".join(raw.split()))


def fields(header: Any) -> Fields:
    """The decoded fields of a parsed header (see the module docstring)."""
    if isinstance(header, AddressHeader):
        try:
            found = _address_fields(header)
        except Exception:  # a header the address parser cannot take apart: shown whole
            found = []
        if found:
            return found
    return [(("text",), clean(str(header)))]


def _address_fields(header: AddressHeader) -> Fields:
    out: Fields = []
    for g, group in enumerate(header.groups):
        if out:
            out.append((None, ", "))
        if group.display_name is not None:
            out += [(("group", g), clean(group.display_name)), (None, ": ")]
        for a, address in enumerate(group.addresses):
            if a:
                out.append((None, ", "))
            if address.display_name:
                out += [(("name", g, a), clean(address.display_name)), (None, " <")]
                out += [(("addr", g, a), clean(address.addr_spec)), (None, ">")]
            else:
                out.append((("addr", g, a), clean(address.addr_spec)))
        if group.display_name is not None:
            out.append((None, ";"))
    return out


def render(name: str, original: Fields, changed: dict[Key, str]) -> str:
    """The header value for ``original`` with the fields in ``changed`` replaced, encoded for the wire."""
    value = {key: changed.get(key, text) for key, text in original if key is not None}
    if ("text",) in value:
        return _encode(value[("text",)], name)
    groups: dict[int, tuple[str | None, list[str]]] = {}
    for key, _ in original:
        if key is None:
            continue
        g = key[1]
        group_name, mailboxes = groups.setdefault(g, (None, []))
        if key[0] == "group":
            groups[g] = (value[key], mailboxes)
        elif key[0] == "addr":
            display = value.get(("name", g, key[2]), "")
            if display or value[key]:
                mailboxes.append(_mailbox(display, value[key]))
    rendered = []
    for group_name, mailboxes in groups.values():
        joined = ",\n ".join(mailboxes)
        rendered.append(joined if group_name is None else f"{_encode(group_name, name)}: {joined};")
    return ",\n ".join(r for r in rendered if r)


def _mailbox(display: str, addr: str) -> str:
    """``Name <addr>``: the name RFC 2047 encoded if not ASCII, quoted if it has specials."""
    if not display:
        return addr
    if not display.isascii():
        phrase = Header(display, "utf-8").encode()
    elif _SPECIALS.search(display):
        phrase = '"' + display.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        phrase = display
    return f"{phrase} <{addr}>"


def _encode(text: str, name: str) -> str:
    """Unstructured text as a header value: as it is if ASCII, else RFC 2047 encoded words (UTF-8)."""
    text = " ".join(text.split())
    charset = "us-ascii" if text.isascii() else "utf-8"
    return Header(text, charset, header_name=name).encode(linesep="\n")
