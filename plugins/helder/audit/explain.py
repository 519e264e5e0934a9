"""What a result of HTML_CodeSniffer or axe-core means for an editor: a message key in the catalogue.

pa11y reports in English and in tool jargon ("H91.InputCheckbox.Name"). The catalogue entries named here say
in plain words what is wrong and what to do (`messages/nl.yml`, `en.yml`, keys `ax_*`). A result without an
entry gets the general text plus the tool's own English message, so no result is ever dropped for lack of a
translation.
"""

from __future__ import annotations

from .rules import BROWSER_CHECKS, explanation_key, technique

#: HTML_CodeSniffer techniques (`WCAG2AA.Principle1.Guideline1_1.1_1_1.H37` -> `H37`). Longest match wins.
HTMLCS = {
    "H37": "ax_alt",
    "H36": "ax_htmlcs_h36",
    "H30.2": "ax_link_name",
    "H2.EG3": "ax_htmlcs_h2_eg3",
    "H91.A.NoContent": "ax_link_name",
    "H91.A.Empty": "ax_link_name",
    "H91.A.EmptyNoId": "ax_link_name",
    "H91.A.NoHref": "ax_htmlcs_h91_a_nohref",
    "H91.InputText.Name": "ax_field_name",
    "H91.InputEmail.Name": "ax_field_name",
    "H91.InputSearch.Name": "ax_field_name",
    "H91.InputCheckbox.Name": "ax_field_name",
    "H91.InputRadio.Name": "ax_field_name",
    "H91.Select.Name": "ax_field_name",
    "H91.Textarea.Name": "ax_field_name",
    "H91.Button.Name": "ax_button_name",
    "H91": "ax_aria",
    "F68": "ax_field_name",
    "H44.NonExistent": "ax_htmlcs_h44_nonexistent",
    "H44.NotFormControl": "ax_htmlcs_h44_notformcontrol",
    "H93": "ax_duplicate_id",
    "F77": "ax_duplicate_id",
    "H42.2": "ax_empty_heading",
    "H71.NoLegend": "ax_htmlcs_h71_nolegend",
    "H43.HeadersRequired": "ax_htmlcs_h43_headersrequired",
    "H43.IncorrectAttr": "ax_htmlcs_h43_incorrectattr",
    "G18.Fail": "ax_contrast",
    "G145.Fail": "ax_contrast",
    "H64.1": "ax_frame",
    "H25.1.NoTitleEl": "ax_title",
    "H25.1.EmptyTitle": "ax_title",
    "H57.2": "ax_lang",
    "H57.3.Lang": "ax_lang",
    "H58.1.Lang": "ax_htmlcs_h58_1_lang",
    "H32.2": "ax_htmlcs_h32_2",
    "H63.1": "ax_htmlcs_h63_1",
}

#: axe-core rule ids.
AXE = {
    "image-alt": "ax_alt",
    "input-image-alt": "ax_htmlcs_h36",
    "role-img-alt": "ax_alt",
    "svg-img-alt": "ax_alt",
    "color-contrast": "ax_contrast",
    "link-name": "ax_link_name",
    "label": "ax_field_name",
    "select-name": "ax_field_name",
    "aria-input-field-name": "ax_field_name",
    "aria-toggle-field-name": "ax_field_name",
    "button-name": "ax_button_name",
    "aria-command-name": "ax_button_name",
    "document-title": "ax_title",
    "html-has-lang": "ax_lang",
    "html-lang-valid": "ax_lang",
    "valid-lang": "ax_htmlcs_h58_1_lang",
    "empty-heading": "ax_empty_heading",
    "heading-order": "ax_axe_heading_order",
    "page-has-heading-one": "ax_axe_page_has_heading_one",
    "list": "ax_list",
    "listitem": "ax_list",
    "definition-list": "ax_list",
    "dlitem": "ax_list",
    "aria-allowed-attr": "ax_aria",
    "aria-allowed-role": "ax_aria",
    "aria-prohibited-attr": "ax_aria",
    "aria-required-attr": "ax_aria",
    "aria-required-children": "ax_aria",
    "aria-required-parent": "ax_aria",
    "aria-roles": "ax_aria",
    "aria-valid-attr": "ax_aria",
    "aria-valid-attr-value": "ax_aria",
    "aria-hidden-focus": "ax_axe_aria_hidden_focus",
    "aria-dialog-name": "ax_axe_aria_dialog_name",
    "duplicate-id-aria": "ax_duplicate_id",
    "frame-title": "ax_frame",
    "region": "ax_axe_region",
    "landmark-one-main": "ax_axe_landmark_one_main",
    "link-in-text-block": "ax_axe_link_in_text_block",
    "nested-interactive": "ax_axe_nested_interactive",
    "scrollable-region-focusable": "ax_axe_scrollable_region_focusable",
    "meta-viewport": "ax_axe_meta_viewport",
    "tabindex": "ax_axe_tabindex",
    "th-has-data-cells": "ax_htmlcs_h43_headersrequired",
    "td-headers-attr": "ax_htmlcs_h43_incorrectattr",
    "bypass": "ax_axe_bypass",
}

#: The general text for results without an entry of their own.
GENERIC = "ax_generic"


#: Helder's own browser checks (`browser.py`): `keyboard.hidden-focus` -> `ax_helder_keyboard_hidden_focus`.
HELDER = {code: explanation_key(code) for code in BROWSER_CHECKS}


def explain(runner: str, code: str) -> tuple[str, bool]:
    """The catalogue key for a result, and whether it is a specific one (False = the general text)."""
    if runner == "helder":
        found = HELDER.get(code)
        return (found, True) if found else (GENERIC, False)
    if runner == "axe":
        found = AXE.get(code)
        return (found, True) if found else (GENERIC, False)
    parts = technique(code).split(".")
    for end in range(len(parts), 0, -1):
        found = HTMLCS.get(".".join(parts[:end]))
        if found:
            return found, True
    return GENERIC, False
