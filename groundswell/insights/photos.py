"""Photo checks: the type comes from the file's first bytes, never from its name or the
browser's claim, so an SVG or HTML file cannot pass as an image."""

from groundswell.errors import InvalidInput

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# content type -> (extension, test on the first bytes)
_SIGNATURES = {
    "image/png": ("png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    "image/jpeg": ("jpg", lambda head: head.startswith(b"\xff\xd8\xff")),
    "image/webp": ("webp", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
}


def photo_type(upload) -> tuple[str, str]:
    """(content type, extension) of an uploaded photo, or InvalidInput."""
    if upload.size > MAX_PHOTO_BYTES:
        raise InvalidInput("The photo is larger than 5 MB.", field="photo")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for content_type, (extension, matches) in _SIGNATURES.items():
        if matches(head):
            return content_type, extension
    raise InvalidInput("The photo must be a PNG, JPEG or WebP image.", field="photo")
