"""Rule sets: a profile's chain read, its rule files validated, overrides applied, compiled once.

What a profile file may say, and which files it may reach, is capf.engine.profile. Every
mistake is an InvalidRules naming the file and the field, raised here, before any plan is judged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from capf.engine.clause import Clause, CompileError, compile_clause, substitute
from capf.engine.profile import (
    judged_kind,
    profile_chain,
    profile_path,
    read_data,
    read_model,
    rule_files,
)
from capf.engine.profile_names import (
    BUILTIN_PROFILES,
    DEFAULT_FOLLOW_UP_PROFILE,
    DEFAULT_PROFILE,
    FOLLOW_UP_PROFILES,
    KNOWN_PROFILES,
)
from capf.model.errors import InvalidRules, UsageError
from capf.model.rule import ELEMENTS, Criterion, Rule, Text
from capf.read.resources import data_dir
from capf.text.errors import said
from capf.text.message import fields_of, fill

__all__ = ["BUILTIN_PROFILES", "DEFAULT_FOLLOW_UP_PROFILE", "DEFAULT_PROFILE", "FOLLOW_UP_PROFILES",
           "KNOWN_PROFILES", "CompiledRule", "RuleSet", "criteria_catalogue", "load_ruleset",
           "order_key"]


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
    judges: str = "plan"  # or "follow_up": a plan with its status reports (capf.engine.profile)

    def rule(self, rule_id: str) -> CompiledRule | None:
        return self._by_name.get(rule_id)

    def require(self, kind: str) -> None:
        """Refuse (UsageError) to judge `kind` with rules written for the other kind: plan rules
        read over a follow-up document, or the reverse, fail everything and say nothing true."""
        if self.judges != kind:
            raise UsageError(said("judges_follow_up" if self.judges == "follow_up" else "judges_plan",
                                  profile=self.id))

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
    return _load(profile_path(profile))


@cache
def _builtin(profile_id: str) -> RuleSet:
    return _load(profile_path(profile_id))


@cache
def criteria_catalogue() -> dict[str, Criterion]:
    path = data_dir("rules") / "criteria.yaml"
    data = read_data(path)
    items = data.get("criteria", []) if isinstance(data, dict) else []
    return {c.id: c for c in (read_model(path, Criterion, item) for item in items)}


def _load(path: Path) -> RuleSet:
    chain = profile_chain(path)
    rules: dict[str, tuple[Rule, Path, str]] = {}
    names = _Names()
    params: dict[str, dict[str, Any]] = {}
    hasher = hashlib.sha256()
    files: list[str] = []
    for where, profile in chain:
        _digest(hasher, files, where)
        for file in rule_files(where, profile):
            rule: Rule = read_model(file, Rule)  # size-capped read first, then the digest
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
            target = _require(rules, names, rule_id, where, "disable")
            names.remove(rules[target][0])
            del rules[target]
        for rule_id, overrides in profile.params.items():
            target = _require(rules, names, rule_id, where, "params")
            unknown = set(overrides) - set(rules[target][0].params)
            if unknown:
                raise InvalidRules(f"{where}: params.{rule_id}: rule has no param "
                                   f"{sorted(unknown)[0]!r}", source=str(where))
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
                   hasher.hexdigest(), tuple(files), judged_kind(chain))


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
