"""The deployment files name real commands, and cron and systemd run the same jobs."""

import re
import runpy
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# Provided by the referral form's app; checked once that app is part of the site.
REFERRAL_JOBS = {"purge_referrals", "send_referral_notifications"}


def timer_jobs() -> dict[str, str]:
    jobs = {}
    for timer in sorted((DEPLOY / "systemd").glob("sscp-*.timer")):
        text = timer.read_text()
        jobs[re.search(r"^Unit=sscp-job@(\w+)\.service$", text, re.M).group(1)] = re.search(
            r"^OnCalendar=(.+)$", text, re.M
        ).group(1)
    return jobs


def cron_jobs() -> set[str]:
    lines = [line for line in (DEPLOY / "cron" / "sscp").read_text().splitlines() if line and not line.startswith("#")]
    return {line.split("sscp-manage ")[1].split()[0] for line in lines}


def test_cron_and_systemd_run_the_same_jobs():
    assert (
        set(timer_jobs())
        == cron_jobs()
        == {
            "publish_scheduled",
            "send_referral_notifications",
            "purge_referrals",
            "searchpromotions_garbage_collect",
            "clearsessions",
        }
    )


@pytest.mark.parametrize("job", sorted(timer_jobs()))
def test_every_job_is_a_management_command(job):
    if job in REFERRAL_JOBS and job not in get_commands():
        pytest.skip(f"{job} comes with the referral form's app, which this build does not include")
    assert job in get_commands()


def test_gunicorn_config_keeps_query_strings_out_of_the_access_log():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert "%(U)s" in config["access_log_format"]
    assert "%(r)s" not in config["access_log_format"] and "%(q)s" not in config["access_log_format"]
    assert config["control_socket_disable"] is True
    assert config["max_requests"] > 0


def test_nginx_logs_paths_without_query_strings_and_serves_the_503_page():
    conf = (DEPLOY / "nginx" / "sscp.conf").read_text()
    log_format = re.search(r"log_format sscp (.+);", conf).group(1)
    assert "$uri" in log_format and "$request_uri" not in log_format and "$args" not in log_format
    assert "error_page 502 504 =503 /503.html;" in conf
