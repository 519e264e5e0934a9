"""schema.org `GovernmentService` for each product page, so search engines and assistants read it right."""

from __future__ import annotations

import json
from typing import Any

AUDIENCE = {"inwoners": "Inwoners", "ondernemers": "Ondernemers"}


def government_service(
    *,
    name: str,
    description: str,
    url: str,
    municipality: str,
    site_url: str,
    audience: list[str],
    upl: str | None,
    lang: str,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": name,
        "description": description,
        "serviceUrl": url,
        "url": url,
        "inLanguage": lang,
        "provider": {"@type": "GovernmentOrganization", "name": municipality, "url": site_url},
        "audience": [{"@type": "Audience", "audienceType": AUDIENCE.get(a, a)} for a in audience],
        "areaServed": {"@type": "AdministrativeArea", "name": municipality},
    }
    if upl:
        data["serviceType"] = upl
    return data


def script_tag(data: dict[str, Any]) -> str:
    """`<script type="application/ld+json">`. `<`, `>` and `&` are written as JSON escapes, so page text can never
    close the element or put the browser's script parser in another state (`<!--<script>`)."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'
