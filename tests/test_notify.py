"""``afterview notify --via github-issue`` against a fake ``gh`` on PATH.

The fake (a Python script) keeps its issues in a JSON file, records every
call's arguments and the text of every ``--body-file``, and answers as ``gh``
does: JSON for ``issue list``, the new issue's URL for ``issue create``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from afterview.agenda_markdown import md_text
from afterview.cli import cli
from afterview.notify import MARKER
from afterview.site_settings import read_site_config, safe_site_url

FAKE_GH = textwrap.dedent(
    """\
    import json, os, sys
    from pathlib import Path

    state_path = Path(os.environ["FAKE_GH_STATE"])
    state = json.loads(state_path.read_text(encoding="utf-8"))
    args = sys.argv[1:]
    call = {"args": args}
    if "--body-file" in args:
        call["body"] = Path(args[args.index("--body-file") + 1]).read_text(encoding="utf-8")
    state["calls"].append(call)
    state_path.write_text(json.dumps(state), encoding="utf-8")
    if state.get("fail"):
        sys.stderr.write("HTTP 401: Bad credentials (https://api.github.com/graphql)\\n")
        sys.exit(1)
    issues = state["issues"]
    if args[0] == "label":  # the workflow's `gh label create afterview --force`
        pass
    elif args[0] == "api":  # the workflow asks for the Pages URL
        print("https://me.github.io/playbook/")
    elif args[:2] == ["issue", "list"]:
        assert args[2:] == ["--label", "afterview", "--state", "open",
                            "--json", "number,title,body,url"], args
        out = [{k: i[k] for k in ("number", "title", "body", "url")}
               for i in issues if i["state"] == "open" and "afterview" in i["labels"]]
        print(json.dumps(out))
    elif args[:2] == ["issue", "create"]:
        n = max([i["number"] for i in issues] + [0]) + 1
        title = args[args.index("--title") + 1]
        label = args[args.index("--label") + 1]
        url = f"https://github.com/me/playbook/issues/{n}"
        issues.append({"number": n, "title": title, "body": call["body"], "url": url,
                       "state": "open", "labels": [label], "comments": []})
        print(url)
    else:
        n = int(args[2])
        issue = next(i for i in issues if i["number"] == n)
        if args[1] == "edit":
            issue["body"] = call["body"]
        elif args[1] == "comment":
            issue["comments"].append(call["body"])
        elif args[1] == "close":
            issue["state"] = "closed"
            if "--comment" in args:
                issue["comments"].append(args[args.index("--comment") + 1])
        else:
            sys.exit(f"unexpected call {args}")
    state_path.write_text(json.dumps(state), encoding="utf-8")
    """
)

RECORD = """\
version: 1
company: Acme
role: Dev
when: 2026-11-02T10:00:00-05:00
interviewers:
  - name: Dana Whitfield
    title: CTO
    email: dana@acme.example
outcome:
  status: withdrawn
  date: 2026-11-03
closing:
  next_steps:
    - action: {action}
      due: 2026-12-10
      done: {done}
"""
HOSTILE = (
    "Ask @octocat and Dana Whitfield (dana@acme.example) | see [x](javascript:alert(1))"
    " <script>alert(1)</script> *bold* https://evil.example/a www.evil.example #12 me/repo#3"
)


class Gh:
    """The fake gh's state: its issues and the calls it received."""

    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.bin.mkdir()
        script = self.bin / "gh"
        script.write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
        script.chmod(0o755)
        self.state = folder / "gh-state.json"
        self.save({"issues": [], "calls": []})

    def load(self) -> dict:
        return json.loads(self.state.read_text(encoding="utf-8"))

    def save(self, data: dict) -> None:
        self.state.write_text(json.dumps(data), encoding="utf-8")

    @property
    def calls(self) -> list[dict]:
        return self.load()["calls"]

    def verbs(self) -> list[str]:
        return [c["args"][1] for c in self.calls]

    def issues(self) -> list[dict]:
        return self.load()["issues"]

    def forget_calls(self) -> None:
        data = self.load()
        data["calls"] = []
        self.save(data)


@pytest.fixture
def gh(playbook: Path, monkeypatch: pytest.MonkeyPatch) -> Gh:
    fake = Gh(playbook)
    monkeypatch.setenv("PATH", str(fake.bin) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("FAKE_GH_STATE", str(fake.state))
    record(playbook)
    return fake


def record(playbook: Path, action: str = "Return the laptop", done: str = "false") -> None:
    folder = playbook / "content" / "interviews"
    folder.mkdir(parents=True, exist_ok=True)
    text = RECORD.format(action=json.dumps(action), done=done)
    (folder / "2026-11-02-acme.yaml").write_text(text, encoding="utf-8")


def notify(*args: str) -> tuple[int, str, str]:
    run = CliRunner().invoke(cli, ["notify", "--via", "github-issue", *args])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    return run.exit_code, run.stdout, run.stderr


def test_create_then_unchanged_then_comment_then_close(gh: Gh, playbook: Path) -> None:
    code, out, _err = notify("--now", "2026-12-01")  # due 12-10: not within 7 days
    assert (code, gh.verbs(), gh.issues()) == (0, ["list"], [])
    assert "nothing is due" in out

    code, out, _err = notify("--now", "2026-12-05")
    assert code == 0
    assert gh.verbs() == ["list", "list", "create"]
    create = gh.calls[-1]["args"]
    assert create[:6] == ["issue", "create", "--title", create[3], "--label", "afterview"]
    assert create[6] == "--body-file"
    (issue,) = gh.issues()
    assert issue["state"] == "open" and MARKER in issue["body"]
    assert "Return the laptop" in issue["body"] and "Overdue" not in issue["body"]
    assert "created issue https://github.com/me/playbook/issues/1" in out

    gh.forget_calls()
    code, out, _err = notify("--now", "2026-12-06")  # same agenda: no edit, no comment
    assert (code, gh.verbs()) == (0, ["list"])
    assert "up to date" in out

    gh.forget_calls()
    code, out, _err = notify("--now", "2026-12-11")  # now overdue
    assert code == 0
    assert gh.verbs() == ["list", "edit", "comment"]
    assert [c["args"][2] for c in gh.calls[1:]] == ["1", "1"]
    (issue,) = gh.issues()
    assert "### Overdue" in issue["body"]
    (comment,) = issue["comments"]
    assert "Now overdue" in comment and "Return the laptop" in comment

    gh.forget_calls()
    record(playbook, done="2026-12-11")
    code, out, _err = notify("--now", "2026-12-12")
    assert code == 0
    assert gh.verbs() == ["list", "close"]
    close = gh.calls[-1]["args"]
    assert close[:3] == ["issue", "close", "1"] and close[3] == "--comment"
    assert gh.issues()[0]["state"] == "closed"
    assert "Nothing is overdue" in gh.issues()[0]["comments"][-1]


def test_edit_without_comment_when_items_only_go_away(gh: Gh, playbook: Path) -> None:
    notify("--now", "2026-12-05", "--days", "40")
    (playbook / "content" / "interviews" / "b.yaml").write_text(
        RECORD.format(action='"Send the form"', done="false"), encoding="utf-8"
    )
    notify("--now", "2026-12-05", "--days", "40")
    assert gh.verbs()[-2:] == ["edit", "comment"]  # a new item is due: named in a comment
    assert "Send the form" in gh.issues()[0]["comments"][-1]
    (playbook / "content" / "interviews" / "b.yaml").unlink()
    gh.forget_calls()
    notify("--now", "2026-12-05", "--days", "40")
    assert gh.verbs() == ["list", "edit"]


def test_several_open_issues_keep_the_newest(gh: Gh) -> None:
    data = gh.load()
    for n in (3, 5):
        data["issues"].append(
            {
                "number": n,
                "title": "Afterview",
                "body": f"{MARKER}\nold",
                "url": f"https://github.com/me/playbook/issues/{n}",
                "state": "open",
                "labels": ["afterview"],
                "comments": [],
            }
        )
    data["issues"].append(
        {
            "number": 4,
            "title": "someone else's",
            "body": "not ours",
            "url": "u",
            "state": "open",
            "labels": ["afterview"],
            "comments": [],
        }
    )
    gh.save(data)
    code, out, _err = notify("--now", "2026-12-05")
    assert code == 0
    args = [c["args"][1:3] for c in gh.calls]
    assert args == [
        ["issue", "list"][1:] + ["--label"],
        ["close", "3"],
        ["edit", "5"],
        ["comment", "5"],
    ]
    states = {i["number"]: i["state"] for i in gh.issues()}
    assert states == {3: "closed", 4: "open", 5: "open"}
    assert "#5" in gh.issues()[0]["comments"][0]
    assert "closed duplicate issue #3" in out


def test_failing_gh_exits_2_with_a_message(gh: Gh) -> None:
    data = gh.load()
    data["fail"] = True
    gh.save(data)
    code, out, err = notify("--now", "2026-12-05")
    assert code == 2
    assert "`gh issue list` failed with exit status 1: HTTP 401: Bad credentials" in err
    assert "Traceback" not in err + out


def test_gh_answering_nonsense_exits_2(gh: Gh, monkeypatch: pytest.MonkeyPatch) -> None:
    (gh.bin / "gh").write_text(f"#!{sys.executable}\nprint('<html>')\n", encoding="utf-8")
    code, _out, err = notify("--now", "2026-12-05")
    assert code == 2 and "not a list of issues" in err


def test_missing_gh_exits_2(gh: Gh, playbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = playbook / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, _out, err = notify("--now", "2026-12-05")
    assert code == 2
    assert "`gh` command (GitHub CLI) was not found" in err


def test_hostile_text_cannot_mention_link_or_inject(gh: Gh, playbook: Path) -> None:
    record(playbook, action=HOSTILE)
    (playbook / "mkdocs.yml").write_text("site_url: https://me.github.io/pb/\n", encoding="utf-8")
    notify("--now", "2026-12-11")
    body = gh.issues()[0]["body"]
    comment = gh.issues()[0]["comments"] if gh.issues()[0]["comments"] else []
    for text in [body, *comment, gh.calls[-1].get("body", "")]:
        assert not re.search(r"@[A-Za-z0-9]", text)  # no @mention
        assert not re.search(r"#\d", text.replace("&#", ""))  # no issue reference
        assert "https://evil" not in text and "www.evil" not in text
        assert not re.search(r"(?<!\\)<script", text)  # only as the escaped \<script
        assert not re.search(r"(?<!\\)\]\(javascript", text)
    row = next(line for line in body.splitlines() if "laptop" in line or "octocat" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four cells: the record's | is escaped
    assert "](<https://me.github.io/pb/interviews/2026-11-02-acme/>)" in row


def test_md_text_shows_literally() -> None:
    out = md_text("a|b *c* _d_ [e](f) <g> `h` @i #1 http://j www.k \x0b\u202el\nm")
    assert out == (
        "a\\|b \\*c\\* \\_d\\_ \\[e\\]\\(f\\) \\<g\\> \\`h\\` @\u200bi \\#\u200b1"
        " http\u200b\\:\\/\\/j www\u200b\\.k lm"
    ).replace("lm", "l m")


@pytest.mark.parametrize(
    ("site", "redact_flag", "shows_name"),
    [
        ("plugins:\n  - afterview:\n      redact: true\n", None, False),
        ("plugins:\n  - afterview:\n      redact: false\n", None, True),
        ("plugins:\n  - afterview\n", None, True),  # the plugin's default (not redacted)
        ("site_name: x\n", None, False),  # no afterview plugin: cannot tell, so redacted
        (None, None, False),  # no mkdocs.yml at all
        ("plugins: [afterview: {redact: !ENV [R, true]}]\n", None, False),  # unknown value
        ("plugins:\n  - afterview:\n      redact: false\n", "--redact", False),
        ("plugins:\n  - afterview:\n      redact: true\n", "--no-redact", True),
    ],
)
def test_issue_follows_the_site_redaction(
    gh: Gh, playbook: Path, site: str | None, redact_flag: str | None, shows_name: bool
) -> None:
    record(playbook, action="Call Dana Whitfield at dana@acme.example or +1 617 555 0134")
    if site is not None:
        (playbook / "mkdocs.yml").write_text(site, encoding="utf-8")
    args = ["--now", "2026-12-05", "--dry-run"] + ([redact_flag] if redact_flag else [])
    code, out, _err = notify(*args)
    assert code == 0 and gh.calls == []  # --dry-run calls nothing
    assert ("Whitfield" in out) is shows_name
    assert ("acme\\.example" in out) is shows_name


def test_site_config_reading(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        "site_url: https://me.github.io/pb\nuse_directory_urls: false\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - afterview:\n      status_page: s/x.md\n      calendar: false\n",
        encoding="utf-8",
    )
    cfg = read_site_config(path)
    assert cfg.site_url == "https://me.github.io/pb/"
    assert (cfg.directory_urls, cfg.status_page, cfg.calendar) == (False, "s/x.md", False)
    assert read_site_config(tmp_path / "absent.yml").redact is None
    assert safe_site_url("javascript:alert(1)") is None
    assert safe_site_url("https://x.example/a) [y](z") is None


def test_bad_site_url_option_exits_2(gh: Gh) -> None:
    code, _out, err = notify("--now", "2026-12-05", "--site-url", "javascript:alert(1)")
    assert code == 2 and "--site-url" in err and gh.calls == []


def test_agenda_markdown_format(playbook: Path) -> None:
    record(playbook, action=HOSTILE)
    now = "2026-12-12T12:00"
    run = CliRunner().invoke(cli, ["agenda", "--format", "markdown", "--now", now])
    assert run.exit_code == 0, run.output
    out = run.stdout
    assert out.index("## Overdue") < out.index("| Acme |")
    assert "Thu 10 Dec 2026, end of day (overdue by 2 days)" in out
    assert not re.search(r"@[A-Za-z0-9]", out) and not re.search(r"(?<!\\)<script", out)
    run = CliRunner().invoke(cli, ["agenda", "--format", "markdown", "--now", "2026-12-01"])
    assert "## Coming up" in run.stdout and "## Overdue" not in run.stdout


def test_init_workflow_runs_notify_daily() -> None:
    import yaml

    from afterview.scaffold import _template

    workflow = yaml.safe_load(_template("workflow.yml"))
    job = workflow["jobs"]["notify"]
    assert job["permissions"]["issues"] == "write"
    assert job["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert "afterview notify --via github-issue" in job["steps"][-1]["run"]
    assert workflow[True]["schedule"]  # YAML 1.1 reads the key `on` as True
