"""The schema of a disclosure-path file (``pipelines/*.yaml``), validated with pydantic.

A path says who may receive a document (``recipient``), on which paragraph of
the code it rests (``paragraph``), what the user must state to use it
(``requires``), and what happens to each thing redactor finds:

* ``categories``: per Confidential Matters category of a section (``5a``,
  ``5b-minutes``, ...): ``keep`` it, ``withhold`` the whole section, or ``disclose`` it
  (a section with a ``disclose`` label is kept even if another label would withhold it:
  minutes of the member's own disciplinary hearing under 9(b)). When
  withheld sections make up the document (``withhold_share`` of its text), the
  whole document is withheld and no copy is written.
* ``rules``: an ordered list; the first rule whose ``entity``, ``kind`` and
  ``role`` all match a finding gives its action. Then ``roles``, then
  ``entities``, then ``default_action`` (shorthands kept for simple paths).
* ``sentences``: in disciplinary sections, what happens to sentences of each
  kind (outcome, allegation, evidence, procedure, other).
* ``marks``: how a removed region reads in the output.

Unknown fields are errors, so a typo never silently changes a policy.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Action = Literal["keep", "redact", "pseudonymise", "generalise", "mask", "encrypt", "withhold"]
CategoryAction = Literal["keep", "withhold", "disclose"]
SentenceAction = Literal["keep", "redact"]
Role = Literal["subject", "complainant", "witness", "officer", "third_party", "public_figure", "unowned"]
Kind = Literal["identifier", "personal", "disciplinary", "special", "confidential", "organisation"]
SentenceKind = Literal["outcome", "allegation", "evidence", "procedure", "other"]
Requirement = Literal["basis", "recipient", "permission_ref", "subject"]
Category = Literal["5a", "5b-minutes", "5b-committee", "5b-membership", "5b-elections", "5bc-disciplinary", "5d",
                   "none"]

#: the command-line option that satisfies each requirement
REQUIREMENT_OPTIONS: dict[str, str] = {"basis": "--basis", "recipient": "--recipient",
                                       "permission_ref": "--permission-ref", "subject": "--subject"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(_Strict):
    """One line of policy: findings matching every given field get ``action``."""

    entity: list[str] = Field(default_factory=list, description="entity types (any of)")
    kind: list[Kind] = Field(default_factory=list, description="kinds of entity (any of)")
    role: list[Role] = Field(default_factory=list, description="the role of the person it belongs to (any of); "
                                                              "'unowned' for a finding linked to no one")
    action: Action
    reason: str = ""

    @field_validator("entity", "kind", "role", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("entity")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        _check_types(value)
        return value

    def matches(self, entity_type: str, kind: str, role: str | None) -> bool:
        return ((not self.entity or entity_type in self.entity) and (not self.kind or kind in self.kind)
                and (not self.role or (role or "unowned") in self.role))


class Marks(_Strict):
    """How a removed region reads. ``text`` may use {label} (e.g. PERSON) and {paragraph} (the path's);
    ``withheld`` may use {category} and {paragraph} (the category's paragraph of the code)."""

    text: str = "[{label}]"
    withheld: str = "[WITHHELD: {category}, para. {paragraph}]"
    pdf_labels: bool = False


class DisclosurePath(_Strict):
    """One disclosure path: who may receive the document and what they may see."""

    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: int = 1
    title: str
    paragraph: str = Field(description="the paragraph(s) of the code of conduct the path rests on")
    description: str
    recipient: str = ""
    requires: list[Requirement] = Field(default_factory=list)
    default_action: Action = "redact"
    never_withhold: bool = False
    withhold_share: float = Field(default=0.6, gt=0, le=1,
                                  description="share of the text in withheld sections that withholds the document")
    categories: dict[Category, CategoryAction] = Field(default_factory=dict)
    rules: list[Rule] = Field(default_factory=list)
    roles: dict[Role, Action] = Field(default_factory=dict)
    entities: dict[str, Action] = Field(default_factory=dict)
    sentences: dict[SentenceKind, SentenceAction] = Field(default_factory=dict)
    reasons: dict[Kind, str] = Field(default_factory=dict)
    marks: Marks = Field(default_factory=Marks)
    notes: list[str] = Field(default_factory=list, description="recorded in every report of this path")

    @field_validator("entities")
    @classmethod
    def _known_types(cls, value: dict[str, Action]) -> dict[str, Action]:
        _check_types(value)
        return value

    @model_validator(mode="after")
    def _never_withhold_means_it(self) -> DisclosurePath:
        if self.never_withhold and "withhold" in self.categories.values():
            raise ValueError("never_withhold is set but a category is withheld")
        return self

    def category_action(self, label: str) -> CategoryAction:
        return self.categories.get(label, "keep")  # type: ignore[call-overload]

    def action_for(self, entity_type: str, role: str | None = None) -> tuple[Action, str]:
        """The action for a finding, and the rule's own reason (empty if none)."""
        from ..detect.types import kind

        k = kind(entity_type)
        for rule in self.rules:
            if rule.matches(entity_type, k, role):
                return rule.action, rule.reason
        if role and role in self.roles:
            return self.roles[role], ""  # type: ignore[index]
        return self.entities.get(entity_type, self.default_action), ""


def _check_types(names: object) -> None:
    from ..detect.types import entity_types

    unknown = sorted(set(names) - set(entity_types()))  # type: ignore[call-overload]
    if unknown:
        raise ValueError(f"unknown entity type(s) {', '.join(unknown)}; known: {', '.join(entity_types())}")
