"""Sets of person ids as bitmaps: exact distinct counts that union across periods.

A set is the bits of one Python integer (union: `|`, size: `int.bit_count()`), stored
zlib-compressed, so a set of a few hundred people out of ids in the tens of thousands takes a
few hundred bytes.
"""

import zlib
from collections.abc import Iterable


def bitmap_of(ids: Iterable[int]) -> int:
    """A set of (small, positive) ids as the bits of one integer: unions are a bitwise OR."""
    ids = list(ids)
    if not ids:
        return 0
    bits = bytearray(max(ids) // 8 + 1)
    for i in ids:
        bits[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(bits, "little")


def bitmap_dump(bitmap: int) -> bytes:
    return zlib.compress(bitmap.to_bytes((bitmap.bit_length() + 7) // 8, "little"))


def bitmap_load(blob) -> int:
    return int.from_bytes(zlib.decompress(bytes(blob)), "little")
