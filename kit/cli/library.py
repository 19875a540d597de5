"""``kit validate``, ``kit list`` and ``kit schema``: the library commands, over plain functions."""

from __future__ import annotations

from pathlib import Path

import typer

from kit.baselines import SAMPLE_LIBRARY, Library, LibraryError, load_library
from kit.baselines.models import FixedFine, MaxOnlyFine, MultipleFine, PerUnitFine, RangeFine
from kit.baselines.vocabulary import Level, PenaltyType
from kit.cli import app
from kit.cli.options import LangOption, LibraryOption
from kit.i18n import Lang, list_join, money, money_range, named, number, t

def summary_line(library: Library, *, lang: Lang = "en") -> str:
    """``OK: 14 authorities, 14 matters, 16 baselines, 25 factors, 3 exemption lists``."""
    parts = [f"{count} {t('baselines.count.' + key, lang)}" for key, count in library.summary().items()]
    return "OK: " + ", ".join(parts)


def fine_text(spec: object, *, lang: Lang = "zh") -> str:
    """A fine in a line, money written the kit's one way: ``50,000–95,000元``, ``至多 50,000元``,
    ``1–5倍 illegal_gains``, ``200元 / 1,000 excess_weight_kg，最高 30,000元`` …."""
    if isinstance(spec, RangeFine | FixedFine):
        lo, hi = (spec.min, spec.max) if isinstance(spec, RangeFine) else (spec.amount, spec.amount)
        return money_range(lo, hi, lang)
    if isinstance(spec, MaxOnlyFine):
        return t("cli.fine_at_most", lang, amount=money(spec.max, lang))
    if isinstance(spec, MultipleFine):
        scale, unit = (100, "%") if spec.display == "percent" else (1, t("cli.times", lang))
        return t("cli.fine_multiple", lang, lo=number(spec.min * scale, lang), hi=number(spec.max * scale, lang),
                 unit=unit, base=spec.base)
    if isinstance(spec, PerUnitFine):
        cap = t("cli.fine_cap", lang, amount=money(spec.cap, lang)) if spec.cap is not None else ""
        return t("cli.fine_per_unit", lang, rate=money(spec.rate, lang), unit=number(spec.unit, lang), per=spec.per,
                 cap=cap)
    return ""


def matters_listing(library: Library, *, lang: Lang = "zh") -> list[str]:
    """Every matter with its baselines and each baseline's levels (or tiers), one line each."""
    lines: list[str] = []
    for matter in sorted(library.matters.values(), key=lambda m: (m.sector, m.id)):
        lines.append(f"{named(matter.name, matter.name_en, lang)}  [{matter.id}]  {matter.sector}")
        baselines = sorted(library.baselines_for(matter.id), key=lambda b: (b.authority, b.effective_from))
        if not baselines:
            lines.append("  " + t("cli.no_baseline", lang))
        for b in baselines:
            authority = library.authorities[b.authority]
            who = named(authority.name, authority.name_en, lang)
            mark = f"  〔{t('common.illustrative', lang)}〕" if (b.disclaimer or matter.disclaimer) else ""
            lines.append(f"  {b.id}  {who}  {b.version}  {b.effective_from.isoformat()}–"
                         f"{b.effective_to.isoformat() if b.effective_to else ''}{mark}")
            for level in sorted(b.levels, key=lambda lv: lv.rank):
                rule = b.levels[level]
                lines.append(f"    {level.label(lang)}" + (f"  {fine_text(rule.fine, lang=lang)}" if rule.fine else "")
                             + _other_penalties(rule.penalties, lang))
            for tier in b.tiers:
                amount = f"  {fine_text(tier.fine, lang=lang)}" if tier.fine else ""
                tag = t("cli.tier", lang, no=tier.no) + (f" ({tier.block})" if tier.block != "main" else "")
                lines.append(f"    {tag}  {Level(tier.level).label(lang)}{amount}"
                             + _other_penalties(tier.penalties, lang))
    return lines


def _other_penalties(penalties, lang: Lang) -> str:
    """The penalties besides the fine a level or a tier imposes (行政拘留, 责令停产停业 …), or ''."""
    others = [p.label(lang) for p in penalties or () if p is not PenaltyType.fine]
    return f"  {list_join(others, lang)}" if others else ""


def _load_or_exit(paths: list[Path], lang: Lang = "zh") -> Library:
    try:
        return load_library(*paths)
    except LibraryError as exc:
        typer.echo(exc.report(lang), err=True)
        raise typer.Exit(1) from None


@app.command(short_help="校验基准库 / Load and check a library.")
def validate(
    paths: list[Path] | None = typer.Argument(None, help=(
        "基准库文件夹或 YAML 文件（合并载入为一个基准库） / Library folders or YAML files (all load as one library).")),
    sample: bool = typer.Option(False, "--sample", help="校验内置示例基准库 / Validate the bundled sample library."),
    lang: LangOption = "zh",
) -> None:
    """载入并校验基准库：打印各项数目和 OK，或列出每一处错误（文件:行:列、路径、应为、实为）并以 1 退出 /
    Load and check a library: print the counts and OK, or every error (file:line:column, path, expected,
    found) and exit 1."""
    targets = list(paths or []) + ([SAMPLE_LIBRARY] if sample else [])
    if not targets:
        typer.echo(t("errors.validate_no_paths", lang), err=True)
        raise typer.Exit(1)
    library = _load_or_exit(targets, lang)
    typer.echo(summary_line(library))


@app.command("list", short_help="列出事项、基准和阶次 / List the matters, baselines and levels.")
def list_(
    paths: list[Path] | None = typer.Argument(None, help=(
        "基准库文件夹或文件；默认：内置示例基准库 / Library folders or files; default: the sample library.")),
    lang: LangOption = "zh",
    library: LibraryOption = None,
) -> None:
    """列出各违法行为事项及其裁量基准和裁量阶次 / List the matters with their baselines and levels."""
    loaded = _load_or_exit(list(paths or []) + list(library or []) or [SAMPLE_LIBRARY], lang)
    for line in matters_listing(loaded, lang=lang):
        typer.echo(line)


@app.command(short_help="生成基准库格式说明 / Write the library format's schema and reference.")
def schema(
    out: Path | None = typer.Option(None, "--out", help="写入的文件夹；默认：项目的 docs/ / "
                                                     "Folder to write into; default: the project's docs/."),
    check: bool = typer.Option(False, "--check", help="只检查已提交的副本是否为最新 / "
                                                     "Only check that the committed copies are current."),
    lang: LangOption = "zh",
) -> None:
    """生成基准库格式的 JSON Schema 和字段说明（docs/library-schema.json、docs/library-format.md） /
    Write the JSON Schema and the field reference of the library format (docs/library-schema.json,
    docs/library-format.md)."""
    from kit.baselines import schema as fmt

    folder = out or fmt.DOCS
    if check:
        stale = [name for name, text in ((fmt.SCHEMA_FILE, fmt.schema_text()), (fmt.REFERENCE_FILE,
                                                                               fmt.field_reference()))
                 if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
        if stale:
            typer.echo(t("errors.schema_stale", lang, names=", ".join(stale), folder=folder), err=True)
            raise typer.Exit(1)
        typer.echo(t("errors.schema_current", lang, schema=fmt.SCHEMA_FILE, reference=fmt.REFERENCE_FILE))
        return
    for written in fmt.write_docs(folder):
        typer.echo(str(written))
