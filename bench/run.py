"""``make bench``: the public pages and API under load, as content grows, against a floor.

For each size (100, 1,000 and 10,000 generated reviews by default) this

1. builds a throwaway database with the demo content plus generated reviews
   (``bench/content.py``), with the production settings (``bench/settings.py``);
2. counts each URL's SQL queries, and the writes among them, and its bytes,
   through Django's test client in this process;
3. starts gunicorn (2 sync workers, DEBUG off) on a free loopback port and
   drives each URL with ``wrk`` from a second process for a bounded time;
4. reads each worker's peak resident memory once the URLs are done.

The first URL is the floor: a minimal Django view returning a fixed body the
size of a review page through the same server and middleware. Every figure is
also given as a ratio to the floor's, because the machine is shared and
absolute figures vary between runs. Results go to ``bench/results/<date>-<HHMM>.md``
and ``.json``. Nothing here asserts: the targets are reported as met or not.

    .venv/bin/python bench/run.py                      # 100, 1000, 10000 reviews on SQLite
    .venv/bin/python bench/run.py 100 --duration 2     # a quick look
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/sscp_bench .venv/bin/python bench/run.py

``BENCH_DATABASE_URL`` must name a database that may be thrown away.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The targets: ratios of requests/s to the floor's, and growth of p95 latency.
UNCACHED_REVIEW_TARGET = 0.10
CACHED_PAGE_TARGET = 0.80
API_LISTING_TARGET = 0.05
P95_GROWTH_TARGET = 1.5
SEARCH_P95_TARGET_MS = 100
RSS_TARGET_MB = 200
HTML_PAGES = ("home", "review index", "review index, filtered", "review page", "theme page")


@dataclass
class Row:
    label: str
    url: str
    status: int = 0
    queries: int = 0
    writes: int = 0
    bytes: int = 0
    requests_per_s: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    ratio: float = 0.0


@dataclass
class Run:
    size: int
    mode: str
    rows: list[Row] = field(default_factory=list)
    worker_peak_rss_mb: list[float] = field(default_factory=list)
    # The machine's 1-minute load average as the run started and ended: other work
    # on a shared machine shows here, and in the floor's own figures.
    load_average: list[float] = field(default_factory=list)


# What each mode switches on, for gunicorn's environment and for counting queries.
# "uncached": every request rendered in full; "fragments": the parts of pages that
# show only published content ({% contentcache %}), the index's filter counts and API
# representations are cached, the whole-page cache is off; "cached": both on.
MODES = {
    "uncached": {"SSCP_PAGE_CACHE": "0", "SSCP_FRAGMENT_CACHE": "0"},
    "fragments": {"SSCP_PAGE_CACHE": "0", "SSCP_FRAGMENT_CACHE": "1"},
    "cached": {"SSCP_PAGE_CACHE": "1", "SSCP_FRAGMENT_CACHE": "1"},
}


def configure(workdir: Path, database_url: str) -> dict[str, str]:
    """The environment for this process and for gunicorn: production settings on loopback."""
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        # As deploy/sscp.env.example: each worker keeps its connection between requests.
        "DATABASE_CONN_MAX_AGE": "60",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    return env


def setup_database(log) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    log(f"database migrated, demo content loaded, static files collected in {time.perf_counter() - started:.0f} s")


def urls_to_measure() -> list[tuple[str, str]]:
    from wagtail.models import Page

    from reviews.models import ReviewIndexPage, ReviewPage
    from sscp_wagtail.models import ContactPanel

    index = ReviewIndexPage.objects.live().first()
    generated = ReviewPage.objects.live().filter(slug__regex=r"^child-[0-9]+$").order_by("pk")
    review = generated[generated.count() // 2]
    panel = ContactPanel.objects.filter(live=True).order_by("pk").first()
    urls = [
        ("floor", "/__bench__/floor/"),
        ("home", "/"),
        ("review index", index.url),
        ("review index, filtered", f"{index.url}?type=serious_case_review&theme=safe-sleep"),
        ("review page", review.url),
        ("theme page", index.theme_url("safe-sleep")),
        ("search", "/search/?q=safe+sleep"),
        ("API listing", "/api/v2/pages/?type=reviews.ReviewPage&fields=*&limit=20"),
        ("API detail", f"/api/v2/pages/{review.pk}/"),
        ("contact-panel status API", f"/api/v2/contact-panels/{panel.pk}/"),
    ]
    referral = Page.objects.live().public().filter(slug="case-review-referral").first()
    if referral is not None:
        urls.append(("referral form", referral.url))
    return urls


def count_queries(rows: list[Row], mode: str) -> None:
    """Status, bytes, queries and writes of one anonymous request each, after a warm-up
    request, with the mode's caches as gunicorn will have them."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    flags = {name: value == "1" for name, value in MODES[mode].items()}
    with override_settings(**flags):
        cache.clear()
        for row in rows:
            client.get(row.url)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(row.url)
            _record(row, response, captured)
        cache.clear()


def _record(row: Row, response, captured) -> None:
    row.status = response.status_code
    row.bytes = len(response.content)
    row.queries = len(captured.captured_queries)
    row.writes = sum(
        query["sql"].lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE"}
        for query in captured.captured_queries
    )


# Where a request's time goes, by the cumulative time of one function that
# covers each part (parts overlap: SQL run while a template renders counts in both).
PARTS = (
    ("SQL (building and running queries)", "django/db/models/sql/compiler.py", "execute_sql"),
    ("routing to the page", "wagtail/models/pages.py", "route_for_request"),
    ("HTML templates", "django/template/response.py", "rendered_content"),
    ("API serialisation", "rest_framework/serializers.py", "data"),
    ("JSON encoding", "json/encoder.py", "encode"),
    ("middleware (all but the view)", "django/core/handlers/base.py", "_get_response"),
)


def _parts(stats: pstats.Stats, total: float) -> list[str]:
    found = []
    for name, path, function in PARTS:
        cumulative = max(
            (
                ct
                for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items()
                if func == function and file.endswith(path)
            ),
            default=0.0,
        )
        share = cumulative / total
        if function == "_get_response":
            share = 1 - share if cumulative else 0.0
        if share >= 0.005:
            found.append(f"{name}: {share:.0%}")
    return found


def profile(rows: list[Row], top: int = 6) -> dict[str, list[str]]:
    """Where ten requests of each URL spend their time: the main parts, then the
    functions with most time of their own."""
    from django.test import Client

    client = Client()
    profiles = {}
    # This process built the database: leave its objects out of the collector's
    # work, or collections would be charged to whatever request triggered them.
    gc.collect()
    gc.freeze()
    for row in rows:
        if row.label == "floor":
            continue
        client.get(row.url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(10):
            client.get(row.url)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        total = max(ct for (_cc, _nc, _tt, ct, _callers) in stats.stats.values())
        stats.sort_stats("tottime").print_stats(top)
        lines = [
            re.sub(r"\S*/(site-packages|python3\.\d+)/", "", line.rstrip().replace(f"{ROOT}/", ""))
            for line in out.getvalue().splitlines()
            if line.strip()
        ]
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        summary = f"{total / 10 * 1000:.1f} ms a request under the profiler; " + "; ".join(_parts(stats, total))
        profiles[row.label] = [summary, *lines[start : start + top + 1]]
    return profiles


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int, extra_env: dict[str, str]):
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "sscp_wagtail.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--log-level=warning",
    ]
    if (ROOT / "gunicorn.conf.py").exists():
        command.insert(2, "--config=gunicorn.conf.py")
    # The access log (gunicorn.conf.py) is written as in production, then discarded.
    process = subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env={**os.environ, **env, **extra_env}, stdout=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/__bench__/floor/", timeout=2):  # noqa: S310 - loopback
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start; see its output above") from None
                time.sleep(0.2)
        yield base, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def worker_peak_rss_mb(master: int) -> list[float]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    peaks = []
    for child in children:
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(round(int(line.split()[1]) / 1024, 1))
    return peaks


def load(base: str, url: str, duration: int, connections: int) -> dict:
    """One wrk run against ``url``: its summary (requests/s, latency percentiles, errors)."""
    # Warm every worker (templates, content types, site root paths) before timing.
    for _ in range(4):
        with contextlib.suppress(OSError), urllib.request.urlopen(base + url, timeout=30):  # noqa: S310
            pass
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk"),
            "--threads=1",
            f"--connections={connections}",
            f"--duration={duration}s",
            "--timeout=10s",
            f"--script={ROOT / 'bench' / 'wrk_report.lua'}",
            base + url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    summary["requests_per_s"] = summary["requests"] / (summary["duration_us"] / 1e6)
    return summary


def record(row: Row, rounds: list[dict], floors: list[dict]) -> None:
    """The row's figures from its rounds: the median round's, and the median of its
    ratios to the floor measured in the same round (so a slower minute on a shared
    machine slows both sides of each ratio)."""
    ratios = [
        mine["requests_per_s"] / (floor["requests_per_s"] or 1) for mine, floor in zip(rounds, floors, strict=True)
    ]
    middle = sorted(rounds, key=lambda summary: summary["requests_per_s"])[len(rounds) // 2]
    row.requests_per_s = round(middle["requests_per_s"], 1)
    row.p50_ms = round(middle["p50_us"] / 1000, 1)
    row.p95_ms = round(middle["p95_us"] / 1000, 1)
    row.p99_ms = round(middle["p99_us"] / 1000, 1)
    row.errors = sum(summary["errors"] for summary in rounds)
    row.ratio = round(statistics.median(ratios), 3)


def measure(size, mode, urls, env, args, log) -> Run:
    run = Run(size=size, mode=mode, rows=[Row(label, url) for label, url in urls])
    count_queries(run.rows, mode)
    run.load_average.append(round(os.getloadavg()[0], 2))
    # Each URL is measured in several short rounds, each round right after the
    # floor's own: a ratio compares two measurements taken seconds apart.
    seconds = max(1, round(args.duration / args.rounds))
    with gunicorn(env, args.workers, MODES[mode]) as (base, master):
        floor, *rows = run.rows
        floors = []
        for row in rows:
            rounds = []
            for _ in range(args.rounds):
                floors.append(load(base, floor.url, max(1, seconds // 2), args.connections))
                rounds.append(load(base, row.url, seconds, args.connections))
            record(row, rounds, floors[-args.rounds :])
            log(
                f"  {row.label:<26} {row.requests_per_s:>8.1f} req/s  {row.ratio:>6.1%} of the floor  "
                f"p95 {row.p95_ms:>7.1f} ms  {row.queries:>3} queries  {row.errors} errors"
            )
        record(floor, floors, floors)
        log(f"  {floor.label:<26} {floor.requests_per_s:>8.1f} req/s (median of {len(floors)} rounds)")
        run.worker_peak_rss_mb = worker_peak_rss_mb(master)
    run.load_average.append(round(os.getloadavg()[0], 2))
    log(f"  load average {run.load_average[0]} -> {run.load_average[1]}")
    return run


def targets(runs: list[Run], vendor: str) -> list[tuple[str, str, bool]]:
    """(target, what was measured, met) for each target that this run measured."""
    found = []
    uncached = [run for run in runs if run.mode == "uncached"]
    if not uncached:
        return found
    largest, smallest = uncached[-1], uncached[0]

    def row(run, label):
        return next((r for r in run.rows if r.label == label), None)

    review = row(largest, "review page")
    found.append(
        (
            f"uncached review page >= {UNCACHED_REVIEW_TARGET:.0%} of the floor",
            f"{review.ratio:.1%} at {largest.size:,} reviews",
            review.ratio >= UNCACHED_REVIEW_TARGET,
        )
    )
    listing = row(largest, "API listing")
    found.append(
        (
            f"API listing (fields=*, 20 reviews) >= {API_LISTING_TARGET:.0%} of the floor",
            f"{listing.ratio:.1%}",
            listing.ratio >= API_LISTING_TARGET,
        )
    )
    for fragments in (run for run in runs if run.mode == "fragments"):
        for label, target in (("review page", UNCACHED_REVIEW_TARGET), ("API listing", API_LISTING_TARGET)):
            measured = row(fragments, label)
            found.append(
                (
                    f"{label} >= {target:.0%} of the floor, page cache off, fragment cache on",
                    f"{measured.ratio:.1%} at {fragments.size:,} reviews",
                    measured.ratio >= target,
                )
            )
    for cached in (run for run in runs if run.mode == "cached"):
        worst = min((r for r in cached.rows if r.label in HTML_PAGES), key=lambda r: r.ratio)
        found.append(
            (
                f"cached public pages >= {CACHED_PAGE_TARGET:.0%} of the floor",
                f"lowest {worst.ratio:.1%} ({worst.label})",
                worst.ratio >= CACHED_PAGE_TARGET,
            )
        )
    if largest is not smallest:
        for label in ("review index", "search"):
            small, large = row(smallest, label), row(largest, label)
            growth = large.p95_ms / small.p95_ms if small.p95_ms else 0
            found.append(
                (
                    f"{label} p95 at {largest.size:,} <= {P95_GROWTH_TARGET}x its p95 at {smallest.size:,}",
                    f"{small.p95_ms} -> {large.p95_ms} ms ({growth:.2f}x)",
                    growth <= P95_GROWTH_TARGET,
                )
            )
    search = row(largest, "search")
    found.append(
        (
            f"search p95 < {SEARCH_P95_TARGET_MS} ms at {largest.size:,} reviews ({vendor})",
            f"{search.p95_ms} ms",
            search.p95_ms < SEARCH_P95_TARGET_MS,
        )
    )
    writes = [(run.size, r.label) for run in runs for r in run.rows if r.writes]
    listed = ", ".join(f"{size}: {label}" for size, label in writes) or "none"
    found.append(("no database writes on a public GET", listed, not writes))
    peak = max(mb for run in runs for mb in run.worker_peak_rss_mb)
    found.append((f"worker peak RSS < {RSS_TARGET_MB} MB", f"{peak} MB", peak < RSS_TARGET_MB))
    return found


def markdown(runs, found, profiles, meta) -> str:
    lines = [
        f"# Benchmark {meta['started']}",
        "",
        f"{meta['machine']}; {meta['database']}; gunicorn {meta['workers']} sync workers; "
        f"wrk 1 thread, {meta['connections']} connections, {meta['duration']} s per URL in "
        f"{meta['rounds']} rounds, each right after a round of the floor. Figures are the median "
        "round's; a ratio is the median of the URL's requests/s over the floor's in the same round.",
        "",
    ]
    for run in runs:
        lines += [
            f"## {run.size:,} reviews, {run.mode}",
            "",
            "| URL | status | req/s | × floor | p50 ms | p95 ms | p99 ms | KB | queries | writes | errors |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in run.rows:
            lines.append(
                f"| {r.label} | {r.status} | {r.requests_per_s:,.1f} | {r.ratio:.1%} | {r.p50_ms} | {r.p95_ms} | "
                f"{r.p99_ms} | {r.bytes / 1024:.1f} | {r.queries} | {r.writes} | {r.errors} |"
            )
        lines += [
            "",
            f"Worker peak RSS: {', '.join(f'{mb} MB' for mb in run.worker_peak_rss_mb)}. "
            f"Load average (1 min) at start and end: {' / '.join(str(load) for load in run.load_average)}.",
            "",
        ]
    lines += ["## Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {measured} | {'yes' if met else '**no**'} |" for name, measured, met in found]
    if profiles:
        lines += ["", f"## Where the time goes ({runs[-1].size:,} reviews, ten requests each, by own time)", ""]
        for label, text in profiles.items():
            lines += [f"### {label}", "", "```", *text, "```", ""]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000], help="numbers of reviews")
    parser.add_argument("--duration", type=int, default=6, help="seconds of load per URL (default 6)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per URL, each after one of the floor (default 3)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results", help="where results are written")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (database, media)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench needs wrk: apt-get install wrk (make bench installs it when run as root)")
    sys.stdout.reconfigure(line_buffering=True)
    started = dt.datetime.now(dt.UTC)

    def log(message):
        print(f"[{(dt.datetime.now(dt.UTC) - started).total_seconds():5.0f} s] {message}")

    workdir = Path(tempfile.mkdtemp(prefix="sscp-bench-"))
    database_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'db.sqlite3'}"
    env = configure(workdir, database_url)
    try:
        setup_database(log)
        from django.db import connection

        from bench.content import build_reviews

        runs: list[Run] = []
        sizes = sorted(args.sizes)
        for size in sizes:
            build_reviews(size, log=log)
            urls = urls_to_measure()
            if size == sizes[0]:
                # The floor's body is the size of a review page.
                from django.test import Client

                review_bytes = len(Client().get(dict(urls)["review page"]).content)
                env["SSCP_BENCH_FLOOR_BYTES"] = str(review_bytes)
            log(f"{size:,} reviews: uncached (every request rendered)")
            runs.append(measure(size, "uncached", urls, env, args, log))
        log(f"{sizes[-1]:,} reviews: fragment cache on, page cache off")
        runs.append(measure(sizes[-1], "fragments", urls, env, args, log))
        log(f"{sizes[-1]:,} reviews: with the anonymous page cache")
        runs.append(measure(sizes[-1], "cached", urls, env, args, log))
        log("profiling one URL at a time")
        profiles = profile(runs[-1].rows)
        found = targets(runs, connection.vendor)
        meta = {
            "started": started.strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
            "database": connection.vendor
            + (f" {connection.Database.sqlite_version}" if connection.vendor == "sqlite" else ""),
            "workers": args.workers,
            "connections": args.connections,
            "duration": args.duration,
            "rounds": args.rounds,
        }
        args.output.mkdir(parents=True, exist_ok=True)
        stem = args.output / started.strftime("%Y-%m-%d-%H%M")
        stem.with_suffix(".md").write_text(markdown(runs, found, profiles, meta), encoding="utf-8")
        stem.with_suffix(".json").write_text(
            json.dumps(
                {"meta": meta, "runs": [asdict(run) for run in runs], "targets": found, "profiles": profiles}, indent=2
            )
            + "\n",
            encoding="utf-8",
        )
        for name, measured, met in found:
            log(f"{'met' if met else 'NOT MET'}: {name}: {measured}")
        log(f"results: {stem.with_suffix('.md')}")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
