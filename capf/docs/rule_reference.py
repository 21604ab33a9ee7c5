"""Rule documentation generated from the rule files themselves (`capf rules`; docs/rules.md in
English, docs/rules.da.md in Danish).

Titles and remedies are shown as a report shows them: each `{param}` filled with the profile's
value, so a reader sees "by 2050", not "by {max_year}". The JSON is data: ids and keys, with
each title in both languages.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from capf.engine.checks.vocabulary import VOCABULARY
from capf.engine.ruleset import BUILTIN_PROFILES, FOLLOW_UP_PROFILES, CompiledRule, RuleSet, load_ruleset
from capf.model.rule import ELEMENTS
from capf.text.labels import label
from capf.text.message import fill
from capf.text.reference_words import CHECKS_DA, REFERENCE

ALL_RULES_PROFILE = "klimaalliancen-2024"  # extends the other built-ins, so it holds every rule


def rules_json(ruleset: RuleSet | None = None) -> str:
    ruleset = ruleset or load_ruleset(ALL_RULES_PROFILE)
    rows = [{"id": c.rule.id, "criterion": c.rule.criterion, "element": c.rule.element,
             "level": c.rule.level, "profile": c.profile, "title": c.title.en,
             "title_da": c.title.da, "confidence": c.rule.source.confidence,
             "aliases": c.rule.aliases}
            for c in ruleset.rules]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100).rstrip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _say(key: str, lang: str, **values: str) -> str:
    english, danish = REFERENCE[key]
    return (danish if lang == "da" else english).format(**values)


def _table(rules: list[CompiledRule], lang: str, *, profile: bool = True) -> list[str]:
    """The overview table of `rules`: id (a link to its section), criterion, level, title."""
    head = _say("columns" if profile else "columns_follow_up", lang)
    out = [head, "|---" * head.count(" | ") + "|---|"]
    for c in rules:
        owner = f" {c.profile} |" if profile else ""
        out.append(f"| [{c.rule.id}](#{c.rule.id.lower()}) | {c.rule.criterion} | "
                   f"{label(c.rule.level, lang)} |{owner} {_cell(c.title.get(lang))} |")
    return [*out, ""]


def rules_markdown(ruleset: RuleSet | None = None, lang: str = "da") -> str:
    whole = ruleset is None
    ruleset = ruleset or load_ruleset(ALL_RULES_PROFILE)
    out = [f"# {_say('heading', lang)}", ""]
    if whole:
        out += [_say("generated", lang), ""]
    else:
        out += [_say("profile", lang, id=ruleset.id, version=ruleset.version,
                     title=ruleset.title.get(lang), chain=" → ".join(ruleset.chain)), ""]
    out += [_say("secondary", lang), ""]
    for element in ELEMENTS:
        rules = [c for c in ruleset.rules if c.rule.element == element]
        heading = label(element, lang) if lang == "da" else \
            f"{label(element, 'en')} ({label(element, 'da')})"
        out += [f"## {heading}", "", *_table(rules, lang)]
        for compiled in rules:
            out += _rule_section(compiled, lang)
    if whole:
        out += _switched_off(ruleset, lang)
    for profile in FOLLOW_UP_PROFILES if whole else ():
        follow_up = load_ruleset(profile)
        title = follow_up.title.da if lang == "da" else \
            f"{follow_up.title.en} ({follow_up.title.da})"
        out += [f"## {_say('follow_up', lang, id=follow_up.id, title=title)}", "",
                _say("follow_up_text", lang), "", *_table(list(follow_up.rules), lang, profile=False)]
        for compiled in follow_up.rules:
            out += _rule_section(compiled, lang)
    out += [f"## {_say('checks', lang)}", "", _say("checks_text", lang), "",
            _say("checks_columns", lang), "|---|---|"]
    out += [f"| `{name}` | {_cell(CHECKS_DA[name] if lang == 'da' else spec.summary)} |"
            for name, spec in sorted(VOCABULARY.items())]
    return "\n".join(out) + "\n"


def _switched_off(newest: RuleSet, lang: str) -> list[str]:
    """The rules of the older built-in profiles that the newest one switches off: `dk2020` and
    `c40-capf-2020` still judge by them, so each needs its section (and SARIF its helpUri)."""
    kept = {c.rule.id for c in newest.rules}
    older = {c.rule.id: c for profile in BUILTIN_PROFILES if profile != newest.id
             for c in load_ruleset(profile).rules if c.rule.id not in kept}
    if not older:
        return []
    out = [f"## {_say('switched_off', lang, id=newest.id)}", "",
           _say("switched_off_text", lang, id=newest.id), "", *_table(list(older.values()), lang)]
    for compiled in older.values():
        out += _rule_section(compiled, lang)
    return out


def _rule_section(compiled: CompiledRule, lang: str) -> list[str]:
    rule = compiled.rule
    source = rule.source
    what: dict[str, Any] = {}
    if rule.select:
        what["select"] = rule.select
    what["check"] = rule.check
    if rule.params:
        what["params"] = compiled.params
    if rule.when:
        what["when"] = rule.when
    title = f"**{compiled.title.da}**" if lang == "da" else \
        f"**{compiled.title.en}** — *{compiled.title.da}*"
    confidence = _say("verified" if source.confidence == "verified" else "secondary_word", lang)
    formerly = _say("formerly", lang, aliases=", ".join(rule.aliases)) if rule.aliases else ""
    cited = f"{source.framework_da or source.framework}, {source.ref_da or source.ref}" \
        if lang == "da" else f"{source.framework}, {source.ref}"
    remedy = fill(rule.remedy.get(lang), compiled.params, lang)
    return [f"### {rule.id}", "", title, "",
            _say("line", lang, criterion=rule.criterion, level=label(rule.level, lang),
                 profile=compiled.profile, source=cited, confidence=confidence) + formerly, "",
            f"{_say('why', lang)} {rule.rationale.get(lang)}", "",
            _say("what", lang), "", "```yaml", _yaml(what), "```", "",
            _say("passing", lang), "", "```yaml", _yaml(rule.examples.pass_[0]), "```", "",
            _say("failing", lang), "", "```yaml", _yaml(rule.examples.fail[0]), "```", "",
            f"{_say('remedy', lang)} {remedy}", ""]
