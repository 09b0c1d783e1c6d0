"""Time the BibTeX export of 5,000 entries: ours against pybtex's writer.

Run: PYTHONPATH=. python benchmarks/bibtex_export.py
"""

from __future__ import annotations

import time

from pybtex.database import BibliographyData, Entry, Person

from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.format.bibtex import DEFAULT_EXCLUDE, bibliography_to_bibtex

COUNT = 5000


def sample(number: int) -> Publication:
    return Publication(
        key=f"key{number}",
        entry_type="inproceedings",
        raw_fields={
            "title": f'A {{Study}} of $x^{number}$ in {{\\"O}}sterreich',
            "booktitle": "Proceedings of the Conference",
            "year": "2020",
            "doi": f"10.1000/{number}",
            "abstract": "An abstract. " * 40,
        },
        raw_persons={"author": ("Fox, Jörn", "van der Berg, Jan", "Smith, Jr., John")},
    )


def with_pybtex(publications: list[Publication]) -> str:
    data = BibliographyData()
    for publication in publications:
        fields = {k: v for k, v in publication.raw_fields.items() if k not in DEFAULT_EXCLUDE}
        entry = Entry(publication.entry_type, fields=fields)
        for role, names in publication.raw_persons.items():
            for name in names:
                entry.add_person(Person(name), role)
        data.add_entry(publication.key, entry)
    return data.to_string("bibtex")


def main() -> None:
    publications = [sample(number) for number in range(COUNT)]
    for name, export in (("publist", bibliography_to_bibtex), ("pybtex", with_pybtex)):
        start = time.perf_counter()
        export(publications)
        print(f"{name}: {time.perf_counter() - start:.3f} s for {COUNT} entries")


if __name__ == "__main__":
    main()
