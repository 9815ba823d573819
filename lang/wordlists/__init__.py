"""Bilingual word lists: what a Thai or Chinese word can mean in English.

* :mod:`.thai_english`: Thai words and their English lemmas, from the Thai and Princeton WordNets;
* :mod:`.chinese_english`: Chinese words and their short English glosses, from CC-CEDICT.

Both are built once by their ``build_*`` module and shipped in ``data/`` with their licences.
"""
