"""The CLI's bad-input paths: one line naming the input, an exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def test_missing_path_names_it_and_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    missing = tmp_path / "nowhere"
    code, _, err = _run(
        capsys, "run", str(missing), "--db", str(tmp_path / "s.duckdb"), "--out", str(tmp_path)
    )
    assert code == 2
    assert f"skipped {missing}: no such file or directory" in err
    assert err.strip().splitlines()[-1].startswith("sitroom: error: E100 nothing readable in")


def test_only_unreadable_inputs_exit_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    code, _, err = _run(capsys, "run", str(tmp_path / "in"), "--db", str(tmp_path / "s.duckdb"))
    assert code == 2
    assert "blob.txt: binary content, not text" in err and "empty.txt: empty file" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "--db", "{tmp}/absent.duckdb"], "E200 no store at"),
        (["report", "--db", "{tmp}/absent.duckdb"], "E200 no store at"),
        (["run", "{tmp}", "--workers", "0"], "E300 --workers must be at least 1"),
    ],
)
def test_store_and_option_errors_are_one_line(tmp_path: Path, capsys, argv, message):
    code, _, err = _run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and message in err


def test_a_foreign_store_file_is_refused_without_damage(tmp_path: Path, capsys):
    store = tmp_path / "mine.duckdb"
    store.write_text("precious notes")
    (tmp_path / "a.txt").write_text("Officials said the talks resumed. " * 20)
    code, _, err = _run(capsys, "run", str(tmp_path / "a.txt"), "--db", str(store))
    assert code == 3 and "is not a sitroom store" in err
    assert store.read_text() == "precious notes"


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "export", "report", "setup"):
        assert command in out


def test_cli_reference_is_current():
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gen", root / "docs" / "gen_cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (root / "docs" / "cli.md").read_text() == module.render(), (
        "run: python docs/gen_cli_reference.py > docs/cli.md"
    )


def test_run_summary_counts_take_their_nouns_in_the_right_number(tmp_path: Path) -> None:
    from sitroom.commands import format_summary
    from sitroom.config import Settings
    from sitroom.run import RunResult
    from sitroom.store.queries import StoreSummary

    counts = {"statement": 1, "event": 2, "place": 1, "timex": 1, "quantity": 0}
    summary = StoreSummary(1, 1, {}, counts, stories=1, discrepancies=1, duplicates=1, entities=1,
                           statement_groups=2)  # fmt: skip
    text = format_summary(RunResult(read=1, processed=1, summary=summary), Settings(db_path=tmp_path / "s"))
    assert "1 input read" in text and "1 article," in text
    assert "1 statement, 2 events, 1 place, 1 date, 0 figures" in text
    assert "1 story, 1 copy, 1 discrepancy, 1 entity across articles, 2 statements reported" in text
