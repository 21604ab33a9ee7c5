"""The mistakes of a profile file or a rule file, in English and Danish (part of capf.text.errors).

A user's profile and the rule files it names are user input like a plan: a DGO advisor who
writes one reads what is wrong in Danish first. Each text is the problem only; the file, its
line and the place (JSON Pointer) come before it (capf.engine.rule_problems).
"""

from __future__ import annotations

RULE_ERRORS: dict[str, tuple[str, str]] = {
    # a field of the file
    "unknown_key_plain": ("unknown key {key}", "ukendt nøgle {key}"),
    "empty_document": ("the document is empty", "dokumentet er tomt"),
    "bad_form_hint": ("{value} does not have the expected form ({hint})",
                      "{value} har ikke den forventede form ({hint})"),
    "text_too_long": ("{count} characters; at most {limit} allowed", "{count} tegn; højst {limit}"),
    "text_empty": ("an empty text; write at least {limit} character(s)",
                   "en tom tekst; skriv mindst {limit} tegn"),
    "list_too_short": ("{count} item(s); at least {limit} required",
                       "{count} element(er); mindst {limit}"),
    "list_too_long": ("{count} items; at most {limit} allowed", "{count} elementer; højst {limit}"),
    "bad_value": ("{message}", "ugyldig værdi: {message}"),
    # a profile and the files it reaches
    "profile_type": ("a profile is a built-in id or a path, not {kind}",
                     "en profil er et indbygget id eller en sti, ikke {kind}"),
    "profile_cycle": ("profiles extend each other in a cycle: {cycle}",
                      "profilerne bygger på hinanden i ring: {cycle}"),
    "parent_outside": ("{parent} must be a built-in profile or a file inside the profile's folder",
                       "{parent} skal være en indbygget profil eller en fil i profilens mappe"),
    "no_parent": ("no profile {parent} (built-in profiles: {known}; or a profile file beside this "
                  "one)", "profilen {parent} findes ikke (indbyggede profiler: {known}; eller en "
                  "profilfil ved siden af denne)"),
    "glob_outside": ("{pattern} must stay inside the profile's folder",
                     "{pattern} skal blive inden for profilens mappe"),
    "link_outside_profile": ("{file} is a link to a file outside the profile's folder",
                             "{file} er et link til en fil uden for profilens mappe"),
    "judges_differs": ("{kind} differs from {parent} (judges: {parent_kind}), the profile it extends",
                       "{kind} afviger fra {parent} (judges: {parent_kind}), den profil, den "
                       "bygger på"),
    "no_rule": ("no rule {rule} in this profile or its parents",
                "ingen regel {rule} i denne profil eller dem, den bygger på"),
    "no_rule_close": ("no rule {rule} in this profile or its parents; did you mean {close}?",
                      "ingen regel {rule} i denne profil eller dem, den bygger på; mente du {close}?"),
    "no_param": ("rule {rule} has no param {name} (its params: {params})",
                 "reglen {rule} har ingen parameter {name} (dens parametre: {params})"),
    "param_type": ("expected {expected} like the rule's own value {own}, got {got}",
                   "forventede {expected} ligesom reglens egen værdi {own}, fik {got}"),
    "no_params": ("none", "ingen"),
    # a rule file
    "rule_file_name": ("{id} differs from the file name {name}; name the file after the rule's id",
                       "{id} afviger fra filnavnet {name}; giv filen reglens id som navn"),
    "rule_repeats": ("{name} already names rule {other} of {file}",
                     "{name} er allerede navnet på reglen {other} fra {file}"),
    "unknown_criterion": ("unknown criterion {criterion} (the catalogue is rules/criteria.yaml)",
                          "ukendt kriterium {criterion} (kataloget er rules/criteria.yaml)"),
    "unknown_placeholder": ("unknown placeholder {{{name}}} (known: {known})",
                            "ukendt pladsholder {{{name}}} (kendte: {known})"),
    "unpaired_brace": ("{{ and }} do not pair up (write {{{{ or }}}} for the brace itself)",
                       "{{ og }} passer ikke sammen (skriv {{{{ eller }}}} for selve tegnet)"),
    # a clause of a rule (capf.engine.clause) and its selector
    "clause_not_mapping": ("a clause must be a mapping with 'check'",
                           "en klausul skal være en mapping med 'check'"),
    "one_check": ("must be a mapping with exactly one check name",
                  "skal være en mapping med netop ét tjeknavn"),
    "clause_list": ("must be a non-empty list of clauses", "skal være en ikke-tom liste af klausuler"),
    "unknown_check": ("unknown check {name} (known: {known})", "ukendt tjek {name} (kendte: {known})"),
    "unknown_check_close": ("unknown check {name}; did you mean {close}?",
                            "ukendt tjek {name}; mente du {close}?"),
    "needs_select": ("check {name} needs a 'select' to judge",
                     "tjekket {name} skal have et 'select', der siger, hvad det vurderer"),
    "for_each_select": ("for_each needs a 'select' on its clause",
                        "for_each skal have et 'select' på sin klausul"),
    "for_each_require": ("for_each needs 'require' (and may have 'where', 'empty')",
                         "for_each skal have 'require' (og kan have 'where' og 'empty')"),
    "must_be_one_of": ("must be one of {allowed}", "skal være en af {allowed}"),
    "unknown_param_placeholder": ("unknown placeholder {{{name}}} (params: {params})",
                                  "ukendt pladsholder {{{name}}} (parametre: {params})"),
    "selector_text": ("a selector must be a string", "en selektor skal være en tekst"),
    "selector_step": ("selector {text} has an empty step", "selektoren {text} har et tomt trin"),
    "selector_escape": ("invalid '~' escape in selector step {token} (write ~0 for ~, ~1 for /)",
                        "ugyldig '~'-escape i selektortrinnet {token} (skriv ~0 for ~, ~1 for /)"),
}

# What a pattern of the rule and profile models asks for, in words (no regex in a sentence).
FORM_HINTS: dict[str, tuple[str, str]] = {
    r"^[a-z0-9][a-z0-9-]{0,62}$": ("lowercase letters, digits and hyphens, such as my-profile",
                                   "små bogstaver, tal og bindestreger, fx min-profil"),
    r"^(GOV|ADA|NEU|INC)-[0-9]{1,2}(-[a-z0-9]+)+$": ("a criterion id and a slug, such as "
                                                    "NEU-5-net-zero-year", "et kriterie-id og et "
                                                    "kort navn, fx NEU-5-net-zero-year"),
    r"^(GOV|ADA|NEU|INC)-[0-9]{1,2}$": ("such as NEU-5", "fx NEU-5"),
}
