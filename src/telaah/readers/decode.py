"""Bytes to text: UTF-8 first, then a detected legacy encoding with a warning."""
from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import InputError

# Encodings that occur for Indonesian web text pasted from old sites, in order of preference.
FALLBACKS = ("cp1252", "latin-1")


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes, mean this is not text (an image, a PDF, a zip)."""
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(sample) // 50)


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode ``data``; return the text and warnings. Raise InputError when it cannot be text."""
    warnings: list[str] = []
    if not data.strip():
        raise InputError(path, "file is empty", "E002")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
            warnings.append("decoded as UTF-16 (byte-order mark)")
            return text, warnings
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise InputError(path, "file looks binary (NUL or control bytes), not text", "E003")
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    # The legacy encodings that occur for this material come first; a detector guess is the last
    # resort (on short Indonesian text it picks Central European code pages too readily).
    guess = from_bytes(data[:200_000]).best()
    candidates = list(FALLBACKS)
    if guess is not None and guess.encoding not in candidates:
        candidates.append(guess.encoding)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f") > 20:
            continue
        warnings.append(
            f"not valid UTF-8 (first bad byte at offset {bad_at}); decoded as {enc}"
            + (" (detected)" if guess is not None and enc == guess.encoding else "")
        )
        return text, warnings
    raise InputError(path, "text could not be decoded as UTF-8 or any legacy encoding", "E004")
