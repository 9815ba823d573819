"""``trilex suggest``: the termbase terms in a sentence and how to translate them."""

from __future__ import annotations

import click

from trilex.cli.common import info, verbosity_options
from trilex.cli.tm import tm_option


def _langs(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [lang.strip() for lang in value.split(",") if lang.strip()]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("text", required=False, default="-")
@click.option("--from", "source_lang", default="th", show_default=True, metavar="LANG",
              help="Language of TEXT.")
@click.option("--to", "target_langs", callback=_langs, metavar="LANG,...",
              help="Target languages. Default: every other language of the termbase.")
@click.option("-t", "--termbase", "termbases", multiple=True, type=click.Path(dir_okay=False),
              help="Termbase (TBX or CSV); repeatable. Default: the bundled termbase.")
@tm_option("Also show fuzzy matches from this TM.", required=False)
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@verbosity_options
def cli(text: str, source_lang: str, target_langs: list[str] | None, termbases: tuple[str, ...],
        output_format: str, tm_path: str | None = None) -> None:
    """List the termbase terms in TEXT (or stdin with -) and their approved translations.

    For each term: its span, its status, the approved terms in each target language (preferred
    first), the terms to avoid, and the concept's other names.

    \b
    Examples:
      trilex suggest "ศูนย์ข้อมูลปัญญาประดิษฐ์จีน-อาเซียน" --from th --to zh,en
      echo "Add a new panel" | trilex suggest - --from en --to th -t xfce.tbx
      trilex suggest "人工智能" --from zh --to th --format json
      trilex suggest "ศูนย์ข้อมูลเปิดแล้ว" --from th --to zh --tm project.tm
      trilex suggest "数据中心" --from zh --to th --tm postgresql://translator@tm.example.org/tm
    """
    from trilex.check.suggest import suggest
    from trilex.check.index import load_index
    from trilex.fileio import read_text
    from trilex.lang.tags import primary_subtag

    if text == "-":
        text = read_text("-").rstrip("\r\n")
    index = load_index(termbases)
    if target_langs is None:
        source = primary_subtag(source_lang)
        target_langs = list(dict.fromkeys(primary_subtag(tag) for tag in index.termbase.languages()
                                          if primary_subtag(tag) != source))
    suggestions = suggest(text, index, source_lang, target_langs)
    if tm_path:
        from trilex.cli.tm import fuzzy_matches, match_dicts, match_lines

        matches = fuzzy_matches(text, tm_path, source_lang, limit=5, targets=target_langs)
    if output_format == "json":
        import json

        document = {"version": 1, "text": text, "source_lang": source_lang, "target_langs": target_langs,
                    "terms": [suggestion.to_dict() for suggestion in suggestions]}
        if tm_path:
            document["tm_matches"] = match_dicts(matches, text, source_lang, target_langs)
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    if not suggestions:
        info("no termbase terms found")
    for suggestion in suggestions:
        click.echo("\n".join(_text_lines(suggestion)))
    if tm_path:
        click.echo("TM matches:" if matches else "TM matches: none of 75% or more")
        for line in match_lines(matches, text, source_lang, target_langs):
            click.echo(line)


def _describe(term) -> str:
    details = ", ".join(part for part in (term.status, term.term_type) if part)
    return f"{term.text} ({details})" if details else term.text


def _text_lines(suggestion) -> list[str]:
    span = suggestion.span
    head = click.style(span.text, bold=True)
    lines = [f"{head}  [{span.start}-{span.end}]  {suggestion.term.status or 'no status'}"
             f"  concept {suggestion.concept_id}"]
    for target in suggestion.targets:
        approved = ", ".join(_describe(term) for term in target.approved) or "(none in the termbase)"
        lines.append(f"  {target.lang}: {approved}")
        if target.avoid:
            lines.append(f"  {target.lang} avoid: " + ", ".join(_describe(term) for term in target.avoid))
    if suggestion.other_names:
        lines.append("  also called: " + ", ".join(_describe(term) for term in suggestion.other_names))
    if suggestion.definition:
        lines.append(f"  definition: {suggestion.definition}")
    return lines
