"""Profile files: the model, the chain of parents a profile extends, and the rule files it names.

A profile file (`rules/<id>/profile.yaml`, or any user file) names its parent in `extends`,
its own rule files in `rules` (globs relative to the file), and may `disable` rules and
override their `params`. A parent and every rule file stay inside the folder of the profile the
user named (docs/security.md). Every mistake is an InvalidRules naming the file, its line and
the place, in both languages (capf.engine.rule_problems).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from capf.engine.prebuilt import parsed
from capf.engine.profile_names import KNOWN_PROFILES
from capf.engine.rule_problems import refused, shown, validation_problem
from capf.model.errors import CapfError, InvalidRules
from capf.model.rule import Frozen, ParamValue, Text, no_entries, no_items
from capf.read.document import read_file
from capf.read.resources import data_dir
from capf.text.errors import said


class Profile(Frozen):
    """A profile file: which rules, from which parent, with which changes."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$", description="Profile id.")
    version: str = Field(min_length=1, max_length=40, description="Version of the rule set.")
    title: Text = Field(description="Name of the profile.")
    description: Text | None = Field(None, description="What the profile is for.")
    extends: str | None = Field(None, description="Parent profile: a built-in id or a path.")
    judges: Literal["plan", "follow_up"] | None = Field(
        None, description="What the rule set judges: a plan alone (capf check, report, batch …) or "
                          "a plan with its status reports (capf monitor, report --status). "
                          "Inherited from the parent; a profile with no parent judges a plan.")
    rules: list[str] = Field(default_factory=no_items, description="Globs of rule files, relative "
                                                                "to this file.")
    disable: list[str] = Field(default_factory=no_items, description="Rule ids switched off.")
    params: dict[str, dict[str, ParamValue]] = Field(
        default_factory=no_entries, description="Per rule id: params overriding the rule's own.")


def profile_path(profile: str | Path) -> Path:
    """The file of a built-in profile id, or the user's path once it is known to be a file."""
    if isinstance(profile, str) and profile in KNOWN_PROFILES:
        return data_dir("rules") / profile / "profile.yaml"
    path = Path(profile)
    if not path.is_file():
        known = ", ".join(KNOWN_PROFILES)
        raise InvalidRules(said("no_profile", profile=str(profile), known=known), source=str(profile))
    return path


def read_model(path: Path, model: type[Frozen], data: Any = None,
               at: tuple[str | int, ...] = ()) -> Any:
    """`model` validated from `data`, or from the file at `path`; a mistake names file, line and
    place (`at`: where `data` stands in the file)."""
    if data is None:
        data = read_data(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        place, problem = validation_problem(exc, model)
        raise refused(path, [*at, *place], problem) from None


def read_data(path: Path) -> Any:
    """The data of a rule or profile file (a built-in file as shipped comes from prebuilt.json)."""
    known = parsed(path)  # a built-in file as shipped: its data without parsing the YAML again
    if known is not None:
        return known
    try:
        return read_file(path).data
    except CapfError as exc:
        raise InvalidRules(exc.words, source=str(path)) from None


def profile_chain(path: Path) -> list[tuple[Path, Profile]]:
    """The profile and its ancestors, root first.

    A parent is a built-in id or a file inside the folder of the profile the user named: a
    profile file cannot reach out to another place on the machine (docs/security.md).
    """
    chain: list[tuple[Path, Profile]] = []
    seen: set[Path] = set()
    home = path.resolve().parent
    current: Path | None = path
    while current is not None:
        resolved = current.resolve()
        if resolved in seen:  # named at the `extends` that closes the ring
            ids = [p.id for _, p in chain]
            again = next(p.id for w, p in chain if w.resolve() == resolved)
            raise refused(chain[-1][0], ["extends"], said("profile_cycle",
                                                          cycle=" → ".join([*ids, again])))
        seen.add(resolved)
        profile: Profile = read_model(current, Profile)
        chain.append((current, profile))
        parent = profile.extends
        if parent is None:
            current = None
        elif parent in KNOWN_PROFILES:
            current = profile_path(parent)
        else:
            if Path(parent).is_absolute() or not inside((current.parent / parent).resolve(),
                                                         home, data_dir("rules").resolve()):
                raise refused(current, ["extends"], said("parent_outside", parent=shown(parent)))
            if not (current.parent / parent).is_file():
                raise refused(current, ["extends"], said("no_parent", parent=shown(parent),
                                                         known=", ".join(KNOWN_PROFILES)))
            current = current.parent / parent
    return chain[::-1]


def inside(resolved: Path, *folders: Path) -> bool:
    """Whether the resolved path is one of `folders` or lies below one."""
    return any(resolved == folder or resolved.is_relative_to(folder) for folder in folders)


def rule_files(where: Path, profile: Profile) -> list[Path]:
    """The rule files the globs of the profile file `where` name, none outside its folder."""
    base = where.parent
    found: set[Path] = set()
    globbed: dict[Path, int] = {}  # each file → the index of the glob that found it
    for index, pattern in enumerate(profile.rules):
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise refused(where, ["rules", index], said("glob_outside", pattern=shown(pattern)))
        for file in base.glob(pattern):
            if file.is_file() and file != where:
                found.add(file)
                globbed.setdefault(file, index)
    home = base.resolve()
    folders: dict[Path, Path] = {}  # each folder resolved once: a file that is no link lies in it
    for file in found:  # a link may point anywhere: only files inside the folder are read
        if file.parent not in folders:
            folders[file.parent] = file.parent.resolve()
        real = file.resolve() if file.is_symlink() else folders[file.parent] / file.name
        if not inside(real, home):
            raise refused(where, ["rules", globbed[file]],
                          said("link_outside_profile", file=str(file)))
    return sorted(found)


def judged_kind(chain: list[tuple[Path, Profile]]) -> str:
    """What the chain's rule set judges: stated once at most, then inherited (default a plan).

    A child stating another kind than its parent is refused: its parent's rules read the other
    kind of document, so every one of them would be wrong.
    """
    kind, stated_by = "plan", None
    for where, profile in chain:
        if profile.judges is None:
            continue
        if stated_by is not None and profile.judges != kind:
            raise refused(where, ["judges"], said("judges_differs", kind=profile.judges,
                                                  parent=stated_by, parent_kind=kind))
        kind, stated_by = profile.judges, profile.id
    return kind
