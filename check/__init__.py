"""Term checks over bilingual documents: the checks, their findings and the reporters."""
