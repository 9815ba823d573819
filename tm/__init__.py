"""Translation memory: TMX 1.4b reading and writing, and the TM store with fuzzy lookup."""
