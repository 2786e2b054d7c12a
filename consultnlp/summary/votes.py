"""Opinion groups, consensus and division from a Pol.is vote matrix, as tables the report and programs read.

Statements the platform's moderators rejected are left out of the matrix (as Pol.is does); statement
texts are the redacted ones. Tables:

- ``opinion_groups``: group (A, B ...), participants, share, and the statements that set it apart;
- ``participant_groups``: one row per participant placed in a group;
- ``statement_votes``: per statement (``by_organiser``: one the organiser wrote, a seed or meta statement;
  ``reworded_from``: the rejected participant's statement the organiser's account posted again in its words; ``profile``:
  one of its questions about who the participants are, ``consultnlp.votes.profile``), for all voters and per group,
  agree/disagree/pass counts and shares, with the statement's ``consensus`` and ``divisive`` flags and its text;
- ``group_statements``: the statements that set each group apart, with the shares inside and outside it.
"""

from __future__ import annotations

import string

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.ingest.columns import author_id_column
from consultnlp.ingest.platforms import POLIS_ORGANISER, POLIS_RELAYED, POLIS_VOTES
from consultnlp.votes import OpinionGroups, group_statements, opinion_groups, statement_votes
from consultnlp.votes.matrix import VoteMatrix
from consultnlp.votes.profile import profile_questions

TABLES = ("opinion_groups", "participant_groups", "statement_votes", "group_statements")


def group_letter(group: int) -> str:
    """Pol.is names opinion groups A, B, C ..."""
    return string.ascii_uppercase[int(group)] if int(group) < 26 else str(int(group) + 1)


def _cross_table(ours: pd.Series, theirs: pd.Series) -> pd.DataFrame:
    """Participants both assignments place, by our group (rows) and theirs (columns); empty where none is in both."""
    ours = ours.set_axis(ours.index.astype(str))
    theirs = theirs.set_axis(theirs.index.astype(str))
    common = ours.index.intersection(theirs.index)
    return pd.crosstab(ours.loc[common], theirs.loc[common]) if len(common) else pd.DataFrame()


def _agreement(ours: pd.Series, theirs: pd.Series) -> tuple[int, int]:
    """(participants both placed, of them in corresponding groups): each of our groups paired with one of theirs so
    that the most participants agree (the Hungarian assignment on the cross table)."""
    from scipy.optimize import linear_sum_assignment

    table = _cross_table(ours, theirs).to_numpy()
    if not table.size:
        return 0, 0
    rows, cols = linear_sum_assignment(-table)
    return int(table.sum()), int(table[rows, cols].sum())


OTHER_SEEDS = 4  # the groups formed again from this many other random starts, to say how firm the split is


def _seed_agreement(opinions: VoteMatrix, found: OpinionGroups, random_state: int) -> float:
    """The mean adjusted Rand index between ``found`` and the groups formed from ``OTHER_SEEDS`` other random starts (1:
    the same split every time). Claim check 88 (affordable housing, silhouette 0.35): repeated k-means runs gave other
    two-group splits, which the report did not say."""
    from sklearn.metrics import adjusted_rand_score

    scores = []
    for seed in range(random_state + 1, random_state + 1 + OTHER_SEEDS):
        other = opinion_groups(opinions, random_state=seed)
        if other is None:
            scores.append(0.0)
            continue
        both = found.groups.index.intersection(other.groups.index)
        scores.append(float(adjusted_rand_score(found.groups.loc[both], other.groups.loc[both])) if len(both) else 0.0)
    return round(float(np.mean(scores)), 3) if scores else 1.0


def _nested(ours: pd.Series, theirs: pd.Series) -> int:
    """Of the participants both placed, how many are in the coarser assignment's group that holds most of their group in
    the finer one (each finer group read as part of one coarser group): 3 groups against Pol.is's 2 can split them
    cleanly while pairing one to one leaves a third out (claim check 49: 60% paired, 95% nested)."""
    table = _cross_table(ours, theirs)
    if table.empty:
        return 0
    finer = table if table.shape[0] >= table.shape[1] else table.T  # rows: the assignment with more groups
    return int(finer.max(axis=1).sum())


def reworded_from(frame: pd.DataFrame) -> pd.Series:
    """Per statement id, the participant's statement it rewords: the moderators rejected it and the organiser's account
    posted it again in its own words (``ingest.platforms.relayed_from``); empty where the export says nothing of it."""
    if POLIS_RELAYED not in frame:
        return pd.Series(dtype=object)
    source = frame[POLIS_RELAYED].fillna("").astype(str)
    source = source.set_axis(source.index.astype(str))
    return source[source != ""]


def organiser_rejected(frame: pd.DataFrame) -> tuple[int, int]:
    """(rewordings the moderators let stand, rows of the organiser's account the moderators rejected): claim check 76
    found a rejected rewording counted among the participants' rejected statements ("20 ... 16% of the 127 written by
    participants": 19 were) and among the rewordings "analysed as their writers' ideas" (5 of the 6 were)."""
    relayed = reworded_from(frame)
    moderated = frame.get(schema.EXCLUDED, pd.Series("", index=frame.index)).astype(str) == schema.REASON_MODERATED
    moderated = moderated.set_axis(moderated.index.astype(str))
    standing = int((~moderated.reindex(relayed.index, fill_value=False)).sum()) if len(relayed) else 0
    if POLIS_ORGANISER not in frame:
        return standing, 0
    organiser = frame[POLIS_ORGANISER].astype(str).str.lower().isin(["true", "1"]).to_numpy()
    return standing, int((moderated.to_numpy() & organiser).sum())


def unseen_by_voters(analysed: pd.DataFrame, own_votes_left_out: bool) -> int:
    """How many analysed Pol.is statements the moderators never reviewed (``moderated`` = 0) and no one but their author
    voted on: no vote where each author's own vote was left out, at most one (the author's own agree) where the export's
    counters include it. Under strict moderation voters were never shown them (claim check 92, march-on: 1,527 of the 1,697
    analysed, the report's quotes signed "1 agree, 0 disagree" and its 381 rejected read as if the rest were accepted)."""
    if not {"moderated", "agrees", "disagrees"} <= set(analysed.columns):
        return 0
    unreviewed = analysed["moderated"].astype(str).str.strip().isin(["0", "0.0"])
    return int((unreviewed & ~_voted_by_others(analysed, own_votes_left_out)).sum())


def voted_by_others(analysed: pd.DataFrame, own_votes_left_out: bool) -> int:
    """How many analysed Pol.is statements anyone but their author voted on (see ``unseen_by_voters``); 0 without counts.
    Claim check 94 (football): "other participants' votes fell on the other 14", where they fell on 13 of the 50."""
    if not {"agrees", "disagrees"} <= set(analysed.columns):
        return 0
    return int(_voted_by_others(analysed, own_votes_left_out).sum())


def _voted_by_others(analysed: pd.DataFrame, own_votes_left_out: bool) -> pd.Series:
    votes = sum(pd.to_numeric(analysed[c], errors="coerce").fillna(0).clip(lower=0) for c in ("agrees", "disagrees"))
    return votes > (0 if own_votes_left_out else 1)


def counter_votes(frame: pd.DataFrame) -> pd.DataFrame:
    """Without a vote matrix, the export's own counters of each statement that anyone but its author voted on (Pol.is
    ``agrees``/``disagrees``: passes not counted, each author's own vote included), in the shape of ``statement_votes``'s
    rows for all participants, with ``counted`` true; empty where the export has no counters. Claim check 92 (march-on,
    no vote matrix): its 230,410 votes were in one table by subject, and the most agreed statement (2,293 agree, 21
    disagree) and the organiser's 53 questions with their 219,622 votes appeared nowhere."""
    if POLIS_VOTES not in frame or not {"agrees", "disagrees"} <= set(frame.columns):
        return pd.DataFrame()
    rejected, official = _rejected_and_official(frame)
    agree, disagree = (pd.to_numeric(frame[c], errors="coerce").fillna(0).clip(lower=0).astype(int) for c in ("agrees", "disagrees"))
    seen = agree + disagree
    ids = frame.index.astype(str)
    kept = ~ids.isin(rejected) & (seen > 1).to_numpy()  # one vote at most is its author's own
    profile = profile_questions(frame, official, schema.TEXT if schema.TEXT in frame else schema.TEXT_REDACTED)
    texts = frame[schema.TEXT_REDACTED].fillna("").astype(str) if schema.TEXT_REDACTED in frame else pd.Series("", index=frame.index)
    relayed = reworded_from(frame)
    table = pd.DataFrame(
        {
            "statement": ids,
            "text": texts.to_numpy(),
            "by_organiser": [i in official for i in ids],
            "reworded_from": [relayed.get(i, "") for i in ids],
            "profile": [i in profile for i in ids],
            "group": "all",
            "agree": agree.to_numpy(),
            "disagree": disagree.to_numpy(),
            "seen": seen.to_numpy(),
        }
    )[kept]
    table["agree_share"] = (table["agree"] / table["seen"]).round(4)
    table["disagree_share"] = (table["disagree"] / table["seen"]).round(4)
    table["counted"] = True
    return table.reset_index(drop=True)


def _rejected_and_official(frame: pd.DataFrame) -> tuple[set[str], set[str]]:
    """The ids (as strings) of the statements the moderators rejected (set aside so, or ``moderated`` = -1: the
    organiser's own rejected drafts are set aside as the organiser's, and rejected all the same) and of the organiser's."""
    excluded = frame[schema.EXCLUDED].astype(str) if schema.EXCLUDED in frame else pd.Series("", index=frame.index)
    ids = frame.index.astype(str)
    rejected = excluded.eq(schema.REASON_MODERATED).to_numpy()
    if "moderated" in frame:
        rejected |= frame["moderated"].astype(str).str.strip().isin(["-1", "-1.0"]).to_numpy()
    return set(ids[rejected]), set(ids[excluded.eq(schema.REASON_OFFICIAL).to_numpy()])


def credited_authors(frame: pd.DataFrame, author: str) -> pd.Series:
    """Each row's author (``author``: its column), where a Pol.is statement the organiser's account posted in its own
    words after the moderators rejected a participant's is that participant's (``polis_relayed_from``): the claim checks
    of stop 40 found the organiser's account counted as a participant, and among the five who wrote most, for 35 ideas
    that were other people's."""
    names = frame[author]
    relayed = reworded_from(frame)
    if relayed.empty:
        return names
    author_of = pd.Series(frame[author].to_numpy(), index=frame.index.astype(str))
    author_of = author_of[~author_of.index.duplicated()]
    credited = pd.Series(frame.index.astype(str).map(relayed), index=frame.index).map(author_of)
    return names.where(credited.isna(), credited)


def statement_authors(frame: pd.DataFrame) -> pd.Series:
    """Statement id -> the participant who wrote it (``credited_authors``: a reworded statement is its participant's);
    empty without an author column."""
    author = author_id_column(frame.columns)
    if author is None:
        return pd.Series(dtype=str)
    names = credited_authors(frame, author).fillna("").astype(str).str.strip().set_axis(frame.index.astype(str))
    return names[~names.index.duplicated()]


def vote_tables(matrix: VoteMatrix, frame: pd.DataFrame, *, random_state: int) -> dict[str, pd.DataFrame]:
    """The four vote tables; ``statement_votes`` alone (for all participants, with ``voters``) when the votes do not place
    enough participants to form two groups; none without votes."""
    rejected, official = _rejected_and_official(frame)
    matrix = matrix.without(rejected)
    # The organiser's statements (Pol.is seeds, meta questions) are voted on like any other; the report says whose they
    # are. Its profile questions ("I voted to Remain") say who voted, not what they think: no group is formed on them,
    # and none is agreement, division or what sets a group apart.
    profile = profile_questions(frame, official, schema.TEXT if schema.TEXT in frame else schema.TEXT_REDACTED)
    opinions = matrix.without(profile)
    voted = (~pd.isna(matrix.values)).any(axis=1)  # everyone who voted, placed or not
    if not len(matrix.statements) or not voted.any():
        return {}
    found = opinion_groups(opinions, random_state=random_state)
    # The groups are formed on every vote (an author's vote on their own statement is their opinion too); what the report
    # counts on a statement leaves its author's vote out, as the quotes and the reactions table do (the brexit claim check:
    # «32 agree» in the most agreed, «31 agree» beside the same statement quoted).
    authors = statement_authors(frame)
    cast = matrix
    matrix, opinions_shown = matrix.without_own_votes(authors), opinions.without_own_votes(authors)
    # Which statements' authors voted on them: the votes cast, for "N participants voted M times", count them.
    own = pd.Series(np.isnan(matrix.values).sum(axis=0) - np.isnan(cast.values).sum(axis=0) > 0, index=matrix.statements.astype(str))
    texts = frame[schema.TEXT_REDACTED] if schema.TEXT_REDACTED in frame else pd.Series(dtype=object)
    texts = texts.set_axis(texts.index.astype(str))
    voters = int(voted.sum())
    votes = statement_votes(matrix, found or OpinionGroups.none())
    votes["group"] = votes["group"].map(lambda g: g if g == "all" else group_letter(int(g)))
    is_profile = votes["statement"].astype(str).isin(profile)
    votes.loc[is_profile, ["consensus", "divisive"]] = False
    votes.insert(1, "text", votes["statement"].map(texts).fillna(""))
    votes.insert(2, "by_organiser", votes["statement"].astype(str).isin(official))
    relayed = reworded_from(frame)
    votes.insert(3, "reworded_from", votes["statement"].astype(str).map(relayed).fillna(""))
    votes.insert(4, "profile", is_profile.to_numpy())
    votes["author_voted"] = votes["group"].eq("all") & votes["statement"].astype(str).map(own).fillna(False).astype(bool)
    if found is None:
        # Too few participants voted to form two groups of at least MIN_GROUP: the votes of all, and who voted.
        return {"statement_votes": votes.assign(voters=voters)}
    letters = found.groups.map(group_letter)
    apart = group_statements(opinions_shown, found)
    apart["group"] = apart["group"].map(group_letter)
    apart.insert(3, "text", apart["statement"].map(texts).fillna(""))
    apart.insert(4, "by_organiser", apart["statement"].astype(str).isin(official))
    apart.insert(5, "reworded_from", apart["statement"].astype(str).map(relayed).fillna(""))
    sizes = letters.value_counts()
    groups = (
        pd.DataFrame(
            {
                "group": sizes.index,
                "participants": sizes.to_numpy(),
                "share": (sizes / sizes.sum()).round(4).to_numpy(),
                "sets_apart": [
                    ";".join(f"{r.direction}:{r.statement}" for r in apart[apart["group"] == g].itertuples()) for g in sizes.index
                ],
            }
        )
        .sort_values("group", kind="stable")
        .reset_index(drop=True)
    )
    groups["silhouette"] = found.silhouette
    groups["seed_agreement"] = _seed_agreement(opinions, found, random_state)
    groups["voters"] = voters
    # The groups the export itself assigned (Pol.is's group-id), to set beside ours: Pol.is may choose another k.
    theirs = matrix.platform_groups.dropna() if matrix.platform_groups is not None else pd.Series(dtype=float)
    groups["platform_groups"] = int(theirs.nunique()) if len(theirs) else pd.NA
    groups["platform_placed"] = int(len(theirs)) if len(theirs) else pd.NA
    both, matched = _agreement(found.groups, theirs)
    groups["platform_both"] = both if len(theirs) else pd.NA
    groups["platform_matched"] = matched if len(theirs) else pd.NA
    # What putting everyone in Pol.is's largest group would match: the level "corresponding groups" must beat (claim
    # check 88: 69% matched where Pol.is's split of 233 and 34 gave 87% to anyone who saw one group).
    compared = theirs.loc[theirs.index.intersection(found.groups.index)]
    groups["platform_largest"] = int(compared.value_counts().iloc[0]) if len(compared) else pd.NA
    groups["platform_nested"] = _nested(found.groups, theirs) if len(theirs) else pd.NA
    placed = pd.DataFrame({"participant": letters.index.astype(str), "group": letters.to_numpy()})
    return {"opinion_groups": groups, "participant_groups": placed, "statement_votes": votes, "group_statements": apart}
