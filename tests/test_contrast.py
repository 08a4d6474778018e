"""Every colour pair of the project's own stylesheet is legible, in both palettes.

site_overrides/assets/afterview.css is parsed here (no browser): each rule that
sets a text colour (``color``, or ``fill`` on an SVG text class) is paired with
the background it stands on (its own ``background``, the stage it is written
on, or the page), each graphic (``fill``/``stroke`` of a mark, the now line, a
stage) with the page, in Material's default palette and in ``slate``, the dark
one, with the colours Material gives its variables. WCAG 2 thresholds: 4.5:1 for
text, 3:1 for large text (24 px, or 18.66 px bold) and for graphics.
The browser test (test_accessibility.py) runs axe-core on the built pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[1] / "site_overrides" / "assets" / "afterview.css"

# Material for MkDocs' palette variables (its palette.css / main.css), the sample's
# primary and accent (indigo). The page background is --md-default-bg-color.
MATERIAL = {
    "default": {
        "--md-default-fg-color": "#000000de",
        "--md-default-fg-color--light": "#0000008a",
        "--md-default-fg-color--lighter": "#00000052",
        "--md-default-fg-color--lightest": "#00000012",
        "--md-default-bg-color": "#ffffff",
        "--md-primary-fg-color": "#4051b5",
        "--md-accent-fg-color": "#526cfe",
        "--md-code-bg-color": "#f5f5f5",
        "--md-typeset-a-color": "#4051b5",
    },
    "slate": {  # hsla(225deg, 15%, L%, a) written out
        "--md-default-fg-color": "#e2e4e9d1",
        "--md-default-fg-color--light": "#e2e4e98f",
        "--md-default-fg-color--lighter": "#e2e4e952",
        "--md-default-fg-color--lightest": "#e2e4e91f",
        "--md-default-bg-color": "#1e2129",
        "--md-primary-fg-color": "#4051b5",
        "--md-accent-fg-color": "#526cfe",
        "--md-code-bg-color": "#282c37",
        "--md-typeset-a-color": "#5488e8",
    },
}
SLATE = '[data-md-color-scheme="slate"]'


def parse(text: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule, @media blocks flattened, comments dropped."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^{}]*\})*)\s*\}", r"\1", text)
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        decls = {}
        for decl in body.split(";"):
            if ":" in decl:
                name, value = decl.split(":", 1)
                decls[name.strip()] = value.strip()
        for selector in selectors.split(","):
            rules.append((" ".join(selector.split()), decls))
    return rules


def rgba(value: str) -> tuple[float, float, float, float]:
    value = value.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    m = re.fullmatch(r"#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?", value)
    assert m, f"not a colour this test reads: {value!r}"
    r, g, b = (int(m.group(1)[i : i + 2], 16) for i in (0, 2, 4))
    return r, g, b, int(m.group(2), 16) / 255 if m.group(2) else 1.0


def over(top: str, bottom: str) -> str:
    """The colour seen when top (maybe translucent) lies on bottom (opaque)."""
    r, g, b, a = rgba(top)
    br, bg, bb, _ = rgba(bottom)
    mix = (round(a * c + (1 - a) * d) for c, d in ((r, br), (g, bg), (b, bb)))
    return "#" + "".join(f"{c:02x}" for c in mix)


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = rgba(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of fg (blended onto bg) against bg."""
    hi, lo = sorted((luminance(over(fg, bg)), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Palette:
    """The stylesheet's values as one palette sees them (slate rules apply in slate only)."""

    def __init__(self, rules: list[tuple[str, dict[str, str]]], scheme: str) -> None:
        self.scheme = scheme
        self.vars = dict(MATERIAL[scheme])
        self.rules: dict[str, dict[str, str]] = {}
        for selector, decls in rules:
            slate = selector.startswith(SLATE)
            if slate and scheme != "slate":
                continue
            plain = selector.removeprefix(SLATE).strip() or ":root"
            if plain == ":root":
                self.vars.update({k: v for k, v in decls.items() if k.startswith("--")})
            else:
                self.rules.setdefault(plain, {}).update(decls)
        self.page = self.vars["--md-default-bg-color"]
        self.text = self.vars["--md-default-fg-color"]

    def colour(self, value: str) -> str:
        """The colour a value means in this palette (variables resolved)."""
        value = value.split()[0] if not value.startswith("var(") else value
        while m := re.fullmatch(r"var\((--[\w-]+)\)", value.strip()):
            value = self.vars[m.group(1)]
        return value

    def get(self, selector: str, prop: str) -> str | None:
        decls = self.rules.get(selector, {})
        value = decls.get(prop)
        if value is None and prop == "background":
            value = decls.get("background-color")
        if value is None:
            return None
        value = self.colour(value)
        return None if value in ("none", "transparent") else value


RULES = parse(CSS.read_text(encoding="utf-8"))
PALETTES = [Palette(RULES, "default"), Palette(RULES, "slate")]
# Words drawn on a shape, not on the page: paired with their shape in inner_pairs and
# stage_label_pairs. Every other rule that sets both a font size and a fill is SVG text
# on the page.
ON_SHAPES = {".av-tl-stagelabel", ".av-tl-bang", ".av-tl-severalcount"}
GRAPHIC = re.compile(r"\.av-tl-(mark--\w[\w-]*|now|late|track|stage--[\w-]+|several(--\w+)?)$")


def text_pairs(p: Palette) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, needed) for every text colour of the stylesheet."""
    out = []
    for selector, decls in p.rules.items():
        bg = p.get(selector, "background")
        if bg is not None and bg.startswith("#"):
            bg = over(bg, p.page)
        fg = p.get(selector, "color")
        if fg is not None and fg != "inherit":
            out.append((selector, fg, bg or p.page, 4.5))
        elif bg is not None:  # a background under inherited text
            out.append((selector + " (inherited text)", p.text, bg, 4.5))
        svg_text = "font-size" in decls and "+" not in selector and selector not in ON_SHAPES
        if svg_text and decls.get("fill", "none") != "none":
            out.append((selector, p.colour(decls["fill"]), p.page, 4.5))
    return out


def stage_label_pairs(p: Palette) -> list[tuple[str, str, str, float]]:
    """The wide stage bar's words, written on each stage's colour."""
    label = p.get(".av-tl-stagelabel", "fill")
    assert label is not None
    stages = [s for s in p.rules if re.fullmatch(r"\.av-tl-stage--[\w-]+", s)]
    assert len(stages) >= 8
    return [(f"stage label on {s}", label, p.get(s, "fill") or "", 4.5) for s in stages]


def graphic_pairs(p: Palette) -> list[tuple[str, str, str, float]]:
    """Marks, lines and stages against the page: 3:1 (their fill, else their stroke)."""
    out = []
    for selector, decls in p.rules.items():
        if not GRAPHIC.search(selector):
            continue
        for prop in ("fill", "stroke"):
            colour = decls.get(prop)
            if colour is None or colour == "none":
                continue
            value = p.colour(colour)
            if value == p.page or "bg-color" in colour:  # the outline that separates marks
                continue
            alpha = float(decls.get("opacity", "1"))
            if alpha < 1:
                r, g, b, a = rgba(value)
                value = (
                    "#" + "".join(f"{c:02x}" for c in (r, g, b)) + f"{round(a * alpha * 255):02x}"
                )
            out.append((f"{selector} {prop}", value, p.page, 3.0))
            break
    return out


def inner_pairs(p: Palette) -> list[tuple[str, str, str, float]]:
    """Words inside marks: the "!" of an overdue triangle, the number of merged marks."""
    out = []
    for what, text, shape in (
        ("the ! on an overdue mark", ".av-tl-bang", ".av-tl-mark--overdue"),
        ("a number of marks", ".av-tl-severalcount", ".av-tl-several"),
        ("... one overdue", ".av-tl-several--late + .av-tl-severalcount", ".av-tl-several--late"),
        (
            "... with the interview",
            ".av-tl-several--interview + .av-tl-severalcount",
            ".av-tl-several--interview",
        ),
    ):
        fg, bg = p.get(text, "fill"), p.get(shape, "fill")
        assert fg and bg, (text, shape)
        out.append((what, fg, bg, 4.5))
    # A phone card's column names, on the shaded rows of an interview's rounds.
    label = p.get(".md-typeset .av-cards table:not([class]) td::before", "color")
    row = p.get(".av-sortable tr:has(.av-round--first) td", "background")
    assert label
    shade = over(row, p.page) if row else p.page
    out.append(("a card's column name on a round's row", label, shade, 4.5))
    out.append(("a link on a round's row", p.vars["--md-typeset-a-color"], shade, 4.5))
    return out


ALL = [
    pytest.param(p, kind, id=f"{p.scheme}-{kind.__name__}")
    for p in PALETTES
    for kind in (text_pairs, stage_label_pairs, graphic_pairs, inner_pairs)
]


@pytest.mark.parametrize(("palette", "pairs"), ALL)
def test_every_colour_pair_is_legible(palette: Palette, pairs) -> None:
    found = pairs(palette)
    assert found, "no pair found: the stylesheet's shape changed"
    bad = [
        f"{what}: {fg} on {bg} is {ratio(fg, bg):.2f}:1, needs {need}:1"
        for what, fg, bg, need in found
        if ratio(fg, bg) < need
    ]
    assert not bad, "\n".join(bad)


def test_the_contrast_arithmetic() -> None:
    """The ratios WCAG's own examples give: black on white 21:1, the theme's grey."""
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert ratio("#e65100", "#fff3e0") == pytest.approx(3.45, abs=0.01)  # issue 21's badge
    assert over("#00000080", "#ffffff") == "#7f7f7f"


def test_text_sizes_are_legible() -> None:
    """No text of the stylesheet is set below 14 px: em sizes are at least 1em or have a
    floor (max) of 0.7rem (14 px under Material's 20 px root); the drawings' text 15
    units and more (drawn 0.93 to 1.06 px a unit; test_accessibility measures every
    size in Chromium)."""
    final: dict[str, str] = {}
    for selector, decls in RULES:
        if "font-size" in decls:
            final[selector] = decls["font-size"]
    small = []
    for selector, size in final.items():
        if size.startswith("max("):
            floor = re.search(r"([\d.]+)rem", size)
            if not floor or float(floor.group(1)) < 0.7:
                small.append(f"{selector}: {size}")
        elif m := re.fullmatch(r"([\d.]+)em", size):
            if float(m.group(1)) < 1:
                small.append(f"{selector}: {size}")
        elif m := re.fullmatch(r"([\d.]+)px", size):
            if float(m.group(1)) < 15 and selector.startswith(".av-tl"):
                small.append(f"{selector}: {size}")
    assert not small, small
    assert final[".av-tl-tick"] == "15px"  # the rule is read, not skipped
