"""The Markdown Helder writes into the site: one module per kind of page, each from a template.

- `help_block`: the help section on a product page, from the catalogue's offers and channels;
- `overviews`: the product lists of theme and audience pages;
- `help_pages`: the help overview, one page per barrier and per target group, the support policy;
- `statement`: the accessibility statement with its status A to E.

Python gathers the data, a template in `templates/pages/` writes it, the message catalogue has the words.
Everything made here is checked like a page an editor wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .help_block import add_help
from .overviews import overview

if TYPE_CHECKING:
    from ..checker import PageReport, Report
    from ..site import Site


def page_markdown(markdown: str, result: PageReport, report: Report, src_uri: str, site: Site) -> str:
    """A page's Markdown with what Helder adds: its help section, and the product list of an overview page."""
    page = result.page
    if page.str_list("help") and site.catalogue is not None:
        markdown = add_help(markdown, result, site)
    if page.page_type == "overview":
        markdown = markdown.rstrip("\n") + "\n\n" + overview(src_uri, result, report, site) + "\n"
    return markdown
