"""Loader and usage errors in English and Danish: one catalogue keyed by the kind of error.

A reader raises `CapfError(said("not_utf8", source=…, offset=…))`; the error keeps both texts
and the command line prints the one of the output language, so an advisor running capf in
Danish reads "filen kan ikke læses", not "cannot read file". Values are inserted as given
(file names, keys and codes as the user typed them), whole numbers in the language's style.
What other programs say (the system, libyaml, argparse) is worded by capf.text.causes.
"""

from __future__ import annotations

from collections.abc import Iterable
from string import Formatter
from typing import Any

from capf.text.formatting import number
from capf.text.message import Phrase
from capf.text.rule_errors import RULE_ERRORS

_FORMATTER = Formatter()

ERRORS: dict[str, tuple[str, str]] = {
    # reading a file
    "file_too_big": ("{source}: file is {size} bytes; the limit is {limit}",
                     "{source}: filen fylder {size} byte; grænsen er {limit}"),
    "cannot_read": ("{source}: cannot read file: {reason}", "{source}: filen kan ikke læses: {reason}"),
    "bad_file_name": ("{source}: not a usable file name", "{source}: ikke et brugbart filnavn"),
    "endless": ("{source}: more than {limit} bytes (the limit; a device or an endless stream?)",
                "{source}: mere end {limit} byte (grænsen; en enhed eller en endeløs strøm?)"),
    "stdin_too_big": ("{source}: more than {limit} bytes", "{source}: mere end {limit} byte"),
    "not_utf8": ("{source}: not UTF-8 text (invalid byte at offset {offset})",
                 "{source}: ikke UTF-8-tekst (ugyldig byte ved position {offset})"),
    "text_too_long": ("{source}: document is longer than {limit} characters",
                      "{source}: dokumentet er længere end {limit} tegn"),
    # values a plan cannot hold
    "lone_surrogate": ("a lone UTF-16 surrogate (such as \\ud800) is not text",
                       "en enlig UTF-16-surrogat (fx \\ud800) er ikke tekst"),
    "huge_integer": ("an integer longer than {digits} digits cannot be read",
                     "et heltal med mere end {digits} cifre kan ikke læses"),
    "huge_integer_at": ("{source}: an integer longer than {digits} digits cannot be read",
                        "{source}: et heltal med mere end {digits} cifre kan ikke læses"),
    "unreadable_number": ("{source}: a number cannot be read", "{source}: et tal kan ikke læses"),
    "integer_too_long": ("integer with {digits} digits is too long",
                         "heltal med {digits} cifre er for langt"),
    "not_finite": ("number {value} is not finite", "tallet {value} er ikke endeligt"),
    "not_finite_at": ("{source}: number {value} is not finite",
                      "{source}: tallet {value} er ikke endeligt"),
    "too_deep": ("nested deeper than {depth} levels", "indlejret dybere end {depth} niveauer"),
    "too_deep_at": ("{where}: nested deeper than {depth} levels",
                    "{where}: indlejret dybere end {depth} niveauer"),
    "too_many_items": ("more than {limit} items in one list or mapping",
                       "mere end {limit} elementer i én liste eller mapping"),
    "too_many_values": ("more than {limit} values in the document",
                        "mere end {limit} værdier i dokumentet"),
    "key_not_string": ("key {key} is not a string", "nøglen {key} er ikke en tekst"),
    "foreign_type": ("value of type {kind} cannot appear in a plan",
                     "en værdi af typen {kind} kan ikke stå i en plan"),
    # JSON and YAML syntax
    "invalid_json": ("{where}: invalid JSON: {problem}", "{where}: ugyldig JSON: {problem}"),
    "json_duplicate": ("{source}: duplicate key {key}", "{source}: nøglen {key} står to gange"),
    "invalid_yaml": ("{where}: invalid YAML: {problem}", "{where}: ugyldig YAML: {problem}"),
    "yaml_character": ("{source}: invalid YAML: {reason} ({character} at character {position})",
                       "{source}: ugyldig YAML: {reason} ({character} ved tegn {position})"),
    "yaml_tag": ("explicit YAML tag {tag} is not allowed", "eksplicit YAML-tag {tag} er ikke tilladt"),
    "yaml_documents": ("more than one YAML document in the file", "mere end ét YAML-dokument i filen"),
    "yaml_alias": ("YAML aliases (*name) are not allowed", "YAML-aliasser (*navn) er ikke tilladt"),
    "yaml_anchor": ("YAML anchors (&name) are not allowed", "YAML-ankre (&navn) er ikke tilladt"),
    "yaml_key_collection": ("mapping keys must be plain strings, not collections",
                            "nøgler skal være almindelig tekst, ikke lister eller mappings"),
    "yaml_merge": ("YAML merge keys (<<) are not allowed", "YAML-fletnøgler (<<) er ikke tilladt"),
    "yaml_key_not_text": ("mapping key {key} is not a string (quote it: \"{value}\")",
                          "nøglen {key} er ikke en tekst (sæt den i anførselstegn: \"{value}\")"),
    "yaml_duplicate": ("duplicate key {key} (first defined on line {first})",
                       "nøglen {key} står to gange (første gang i linje {first})"),
    # the plan schema
    "unknown_key_close": ("unknown key {key}; did you mean {close}?",
                          "ukendt nøgle {key}; mente du {close}?"),
    "unknown_key": ("unknown key {key}; allowed: {allowed}", "ukendt nøgle {key}; tilladt: {allowed}"),
    "missing_key": ("missing required key {key}", "den påkrævede nøgle {key} mangler"),
    "wrong_type": ("expected {expected}, got {got}", "forventede {expected}, fik {got}"),
    "not_one_of": ("{value} is not one of {allowed}", "{value} er ikke en af {allowed}"),
    "out_of_range": ("{value} is outside the allowed range ({bound})",
                     "{value} ligger uden for det tilladte interval ({bound})"),
    "bad_date": ("{value} is not a valid {format} (use YYYY-MM-DD)",
                 "{value} er ikke en gyldig dato (brug ÅÅÅÅ-MM-DD)"),
    "bad_form": ("{value} does not have the expected form", "{value} har ikke den forventede form"),
    "bad_length": ("length breaks the limit {bound}", "længden overskrider grænsen ({bound})"),
    "repeated_items": ("items must not repeat", "elementerne må ikke gentages"),
    "schema_other": ("{message}", "{message}"),
    # plans and status reports
    "empty_plan": ("{source}: the document is empty (start from `capf init`)",
                   "{source}: dokumentet er tomt (start med `capf init`)"),
    "empty_status": ("{source}: the document is empty (start from `capf init --status PLAN`)",
                     "{source}: dokumentet er tomt (start med `capf init --status PLAN`)"),
    "no_plan_keys": ("expected object with plan keys (schema_version, municipality …), got none",
                     "forventede en mapping med plannøgler (schema_version, municipality …), "
                     "fandt ingen"),
    "plan_not_object": ("expected object, got {got}", "forventede en mapping, fik {got}"),
    "not_a_plan": ("{where}: {problem}; not a capf plan (start from `capf init`)",
                   "{where}: {problem}; ikke en capf-plan (start med `capf init`)"),
    "too_many_in_plan": ("{where}: {count} items; the limit is {limit} (maxItems)",
                         "{where}: {count} elementer; grænsen er {limit} (maxItems)"),
    "more_items": ("more than {limit} items", "mere end {limit} elementer"),
    "too_many_keys": ("{where}: {count} keys; the limit is {limit}",
                      "{where}: {count} nøgler; grænsen er {limit}"),
    "more_keys": ("more than {limit} keys", "mere end {limit} nøgler"),
    "unknown_stage": ("{source}: stage {stage} is not one of {stages}",
                      "{source}: stadiet {stage} er ikke et af {stages}"),
    "load_plan_type": ("load_plan takes a path, a YAML/JSON text or a mapping, not {kind}",
                       "load_plan tager en sti, en YAML/JSON-tekst eller en mapping, ikke {kind}"),
    "other_plan": ("{source}: at /follows/plan_sha256: follows another plan than {other}; compare "
                   "reports of one plan", "{source} ved /follows/plan_sha256: følger en anden plan "
                   "end {other}; sammenlign statusrapporter for den samme plan"),
    "year_order": ("{source}: reporting year {new} is not after {old} ({other}); give the earlier "
                   "report first", "{source}: rapporteringsåret {new} ligger ikke efter {old} "
                   "({other}); angiv den tidligste rapport først"),
    "not_status": ("{source}: not a status report; `capf diff` compares two plans, two verdicts or "
                   "two status reports", "{source}: ikke en statusrapport; `capf diff` sammenligner "
                   "to planer, to vurderinger eller to statusrapporter"),
    "no_status": ("{source}: no status report given", "{source}: ingen statusrapport angivet"),
    "follows_other": ("{source}: at /follows/plan_sha256: the report follows plan {follows}…, not "
                      "{plan} ({sha}…); write the report for this plan version (`capf init --status "
                      "PLAN`)", "{source} ved /follows/plan_sha256: rapporten følger planen {follows}…, "
                      "ikke {plan} ({sha}…); skriv rapporten til denne version af planen (`capf init "
                      "--status PLAN`)"),
    "same_year": ("{source}: at /reporting_year: {year} is also the year of {other}; give one "
                  "report per year", "{source} ved /reporting_year: {year} er også året for {other}; "
                  "angiv én rapport pr. år"),
    "bad_verdict": ("{source}: not a valid verdict at {place}: {problem}",
                    "{source}: ikke en gyldig vurdering ved {place}: {problem}"),
    # waivers and profiles
    "waiver_path_type": ("a waiver file is a path, not {kind}", "en dispensationsfil er en sti, ikke {kind}"),
    "waiver_problem": ("{where} at {place}: {problem}", "{where} ved {place}: {problem}"),
    "waivers_not_mapping": ("expected a mapping with a 'waivers' list",
                            "forventede en mapping med en 'waivers'-liste"),
    "no_profile": ("{profile}: no such profile (built-in profiles: {known}; or give the path of a "
                   "profile file)", "{profile}: profilen findes ikke (indbyggede profiler: {known}; "
                   "eller angiv stien til en profilfil)"),
    "judges_follow_up": ("profile {profile} judges a plan's yearly follow-up from its status "
                         "reports, not a plan alone; use capf monitor PLAN STATUS… or capf report "
                         "PLAN --status STATUS…", "profilen {profile} vurderer den årlige opfølgning "
                         "på en plan ud fra dens statusrapporter, ikke en plan alene; brug capf "
                         "monitor PLAN STATUS… eller capf report PLAN --status STATUS…"),
    "judges_plan": ("profile {profile} judges a plan, not its follow-up; give a follow-up "
                    "profile (such as monitoring), or judge the plan with capf check PLAN",
                    "profilen {profile} vurderer en plan, ikke opfølgningen på den; angiv en "
                    "opfølgningsprofil (fx monitoring), eller vurder planen med capf check PLAN"),
    # the command line and its output
    "cannot_write": ("{path}: cannot write: {reason}", "{path}: kan ikke skrive: {reason}"),
    "cannot_place": ("{path}: cannot put the output in place: {reason}",
                     "{path}: outputtet kan ikke lægges på plads: {reason}"),
    "link_outside": ("{name}: a link to a file outside the folder; not read",
                     "{name}: et link til en fil uden for mappen; ikke læst"),
    "output_is_input": ("{output}: the output is an input ({item}); write it elsewhere",
                        "{output}: outputtet er også et input ({item}); skriv det et andet sted"),
    "folder_holds_input": ("{folder}: the output folder is (or holds) an input: {item}; choose "
                           "another folder", "{folder}: outputmappen er (eller rummer) et input: "
                           "{item}; vælg en anden mappe"),
    "folder_foreign": ("{folder}: holds files that capf batch did not write ({item} …); give a new "
                       "or empty folder", "{folder}: rummer filer, som capf batch ikke har skrevet "
                       "({item} …); angiv en ny eller tom mappe"),
    "folder_busy": ("{folder}: another capf batch or portfolio is writing this folder; wait for it "
                    "to finish", "{folder}: en anden capf batch eller portfolio skriver i denne "
                    "mappe; vent, til den er færdig"),
    "plan_is_output": ("{path}: is an input plan; choose another output folder (-o)",
                       "{path}: er en inputplan; vælg en anden outputmappe (-o)"),
    "unknown_output": ("{path}: unknown output type {suffix}; use {known}",
                       "{path}: ukendt outputtype {suffix}; brug {known}"),
    "follow_up_options": ("capf report: --waivers and --stage do not apply to a follow-up report "
                          "(--status); judge the plan itself without --status",
                          "capf report: --waivers og --stage gælder ikke for en opfølgningsrapport "
                          "(--status); vurdér selve planen uden --status"),
    "convert_suffix": ("{path}: write .yaml, .json or .xlsx (the format comes from the suffix)",
                       "{path}: skriv .yaml, .json eller .xlsx (formatet følger filendelsen)"),
    "workbook_refused": ("{source}: {suffix} files are not read (macros or an old format); save "
                         "the workbook as .xlsx", "{source}: {suffix}-filer læses ikke (makroer "
                         "eller et gammelt format); gem projektmappen som .xlsx"),
    "workbook_id_twice": ("{source}: at {place}: id {id} is used twice; a workbook ties rows to "
                          "their item by id, so ids must differ", "{source} ved {place}: id {id} "
                          "bruges to gange; en projektmappe knytter rækker til deres element med "
                          "id'et, så id'er skal være forskellige"),
    "stdin_twice": ("`-` (stdin) can stand for one side of a diff only",
                    "`-` (stdin) kan kun stå for den ene side af en sammenligning"),
    "file_exists": ("{path}: file exists; use --force to overwrite it",
                    "{path}: filen findes allerede; brug --force for at overskrive den"),
    "no_plan_files": ("no plan files (*.yaml, *.yml, *.json) in {inputs}",
                      "ingen planfiler (*.yaml, *.yml, *.json) i {inputs}"),
    "bad_language": ("{variable}={value}: use one of {langs}", "{variable}={value}: brug en af {langs}"),
    "os_error": ("{where}{reason}", "{where}{reason}"),
    # how the command line shows an error (exit 2) and a bug (exit 3)
    "error_line": ("capf: error: {message}", "capf: fejl: {message}"),
    "internal_line": ("capf: internal error: {kind}: {message} (please report this)",
                      "capf: intern fejl: {kind}: {message} (meld den venligst)"),
    "interrupted": ("capf: interrupted", "capf: afbrudt"),
    "batch_broken": ("{count} of {total} plan(s) could not be loaded (see summary.csv): {files}",
                     "{count} af {total} plan(er) kunne ikke indlæses (se summary.csv): {files}"),
    "portfolio_broken": ("{count} file(s) are error rows (listed in portfolio.html): {files}",
                         "{count} fil(er) er fejlrækker (listet i portfolio.html): {files}"),
    "portfolio_reports": (", {count} status report(s)", ", {count} statusrapport(er)"),
    "wrote_portfolio": ("wrote {files} to {folder}: {added} plan(s) added up, {left_out} left out, "
                        "{errors} error row(s)", "skrev {files} i {folder}: {added} plan(er) lagt "
                        "sammen, {left_out} udeladt, {errors} fejlrække(r)"),
    "internal_row": ("{name}: internal error while judging or rendering ({kind}: {message}); please "
                     "report this", "{name}: intern fejl under vurdering eller visning ({kind}: "
                     "{message}); meld den venligst"),
    **RULE_ERRORS,  # a profile or rule file (capf.text.rule_errors)
}
def said(key: str, /, **fields: Any) -> Phrase:
    """The error `key` in both languages, its `{name}` fields filled from `fields`."""
    english, danish = ERRORS[key]
    return Phrase(_fill(english, fields, "en"), _fill(danish, fields, "da"))

def error_line(error: Any, lang: str) -> str:
    """The one stderr line of a CapfError (`error.text(lang)`) or of any text, in `lang`."""
    message = error.text(lang) if hasattr(error, "text") else str(error)
    return said("error_line", message=message).get(lang)

def words(pair: tuple[str, str], **fields: Any) -> Phrase:
    """A pair of templates of this module (a bound, a type name) filled in both languages."""
    return Phrase(_fill(pair[0], fields, "en"), _fill(pair[1], fields, "da"))

def _fill(template: str, fields: dict[str, Any], lang: str) -> str:
    out = []
    for literal, name, _, _ in _FORMATTER.parse(template):
        out.append(literal)
        if name is not None:
            out.append(_shown(fields[name], lang))
    return "".join(out)


def _shown(value: Any, lang: str) -> str:
    if hasattr(value, "en") and hasattr(value, "da"):  # a Phrase, or the model's Words
        return str(value.da if lang == "da" else value.en)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return number(value, lang, digits=6)
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable):
        return ", ".join(_shown(v, lang) for v in value)
    return str(value)
