"""Language handling shared by every part of trilex.

Language tags, text normalization, script splitting, word boundaries and term matching live
here, in one place, so the extractor, the term checker and the TM all apply the same rules.
"""
