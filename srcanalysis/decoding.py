"""Turn file or page bytes into text: the bytes' own declaration first, then detection, then fallbacks.

Order (the WHATWG encoding-sniffing order, simplified):

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. a declaration handed in by the caller (the HTTP ``Content-Type`` charset of a downloaded page);
3. for markup, the document's own declaration in its first 4 KB: ``<meta charset>``,
   ``<meta http-equiv="Content-Type" content="...; charset=...">`` or the XML prolog;
4. strict UTF-8, or UTF-8 with a handful of stray bytes (replaced and reported) when 80 % of the
   non-ASCII bytes form UTF-8 sequences;
5. cp1252 when the result reads as Western text; otherwise charset-normalizer's detection;
6. Latin-1, which never fails.

As in browsers, the labels ``iso-8859-1``, ``latin1`` and ``us-ascii`` mean cp1252. A declared
encoding that fails on a handful of stray bytes is kept, with those bytes replaced and counted.

Decoded text is checked for mojibake (UTF-8 read as cp1252: ``Ã©``, ``â€™``); when the whole text
round-trips it is repaired, and either way it is reported, never silently kept.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "binary_kind", "decode_bytes", "decode_document", "declared_encoding", "find_mojibake"]

#: Bytes of a document searched for a charset declaration (the HTML standard's prescan limit).
PRESCAN_BYTES = 4096
#: Largest share of bytes a declared encoding may fail on and still be used (with replacements).
MAX_BAD_SHARE = 0.001
#: Labels browsers treat as cp1252 (WHATWG Encoding Standard, "windows-1252" labels).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
              "iso_8859-1", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252"}
_CONTROL = bytes([*range(9), *range(14, 32)])
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.()-]+)""", re.I)
_XML_PROLOG = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_CONTENT_TYPE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.()-]+)", re.I)
#: UTF-8 sequences read as cp1252 or Latin-1: "Ã©" for "é", "â€™" for "’", "Â " for a no-break space.
#: A run that may be one UTF-8 character read as cp1252: a lead byte and 1-3 continuation bytes.
_MOJIBAKE_RUN = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u20ac\u2122\u0161\u017e]{1,3}")
_MOJIBAKE = re.compile("[ÂÃ][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc]|â€[\u0080-\u00bf\u2018-\u203a™œ˜¦]")


@dataclass(frozen=True)
class Decoded:
    """The text of some bytes and how it was obtained.

    Attributes:
        text: The decoded (and, when repaired, fixed) text.
        encoding: Python codec name used (``utf-8``, ``cp1251``, ``utf-16``...).
        basis: ``bom``, ``declared`` (HTTP header or the document's own declaration), ``utf-8``,
            ``fallback`` or ``detected``.
        warning: Empty, or what is wrong with the text (stray bytes replaced, mojibake found).
    """

    text: str
    encoding: str
    basis: str
    warning: str = ""


def _codec(label: str | bytes | None) -> str | None:
    """Python codec name for an encoding label, ``None`` when unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "utf-8" if name in ("utf-8", "utf_8") else name


def declared_encoding(data: bytes, header: str | None = None) -> str | None:
    """The encoding a page declares: HTTP ``Content-Type`` header, then ``<meta>``, then XML prolog.

    Args:
        data: The page bytes.
        header: A ``Content-Type`` header value, e.g. ``text/html; charset=windows-1251``.

    Returns:
        A Python codec name, or ``None`` when nothing usable is declared.

    Example:
        >>> declared_encoding(b'<html><head><meta charset="windows-1250"></head>')
        'cp1250'
        >>> declared_encoding(b"<p>hi</p>", header="text/html; charset=KOI8-R")
        'koi8-r'
    """
    if header:
        m = _CONTENT_TYPE.search(header)
        if m and _codec(m.group(1)):
            return _codec(m.group(1))
    head = data[:PRESCAN_BYTES]
    for pattern in (_META_CHARSET, _XML_PROLOG):
        m = pattern.search(head)
        if m and _codec(m.group(1)):
            name = _codec(m.group(1))
            # a page cannot declare UTF-16 in ASCII bytes (the HTML standard reads it as UTF-8)
            return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL))
    return control > 0.05 * max(len(head), 1)


def _decode_declared(data: bytes, encoding: str) -> tuple[str, str] | None:
    """Decode with a declared encoding; tolerate a few stray bytes (replaced and counted)."""
    try:
        return data.decode(encoding), ""
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if bad <= max(3, MAX_BAD_SHARE * len(data)):
        return text, f"{bad} byte(s) not valid {encoding} replaced by U+FFFD"
    return None


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _utf8_share(data: bytes) -> float:
    """Share of the non-ASCII bytes that form valid UTF-8 sequences (1.0 when there are none)."""
    high = len(data) - len(data.translate(None, bytes(range(128, 256))))
    if not high:
        return 1.0
    return sum(len(m) for m in _UTF8_SEQ.findall(data)) / high


def _western(text: str) -> bool:
    """True when a cp1252 reading looks like Western text (few words made only of accented letters)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return True
    high = sum(1 for c in letters if ord(c) > 127)
    return high <= 0.3 * len(letters)


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: cp1252/Latin-1 fallbacks still apply
        return None
    best = from_bytes(data[:200_000]).best()
    return _codec(best.encoding) if best is not None else None


def find_mojibake(text: str) -> int:
    """Number of UTF-8-read-as-cp1252 sequences (``Ã©``, ``â€™``) in ``text``.

    Example:
        >>> find_mojibake("The minister’s café"), find_mojibake("The ministerâ€™s cafÃ©")
        (0, 2)
    """
    if "Ã" not in text and "â€" not in text and "Â" not in text:  # fast path: no lead characters
        return 0
    return len(_MOJIBAKE.findall(text))


def _sloppy_cp1252(text: str) -> bytes:
    """Encode as cp1252, keeping the five bytes cp1252 leaves undefined (as Latin-1 readers do)."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 255:
                raise
            out.append(ord(char))
    return bytes(out)


def _repair(text: str) -> tuple[str, str]:
    """Repair UTF-8 sequences that were read as cp1252 (each run on its own); report either way."""
    n = find_mojibake(text)
    if n < 2:
        return text, ""
    fixed_runs = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal fixed_runs
        try:
            repaired = _sloppy_cp1252(match.group(0)).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group(0)
        fixed_runs += 1
        return repaired

    fixed = _MOJIBAKE_RUN.sub(fix, text)
    left = find_mojibake(fixed)
    if left == 0:
        return fixed, f"mojibake repaired: {fixed_runs} UTF-8 sequence(s) had been read as cp1252"
    return fixed, (f"mojibake: {n} sequence(s) like 'Ã©' or 'â€™' (UTF-8 read as cp1252), "
                   f"{fixed_runs} repaired, {left} left as they are")


#: Leading bytes of binary formats that turn up under text or HTML names (a PDF saved as .html,
#: a Word file as .txt), with the name used in the reason; from the formats' specifications.
FILE_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive (also .docx, .xlsx, .epub)"),
    (b"\x1f\x8b", "gzip-compressed file"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (.doc/.xls) file"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"BZh", "bzip2-compressed file"), (b"\xfd7zXZ\x00", "xz-compressed file"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
)


def binary_kind(data: bytes) -> str:
    """The binary format ``data`` starts with (:data:`FILE_SIGNATURES`), '' for none.

    Example:
        >>> binary_kind(b"%PDF-1.7 ..."), binary_kind(b"<html>")
        ('PDF document', '')
    """
    head = data[:16].lstrip(b"\r\n\t ") if data[:1] in b"\r\n\t " else data[:16]
    return next((name for magic, name in FILE_SIGNATURES if head.startswith(magic)), "")


def decode_document(data: bytes, *, markup: bool = False, header: str | None = None) -> Decoded:
    """Decode bytes, honouring their own declaration, and check the result for mojibake.

    Args:
        data: The raw bytes.
        markup: Look for an HTML/XML charset declaration inside the bytes.
        header: An HTTP ``Content-Type`` header (its charset wins over the document's).

    Returns:
        A :class:`Decoded`.

    Raises:
        ValueError: when the bytes look binary (a known binary format's signature, NUL or many
            control bytes).

    Example:
        >>> page = '<meta charset="windows-1251"><p>Москва</p>'.encode("cp1251")
        >>> d = decode_document(page, markup=True)
        >>> d.encoding, d.basis, "Москва" in d.text
        ('cp1251', 'declared', True)
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), "utf-8" if codec == "utf-8-sig" else codec, "bom")
            except UnicodeDecodeError:
                break
    kind = binary_kind(data)
    if kind:
        raise ValueError(f"binary file: a {kind}, not text or HTML")
    if _looks_binary(data):
        raise ValueError("binary file (NUL or control bytes), not text")
    declared = declared_encoding(data if markup else b"", header)
    if declared:
        done = _decode_declared(data, declared)
        if done is not None:
            text, warning = done
            text, repaired = _repair(text)
            return Decoded(text, declared, "declared", "; ".join(w for w in (warning, repaired) if w))
    try:
        text, repaired = _repair(data.decode("utf-8"))
        return Decoded(text, "utf-8", "utf-8", repaired)
    except UnicodeDecodeError:
        pass
    nearly = _decode_declared(data, "utf-8") if _utf8_share(data) >= 0.8 else None
    if nearly is not None:  # UTF-8 with a few stray bytes: far likelier than a legacy code page
        return Decoded(nearly[0], "utf-8", "utf-8", nearly[1])
    try:
        text = data.decode("cp1252")
        if _western(text):
            return Decoded(text, "cp1252", "fallback")
    except UnicodeDecodeError:
        text = None
    detected = _detect(data)
    if detected:
        try:
            return Decoded(data.decode(detected), detected, "detected")
        except (UnicodeDecodeError, LookupError):
            pass
    if text is not None:
        return Decoded(text, "cp1252", "fallback", "text does not read as Western; cp1252 kept")
    return Decoded(data.decode("latin-1"), "latin-1", "fallback")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes: a byte-order mark, UTF-8, cp1252 (or detection), then Latin-1.

    Returns:
        ``(text, encoding)``.

    Raises:
        ValueError: when the bytes look binary.

    Example:
        >>> decode_bytes("café".encode("cp1252"))
        ('café', 'cp1252')
    """
    decoded = decode_document(data)
    return decoded.text, decoded.encoding
