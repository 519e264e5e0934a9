"""The help catalogue: one source of truth for channels and help offers, reused by every page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..findings import Finding, Severity
from ..messages import message, register
from ..source import load_yaml, yaml_error_line

register(
    {
        "cat_missing": {
            "nl": ("Het bestand met de hulpcatalogus bestaat niet.", "Maak het bestand, of zet het goede pad bij catalogue in mkdocs.yml."),
            "en": ("The help catalogue file does not exist.", "Create the file, or set the right path at catalogue in mkdocs.yml."),
        },
        "cat_yaml": {
            "nl": ("De hulpcatalogus is geen geldige YAML: {problem}.", "Kijk naar deze regel. Let op de dubbele punten en de inspringing."),
            "en": ("The help catalogue is not valid YAML: {problem}.", "Look at this line. Check the colons and the indentation."),
        },
        "cat_shape": {
            "nl": ('De hulpcatalogus heeft geen lijst "offers".', "Zet de soorten hulp onder offers:, met per soort een naam."),
            "en": ('The help catalogue has no "offers" list.', "Put the kinds of help under offers:, each with a name."),
        },
    }
)


@dataclass
class Catalogue:
    path: str
    data: dict[str, Any] = field(default_factory=dict)

    def offer_keys(self) -> list[str]:
        offers = self.data.get("offers")
        return [str(k) for k in offers] if isinstance(offers, dict) else []


def load_catalogue(file: Path, shown: str, lang: str = "nl") -> tuple[Catalogue | None, list[Finding]]:
    """Read and validate the catalogue. A broken catalogue is reported at its own file and line."""
    if not file.is_file():
        return None, [Finding(shown, None, "help.catalogue", Severity.ERROR, *message(lang, "cat_missing"))]
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Finding(shown, None, "file.encoding", Severity.ERROR, *message(lang, "file_encoding"))]
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        line0 = yaml_error_line(exc, text)
        line = line0 + 1 if line0 is not None else None
        problem = getattr(exc, "problem", None) or "onbekende fout"
        return None, [Finding(shown, line, "help.catalogue", Severity.ERROR, *message(lang, "cat_yaml", problem=problem))]
    if not isinstance(data, dict) or not isinstance(data.get("offers"), dict):
        return None, [Finding(shown, 1, "help.catalogue", Severity.ERROR, *message(lang, "cat_shape"))]
    return Catalogue(shown, data), []
