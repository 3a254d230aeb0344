"""Developer sessions: tests, lint, types, bench, reports."""

import nox

nox.options.sessions = ["tests", "lint", "types"]
nox.options.default_venv_backend = "venv"


@nox.session
def tests(session: nox.Session) -> None:
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", "reconcile", "tests", "noxfile.py")


@nox.session
def types(session: nox.Session) -> None:
    session.install("-e", ".", "mypy")
    session.run("mypy", "reconcile")


@nox.session
def bench(session: nox.Session) -> None:
    """Speed and scale figures; printed, not asserted."""
    session.install("-e", ".[test,audit]")
    import glob

    for script in sorted(glob.glob("tests/bench/bench_*.py")):
        session.run("python", script, *session.posargs)


@nox.session
def reports(session: nox.Session) -> None:
    """Regenerate the sample reports in reports/ from fixtures/seeds."""
    session.install("-e", ".")
    for fmt, name in (("html", "seeds.html"), ("json", "seeds.json"), ("sarif", "seeds.sarif"),
                      ("markdown", "seeds.md")):
        session.run("reconcile", "check", "fixtures/seeds", "--format", fmt,
                    "--output", f"reports/{name}", success_codes=[0, 1])


@nox.session
def fuzz(session: nox.Session) -> None:
    """Hypothesis on the readers and the extractor with a long budget.

    Runs rounds of tests/test_fuzz_readers.py, each with a fresh seed, until RECONCILE_FUZZ_MINUTES
    (default 10) have passed; RECONCILE_FUZZ_EXAMPLES sets the examples per test and round.
    """
    import os
    import time

    session.install("-e", ".[test]")
    minutes = float(os.environ.get("RECONCILE_FUZZ_MINUTES", "10"))
    env = {"RECONCILE_FUZZ_EXAMPLES": os.environ.get("RECONCILE_FUZZ_EXAMPLES", "2000"),
           "RECONCILE_FUZZ_DEADLINE_MS": os.environ.get("RECONCILE_FUZZ_DEADLINE_MS", "")}
    start, rounds = time.monotonic(), 0
    while time.monotonic() - start < minutes * 60:
        rounds += 1
        session.run("pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz_readers.py",
                    f"--hypothesis-seed={rounds}", "--hypothesis-show-statistics", env=env)
    session.log(f"fuzz: {rounds} rounds x {env['RECONCILE_FUZZ_EXAMPLES']} examples per test "
                f"in {(time.monotonic() - start) / 60:.1f} minutes, no failure")
