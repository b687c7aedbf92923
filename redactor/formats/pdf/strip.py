"""Removing everything outside the visible page content that can hold text.

Document level: the info dictionary, XMP metadata, outlines, the AcroForm and
its field values, the Names tree (embedded files, JavaScript), OpenAction and
additional actions, page labels, the structure tree, threads: the catalog keeps
only entries that cannot carry personal data, and pages and page-tree nodes
keep only what draws them (so annotations of every kind, thumbnails and beads
go). In content streams, marked-content property lists lose ``/ActualText``,
``/Alt`` and ``/E``, and whatever is drawn inside an optional-content section
that is hidden by default (or by an XObject whose ``/OC`` is off) is not drawn
at all; then ``/OCProperties`` goes, so nothing can switch a layer back on.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pikepdf

#: catalog entries that cannot carry personal data; every other one is removed.
CATALOG_KEEP = frozenset({"/Type", "/Pages", "/Version", "/PageLayout", "/ViewerPreferences", "/Lang", "/Extensions"})
#: page entries that draw the page; every other one (annotations, actions, thumbnails, beads...) is removed.
PAGE_KEEP = frozenset({"/Type", "/Parent", "/Resources", "/Contents", "/MediaBox", "/CropBox", "/BleedBox",
                       "/TrimBox", "/ArtBox", "/Rotate", "/UserUnit", "/Group", "/Tabs"})
#: entries a page-tree node keeps (the inheritable ones).
NODE_KEEP = frozenset({"/Type", "/Parent", "/Kids", "/Count", "/Resources", "/MediaBox", "/CropBox", "/Rotate"})
#: removed from every dictionary and stream of the file.
DROP_EVERYWHERE = ("/Metadata", "/PieceInfo", "/Alternates", "/OPI", "/OC", "/StructParent", "/StructParents",
                   "/AF", "/Thumb")
#: marked-content properties holding text a reader does not see.
HIDDEN_TEXT_KEYS = ("/ActualText", "/Alt", "/E")
#: operators that put marks on the page; inside a hidden layer they are dropped.
MARKING = frozenset({"Tj", "TJ", "Do", "sh", "BI", "EI", "ID"})
PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})


def strip_document(pdf: pikepdf.Pdf) -> None:
    """Remove document-level data and hidden content (see the module docstring)."""
    root = pdf.Root
    for key in list(root.keys()):
        if key not in CATALOG_KEEP:
            del root[key]
    for key in list(pdf.trailer.keys()):
        if key not in ("/Root", "/Size"):
            del pdf.trailer[key]
    _prune_tree(root.get("/Pages"), set())
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for key in DROP_EVERYWHERE:
                if key in obj:
                    del obj[key]


def _prune_tree(node: Any, seen: set[tuple[int, int]]) -> None:
    """Keep only drawing entries on every page and page-tree node."""
    if not isinstance(node, pikepdf.Dictionary) or (node.is_indirect and node.objgen in seen):
        return
    if node.is_indirect:
        seen.add(node.objgen)
    kids = node.get("/Kids")
    keep = NODE_KEEP if isinstance(kids, pikepdf.Array) else PAGE_KEEP
    for key in list(node.keys()):
        if key not in keep:
            del node[key]
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            _prune_tree(kid, seen)


def strip_contents(pdf: pikepdf.Pdf) -> list[int]:
    """Strip hidden layers and hidden-text properties from every page's content and forms.

    Returns the 1-based numbers of pages whose content could not be parsed (the caller
    re-renders them).
    """
    hidden = _hidden_test(pdf)
    done: set[tuple[int, int]] = set()
    failed = []
    for number, page in enumerate(pdf.pages, start=1):
        try:
            resources = inherited(page.obj, "/Resources")
            ops = list(pikepdf.parse_content_stream(page))
            new = _strip_ops(ops, resources, hidden, done)
            if new is not None:
                page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(new))
            _prune_xobjects(page.obj, resources, ops if new is None else new)
        except pikepdf.PdfError:
            failed.append(number)
    if "/OCProperties" in pdf.Root:
        del pdf.Root["/OCProperties"]
    return failed


def inherited(page: pikepdf.Dictionary, key: str) -> pikepdf.Dictionary:
    """A page attribute, looked up through the page tree (an empty dictionary when absent)."""
    node: Any = page
    for _ in range(64):
        if not isinstance(node, pikepdf.Dictionary):
            break
        value = node.get(key)
        if isinstance(value, pikepdf.Dictionary):
            return value
        node = node.get("/Parent")
    return pikepdf.Dictionary()


def _strip_ops(ops: list[Any], resources: pikepdf.Dictionary, hidden: Callable[[Any], bool],
               done: set[tuple[int, int]]) -> list[Any] | None:
    """``ops`` without hidden content and hidden-text properties; None when nothing changed."""
    _strip_resources(resources, hidden, done)
    out: list[Any] = []
    changed = False
    stack: list[bool] = []
    for instruction in ops:
        inside = any(stack)
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            changed |= inside
            if not inside:
                out.append(instruction)
            continue
        name = str(instruction.operator)
        args = list(instruction.operands)
        if name in ("BDC", "BMC"):
            stack.append(name == "BDC" and len(args) == 2 and str(args[0]) == "/OC"
                         and hidden(_property(args[1], resources)))
        elif name == "EMC" and stack:
            stack.pop()
        if name in ("BDC", "DP") and len(args) == 2 and isinstance(args[1], pikepdf.Dictionary):
            if any(key in args[1] for key in HIDDEN_TEXT_KEYS):
                props = pikepdf.Dictionary({k: v for k, v in args[1].items() if k not in HIDDEN_TEXT_KEYS})
                instruction = pikepdf.ContentStreamInstruction([args[0], props], instruction.operator)
                changed = True
        if name == "Do" and args and not inside and hidden(_xobject(resources, args[0]).get("/OC")):
            changed = True
            continue
        if inside and (name in MARKING or name in PAINTING or name in ("'", '"')):
            changed = True
            if name in PAINTING:
                out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("n")))
            elif name == "'":
                out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
            elif name == '"' and len(args) == 3:
                for value, op in ((args[0], "Tw"), (args[1], "Tc")):
                    out.append(pikepdf.ContentStreamInstruction([value], pikepdf.Operator(op)))
                out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
            continue
        out.append(instruction)
    return out if changed else None


def _drawn(ops: list[Any], xobjects: pikepdf.Dictionary, depth: int) -> set[str]:
    """XObject names ``ops`` draw, with those drawn by forms that borrow these resources (no ``/Resources``)."""
    names = {str(i.operands[0]) for i in ops if isinstance(i, pikepdf.ContentStreamInstruction)
             and str(i.operator) == "Do" and len(i.operands) == 1}
    for name in list(names):
        form = xobjects.get(name)
        if depth < 8 and isinstance(form, pikepdf.Stream) and "/Resources" not in form \
                and str(form.get("/Subtype", "")) == "/Form":
            names |= _drawn(list(pikepdf.parse_content_stream(form)), xobjects, depth + 1)
    return names


def _property(value: Any, resources: pikepdf.Dictionary) -> Any:
    if isinstance(value, pikepdf.Name):
        props = resources.get("/Properties")
        return props.get(str(value)) if isinstance(props, pikepdf.Dictionary) else None
    return value


def _xobject(resources: pikepdf.Dictionary, name: Any) -> pikepdf.Object:
    xobjects = resources.get("/XObject")
    found = xobjects.get(str(name)) if isinstance(xobjects, pikepdf.Dictionary) else None
    return found if isinstance(found, (pikepdf.Dictionary, pikepdf.Stream)) else pikepdf.Dictionary()


def _strip_resources(resources: pikepdf.Dictionary, hidden: Callable[[Any], bool],
                     done: set[tuple[int, int]]) -> None:
    """Hidden-text properties out of ``/Properties``; every Form XObject's content stripped once."""
    props = resources.get("/Properties")
    if isinstance(props, pikepdf.Dictionary):
        for value in props.values():
            if isinstance(value, pikepdf.Dictionary):
                for key in HIDDEN_TEXT_KEYS:
                    if key in value:
                        del value[key]
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    for form in xobjects.values():
        if not isinstance(form, pikepdf.Stream) or str(form.get("/Subtype", "")) != "/Form":
            continue
        if form.objgen in done:
            continue
        done.add(form.objgen)
        own = form.get("/Resources")
        ops = list(pikepdf.parse_content_stream(form))
        new = _strip_ops(ops, own if isinstance(own, pikepdf.Dictionary) else resources, hidden, done)
        if new is not None:
            form.write(pikepdf.unparse_content_stream(new))
        if isinstance(own, pikepdf.Dictionary):
            _prune_xobjects(form, own, ops if new is None else new)


def _prune_xobjects(holder: pikepdf.Object, resources: pikepdf.Dictionary, ops: list[Any]) -> None:
    """Give ``holder`` its own resources without the XObjects its content never draws.

    An unused entry can still hold text (a replaced form, an unpainted image, a form only
    another page draws), and the dictionary may be shared, so the copy is the holder's own.
    """
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    used = _drawn(ops, xobjects, 0)
    if set(xobjects.keys()) <= used:
        return
    copy = pikepdf.Dictionary({k: v for k, v in resources.items()})
    copy.XObject = pikepdf.Dictionary({k: v for k, v in xobjects.items() if k in used})
    holder.Resources = copy


def _hidden_test(pdf: pikepdf.Pdf) -> Callable[[Any], bool]:
    """Whether an optional-content group or membership dictionary is off in the default configuration."""
    props = pdf.Root.get("/OCProperties")
    config = props.get("/D") if isinstance(props, pikepdf.Dictionary) else None
    if not isinstance(config, pikepdf.Dictionary):
        return lambda obj: False
    base_off = str(config.get("/BaseState", "/ON")) == "/OFF"
    on = {o.objgen for o in config.get("/ON", pikepdf.Array()) if isinstance(o, pikepdf.Dictionary)}
    off = {o.objgen for o in config.get("/OFF", pikepdf.Array()) if isinstance(o, pikepdf.Dictionary)}

    def group_on(group: Any) -> bool:
        if not isinstance(group, pikepdf.Dictionary):
            return True
        return group.objgen in on if base_off else group.objgen not in off

    def expression(value: Any, depth: int) -> bool:
        if depth > 16:
            return False
        if isinstance(value, pikepdf.Array) and len(value) > 0:
            op, terms = str(value[0]), [expression(v, depth + 1) for v in list(value)[1:]]
            return {"/And": all(terms), "/Or": any(terms), "/Not": not all(terms)}.get(op, True)
        return group_on(value)

    def visible(obj: Any) -> bool:
        if not isinstance(obj, pikepdf.Dictionary):
            return True
        if str(obj.get("/Type", "")) != "/OCMD":
            return group_on(obj)
        if "/VE" in obj:
            return expression(obj.VE, 0)
        raw = obj.get("/OCGs")
        groups = list(raw) if isinstance(raw, pikepdf.Array) else [raw] if raw is not None else []
        states = [group_on(g) for g in groups if isinstance(g, pikepdf.Dictionary)]
        if not states:
            return True
        policy = str(obj.get("/P", "/AnyOn"))
        return {"/AllOn": all(states), "/AnyOff": not all(states), "/AllOff": not any(states)}.get(policy, any(states))

    return lambda obj: not visible(obj)
