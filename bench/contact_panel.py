"""Benchmark: contact-panel status computation and rendering.

Run from the project root:

    .venv/bin/python bench/contact_panel.py [--iterations 200]

Builds a throwaway SQLite database with ``settings.test`` (the migrations take
about half a minute), loads the demo panels plus a realistic set of closures
and special openings, then reports throughput, latency percentiles and
database queries for: the engine's status query, the browser data island,
the JSON-LD, a full render of the panel include, and the API detail view.
Nothing here asserts: it is for spotting regressions by eye, not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(directory: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def measure(name: str, run: Callable[[int], None], iterations: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    run(0)  # warm caches that live for the process (bank holidays, templates)
    timings = []
    queries = []
    for index in range(iterations):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter_ns()
            run(index)
            timings.append((time.perf_counter_ns() - start) / 1e6)
        queries.append(len(captured.captured_queries))
    total_seconds = sum(timings) / 1000
    percentiles = statistics.quantiles(timings, n=100, method="inclusive")
    return {
        "name": name,
        "per_second": iterations / total_seconds if total_seconds else float("inf"),
        "p50": percentiles[49],
        "p95": percentiles[94],
        "p99": percentiles[98],
        "max": max(timings),
        "queries": f"{min(queries)}-{max(queries)}" if min(queries) != max(queries) else str(queries[0]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sscp-bench-") as directory:
        print("Setting up a temporary database (migrations take about 30 s)...", file=sys.stderr)
        setup_django(directory)

        from django.template import Context, Template
        from django.test import Client, RequestFactory

        from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, ensure_contact_panels
        from sscp_wagtail.contact_panels.browser import browser_status_data
        from sscp_wagtail.contact_panels.schedule import panel_data
        from sscp_wagtail.contact_panels.structured_data import contact_points
        from sscp_wagtail.models import Closure, ContactPanel, SpecialOpening
        from sscp_wagtail.opening_hours import LONDON, status_sentence

        seed = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]
        # A realistic year: a Christmas closure, a training day, two special openings.
        for day, reason in [(24, "Christmas closure"), (29, "Christmas closure"), (30, "Christmas closure")]:
            Closure.objects.create(panel=seed, date=dt.date(2026, 12, day), reason=reason)
        Closure.objects.create(panel=seed, date=dt.date(2027, 2, 12), reason="Staff training")
        SpecialOpening.objects.create(panel=seed, date=dt.date(2026, 12, 31), opens=dt.time(9), closes=dt.time(13))
        SpecialOpening.objects.create(panel=seed, date=dt.date(2027, 4, 5), opens=dt.time(10), closes=dt.time(14))

        rng = random.Random(4)  # noqa: S311 - reproducible moments, not security
        start = dt.datetime(2026, 1, 1, tzinfo=LONDON)
        moments = [start + dt.timedelta(minutes=rng.randrange(365 * 24 * 60)) for _ in range(args.iterations + 1)]
        panel = ContactPanel.objects.get(pk=seed.pk)
        data = panel_data(panel, year=2026)
        schedule = data.schedule
        template = Template("{% load contact_panel_tags %}{% contact_panel panel at=at %}")
        factory = RequestFactory()
        client = Client()

        def render(index: int) -> None:
            fresh = ContactPanel.objects.get(pk=seed.pk)  # as a page's foreign key would load it
            template.render(Context({"panel": fresh, "at": moments[index], "request": factory.get("/")}))

        results = [
            measure("engine: status(at)", lambda i: schedule.status(moments[i]), args.iterations),
            measure(
                "engine: status + sentence",
                lambda i: status_sentence(schedule.status(moments[i])),
                args.iterations,
            ),
            measure("data island (8 days)", lambda i: browser_status_data(data, moments[i]), args.iterations),
            measure("JSON-LD (365 days)", lambda i: contact_points(data, moments[i].date()), args.iterations),
            measure("render include (DB)", render, args.iterations),
            measure(
                "API detail ?at=",
                lambda i: client.get(
                    f"/api/v2/contact-panels/{seed.pk}/", {"at": moments[i].isoformat()}, HTTP_HOST="localhost"
                ),
                args.iterations,
            ),
        ]

    header = f"{'benchmark':28} {'ops/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'queries':>8}"
    print(f"{args.iterations} iterations per benchmark, Python {sys.version.split()[0]}")
    print(header)
    print("-" * len(header))
    for row in results:
        print(
            f"{row['name']:28} {row['per_second']:10.0f} {row['p50']:8.3f} {row['p95']:8.3f} "
            f"{row['p99']:8.3f} {row['max']:8.3f} {row['queries']:>8}"
        )


if __name__ == "__main__":
    main()
