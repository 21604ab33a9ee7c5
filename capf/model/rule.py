"""The rule file format: one frozen pydantic model, published as schemas/rules.schema.json."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

Element = Literal["governance", "adaptation", "neutrality", "inclusion"]
ELEMENTS: tuple[Element, ...] = ("governance", "adaptation", "neutrality", "inclusion")
PREFIX_OF: dict[Element, str] = {"governance": "GOV", "adaptation": "ADA",
                                 "neutrality": "NEU", "inclusion": "INC"}
Level = Literal["essential", "recommended"]
ParamValue = int | float | str | bool | list[Any] | dict[str, Any]

RULE_ID = r"^(GOV|ADA|NEU|INC)-[0-9]{1,2}(-[a-z0-9]+)+$"
CRITERION_ID = r"^(GOV|ADA|NEU|INC)-[0-9]{1,2}$"


def no_items() -> list[Any]:
    """An empty list, as a field's default_factory instead of `list`: pydantic inspects a
    factory's signature, and the builtin's text signature is tokenized the first time, ~7 ms of
    every start-up (bench/startup_phases.py)."""
    return []


def no_entries() -> dict[str, Any]:
    """An empty dict, as a field's default_factory instead of `dict` (see no_items)."""
    return {}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """The same text in English and Danish."""

    en: str = Field(min_length=1, max_length=4000, description="English text.")
    da: str = Field(min_length=1, max_length=4000, description="Danish text.")

    def get(self, lang: str) -> str:
        return self.da if lang == "da" else self.en


class Source(Frozen):
    """Where the requirement comes from, and how sure we are of it."""

    framework: str = Field(min_length=1, max_length=200,
                           description="Framework and edition, e.g. 'C40 CAPF 2020'.")
    ref: str = Field(min_length=1, max_length=200,
                     description="Section, component or criterion in that framework.")
    framework_da: str | None = Field(None, min_length=1, max_length=200,
                                     description="The framework's name in Danish, where it differs.")
    ref_da: str | None = Field(None, min_length=1, max_length=200,
                               description="The reference in Danish, where it differs (a Danish "
                                           "report cites a section in Danish).")
    confidence: Literal["verified", "secondary"] = Field(
        description="verified: read in a primary source; secondary: from a third-party summary.")
    note: str | None = Field(None, max_length=1000, description="Remarks on the source.")

    def cited(self, lang: str) -> str:
        """'framework ref' as a report cites it in `lang`."""
        if lang == "da":
            return f"{self.framework_da or self.framework} {self.ref_da or self.ref}"
        return f"{self.framework} {self.ref}"


class Examples(Frozen):
    """Plan fragments that must pass and must fail this rule; they run as tests."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    pass_: list[dict[str, Any]] = Field(alias="pass", min_length=1,
                                        description="Plan fragments on which the rule passes.")
    fail: list[dict[str, Any]] = Field(min_length=1,
                                       description="Plan fragments on which the rule fails.")


class Rule(Frozen):
    """One check of one CAPF criterion; `rules/<profile>/<element>/<id>.yaml`."""

    id: str = Field(pattern=RULE_ID, max_length=80,
                    description="Stable id: the criterion id plus a short slug, e.g. NEU-5-net-zero-year.")
    criterion: str = Field(pattern=CRITERION_ID, description="Criterion id from the catalogue.")
    element: Element = Field(description="The CAPF element the criterion belongs to.")
    level: Level = Field(description="essential: the framework requires it; recommended: good "
                                     "practice or a national yardstick.")
    title: Text = Field(description="What a passing plan has, as a short heading.")
    rationale: Text = Field(description="Why the framework asks for it.")
    message: Text = Field(description="What is wrong when the rule fails; may use {placeholders} "
                                      "naming params or values the check computes.")
    remedy: Text = Field(description="What to add or change in the plan.")
    select: str | None = Field(None, max_length=300,
                               description="Selector: JSON Pointer, '*' for every item.")
    check: dict[str, Any] = Field(description="Exactly one check of the vocabulary, with options.")
    missing: Literal["pass", "fail", "not_applicable", "needs_review"] = Field(
        "fail", description="Outcome when the selector finds nothing.")
    params: dict[str, ParamValue] = Field(default_factory=no_entries,
                                          description="Thresholds a profile may override; used "
                                                      "in options as \"{name}\".")
    when: dict[str, Any] | None = Field(None, description="A clause; unless it passes, the rule "
                                                          "is not applicable.")
    source: Source = Field(description="Where the requirement comes from.")
    aliases: list[str] = Field(default_factory=no_items, description="Former ids of this rule.")
    examples: Examples = Field(description="Passing and failing plan fragments.")

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        prefix = PREFIX_OF[self.element]
        if not self.criterion.startswith(prefix + "-"):  # `da` and `at`: capf.engine.rule_problems
            raise PydanticCustomError(
                "criterion_element", "criterion {criterion} does not belong to element {element}",
                {"criterion": self.criterion, "element": self.element, "at": "element",
                 "da": f"kriteriet {self.criterion} hører ikke til elementet {self.element}"})
        if not self.id.startswith(self.criterion + "-"):
            raise PydanticCustomError(
                "id_criterion", "id {id} must start with its criterion {criterion}-",
                {"id": self.id, "criterion": self.criterion, "at": "id",
                 "da": f"id'et {self.id} skal begynde med sit kriterium {self.criterion}-"})
        return self


class Criterion(Frozen):
    """A criterion of the catalogue (rules/criteria.yaml)."""

    id: str = Field(pattern=CRITERION_ID, description="Stable criterion id.")
    element: Element = Field(description="The element it belongs to.")
    title: Text = Field(description="Short name.")
    requirement: Text = Field(description="What a plan shows to meet it.")
    c40: str | None = Field(None, description="The C40 CAPF component (e.g. 2.3), if any.")
    profile: str = Field(description="The profile that introduces the criterion.")
    confidence: Literal["verified", "secondary"] = Field(description="Confidence in the source.")
