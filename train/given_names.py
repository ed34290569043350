"""Rebuild given_names.tsv (given name, he/she) from Faker's person providers (MIT licence).

    pip install faker==37.12.0 && python train/given_names.py      (`make train` does both)

Names of Latin-script locales only; a name listed for both sexes in any locale is left out, so the
file only says what a given name tells with little doubt. The statement stage reads the file alone.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "resources" / "entities" / "given_names.tsv"
_LATIN = re.compile(r"^[A-Za-z][a-z'-]{1,}$")


def _lists(module: object) -> tuple[list[str], list[str]]:
    provider = getattr(module, "Provider", None)
    male = list(getattr(provider, "first_names_male", ()) or ())
    female = list(getattr(provider, "first_names_female", ()) or ())
    return male, female


def main() -> None:
    import faker.providers.person as person

    male: set[str] = set()
    female: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        module = importlib.import_module(f"faker.providers.person.{info.name}")
        names_m, names_f = _lists(module)
        male.update(n.lower() for n in names_m if _LATIN.match(n))
        female.update(n.lower() for n in names_f if _LATIN.match(n))
    both = male & female
    rows = sorted([(n, "he") for n in male - both] + [(n, "she") for n in female - both])
    OUT.write_text("".join(f"{name}\t{gender}\n" for name, gender in rows))


if __name__ == "__main__":
    main()
