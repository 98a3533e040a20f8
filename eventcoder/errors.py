"""Typed errors raised by the stages; the batch runner and the CLI translate them once.

EventcoderError
 ├── InputError        the input cannot be read as a document (empty, binary, bad JSON line)
 │    └── EncodingError the bytes are not text in any encoding we can detect
 ├── ExtractionError   the page has no main text we can use
 └── LanguageError     the text is not in a language the extractor supports
"""


class EventcoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""


class InputError(EventcoderError):
    """The input cannot be read as a document."""


class EncodingError(InputError):
    """The bytes cannot be decoded as text."""


class ExtractionError(EventcoderError):
    """No usable main text could be extracted from the page."""


class LanguageError(EventcoderError):
    """The article is in a language the extractor does not support."""
