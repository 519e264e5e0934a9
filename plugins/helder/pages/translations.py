"""Links between languages in a site built with mkdocs-static-i18n.

An English page links to `verhuizen.md` the way every page does. When that page has an English version, the
i18n plugin links to it. When it has none, the English build has no such page (each language's menu lists only
its own pages), so the link would be broken: it goes to the Dutch page instead, which is where a reader finds
that service. The same for a Dutch page that links to a page only in English (`...buitenland.en.md`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

#: An inline Markdown link or image to a Markdown file in the site: `](../afval/afvalpas.md#kosten)`.
_LINK = re.compile(r"\]\((?P<target>[^)\s:#]+\.md)(?P<anchor>#[^)\s]*)?(?P<rest>(?:\s+\"[^\"]*\")?)\)")


def links_to_other_language(
    markdown: str,
    src_uri: str,
    *,
    in_build: Callable[[str], bool],
    url_of: Callable[[str], str | None],
) -> str:
    """Each link to a page this language's build does not have, turned into a link to that page in the
    language it exists in.

    `in_build(uri)` says whether this build has the page; `url_of(uri)` gives the link to the page in its own
    language's build (relative to this page), or None when there is no such page (then the link stays, and
    MkDocs and Helder report it as broken)."""

    def swap(match: re.Match[str]) -> str:
        target = match.group("target")
        if target.startswith("/"):
            return match.group(0)
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
        if in_build(uri):
            return match.group(0)
        url = url_of(uri)
        if url is None:
            return match.group(0)
        return f"]({url}{match.group('anchor') or ''}{match.group('rest')})"

    return _LINK.sub(swap, markdown)
