"""Settings: round trip, defaults, corrupt files give defaults and a warning, recent files."""

import json

import pytest

from drafter.errors import DrafterError
from drafter.settings import MAX_RECENT, Settings, load_settings, save_settings, settings_path, with_recent_file


def test_missing_file_gives_defaults_without_warning():
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning is None


def test_round_trip_in_user_config_dir():
    original = Settings(registry_location="postgresql://drafter@localhost/sổ", place="Thành phố Hồ Chí Minh",
                        parent_body="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", issuer="THÀNH ỦY",
                        signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn A", date_style="words",
                        templates_dir="/tmp/mẫu", recent_files=("/tmp/a.draft",))
    path = save_settings(original)
    assert path == settings_path()
    assert "Thành phố Hồ Chí Minh" in path.read_text(encoding="utf-8")  # readable UTF-8, not \\u escapes
    assert load_settings() == (original, None)


@pytest.mark.parametrize("content", [
    b"{not json",
    b"\xff\xfe\x00garbage",
    b"[1, 2, 3]",
    b"",
    b'"just a string"',
])
def test_corrupt_file_gives_defaults_and_vietnamese_warning(content):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning and "cài đặt mặc định" in warning


@pytest.mark.parametrize("data, expected", [
    ({"place": 5, "issuer": "THÀNH ỦY"}, Settings(issuer="THÀNH ỦY")),  # wrong type ignored
    ({"date_style": "roman"}, Settings()),  # unknown style falls back to the default
    ({"unknown": "x", "place": "  Hà Nội "}, Settings(place="Hà Nội")),
    ({"recent_files": ["a", 3, "b"]}, Settings(recent_files=("a", "b"))),
])
def test_partial_or_odd_values(data, expected):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_settings() == (expected, None)


def test_save_into_unwritable_place_raises_drafter_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DrafterError) as info:
        save_settings(Settings(), blocker / "settings.json")
    assert "Không lưu được cài đặt" in info.value.message


def test_recent_files_most_recent_first_unique_and_bounded(tmp_path):
    settings = Settings()
    for i in range(MAX_RECENT + 3):
        settings = with_recent_file(settings, tmp_path / f"{i}.draft")
    settings = with_recent_file(settings, tmp_path / "5.draft")
    assert len(settings.recent_files) == MAX_RECENT
    assert settings.recent_files[0] == str(tmp_path / "5.draft")
    assert settings.recent_files.count(str(tmp_path / "5.draft")) == 1
