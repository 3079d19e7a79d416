"""Public entry points of extraction: one text, or a stream of documents.

``extract_documents`` streams: documents go through ``nlp.pipe`` in batches
(optionally in several processes) and each result is yielded as soon as it is
ready. Results are plain ``DocumentResult`` objects, cached on disk by a hash
of the text, the model and the extraction code, so a second run over the same
corpus does not parse again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..fsutil import atomic_write_text
from ..model import DocumentResult, Entity, EntityType, Evidence, Mention, Relation
from ..names import slugify
from .classifier import load_relation_model
from .pipeline import chunk_spans, load_pipeline, prepare_text, resolve_model_name, split_lines

__all__ = [
    "default_cache_dir",
    "document_keys",
    "extract_batch",
    "extract_documents",
    "extract_text",
    "resolve_model_name",
]

_TYPE_PREFIX = {
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "org",
    EntityType.INSTITUTION: "inst",
}


def default_cache_dir() -> Path:
    env = os.environ.get("GRAPHKIT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "graphkit"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of the extraction code and data, so a changed rule invalidates the cache."""
    h = hashlib.sha256(__version__.encode())
    here = Path(__file__).parent
    for p in sorted(list(here.glob("*.py")) + list((here.parent / "data").glob("*"))):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _cache_key(text: str, model: str) -> str:
    h = hashlib.sha256()
    h.update(_code_fingerprint().encode())
    h.update(model.encode())
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def document_keys(
    model: str | None = None, *, model_path: str | os.PathLike[str] | None = None, rules_only: bool = False
) -> Callable[[str], str]:
    """A function from a text to the cache key of its extraction, which changes with the
    text, the model, the relation model and the extraction code. Needs no spaCy."""
    tag = _full_tag(resolve_model_name(model), model_path, rules_only)
    return lambda text: _cache_key(text, tag)


def _full_tag(name: str, model_path: str | os.PathLike[str] | None, rules_only: bool) -> str:
    relation_model = (
        None if rules_only else load_relation_model(None if model_path is None else str(model_path))
    )
    return _model_tag(name) + (f"+{relation_model.fingerprint}" if relation_model is not None else "+rules")


def extract_text(
    text: str,
    *,
    doc_id: str = "text",
    model: str | None = None,
    model_path: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
) -> DocumentResult:
    """Extract entities and relations from one text. Never raises on odd text."""
    return next(
        extract_documents(
            [(doc_id, text)], model=model, cache_dir=None, model_path=model_path, rules_only=rules_only
        )
    )


def extract_documents(
    documents: Iterable[tuple[str, str]],
    *,
    model: str | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    cache_dir: str | os.PathLike[str] | None = None,
    model_path: str | os.PathLike[str] | None = None,
    rules_only: bool = False,
    dask_scheduler: str | None = None,
) -> Iterator[DocumentResult]:
    """Yield one ``DocumentResult`` per ``(doc_id, text)``, in input order.

    With ``n_process`` > 1, documents are parsed and analysed in worker processes
    (batches of ``batch_size``; not for fewer texts to parse than ``n_process`` batches);
    with ``dask_scheduler`` (an address, or "local"), on a Dask cluster. Results still come
    back in input order, the same whichever way they were made. Relations are decided by
    the trained classifier at ``model_path`` (default: the shipped one); ``rules_only``
    uses the rule patterns alone.
    """
    name = resolve_model_name(model)
    rel_path = None if model_path is None else str(model_path)
    relation_model = None if rules_only else load_relation_model(rel_path)
    cache = Path(cache_dir) if cache_dir is not None else None
    # the model is loaded (and worker processes started) only once a document misses the cache
    model_tag = _model_tag(name)  # also fails early on a model that is not installed
    model_tag += f"+{relation_model.fingerprint}" if relation_model is not None else "+rules"

    def batches() -> Iterator[list[tuple[str, str, str | None, dict | None]]]:
        batch = []
        for doc_id, text in documents:
            key = _cache_key(text, model_tag) if cache is not None else None
            hit = _cache_get(cache, key) if key is not None else None
            batch.append((doc_id, text if hit is None else "", key, hit))
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    stream = batches()
    for batch in stream:
        if all(hit is not None for *_, hit in batch):
            yield from _finish(batch, [None] * len(batch), cache)
            continue
        stream = itertools.chain([batch], stream)
        break
    else:
        return
    if dask_scheduler is not None:
        from ..cluster import parse_on_dask

        for batch, results in parse_on_dask(stream, model=name, scheduler=dask_scheduler):
            yield from _finish(batch, results, cache)
        return
    if n_process > 1:
        # starting workers costs a model load each: worth it only for enough texts to parse
        ahead: list[list] = []
        misses = 0
        for batch in stream:
            ahead.append(batch)
            misses += sum(hit is None for *_, hit in batch)
            if misses >= n_process * batch_size or len(ahead) >= 32:  # sparse changes: parse here
                break
        stream = itertools.chain(ahead, stream)
        if misses >= n_process * batch_size:
            yield from _parse_in_pool(stream, name, n_process, cache, rel_path, rules_only)
            return
    nlp = load_pipeline(name)
    for batch in stream:
        yield from _finish(batch, _extract_batch(nlp, batch, batch_size, relation_model), cache)


@lru_cache(maxsize=8)
def _model_tag(name: str) -> str:
    """``name@version`` of a model, read from its meta.json without importing spaCy."""
    looks_like_path = os.sep in name or name.startswith(".")
    meta = Path(name) / "meta.json" if looks_like_path else None
    if meta is None and "." not in name:
        spec = importlib.util.find_spec(name)
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        meta = Path(locations[0]) / "meta.json" if locations else None
    try:
        version = json.loads(meta.read_text("utf-8"))["version"] if meta is not None else None
    except (OSError, ValueError, KeyError, TypeError):
        version = None
    if not isinstance(version, str):
        version = load_pipeline(name).meta.get("version", "?")
    return f"{name}@{version}"


def _parse_in_pool(
    stream: Iterator[list],
    name: str,
    n_process: int,
    cache: Path | None,
    rel_path: str | None = None,
    rules_only: bool = False,
) -> Iterator:
    """Parse batches in ``n_process`` worker processes; each batch's results in input order.

    Workers get only the texts to parse; cached results stay in this process.
    """
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    sent: deque[list] = deque()

    def texts() -> Iterator[list[tuple[str, str, None, None]]]:
        for batch in stream:
            sent.append(batch)
            yield [(doc_id, text, None, hit and {}) for doc_id, text, _key, hit in batch]

    with ctx.Pool(n_process, initializer=_worker_init, initargs=(name, rel_path, rules_only)) as pool:
        for results in pool.imap(_worker_run, texts()):
            yield from _finish(sent.popleft(), results, cache)


def extract_training_records(
    documents: Iterable[tuple[str, str]], *, model: str | None = None, batch_size: int = 32
) -> Iterator[tuple[DocumentResult, list[dict], set[str]]]:
    """Rule-only extraction that also yields every candidate pair with its features
    (entity ids as endpoints) and the ids of latent entities: what training needs."""
    nlp = load_pipeline(resolve_model_name(model))
    batch: list = []

    def run(batch: list) -> Iterator[tuple[DocumentResult, list[dict], set[str]]]:
        for item in _extract_batch(nlp, batch, batch_size, None, collect=True):
            if item is not None:
                yield item

    for doc_id, text in documents:
        batch.append((doc_id, text, None, None))
        if len(batch) >= batch_size:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)


_WORKER_MODEL: tuple[str, str | None, bool] | None = None


def _worker_init(name: str, rel_path: str | None = None, rules_only: bool = False) -> None:
    import signal

    global _WORKER_MODEL
    # Ctrl-C is the parent's to handle; a worker that saw it would print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_MODEL = (name, rel_path, rules_only)
    load_pipeline(name)


def _worker_run(batch: list) -> list:
    assert _WORKER_MODEL is not None
    name, rel_path, rules_only = _WORKER_MODEL
    return extract_batch(batch, name, rel_path, rules_only)


def extract_batch(
    batch: list, model: str, model_path: str | None = None, rules_only: bool = False
) -> list[DocumentResult | None]:
    """The results of a batch's texts to parse (``None`` for the others), in this process."""
    if all(hit is not None for *_, hit in batch):
        return [None] * len(batch)
    relation_model = None if rules_only else load_relation_model(model_path)
    return _extract_batch(load_pipeline(model), batch, len(batch), relation_model)


def _finish(batch: list, results: list, cache: Path | None) -> Iterator[DocumentResult]:
    for (doc_id, _text, key, hit), result in zip(batch, results):
        if hit is not None:
            yield DocumentResult.from_dict({**hit, "doc": doc_id})
            continue
        if key is not None and cache is not None:
            _cache_put(cache, key, result)
        yield result


def _extract_batch(
    nlp, batch: list, batch_size: int, relation_model=None, collect: bool = False
) -> list[DocumentResult | None]:
    """Parse and analyse the uncached documents of a batch with one ``nlp.pipe``.

    With ``collect``, each result is ``(DocumentResult, candidate pairs, latent entity
    ids)``: what training needs.
    """
    from spacy.tokens import Doc

    states: dict[int, dict] = {}
    # pieces of a chunk, by position, until all have arrived: (document, chunk offset) ->
    # [number of pieces, {position: Doc}]
    pending: dict[tuple[int, int], list] = {}
    blank: list[tuple[tuple[int, int], int, Doc]] = []  # line breaks, made without parsing

    def feed() -> Iterator[tuple[str, tuple[tuple[int, int], int]]]:
        for index, (_doc_id, text, _key, hit) in enumerate(batch):
            if hit is not None:
                continue
            prepared, furniture, headlines = prepare_text(text)
            chunks = chunk_spans(prepared)
            states[index] = {
                "text": text,
                "furniture": furniture,
                "headlines": headlines,
                "parts": [],
                "relation_model": relation_model,
                "collect": collect,
            }
            for s, e in chunks:
                # a line's trailing breaks are parsed apart: a line break token at the end of
                # a sentence changes how the small parser reads the sentence
                segments = [p for seg in split_lines(prepared[s:e]) for p in _detach_breaks(seg)]
                pending[(index, s)] = [len(segments), {}]
                for pos, seg in enumerate(segments):
                    if seg.isspace():
                        blank.append(((index, s), pos, _space_doc(nlp.vocab, seg)))
                    else:
                        yield seg, ((index, s), pos)

    def arrived(key: tuple[int, int], pos: int, doc: Doc) -> None:
        n, parts = pending[key]
        parts[pos] = doc
        if len(parts) < n:
            return
        del pending[key]
        docs = [parts[i] for i in range(n)]
        whole = docs[0] if n == 1 else Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
        index, offset = key
        states[index]["parts"].append(_analyse(whole, offset, states[index]))

    def drain() -> None:
        while blank:
            arrived(*blank.pop(0))

    for doc, (key, pos) in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
        drain()
        arrived(key, pos, doc)
    drain()
    out = [
        _assemble(doc_id, states[i]) if i in states else None for i, (doc_id, _t, _k, _h) in enumerate(batch)
    ]
    if collect:
        return [
            (r, states[i].get("pairs_out", []), states[i].get("latent_ids", set())) if r is not None else None
            for i, r in enumerate(out)
        ]
    return out


def _detach_breaks(line: str) -> list[str]:
    core = line.rstrip("\n")
    return [core, line[len(core) :]] if core and core != line else [line]


def _space_doc(vocab, text: str):
    """A one-token document of white space, annotated as the parser would annotate it."""
    from spacy.tokens import Doc

    return Doc(
        vocab,
        words=[text],
        spaces=[False],
        pos=["SPACE"],
        tags=["_SP"],
        deps=["dep"],
        heads=[0],
        lemmas=[text],
        sent_starts=[True],
        ents=["O"],
    )


def _cache_get(cache: Path, key: str) -> dict | None:
    p = cache / key[:2] / f"{key}.json"
    try:
        return json.loads(p.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _cache_put(cache: Path, key: str, result: DocumentResult) -> None:
    try:
        d = result.to_dict()
        d["chars"] = result.chars
        atomic_write_text(cache / key[:2] / f"{key}.json", json.dumps(d, ensure_ascii=False))
    except OSError:
        pass  # a cache that cannot be written is not an error


def _local(ranges: list[tuple[int, int]], offset: int, length: int) -> list[tuple[int, int]]:
    return [(s - offset, e - offset) for s, e in ranges if e > offset and s < offset + length]


def _analyse(doc, offset: int, state: dict) -> dict:
    """Entities and relations of one parsed chunk, as plain data with document offsets."""
    from .coref import resolve_references
    from .entities import find_entities
    from .relations import find_relations

    text: str = state["text"]
    n = len(doc.text)
    furniture = _local(state["furniture"], offset, n)
    headlines = _local(state["headlines"], offset, n)
    clusters, token_map = find_entities(doc, furniture, headlines)
    refs = resolve_references(doc, clusters, token_map)
    skip = set()
    for s, e in furniture + headlines:
        span = doc.char_span(max(0, s), min(n, e), alignment_mode="expand")
        if span is not None:
            skip.update(range(span.start, span.end))
    cands = find_relations(doc, clusters, token_map, refs, skip)
    model = state.get("relation_model")
    collect = state.get("collect", False)
    pairs = []
    if model is not None or collect:
        from .candidates import find_pairs
        from .classifier import decide_relations

        pairs = find_pairs(doc, clusters, token_map, refs, skip, _rule_hits(cands, doc))
        if model is not None:
            cands = decide_relations(pairs, cands, model, clusters)

    used = {c.source for c in cands} | {c.target for c in cands}
    if collect:
        used |= {p.a for p in pairs} | {p.b for p in pairs}
    ents = []
    for c in clusters:
        if c.latent and c.idx not in used:
            continue
        mentions = []
        for s, e in c.spans:
            start = doc[s].idx + offset
            end = doc[e - 1].idx + len(doc[e - 1].text) + offset
            mentions.append((start, end, text[start:end]))
        ents.append(
            {
                "idx": c.idx,
                "name": " ".join(c.name().split()),
                "type": c.type,
                "forms": [" ".join(f.split()) for f in c.forms],
                "mentions": mentions,
                "latent": c.latent,
            }
        )
    rels = []
    for c in cands:
        sent = doc[c.sent[0] : c.sent[1]]
        start = sent.start_char
        for a in c.via:  # include the sentence that names a pronoun's referent, if near
            if start - doc[a].sent.start_char <= 600:
                start = min(start, doc[a].sent.start_char)
        end = sent.end_char
        rels.append(
            {
                "source": c.source,
                "target": c.target,
                "type": c.type,
                "role": c.role,
                "confidence": c.confidence,
                "pattern": c.pattern,
                "start": start + offset,
                "end": end + offset,
            }
        )
    part = {"entities": ents, "relations": rels}
    if collect:
        part["pairs"] = [
            {
                "kind": p.kind,
                "a": p.a,
                "b": p.b,
                "start": doc[p.sent[0]].idx + offset,
                "end": doc[p.sent[1] - 1].idx + len(doc[p.sent[1] - 1].text) + offset,
                "features": p.features,
            }
            for p in pairs
        ]
    return part


def _rule_hits(cands: list, doc) -> dict[tuple[int, int, int], list[tuple[str, str]]]:
    """Rule edges by (sentence start, person, other): features of the classifier's pairs."""
    hits: dict[tuple[int, int, int], list[tuple[str, str]]] = {}
    for c in cands:
        person, other = (c.target, c.source) if str(c.type) == "founder" else (c.source, c.target)
        hits.setdefault((c.sent[0], person, other), []).append((str(c.type), c.pattern))
    return hits


def _assemble(doc_id: str, state: dict) -> DocumentResult:
    """Merge the parts of a document into one result with stable ids."""
    text: str = state["text"]
    by_id: dict[str, dict] = {}
    local_ids: list[dict[int, str]] = []
    for part in sorted(
        state["parts"], key=lambda p: p["entities"][0]["mentions"][0][0] if p["entities"] else 0
    ):
        ids = {}
        for e in part["entities"]:
            eid = f"{_TYPE_PREFIX[e['type']]}:{slugify(e['name'])}"
            slot = by_id.get(eid)
            if slot is None:
                slot = by_id[eid] = {"name": e["name"], "type": e["type"], "forms": [], "mentions": []}
            for f in e["forms"]:
                if f not in slot["forms"]:
                    slot["forms"].append(f)
            slot["mentions"].extend(e["mentions"])
            ids[e["idx"]] = eid
        local_ids.append(ids)
        part["_ids"] = ids
        for e in part["entities"]:
            if e.get("latent"):
                state.setdefault("latent_ids", set()).add(ids[e["idx"]])
        for pr in part.get("pairs", ()):
            state.setdefault("pairs_out", []).append({**pr, "a": ids[pr["a"]], "b": ids[pr["b"]]})
    entities = []
    for eid, slot in by_id.items():
        mentions = sorted(set(slot["mentions"]))
        aliases = tuple(f for f in slot["forms"] if f != slot["name"])
        entities.append(
            Entity(eid, slot["name"], slot["type"], aliases, tuple(Mention(s, e, t) for s, e, t in mentions))
        )
    entities.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)

    best: dict[tuple[str, str, str], Relation] = {}
    for part in state["parts"]:
        ids = part["_ids"]
        for r in part["relations"]:
            s, e = r["start"], r["end"]
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            rel = Relation(
                source=ids[r["source"]],
                type=r["type"],
                target=ids[r["target"]],
                evidence=Evidence(text[s:e], s, e),
                confidence=round(float(r["confidence"]), 3),
                role=r["role"],
                pattern=r["pattern"],
            )
            k = (rel.source, str(rel.type), rel.target)
            old = best.get(k)
            if old is None or rel.confidence > old.confidence:
                if old is not None and rel.role is None and old.role:
                    rel = Relation(
                        rel.source, rel.type, rel.target, rel.evidence, rel.confidence, old.role, rel.pattern
                    )
                best[k] = rel
            elif old.role is None and rel.role:
                best[k] = Relation(
                    old.source, old.type, old.target, old.evidence, old.confidence, rel.role, old.pattern
                )
    relations = sorted(best.values(), key=lambda r: (r.evidence.start, r.source, str(r.type), r.target))
    return DocumentResult(doc_id, tuple(entities), tuple(relations), chars=len(text))
