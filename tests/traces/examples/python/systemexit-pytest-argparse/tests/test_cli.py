from backup.cli import main


def test_dry_run():
    assert main(["/srv/data", "--dry_run"]) == 0
