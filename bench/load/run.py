"""Load and fault runs on this machine: gunicorn + PostgreSQL + Redis, all on 127.0.0.1.

    .venv/bin/python bench/load/run.py                     # load, database-down and Redis-down runs (~6 min)
    .venv/bin/python bench/load/run.py --soak-minutes 10   # and a soak with memory per worker

Needs PostgreSQL's server binaries (apt `postgresql`), `redis-server` and root
(to run PostgreSQL as the postgres user), as in CI. Everything it starts is its
own: a PostgreSQL cluster and a Redis on free loopback ports, gunicorn with
gunicorn.conf.py under production settings, and locust headless with a fixed
number of users for a fixed time. All of it is stopped and removed at the end.
Figures are printed and written to bench/load/results/ (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
UNCACHED_PATH = "/search/?q=neglect"  # search is never cached: shows what a reader gets from the database


REFERRAL_COUNTS = (
    "from sscp_wagtail.referrals.models import ReferralSubmission as R; "
    "print(R.objects.count(), R.objects.filter(notified_at__isnull=True).count())"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def fetch(url: str, timeout: float = 10) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return 0, str(error), {}


def wait_for(url: str, status: int = 200, seconds: float = 60) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if fetch(url, timeout=2)[0] == status:
            return time.monotonic() - start
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer {status} within {seconds} s")


class Postgres:
    def __init__(self, folder: Path):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
        if not bins or os.geteuid() != 0:
            sys.exit("Needs PostgreSQL (apt-get install postgresql) and root, as in CI.")
        self.bin = bins[-1]
        self.data = folder / "pgdata"
        self.port = free_port()
        self.data.mkdir()
        shutil.chown(self.data, "postgres", "postgres")
        self.data.chmod(0o700)
        self.su(f"{self.bin}/initdb -D {self.data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8")
        self.start()
        subprocess.run(  # noqa: S603
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-qc", "CREATE DATABASE sscp"],  # noqa: S607
            check=True,
        )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/sscp"

    def su(self, command: str) -> None:
        subprocess.run(["su", "postgres", "-c", command], check=True, stdout=subprocess.DEVNULL)  # noqa: S603, S607

    def start(self) -> None:
        self.su(
            f"{self.bin}/pg_ctl -D {self.data} -w -l {self.data}/server.log "
            f"-o '-p {self.port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100' start"
        )

    def stop(self) -> None:
        self.su(f"{self.bin}/pg_ctl -D {self.data} -m fast -w stop")


class Redis:
    def __init__(self, folder: Path):
        if shutil.which("redis-server") is None:
            sys.exit("Needs redis-server (apt-get install redis-server).")
        self.port = free_port()
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--dir", str(self.folder)],  # noqa: S607
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def worker_memory(master_pid: int) -> dict[int, int]:
    """Resident memory (kB) of each gunicorn worker."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    memory = {}
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        memory[int(pid)] = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
    return memory


def run_locust(host: str, users: int, seconds: int, csv_prefix: Path, env: dict) -> dict:
    subprocess.run(  # noqa: S603
        [
            str(ROOT / ".venv" / "bin" / "locust"),
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--host",
            host,
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--stop-timeout",
            "5",
            "--csv",
            str(csv_prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    rows = {}
    with open(f"{csv_prefix}_stats.csv", newline="") as stats:
        for row in csv.DictReader(stats):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 1),
                "p50": row["50%"],
                "p95": row["95%"],
                "p99": row["99%"],
                "max": round(float(row["Max Response Time"])),
            }
    failures = Path(f"{csv_prefix}_failures.csv").read_text() if Path(f"{csv_prefix}_failures.csv").exists() else ""
    return {"rows": rows, "failures_csv": failures}


class Poller(threading.Thread):
    """Asks for a page every 0.25 s and records what a reader got."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url = url
        self.samples: list[tuple[float, int, bool]] = []
        self.running = True

    def run(self) -> None:
        while self.running:
            status, body, _ = fetch(self.url, timeout=5)
            self.samples.append((time.monotonic(), status, "tel:999" in body and "tel:01612176028" in body))
            time.sleep(0.25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--soak-minutes", type=int, default=0)
    parser.add_argument("--outage-seconds", type=int, default=15)
    args = parser.parse_args()

    results: dict = {"users": args.users, "seconds": args.seconds, "workers": args.workers}
    with ExitStack() as stack:
        folder = Path(tempfile.mkdtemp(prefix="sscp-load-"))
        stack.callback(shutil.rmtree, folder, True)
        os.chmod(folder, 0o755)  # noqa: S103 - the postgres user must reach its data folder inside
        log("Starting PostgreSQL and Redis on loopback")
        postgres = Postgres(folder)
        stack.callback(postgres.stop)
        redis = Redis(folder)
        stack.callback(redis.stop)
        port = free_port()
        host = f"http://127.0.0.1:{port}"
        static_root = HERE / ".static"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))},
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
            "DATABASE_URL": postgres.url,
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": redis.url,
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(folder / "media"),
            # The mail server is down for the whole run: nothing listens on this port.
            # Every referral must still be stored and confirmed, its notification left to the retry job.
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(free_port()),
            "EMAIL_TIMEOUT": "2",
            "SSCP_REFERRAL_NOTIFY_EMAIL": "safeguarding-unit@example.org",
            # Every simulated referrer shares 127.0.0.1: the per-client limit would refuse them.
            "SSCP_REFERRAL_RATE_LIMIT": "1000000",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(args.workers),
            "GUNICORN_ACCESS_LOG": str(folder / "access.log"),
            "LOG_LEVEL": "ERROR",
        }
        if args.soak_minutes:
            env["GUNICORN_MAX_REQUESTS"] = "0"  # no recycling: a leak must show
        manage = [PYTHON, "manage.py"]
        log("Migrating and loading the demo content")
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
        demo = [*manage, "load_demo_content", "--force"]
        subprocess.run(demo, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        if not (static_root / "staticfiles.json").exists():
            log("Collecting static files (once; kept in bench/load/.static)")
            subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
        gunicorn = subprocess.Popen(  # noqa: S603
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "sscp_wagtail.wsgi"],
            cwd=ROOT,
            env=env,
            stderr=open(folder / "gunicorn.log", "w"),  # noqa: SIM115
        )
        stack.callback(lambda: (gunicorn.send_signal(signal.SIGTERM), gunicorn.wait(timeout=60)))
        wait_for(host + "/readyz", seconds=120)
        log(f"gunicorn ready on {host} with {args.workers} workers")

        locust_env = {**env, "PYTHONWARNINGS": "ignore"}
        log(f"Load: {args.users} users for {args.seconds} s")
        results["load"] = run_locust(host, args.users, args.seconds, folder / "load", locust_env)
        results["memory_after_load_kb"] = worker_memory(gunicorn.pid)
        submit = results["load"]["rows"].get("referral submit", {"requests": 0, "failures": 0})
        stored = subprocess.run(  # noqa: S603
            [*manage, "shell", "-v", "0", "-c", REFERRAL_COUNTS],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-2:]
        results["mail_down"] = {
            "referrals_confirmed": submit["requests"] - submit["failures"],
            "referrals_stored": int(stored[0]),
            "notifications_waiting_for_retry": int(stored[1]),
        }

        log(f"Fault: database stopped for {args.outage_seconds} s")
        fetch(host + "/serious-case-reviews/baby-m/")  # a page readers just saw: cached
        poller = Poller(host + UNCACHED_PATH)
        cached_poller = Poller(host + "/serious-case-reviews/baby-m/")
        poller.start()
        cached_poller.start()
        time.sleep(2)
        postgres.stop()
        stopped = time.monotonic()
        time.sleep(2)
        health = fetch(host + "/healthz")[0]
        time.sleep(max(0, args.outage_seconds - 2))
        postgres.start()
        started = time.monotonic()
        recovered_after = wait_for(host + UNCACHED_PATH, seconds=60)
        time.sleep(1)
        poller.running = cached_poller.running = False
        poller.join()
        cached_poller.join()
        during = [s for s in poller.samples if stopped + 1 < s[0] < started]
        cached_during = [s for s in cached_poller.samples if stopped + 1 < s[0] < started]
        results["database_down"] = {
            "uncached_requests": len(during),
            "uncached_503_with_numbers": sum(1 for _, status, numbers in during if status == 503 and numbers),
            "other_answers": sorted({status for _, status, numbers in during if not (status == 503 and numbers)}),
            "cached_page_requests": len(cached_during),
            "cached_page_200": sum(1 for _, status, _ in cached_during if status == 200),
            "healthz_during_outage": health,
            "recovered_seconds_after_restart": round(recovered_after, 2),
            "seconds_down": round(started - stopped, 1),
        }

        log("Fault: Redis stopped")
        redis.stop()
        results["redis_down"] = run_locust(host, args.users, 30, folder / "redis-down", locust_env)
        results["redis_down"]["readyz"] = fetch(host + "/readyz")[1].strip()
        redis.start()

        if args.soak_minutes:
            log(f"Soak: {args.users} users for {args.soak_minutes} min, memory sampled every 30 s")
            samples = []
            soak = threading.Thread(
                target=lambda: results.__setitem__(
                    "soak", run_locust(host, args.users, args.soak_minutes * 60, folder / "soak", locust_env)
                )
            )
            soak.start()
            while soak.is_alive():
                samples.append(worker_memory(gunicorn.pid))
                soak.join(timeout=30)
            samples.append(worker_memory(gunicorn.pid))
            results["soak_memory_kb"] = samples

    out = HERE / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    log(f"Written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
