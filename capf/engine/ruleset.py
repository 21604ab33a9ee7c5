"""Profiles and rule sets: resolve `extends`, read rule files, apply overrides, compile once.

A profile file (`rules/<id>/profile.yaml`, or any user file) names its parent in `extends`,
its own rule files in `rules` (globs relative to the file), and may `disable` rules and
override their `params` — by id or former id (alias). Every mistake is an InvalidRules naming
the file and the field, raised here, before any plan is judged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from capf.engine.clause import Clause, CompileError, compile_clause, substitute
from capf.engine.prebuilt import parsed
from capf.model.errors import CapfError, InvalidRules, first_problem
from capf.model.rule import ELEMENTS, Criterion, Frozen, ParamValue, Rule, Text
from capf.read.document import read_file
from capf.read.resources import data_dir
from capf.text.errors import said
from capf.text.message import fields_of, fill

DEFAULT_PROFILE = "dk2020"
BUILTIN_PROFILES = ("c40-capf-2020", "dk2020", "klimaalliancen-2024")
# Profiles that judge a plan together with its status reports (capf.engine.follow_up), not a
# plan alone; loadable by id like the plan profiles.
FOLLOW_UP_PROFILES = ("monitoring",)
DEFAULT_FOLLOW_UP_PROFILE = FOLLOW_UP_PROFILES[0]
KNOWN_PROFILES = BUILTIN_PROFILES + FOLLOW_UP_PROFILES


class Profile(Frozen):
    """A profile file: which rules, from which parent, with which changes."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$", description="Profile id.")
    version: str = Field(min_length=1, max_length=40, description="Version of the rule set.")
    title: Text = Field(description="Name of the profile.")
    description: Text | None = Field(None, description="What the profile is for.")
    extends: str | None = Field(None, description="Parent profile: a built-in id or a path.")
    rules: list[str] = Field(default_factory=list, description="Globs of rule files, relative "
                                                                "to this file.")
    disable: list[str] = Field(default_factory=list, description="Rule ids switched off.")
    params: dict[str, dict[str, ParamValue]] = Field(
        default_factory=dict, description="Per rule id: params overriding the rule's own.")


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    clause: Clause
    when: Clause | None
    params: dict[str, Any]
    path: str
    profile: str

    @cached_property
    def title(self) -> Text:  # with the params: the same for every plan, so filled once
        return Text(**{lang: fill(getattr(self.rule.title, lang), self.params, lang)
                       for lang in ("en", "da")})


@dataclass(frozen=True)
class RuleSet:
    """A resolved profile: its rules compiled in a fixed order, and what identifies it."""

    id: str
    version: str
    title: Text
    chain: tuple[str, ...]
    rules: tuple[CompiledRule, ...]
    criteria: tuple[Criterion, ...]
    sha256: str
    files: tuple[str, ...]

    def rule(self, rule_id: str) -> CompiledRule | None:
        return self._by_name.get(rule_id)

    @cached_property
    def _by_name(self) -> dict[str, CompiledRule]:  # O(1) lookups for waivers of many rules
        by_name = {alias: r for r in reversed(self.rules) for alias in r.rule.aliases}
        return {**by_name, **{r.rule.id: r for r in self.rules}}


def load_ruleset(profile: str | Path = DEFAULT_PROFILE) -> RuleSet:
    """Load a built-in profile by id, or a profile file by path."""
    if not isinstance(profile, str | Path):
        raise InvalidRules(f"a profile is a built-in id or a path, not {type(profile).__name__}")
    if isinstance(profile, str) and profile in KNOWN_PROFILES:
        return _builtin(profile)
    return _load(_profile_path(profile))


@cache
def _builtin(profile_id: str) -> RuleSet:
    return _load(_profile_path(profile_id))


def _profile_path(profile: str | Path) -> Path:
    if isinstance(profile, str) and profile in KNOWN_PROFILES:
        return data_dir("rules") / profile / "profile.yaml"
    path = Path(profile)
    if not path.is_file():
        known = ", ".join(KNOWN_PROFILES)
        raise InvalidRules(said("no_profile", profile=str(profile), known=known), source=str(profile))
    return path


def _read_model(path: Path, model: type[Frozen], data: Any = None) -> Any:
    if data is None:
        data = _read(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        place, message = first_problem(exc)
        raise InvalidRules(f"{path}: {place or '/'}: {message}", source=str(path)) from None


def _read(path: Path) -> Any:
    known = parsed(path)  # a built-in file as shipped: its data without parsing the YAML again
    if known is not None:
        return known
    try:
        return read_file(path).data
    except CapfError as exc:
        raise InvalidRules(exc.words, source=str(path)) from None


@cache
def criteria_catalogue() -> dict[str, Criterion]:
    path = data_dir("rules") / "criteria.yaml"
    data = _read(path)
    items = data.get("criteria", []) if isinstance(data, dict) else []
    return {c.id: c for c in (_read_model(path, Criterion, item) for item in items)}


def _chain(path: Path) -> list[tuple[Path, Profile]]:
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
        if resolved in seen:
            raise InvalidRules(f"{current}: extends: profiles extend each other in a cycle",
                               source=str(current))
        seen.add(resolved)
        profile: Profile = _read_model(current, Profile)
        chain.append((current, profile))
        parent = profile.extends
        if parent is None:
            current = None
        elif parent in KNOWN_PROFILES:
            current = _profile_path(parent)
        else:
            if Path(parent).is_absolute() or not _inside((current.parent / parent).resolve(),
                                                         home, data_dir("rules").resolve()):
                raise InvalidRules(f"{current}: extends: {parent!r} must be a built-in profile "
                                   "or a file inside the profile's folder", source=str(current))
            current = current.parent / parent
            if not current.is_file():
                raise InvalidRules(f"{path}: extends: no profile {parent!r}", source=str(path))
    return chain[::-1]


def _inside(resolved: Path, *folders: Path) -> bool:
    return any(resolved == folder or resolved.is_relative_to(folder) for folder in folders)


def _load(path: Path) -> RuleSet:
    chain = _chain(path)
    rules: dict[str, tuple[Rule, Path, str]] = {}
    names = _Names()
    params: dict[str, dict[str, Any]] = {}
    hasher = hashlib.sha256()
    files: list[str] = []
    for profile_path, profile in chain:
        _digest(hasher, files, profile_path)
        for file in _rule_files(profile_path, profile):
            rule: Rule = _read_model(file, Rule)  # size-capped read first, then the digest
            _digest(hasher, files, file)
            if file.stem != rule.id:
                raise InvalidRules(f"{file}: id: {rule.id!r} differs from the file name",
                                   source=str(file))
            clash = next((names.get(n) for n in (rule.id, *rule.aliases) if names.get(n)), None)
            if clash:
                raise InvalidRules(f"{file}: id: {rule.id} repeats rule {clash} "
                                   f"of {rules[clash][1]}", source=str(file))
            rules[rule.id] = (rule, file, profile.id)
            names.add(rule)
        for rule_id in profile.disable:
            target = _require(rules, names, rule_id, profile_path, "disable")
            names.remove(rules[target][0])
            del rules[target]
        for rule_id, overrides in profile.params.items():
            target = _require(rules, names, rule_id, profile_path, "params")
            unknown = set(overrides) - set(rules[target][0].params)
            if unknown:
                raise InvalidRules(f"{profile_path}: params.{rule_id}: rule has no param "
                                   f"{sorted(unknown)[0]!r}", source=str(profile_path))
            params.setdefault(target, {}).update(overrides)
    catalogue = criteria_catalogue()
    compiled = [_compile(rule, file, owner, params.get(rule.id, {}), catalogue)
                for rule, file, owner in rules.values()]
    compiled.sort(key=lambda c: order_key(c.rule.element, c.rule.criterion, c.rule.id))
    ids = [p.id for _, p in chain]
    cited = {c.rule.criterion for c in compiled}  # a follow-up profile cites plan criteria
    criteria = tuple(sorted((c for c in catalogue.values() if c.profile in ids or c.id in cited),
                            key=lambda c: order_key(c.element, c.id)))
    top = chain[-1][1]
    return RuleSet(top.id, top.version, top.title, tuple(ids), tuple(compiled), criteria,
                   hasher.hexdigest(), tuple(files))


def order_key(element: str, criterion: str, rule_id: str = "") -> tuple[int, int, str]:
    """Deterministic order: element as in the framework, criterion by number, then rule id."""
    number = int(criterion.split("-")[1])
    return ([str(e) for e in ELEMENTS].index(element), number, rule_id)


class _Names:
    """Rule id and alias → rule id, so each new rule is checked for a clash in O(1)."""

    def __init__(self) -> None:
        self._of: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._of.get(name)

    def add(self, rule: Rule) -> None:
        self._of.update(dict.fromkeys((rule.id, *rule.aliases), rule.id))

    def remove(self, rule: Rule) -> None:
        for name in (rule.id, *rule.aliases):
            self._of.pop(name, None)


def _require(rules: dict[str, tuple[Rule, Path, str]], names: _Names, rule_id: str, path: Path,
             field: str) -> str:
    found = names.get(rule_id)
    if found is None or found not in rules:
        raise InvalidRules(f"{path}: {field}: no rule {rule_id!r} in this profile or its parents",
                           source=str(path))
    return found


def _rule_files(profile_path: Path, profile: Profile) -> list[Path]:
    base = profile_path.parent
    found: set[Path] = set()
    for pattern in profile.rules:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise InvalidRules(f"{profile_path}: rules: {pattern!r} must stay inside the "
                               "profile's folder", source=str(profile_path))
        found.update(p for p in base.glob(pattern) if p.is_file() and p != profile_path)
    home = base.resolve()
    folders: dict[Path, Path] = {}  # each folder resolved once: a file that is no link lies in it
    for file in found:  # a link may point anywhere: only files inside the folder are read
        if file.parent not in folders:
            folders[file.parent] = file.parent.resolve()
        real = file.resolve() if file.is_symlink() else folders[file.parent] / file.name
        if not _inside(real, home):
            raise InvalidRules(f"{profile_path}: rules: {file} is a link to a file outside the "
                               "profile's folder", source=str(profile_path))
    return sorted(found)


def _digest(hasher: Any, files: list[str], path: Path) -> None:
    name = path.as_posix()
    rules_root = data_dir("rules").as_posix()
    shown = name[len(rules_root) + 1:] if name.startswith(rules_root + "/") else path.name
    files.append(shown)
    hasher.update(shown.encode() + b"\0" + path.read_bytes() + b"\0")


def _compile(rule: Rule, file: Path, owner: str, overrides: dict[str, Any],
             catalogue: dict[str, Criterion]) -> CompiledRule:
    if rule.criterion not in catalogue:
        raise InvalidRules(f"{file}: criterion: unknown criterion {rule.criterion!r}",
                           source=str(file))
    params = {**rule.params, **overrides}
    try:
        check = substitute(rule.check, params, "check")
        clause = compile_clause({"select": rule.select, "check": check, "missing": rule.missing},
                                "rule")
        when = None
        if rule.when is not None:
            when = compile_clause(substitute(rule.when, params, "when"), "when")
    except CompileError as exc:
        field = exc.field.removeprefix("rule.")
        raise InvalidRules(f"{file}: {field}: {str(exc).split(': ', 1)[1]}",
                           source=str(file)) from None
    allowed = set(params) | clause.outputs | {"value"}
    for key in ("message", "title", "remedy"):  # each is filled: params and the check's values
        text: Text = getattr(rule, key)
        for lang in ("en", "da"):
            try:
                names = fields_of(text.get(lang))
            except ValueError as exc:
                raise InvalidRules(f"{file}: {key}.{lang}: {exc}", source=str(file)) from None
            unknown = [n for n in names if n not in allowed]
            if unknown:
                raise InvalidRules(f"{file}: {key}.{lang}: unknown placeholder {{{unknown[0]}}} "
                                   f"(known: {', '.join(sorted(allowed))})", source=str(file))
    return CompiledRule(rule, clause, when, params, str(file), owner)
