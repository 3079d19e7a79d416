"""Validate realtext-extra-b: gold.jsonl against docs/*.txt.

Checks: valid JSON per line; one line per doc file and vice versa; ids prefixed "xb-";
a source URL; unique entity names; every name/alias occurs literally in the text;
entity types; relation endpoints are entity names of the same line; relation types and
endpoint types (employer PERSON->ORG/INST, alma_mater PERSON->INST, adviser/mentor
PERSON->PERSON, founder ORG/INST->PERSON); no duplicate relations; 150-1500 words.
Usage: python validate.py [folder]   (default: realtext-extra-b next to this script)
"""
import json, os, sys, collections

TYPES = {"PERSON", "ORGANIZATION", "INSTITUTION"}
REL = {"employer": ({"PERSON"}, {"ORGANIZATION", "INSTITUTION"}),
       "alma_mater": ({"PERSON"}, {"INSTITUTION"}),
       "adviser": ({"PERSON"}, {"PERSON"}),
       "mentor": ({"PERSON"}, {"PERSON"}),
       "founder": ({"ORGANIZATION", "INSTITUTION"}, {"PERSON"})}

def main(folder):
    errors, warnings = [], []
    gold = os.path.join(folder, "gold.jsonl")
    docdir = os.path.join(folder, "docs")
    files = {f[:-4] for f in os.listdir(docdir) if f.endswith(".txt")}
    seen = set()
    counts = collections.Counter()
    for n, line in enumerate(open(gold, encoding="utf-8"), 1):
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: invalid JSON: {e}"); continue
        doc = d.get("doc")
        where = f"{doc}"
        if not doc or not doc.startswith("xb-"):
            errors.append(f"line {n}: bad doc id {doc!r}")
        if doc in seen:
            errors.append(f"{where}: duplicate doc line")
        seen.add(doc)
        if doc not in files:
            errors.append(f"{where}: no docs/{doc}.txt"); continue
        text = open(os.path.join(docdir, doc + ".txt"), encoding="utf-8").read()
        words = len(text.split())
        if not 150 <= words <= 1500:
            warnings.append(f"{where}: {words} words (outside 150-1500)")
        if not str(d.get("source", "")).startswith("http"):
            errors.append(f"{where}: missing source URL")
        ents = {}
        surface = {}
        for e in d.get("entities", []):
            name = e.get("name")
            if e.get("type") not in TYPES:
                errors.append(f"{where}: entity {name!r} bad type {e.get('type')!r}")
            if name in ents:
                errors.append(f"{where}: duplicate entity name {name!r}")
            ents[name] = e
            for s in [name] + list(e.get("aliases", [])):
                if s not in text:
                    errors.append(f"{where}: {s!r} (of {name!r}) not found literally in text")
                key = s.casefold()
                if key in surface and surface[key] != name:
                    errors.append(f"{where}: surface {s!r} shared by {surface[key]!r} and {name!r}")
                surface[key] = name
            counts["entity:" + e.get("type", "?") + (" (optional)" if e.get("optional") else "")] += 1
        rels = set()
        for r in d.get("relations", []):
            s, t, o = r.get("source"), r.get("type"), r.get("target")
            if t not in REL:
                errors.append(f"{where}: bad relation type {t!r}"); continue
            for x in (s, o):
                if x not in ents:
                    errors.append(f"{where}: relation endpoint {x!r} is not an entity")
            if s in ents and o in ents:
                st, ot = REL[t]
                if ents[s]["type"] not in st or ents[o]["type"] not in ot:
                    errors.append(f"{where}: {s!r} -{t}-> {o!r} has types {ents[s]['type']}->{ents[o]['type']}")
                if (ents[s].get("optional") or ents[o].get("optional")) and not r.get("optional"):
                    warnings.append(f"{where}: required relation {s!r} -{t}-> {o!r} touches an optional entity")
            if (s, t, o) in rels:
                errors.append(f"{where}: duplicate relation {s!r} -{t}-> {o!r}")
            rels.add((s, t, o))
            counts["relation:" + t + (" (optional)" if r.get("optional") else "")] += 1
    for f in sorted(files - seen):
        errors.append(f"docs/{f}.txt has no gold line")
    for w in warnings: print("WARNING", w)
    for e in errors: print("ERROR", e)
    print(f"{len(seen)} documents; " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 1 if errors else 0

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "realtext-extra-b")))
