"""Not an upstream file: lets user logic that opens files at the filesystem root run unchanged in tests.

The Go CPA's example images add their files at "/", and a hook such as post_scale.py writes its file
there too; a test may not write to "/". Python imports this module at start when PYTHONPATH names
this folder, and from then on a file directly under "/" is opened in UPSTREAM_IMAGE_ROOT instead,
where the test keeps its copy of the image's root.
"""
import builtins
import os

_image_root = os.environ.get("UPSTREAM_IMAGE_ROOT")
_open = builtins.open


def _open_in_image_root(file, *args, **kwargs):
    if isinstance(file, str) and os.path.dirname(file) == "/" and len(file) > 1:
        file = os.path.join(_image_root, file[1:])
    return _open(file, *args, **kwargs)


if _image_root:
    builtins.open = _open_in_image_root
