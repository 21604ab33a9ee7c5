"""Rule sets: a profile's chain read, its rule files validated, overrides applied, compiled once.

What a profile file may say, and which files it may reach, is capf.engine.profile. Every
mistake is an InvalidRules naming the file, its line and the place (capf.engine.rule_problems),
raised here, before any plan is judged.
"""

from __future__ import annotations

import difflib
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
from capf.engine.rule_problems import compile_problem, got, kind_of, refused, shown
from capf.model.errors import InvalidRules, UsageError
from capf.model.rule import ELEMENTS, Criterion, Rule, Text
from capf.read.resources import data_dir
from capf.text.causes import type_name
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
        raise InvalidRules(said("profile_type", kind=type(profile).__name__))
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
                raise refused(file, ["id"], said("rule_file_name", id=shown(rule.id),
                                                 name=shown(file.name)))
            _unique(rule, file, names, rules)
            rules[rule.id] = (rule, file, profile.id)
            names.add(rule)
        for index, rule_id in enumerate(profile.disable):
            target = _require(rules, names, rule_id, where, ["disable", index])
            names.remove(rules[target][0])
            del rules[target]
        for rule_id, overrides in profile.params.items():
            target = _require(rules, names, rule_id, where, ["params", rule_id])
            _overridable(rules[target][0], rule_id, overrides, where)
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
             place: list[str | int]) -> str:
    found = names.get(rule_id)
    if found is None or found not in rules:
        close = difflib.get_close_matches(rule_id, list(rules), n=1)
        raise refused(path, place, said("no_rule_close", rule=shown(rule_id), close=shown(close[0]))
                      if close else said("no_rule", rule=shown(rule_id)))
    return found


def _unique(rule: Rule, file: Path, names: _Names, rules: dict[str, tuple[Rule, Path, str]]) -> None:
    """Refuse a rule whose id or alias names a rule already in the set."""
    places: list[tuple[list[str | int], str]] = [(["id"], rule.id)]
    places += [(["aliases", i], alias) for i, alias in enumerate(rule.aliases)]
    for place, name in places:
        clash = names.get(name)
        if clash:
            raise refused(file, place, said("rule_repeats", name=shown(name), other=shown(clash),
                                            file=str(rules[clash][1])))


def _overridable(rule: Rule, rule_id: str, overrides: dict[str, Any], where: Path) -> None:
    """Refuse an override of a param the rule lacks, or of another type than the rule's own
    value (a whole number may stand for a decimal one): it would reach the check's options as
    the wrong thing."""
    for name, value in overrides.items():
        place = ["params", rule_id, name]
        if name not in rule.params:
            known = ", ".join(sorted(rule.params)) or said("no_params")
            raise refused(where, place, said("no_param", rule=shown(rule_id), name=shown(name),
                                             params=known))
        own = rule.params[name]
        numbers = {"integer", "number"}
        if kind_of(value) != kind_of(own) and not {kind_of(value), kind_of(own)} <= numbers:
            raise refused(where, place, said("param_type", expected=type_name(kind_of(own)),
                                             own=shown(own), got=got(value)))


def _digest(hasher: Any, files: list[str], path: Path) -> None:
    name = path.as_posix()
    rules_root = data_dir("rules").as_posix()
    shown = name[len(rules_root) + 1:] if name.startswith(rules_root + "/") else path.name
    files.append(shown)
    hasher.update(shown.encode() + b"\0" + path.read_bytes() + b"\0")


def _compile(rule: Rule, file: Path, owner: str, overrides: dict[str, Any],
             catalogue: dict[str, Criterion]) -> CompiledRule:
    if rule.criterion not in catalogue:
        raise refused(file, ["criterion"], said("unknown_criterion", criterion=shown(rule.criterion)))
    params = {**rule.params, **overrides}
    try:
        check = substitute(rule.check, params, "check")
        clause = compile_clause({"select": rule.select, "check": check, "missing": rule.missing},
                                "rule")
        when = None
        if rule.when is not None:
            when = compile_clause(substitute(rule.when, params, "when"), "when")
    except CompileError as exc:
        place, problem = compile_problem(exc.field, str(exc).split(": ", 1)[1], exc.__context__)
        raise refused(file, place, problem) from None
    allowed = set(params) | clause.outputs | {"value"}
    for key in ("message", "title", "remedy"):  # each is filled: params and the check's values
        text: Text = getattr(rule, key)
        for lang in ("en", "da"):
            try:
                names = fields_of(text.get(lang))
            except ValueError:
                raise refused(file, [key, lang], said("unpaired_brace")) from None
            unknown = [n for n in names if n not in allowed]
            if unknown:
                raise refused(file, [key, lang], said("unknown_placeholder", name=unknown[0],
                                                      known=", ".join(sorted(allowed))))
    return CompiledRule(rule, clause, when, params, str(file), owner)
