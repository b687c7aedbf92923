"""The schema of a disclosure-path file (``pipelines/*.yaml``), validated with pydantic.

A path says, for each kind of finding, what happens to it. Unknown fields are
errors, so a typo never silently changes a policy.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Action = Literal["keep", "redact", "pseudonymise", "generalise", "mask", "encrypt", "withhold"]
Role = Literal["subject", "complainant", "witness", "officer", "third_party", "public_figure", "other"]
Kind = Literal["identifier", "personal", "disciplinary", "special"]


class DisclosurePath(BaseModel):
    """One disclosure path: who may receive the document and what they may see."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: int = 1
    title: str
    paragraph: str = Field(description="the paragraph(s) of the code of conduct the path rests on")
    description: str
    recipient: str = ""
    default_action: Action = "redact"
    never_withhold: bool = False
    entities: dict[str, Action] = Field(default_factory=dict)
    roles: dict[Role, Action] = Field(default_factory=dict)
    reasons: dict[Kind, str] = Field(default_factory=dict)

    @field_validator("entities")
    @classmethod
    def _known_types(cls, value: dict[str, Action]) -> dict[str, Action]:
        from ..detect.types import entity_types

        unknown = sorted(set(value) - set(entity_types()))
        if unknown:
            raise ValueError(f"unknown entity type(s) {', '.join(unknown)}; known: {', '.join(entity_types())}")
        return value

    def action_for(self, entity_type: str, role: str | None = None) -> Action:
        if role and role in self.roles:
            return self.roles[role]  # type: ignore[index]
        return self.entities.get(entity_type, self.default_action)
