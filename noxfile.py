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
