"""Generator for the PM interview handbook: YAML data in, Markdown pages out."""

from __future__ import annotations

__version__ = "0.1.0"
