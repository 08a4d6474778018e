"""The draft templates: where each comes from, and rendering them in a sandbox.

The defaults ship in the package (``afterview/templates/drafts/KIND.txt.j2``);
a playbook overrides any of them with a file of the same name in the folder
named by the ``drafts`` setting. Templates are Jinja2, rendered by
``jinja2.sandbox.SandboxedEnvironment`` with ``StrictUndefined``: a misspelt
variable is an error, never an empty string. Any failure while rendering (a
syntax error, a refused attribute, ``1/0``, a template that includes itself)
becomes a ``DraftError`` naming the template. The sandbox keeps a template
from Python's internals, and the loader from files outside the template folders (a
template that is a symbolic link, lies under one or resolves outside its folder is
refused, and so is a playbook's template that is a hard link); it does
not bound the time or memory a template takes, so a template is trusted like
code (a record's values are not: they are data). Values are data: Jinja prints a
value as it is and never reads it as a template, so a record holding
``{{ 7*7 }}`` prints ``{{ 7*7 }}``. ``None`` is refused (``finalize``): the
context builder turns every missing fact into a bracketed placeholder first.

A template's first line may be ``Subject: ...``; it becomes the subject and
is removed from the body.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

KINDS: dict[str, str] = {
    "thank-you": "a thank-you note to each interviewer still owed one",
    "follow-up": "a phone-call script for the follow-up after a week",
    "follow-up-email": "an email following up after a week, to the contact person",
    "position-filled": "a reply when the position went to someone else",
    "offer": "a reply to an offer: thanks, the terms to confirm, time to decide",
}


class DraftError(Exception):
    """A draft cannot be made: the message says why (bad template, unknown person ...)."""


def template_name(kind: str) -> str:
    return f"{kind}.txt.j2"


@lru_cache(maxsize=1)  # asked for every draft of every page
def packaged_folder() -> Path:
    """The folder of the default templates inside the installed package."""
    return Path(str(resources.files("afterview") / "templates" / "drafts"))


@dataclass(frozen=True)
class Source:
    """Where one kind's template comes from."""

    kind: str
    path: Path
    overridden: bool

    @property
    def origin(self) -> str:
        return "playbook" if self.overridden else "package"


def sources(overrides: Path | None) -> list[Source]:
    """Every kind's template: the playbook's override when it has one, else the package's."""
    out = []
    for kind in KINDS:
        own = overrides / template_name(kind) if overrides is not None else None
        if own is not None and own.is_file():
            out.append(Source(kind, own, True))
        else:
            out.append(Source(kind, packaged_folder() / template_name(kind), False))
    return out


def _refuse_none(value: Any) -> Any:
    if value is None:
        raise DraftError("a template printed a missing value (None)")
    return value


def _loader(folders: tuple[Path, ...]) -> Any:
    """Jinja's file loader, refusing a template that is a symbolic link, lies under one,
    or resolves outside its folder, and a playbook's template that is a hard link (the
    package's own may be hard links of an installer's cache)."""
    from jinja2 import FileSystemLoader, TemplateError, TemplateNotFound
    from jinja2.loaders import split_template_path

    packaged = packaged_folder()

    class Contained(FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            pieces = split_template_path(template)
            for folder in folders:
                path = folder.joinpath(*pieces)
                if not os.path.lexists(path):
                    continue
                steps = [folder.joinpath(*pieces[: i + 1]) for i in range(len(pieces))]
                inside = path.resolve().is_relative_to(folder.resolve())
                if any(p.is_symlink() for p in steps) or not inside:
                    raise TemplateError(
                        f"{path}: a template may not be a symbolic link or lie outside"
                        f" {folder}; refused"
                    )
                if folder != packaged and path.stat().st_nlink > 1:
                    raise TemplateError(
                        f"{path}: a template of the playbook may not be a hard link"
                        " (the same file under another name); refused"
                    )
                return super().get_source(environment, template)
            raise TemplateNotFound(template)

    return Contained([str(f) for f in folders])


@lru_cache(maxsize=16)
def _environment(folders: tuple[Path, ...]) -> Any:
    """One sandboxed environment per set of template folders (templates are cached in it)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=_loader(folders),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_refuse_none,
    )


def render(kind: str, context: dict[str, Any], overrides: Path | None) -> tuple[str | None, str]:
    """The subject (None when the template has no Subject line) and the body of a draft.

    Raises DraftError naming the template file and line when the template is
    broken or uses a value the context does not have.
    """
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

    if overrides is not None and not overrides.is_dir():
        raise DraftError(f"{overrides}: the drafts folder named in the settings does not exist")
    folders = ((overrides,) if overrides is not None else ()) + (packaged_folder(),)
    source = next(s for s in sources(overrides) if s.kind == kind)
    env = _environment(folders)
    try:
        text = env.get_template(template_name(kind)).render(context)
    except TemplateSyntaxError as e:
        raise DraftError(f"{source.path}:{e.lineno}: template error: {e.message}") from None
    except UndefinedError as e:
        raise DraftError(f"{source.path}: template uses an unknown value: {e.message}") from None
    except TemplateError as e:  # the sandbox refusing an operation, among others
        raise DraftError(f"{source.path}: template error: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DraftError(f"{source.path}: cannot read the template: {e}") from None
    except DraftError as e:  # finalize refused a None
        raise DraftError(f"{source.path}: {e}") from None
    except RecursionError:
        raise DraftError(
            f"{source.path}: template error: it includes, extends or calls itself without end"
        ) from None
    except Exception as e:  # 1/0, 1 + 'a', a range the sandbox refuses ...: the template's fault
        raise DraftError(f"{source.path}: template error: {type(e).__name__}: {e}") from None
    return split_subject(text)


def split_subject(text: str) -> tuple[str | None, str]:
    """A leading ``Subject:`` line as the subject, and the rest (blank lines trimmed)."""
    first, _sep, rest = text.partition("\n")
    if first.startswith("Subject:"):
        return first.removeprefix("Subject:").strip(), rest.strip("\n") + "\n"
    return None, text.strip("\n") + "\n"
