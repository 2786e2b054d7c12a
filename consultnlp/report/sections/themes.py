"""Commitment themes: the largest with their key points; the others in the annex."""

from __future__ import annotations

from consultnlp import schema
from consultnlp.i18n import t
from consultnlp.report.model import Block, Section
from consultnlp.report.sections.common import ReportContext, chart, join_items, key_points_block, quote_item

THEMES_IN_CHART = 12
THEMES_DETAILED = 6
LARGEST_POINTS = 3  # a theme holding one of the summary's largest key points has a section too (claim check 87)
POINTS_PER_THEME = 3
QUOTES_PER_THEME = 2  # drawn from the theme's most confident half (summary/quotes.py)
# A theme given to fewer distinct contributions is not charted, detailed or named among the most frequent: one or two
# tags are too few to say participants raised it (claim check 76: three themes of one contribution each, each a keyword
# read in another sense). The same minimum as a key point's.
MIN_THEME_SHOWN = 3


def theme_rows(ctx: ReportContext):  # noqa: ANN201 - DataFrame
    """Named themes, each with one share: a theme with sub-themes counted with them (and named so), others alone."""
    themes = ctx.table("themes")
    if themes is None:
        return None
    named = themes[themes["theme_id"] != schema.OTHER_THEME].copy()
    if {"parent", "unique_with_subthemes"} <= set(named.columns):
        # A parent with no contribution of its own and one sub-theme with some is that sub-theme again: listed, it
        # counts the same contributions twice (the seattle claim check: «Public service delivery (with its
        # sub-themes)» 18% and «Social protection» 18%, the same 3, beside "2 themes raised").
        raised = named[named["unique_contributions"] > 0]
        children = raised["parent"].fillna("").astype(str).value_counts()
        own = named["unique_contributions"].astype(int)
        only_one = named["unique_with_subthemes"].notna() & (own == 0) & named["theme_id"].astype(str).map(children).fillna(0).eq(1)
        named = named[~only_one]
    family = named["unique_with_subthemes"].notna() if "unique_with_subthemes" in named else named["theme_id"] != named["theme_id"]
    if family.any() and "parent" in named:
        # "(with its sub-themes)" only where a sub-theme was raised (claim check 63, PNDBio: «Abertura fiscal (com seus
        # subtemas)» had none): otherwise it is the theme alone, and its count is its own.
        raised_children = set(themes.loc[themes["unique_contributions"] > 0, "parent"].dropna().astype(str))
        family &= named["theme_id"].astype(str).isin(raised_children)
    named["shown_name"] = named["name"].astype(str)
    named["shown_unique"] = named["unique_contributions"].astype(int)
    if family.any():
        named.loc[family, "shown_name"] = named.loc[family, "name"].astype(str) + " " + t("with_subthemes", ctx.lang)
        named.loc[family, "shown_unique"] = named.loc[family, "unique_with_subthemes"].astype(int)
    # From the counts, not the table's 4-decimal shares: 4 of 19 is 21.05%, which 0.2105 printed as 21.0% (brexit check).
    total = ctx.unique_total() if ctx.table("overview") is not None else 0
    if total:
        named["shown_share"] = named["shown_unique"] / total
    else:
        named["shown_share"] = named["share_of_unique"].astype(float)
        named.loc[family, "shown_share"] = named.loc[family, "share_of_unique_with_subthemes"].astype(float)
    return named.sort_values(["shown_unique", "theme_id"], ascending=[False, True], kind="stable")


def themes_section(ctx: ReportContext) -> Section | None:
    named = theme_rows(ctx)
    if named is None:
        return None
    lang = ctx.lang
    method = ctx.settings.get("themes_method", "zero-shot")
    taxonomy = ctx.settings.get("taxonomy", "")
    intro = t(f"themes_intro_{method.replace('-', '_')}", lang, max=ctx.settings.get("max_themes", 3), taxonomy=taxonomy)
    sec = Section("themes", t("themes", lang), [Block("p", text=intro + " " + t("share_base", lang, unique=ctx.n(ctx.unique_total())))])
    few = named[named["shown_unique"] < MIN_THEME_SHOWN]
    named = named[named["shown_unique"] >= MIN_THEME_SHOWN]
    top = named.head(THEMES_IN_CHART)
    sec.blocks.append(chart(top["shown_name"].tolist(), top["shown_share"].tolist(), t("chart_themes", lang), lang))
    shown = named[named.index.isin(named.head(THEMES_DETAILED).index) | named["theme_id"].astype(str).isin(_holding_largest_points(ctx))]
    detailed = set(shown["theme_id"].astype(str))
    for _, theme in shown.iterrows():
        sub = Section(f"theme-{theme['theme_id']}", f"{theme['shown_name']} — {ctx.pct(theme['shown_share'])}")
        n = int(theme["shown_unique"])
        sub.blocks.append(Block("p", text=t("theme_counts", lang, count=n, unique=ctx.n(n))))
        points = key_points_block(ctx, "theme", theme["theme_id"], POINTS_PER_THEME)
        if points:
            sub.blocks.append(points)
        quotes = _quotes(ctx, str(theme["theme_id"]), detailed)
        if quotes:
            sub.blocks.append(Block("quotes", quotes=quotes))
        sec.subsections.append(sub)
    if len(named) > len(shown):
        sec.blocks.append(Block("p", text=t("themes_more", lang)))
    if len(few):
        names = join_items([ctx.q(str(name)) for name in few["shown_name"]], lang)
        sec.blocks.append(Block("p", text=t("themes_few", lang, count=len(few), n=ctx.n(len(few)), min=MIN_THEME_SHOWN, names=names)))
    return sec


def _holding_largest_points(ctx: ReportContext) -> set[str]:
    """The themes that hold one of the ``LARGEST_POINTS`` key points most contributions make, of any scope: Chile 2016's
    largest, «El Congreso debe ser unicameral» (63), was a key point of «Parlamento abierto», a theme of 2.2% with no
    section of its own, and so in no part of the report (claim check 87)."""
    points = ctx.table("key_points")
    if points is None or "contributions" not in points:
        return set()
    largest = points.sort_values(["contributions", "scope", "rank"], ascending=[False, True, True], kind="stable").head(LARGEST_POINTS)
    return set(largest.loc[largest["scope"] == "theme", "group_id"].astype(str))


def _quotes(ctx: ReportContext, theme_id: str, detailed: set[str] = frozenset()) -> list[dict[str, str]]:
    """The theme's first ``QUOTES_PER_THEME`` quotes, best first; a theme counted with its sub-themes that has none of
    its own shows theirs, largest sub-theme first, but for those with a section of their own (``detailed``): the
    biodiversity claim check of stop 40 found «Inclusion (with its sub-themes)» with no example."""
    quotes = ctx.table("quotes")
    if quotes is None:
        return []
    theirs = quotes[quotes["scope"] == "theme"]
    mine = theirs[theirs["group_id"].astype(str) == theme_id].sort_values("rank", kind="stable")
    if mine.empty:
        order = {child: k for k, child in enumerate(c for c in _descendants(ctx, theme_id) if c not in detailed)}
        mine = theirs[theirs["group_id"].astype(str).isin(order)]
        mine = mine.assign(_order=mine["group_id"].astype(str).map(order)).sort_values(["_order", "rank"], kind="stable")
        mine = mine.drop_duplicates("comment_id")
    return [quote_item(ctx, q) for _, q in mine.head(QUOTES_PER_THEME).iterrows()]


def _descendants(ctx: ReportContext, theme_id: str) -> list[str]:
    """The sub-themes of ``theme_id`` at any depth, each level by unique contributions (most first)."""
    themes = ctx.table("themes")
    if themes is None or "parent" not in themes:
        return []
    found, level = [], [theme_id]
    while level:
        children = themes[themes["parent"].astype(str).isin(level)].sort_values(
            ["unique_contributions", "theme_id"], ascending=[False, True]
        )
        level = [c for c in children["theme_id"].astype(str) if c not in found and c != theme_id]
        found += level
    return found
