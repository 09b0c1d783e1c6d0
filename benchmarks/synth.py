"""Deterministic synthetic BibTeX/BibLaTeX files for the benchmark.

``python benchmarks/synth.py 5000 > refs.bib`` writes the same bytes on every run
and every machine: one seeded ``random.Random``, word pools in fixed order, and no
iteration over sets or dicts whose order could depend on hashing.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator

SEED = 20_240_501

GIVEN_NAMES = (
    "Anna",
    "Björn",
    "Chiara",
    "Dmitri",
    "Elena",
    "François",
    "Grace",
    "Hiroshi",
    "Ingrid",
    "Jürgen",
    "Kwame",
    "Lucía",
    "Mei",
    "Nikolai",
    "Olga",
    "Pedro",
    "Qing",
    "Rafael",
    "Siobhán",
    "Tomás",
    "Uma",
    "Václav",
    "Wei",
    "Xavier",
    "Yuki",
    "Zoë",
    "J. R.",
    "M.-L.",
    "Ana María",
    "Kevin",
    "Priya",
    "Søren",
)
FAMILY_NAMES = (
    "Smith",
    "Nguyen",
    "García",
    "Müller",
    "Kowalski",
    "Rossi",
    "Tanaka",
    "Okafor",
    "Johansson",
    "Dubois",
    "Ivanova",
    "Chen",
    "Silva",
    "Papadopoulos",
    "O'Brien",
    "Fernández",
    "Schröder",
    "Dvořák",
    "Łukasiewicz",
    "Hernández",
    "Park",
    "Singh",
    "Andersen",
    "Ó Conaill",
    "Yilmaz",
    "Kim",
    "Novák",
    "Weiß",
    "Swersky",
    "Zhang",
)
# Family names written with LaTeX accent escapes, as older files and BibTeX exports do.
LATEX_FAMILY_NAMES = (
    r"M{\"u}ller",
    r"Schr{\"o}der",
    r"Garc{\'\i}a",
    r"Dvo{\v{r}}{\'a}k",
    r"Erd{\H{o}}s",
    r"G{\"o}del",
    r"Fern{\'a}ndez",
    r"Jab{\l}o{\'n}ski",
    r"Fran{\c{c}}ois",
    r"We{\ss}",
)
VON_PARTS = ("van der", "de", "von", "van", "de la", "di")
LINEAGES = ("Jr.", "III", "Sr.")

WORD_POOL = """adaptive analysis approach bayesian benchmark causal channel convex deep dynamics
    efficient embedding estimation evolution framework gradient graph inference kernel
    language learning linear manifold model network neural optimal protein quantum random
    robust scalable sequence signal sparse spectral stochastic structure temporal theory
    transport uncertainty variational via with for of and in the on"""
WORDS = tuple(WORD_POOL.split())
BRACED_ACRONYMS = ("{DNA}", "{RNA}", "{GPU}", "{Bayes}", "{Monte Carlo}", "{BERT}", "{CRISPR}")
TITLE_DECORATIONS = (
    r"\emph{{{w}}}",
    r"{{\it {w}}}",
    r"$x^2$-{w}",
    r"{w}--{w2}",
    r"{{\bf {w}}}",
    r"$\mathcal{{O}}(n \log n)$ {w}",
    r"\textit{{{w}}}",
    "{w}---a {w2}",
)
ABSTRACT_SNIPPETS = (
    r"We show that the error decays as $O(n^{-1/2})$ under mild assumptions.",
    r"Our method is \emph{orders of magnitude} faster than prior work.",
    r"Experiments on {DNA} sequencing data confirm the theory.",
    r"The cost grows linearly, i.e.~$T(n) = \Theta(n)$, in the 1990--2020 period.",
    "This generalises earlier results by Müller and Schröder to the non-convex case.",
    r"We release code and data at \url{https://example.org/data}.",
    r"A {\it surprising} consequence is that na{\"\i}ve baselines remain competitive.",
    "Finally, we discuss limitations and open problems for future research.",
    r"Results hold for all $\alpha \in (0, 1]$ and every $k \geq 2$.",
    "Contrary to common belief, larger models are not always better calibrated.",
)
JOURNALS = (
    "Journal of Machine Learning Research",
    "Nature",
    r"Physical Review {B}",
    "IEEE Transactions on Information Theory",
    r"Bioinformatics \& Genomics",
    "Annals of Statistics",
    "Communications of the ACM",
    r"Z{\"u}richer Beitr{\"a}ge",
)
CONFERENCES = (
    "Advances in Neural Information Processing Systems",
    "International Conference on Machine Learning",
    r"Proceedings of the {ACM} {SIGMOD} Conference",
    "Conference on Computer Vision and Pattern Recognition",
    "Symposium on Theory of Computing",
)
PUBLISHERS = ("Springer", "MIT Press", "Cambridge University Press", r"O'Reilly \& Associates")
SCHOOLS = ("ETH Zürich", r"Universit{\'e} Paris-Saclay", "Stanford University", "MIT")
KEYWORDS = ("machine learning", "statistics", "biology", "physics", "theory", "systems")
ENTRY_TYPES = (
    "article",
    "article",
    "article",
    "inproceedings",
    "inproceedings",
    "inproceedings",
    "book",
    "incollection",
    "phdthesis",
    "techreport",
    "misc",
    "online",
)


def person(rng: random.Random) -> str:
    """One author in one of the name shapes BibTeX knows."""
    given = rng.choice(GIVEN_NAMES)
    family = rng.choice(LATEX_FAMILY_NAMES if rng.random() < 0.25 else FAMILY_NAMES)
    shape = rng.random()
    if shape < 0.1:
        return f"{rng.choice(VON_PARTS)} {family}, {given}"
    if shape < 0.15:
        return f"{family}, {rng.choice(LINEAGES)}, {given}"
    if shape < 0.5:
        return f"{family}, {given}"
    return f"{given} {family}"


def authors(rng: random.Random) -> str:
    """Between 2 and 12 authors, mostly few."""
    count = min(12, 2 + int(rng.expovariate(0.4)))
    return " and ".join(person(rng) for _ in range(count))


def words(rng: random.Random, count: int) -> str:
    """A run of pool words."""
    return " ".join(rng.choice(WORDS) for _ in range(count))


def title(rng: random.Random) -> str:
    """A title with some LaTeX markup and protected capitals."""
    parts = [words(rng, rng.randint(3, 7)).capitalize()]
    if rng.random() < 0.5:
        template = rng.choice(TITLE_DECORATIONS)
        parts.append(template.format(w=rng.choice(WORDS), w2=rng.choice(WORDS)))
    if rng.random() < 0.3:
        parts.append(rng.choice(BRACED_ACRONYMS))
    parts.append(words(rng, rng.randint(1, 4)))
    return " ".join(parts)


def abstract(rng: random.Random) -> str:
    """An abstract of 800 to 2,000 characters mixing prose and LaTeX."""
    # Whole sentences only, so braces and math stay balanced; the longest adds < 200.
    target = rng.randint(800, 1800)
    sentences: list[str] = []
    length = 0
    while length < target:
        if rng.random() < 0.4:
            sentence = rng.choice(ABSTRACT_SNIPPETS)
        else:
            sentence = words(rng, rng.randint(8, 20)).capitalize() + "."
        sentences.append(sentence)
        length += len(sentence) + 1
    return " ".join(sentences)


def date_fields(rng: random.Random, year: int) -> list[tuple[str, str]]:
    """Either BibTeX ``year``/``month`` or a BibLaTeX ``date``."""
    roll = rng.random()
    if roll < 0.2:
        return [("date", f"{year}-{rng.randint(1, 12):02d}")]
    if roll < 0.3:
        return [("date", f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")]
    if roll < 0.6:
        return [("year", str(year)), ("month", str(rng.randint(1, 12)))]
    return [("year", str(year))]


def type_fields(rng: random.Random, entry_type: str) -> list[tuple[str, str]]:
    """The venue-like fields each entry type carries."""
    pages = f"{(first := rng.randint(1, 900))}--{first + rng.randint(3, 30)}"
    if entry_type == "article":
        venue = "journaltitle" if rng.random() < 0.3 else "journal"
        return [
            (venue, rng.choice(JOURNALS)),
            ("volume", str(rng.randint(1, 80))),
            ("number", str(rng.randint(1, 12))),
            ("pages", pages),
        ]
    if entry_type == "inproceedings":
        return [("booktitle", rng.choice(CONFERENCES)), ("pages", pages)]
    if entry_type == "book":
        return [("publisher", rng.choice(PUBLISHERS)), ("address", "Berlin")]
    if entry_type == "incollection":
        return [
            ("booktitle", title(rng)),
            ("editor", authors(rng)),
            ("publisher", rng.choice(PUBLISHERS)),
            ("pages", pages),
        ]
    if entry_type == "phdthesis":
        return [("school", rng.choice(SCHOOLS))]
    if entry_type == "techreport":
        return [("institution", rng.choice(SCHOOLS)), ("number", f"TR-{rng.randint(1, 999)}")]
    if entry_type == "misc":
        eprint = f"{rng.randint(1000, 2412)}.{rng.randint(10000, 99999)}"
        return [("howpublished", "arXiv preprint"), ("eprint", eprint), ("eprinttype", "arxiv")]
    return [
        ("url", f"https://example.org/post/{rng.randint(1, 10**6)}"),
        ("urldate", "2024-01-15"),
        ("organization", rng.choice(SCHOOLS)),
    ]


def extra_fields(rng: random.Random, index: int, has_url: bool) -> list[tuple[str, str]]:
    """Optional identifiers, status and keywords."""
    extra: list[tuple[str, str]] = []
    if rng.random() < 0.6:
        extra.append(("doi", f"10.{rng.randint(1000, 9999)}/synth.{index}"))
    if rng.random() < 0.3 and not has_url:
        extra.append(("url", f"https://example.org/paper/{index}"))
    if rng.random() < 0.05:
        extra.append(("pubstate", "forthcoming"))
    if rng.random() < 0.4:
        chosen = rng.sample(KEYWORDS, rng.randint(1, 3))
        extra.append(("keywords", ", ".join(chosen)))
    if rng.random() < 0.85:
        extra.append(("abstract", abstract(rng)))
    return extra


def entry(rng: random.Random, index: int) -> str:
    """One complete entry; the key is unique through its index."""
    entry_type = rng.choice(ENTRY_TYPES)
    year = rng.randint(1985, 2026)
    author_field = authors(rng)
    first_family = "".join(
        ch for ch in author_field.split()[0] if ch.isascii() and ch.isalpha()
    ).lower()
    key = f"{first_family or 'anon'}{year}-{index}"
    fields = [("author", author_field), ("title", title(rng)), *date_fields(rng, year)]
    fields += type_fields(rng, entry_type)
    fields += extra_fields(rng, index, has_url=any(name == "url" for name, _ in fields))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def generate(count: int, seed: int = SEED) -> Iterator[str]:
    """The entries of a ``count``-entry file, in order."""
    rng = random.Random(seed)
    for index in range(count):
        yield entry(rng, index)


def write_bib(path: str, count: int) -> None:
    """Write the ``count``-entry file to ``path`` (UTF-8)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"% Synthetic bibliography, {count} entries, seed {SEED}.\n\n")
        handle.writelines(text + "\n" for text in generate(count))


if __name__ == "__main__":
    sys.stdout.write("".join(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 10)))
