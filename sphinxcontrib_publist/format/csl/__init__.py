"""Format stage: CSL styles through citeproc-py, their output cached and mapped to rich text."""
