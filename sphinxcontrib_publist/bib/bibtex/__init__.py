"""Source stage, BibTeX: bytes to text, text to chunks, chunks to entries, broken ones mended.

``decode`` finds the encoding; ``chunks`` cuts the text at each entry and drops
``%`` comments; ``parse`` reads the chunks with one pybtex parser; ``defects``
(walking with a ``cursor``) says what is wrong with a command pybtex could not
read, and what of it to keep. ``..reader`` puts them together.
"""
