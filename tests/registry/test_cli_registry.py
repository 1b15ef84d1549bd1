"""``drafter registry ...`` end to end through :func:`drafter.cli.main`."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from tests.conftest import seed_path


@pytest.fixture
def reg_path(tmp_path):
    return str(tmp_path / "r.sqlite3")


def test_search_prints_the_best_match_with_its_reasons(reg_path, capsys):
    assert main(["registry", "--registry", reg_path, "search", "kl 21", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("[") and "21-KL/TW" in out.splitlines()[0]
    assert "khớp số" in out


def test_search_json(reg_path, capsys):
    assert main(["registry", "search", "--registry", reg_path, "21-KL/TW", "--json", "--limit", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "21-KL/TW" and data["elapsed_ms"] >= 0
    (result,) = data["results"]
    assert set(result) == {"id", "type", "number", "code", "date", "issuer", "subject", "source", "score", "reasons"}
    assert (result["number"], result["code"], result["date"]) == ("21", "KL/TW", "2021-10-25")


def test_batch_prints_one_json_line_per_query_in_order(reg_path, tmp_path, capsys):
    queries = ["kl 21", "nghị quyết 28 phương thức lãnh đạo", "", "zzqx"]
    batch = tmp_path / "q.txt"
    batch.write_text("\n".join(queries) + "\n", encoding="utf-8")
    assert main(["registry", "search", "--registry", reg_path, "--batch", str(batch), "--limit", "3"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query"] for line in lines] == queries
    assert lines[1]["results"][0]["number"] == "28" and len(lines[1]["results"]) <= 3
    assert lines[3]["results"] == []


@pytest.mark.parametrize("before", [True, False])
def test_registry_option_before_or_after_the_subcommand(tmp_path, before, capsys):
    path = tmp_path / "chosen.sqlite3"
    argv = (["registry", "--registry", str(path), "list"] if before
            else ["registry", "list", "--registry", str(path)])
    assert main(argv) == 0
    assert path.exists()


def test_search_needs_a_query_or_a_batch(reg_path, capsys):
    assert main(["registry", "search", "--registry", reg_path]) == 2
    assert "Hãy cho một từ khóa" in capsys.readouterr().err


def test_environment_variable_chooses_the_registry(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DRAFTER_REGISTRY", str(tmp_path / "env.sqlite3"))
    assert main(["registry", "list"]) == 0
    assert (tmp_path / "env.sqlite3").exists()
    assert "21-KL/TW" in capsys.readouterr().out


def test_import_show_export(reg_path, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    code = main(["registry", "import", "--registry", reg_path, str(seed_path("004")), str(bad)])
    captured = capsys.readouterr()
    assert code == 1  # something was skipped
    assert "Bỏ qua" in captured.out and "bad.txt" in captured.out
    assert "2/2" in captured.err  # the progress bar
    assert main(["registry", "show", "--registry", reg_path, "1"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == 1
    out = tmp_path / "all.jsonl"
    assert main(["registry", "export", "--registry", reg_path, "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert any(r["number"] == "158" and r["code"] == "KL/ĐUK" for r in rows)


def test_show_unknown_id_is_a_clear_error(reg_path, capsys):
    assert main(["registry", "show", "--registry", reg_path, "99999"]) == 2
    assert "Không có văn bản #99999" in capsys.readouterr().err


def test_corrupt_registry_is_reported_without_traceback(tmp_path, capsys):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    assert main(["registry", "list", "--registry", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bị hỏng" in err and "Traceback" not in err
