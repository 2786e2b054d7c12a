"""Column names of the comment frame, in one place.

The frame is indexed by ``COMMENT_ID``. Stages add columns; they never drop or
reorder rows and never overwrite ``TEXT``.
"""

from __future__ import annotations

# The languages analysed and reported: one list for the whole package.
LANGUAGES = ("es", "pt", "en")

COMMENT_ID = "comment_id"
ROW_NUMBER = "row_number"  # 1-based position in the input file (data rows)
TEXT = "text"  # original text, never modified
LANG = "lang"  # es / pt / en / other / und
LANG_SCORE = "lang_score"
TEXT_CLEAN = "text_clean"  # normalised: NFC, no HTML, repaired whitespace
HAS_URL = "has_url"
TRUNCATED = "truncated"  # text_clean was longer than clean.max_chars
EXCLUDED = "excluded"  # "" when analysed, else the reason
EXCLUDED_STAGE = "excluded_stage"  # the stage that excluded the row
DUP_GROUP = "dup_group"  # rows with the same (near-)identical text share a group id
DUP_COUNT = "dup_count"  # size of the row's duplicate group
DUP_REPRESENTATIVE = "dup_representative"  # True for the one row of each group that is modelled
CAMPAIGN = "campaign"  # group is large enough to be an organised campaign
CAMPAIGN_ID = "campaign_id"
TEXT_REDACTED = "text_redacted"  # what every later stage and every published output uses
PII_FOUND = "pii_found"  # e.g. "EMAIL:1;CPF:2"
PII_COUNT = "pii_count"
LEMMAS = "lemmas"  # space-joined content lemmas (no stopwords), for keywords
TOPIC_ID = "topic_id"  # -1 = outlier (BERTopic's convention)
TOPIC_LABEL = "topic_label"
TOPIC_PROB = "topic_prob"
TOPIC_GROUP_ID = "topic_group_id"  # the headline group of the fine topic (-1 for outliers)
TOPIC_GROUP_LABEL = "topic_group_label"
THEMES = "themes"  # ";"-joined theme ids, or "other"
THEME_SCORES = "theme_scores"  # ";"-joined id:score
THEME_EVIDENCE = "theme_evidence"  # ";"-joined id:keyword|keyword
QUESTION = "question"  # with --questions: the open question a contribution answers
POSITION = "position"  # support / partial / oppose / none; "" for rows not counted for positions
POSITION_SOURCE = "position_source"  # column / text / model
POSITION_EVIDENCE = "position_evidence"  # the value, the words that state it ("no estoy de acuerdo"), or p=0.81
POSITION_TARGET = (
    "position_target"  # the part of the proposal or the measure a stated position is about ("cerrar los consultorios"); "" for the whole
)
SUPPORTS = "supports"  # the platform's count of supports (votes, endorsements) of the row; empty when it has none
CONTEXT = "context"  # the prompt a row answers (--context-column, a Decidim comment's proposal title): a concept, a proposal
AUTHOR_IDS = "author ids"  # why a platform's author id column is personal (``ingest.columns.find_personal_columns``)

# Exclusion reasons (the values of EXCLUDED)
REASON_EMPTY = "empty"
REASON_JUNK = "junk"
REASON_TOO_SHORT = "too_short"
REASON_LANGUAGE = "language"
REASON_NON_ANSWER = "non_answer"  # a placeholder or meta text: "Sin fundamento", "ver adjunto", "no comment"
REASON_NO_ARGUMENT = "no_argument"  # a position or appraisal without a reason: "acuerdo total", "I agree"
REASON_MODERATED = "moderated"  # rejected by the platform's moderators (Pol.is moderated = -1), set aside at ingest
REASON_FILTERED = "filtered"  # outside the --where filter, set aside at ingest
REASON_OFFICIAL = "official"  # written by the organiser (official/admin author, the organiser's template), not a citizen
REASON_PROCESS_NOTE = "process_note"  # a note about the meeting or form itself, repeated across records ("solo para el sistema")
REASON_FORMULA = "formula"  # a spreadsheet formula with no cached value: its source is not a citizen's text
REASON_REPEATED = "repeated"  # the same text its record (meeting, author) already gave under another prompt: counted once
EXCLUSION_REASONS = (
    REASON_EMPTY,
    REASON_JUNK,
    REASON_TOO_SHORT,
    REASON_NON_ANSWER,
    REASON_NO_ARGUMENT,
    REASON_LANGUAGE,
    REASON_MODERATED,
    REASON_FILTERED,
    REASON_OFFICIAL,
    REASON_PROCESS_NOTE,
    REASON_FORMULA,
    REASON_REPEATED,
)

OUTLIER_TOPIC = -1
OTHER_THEME = "other"

# Columns the pipeline writes; an input column with one of these names is
# renamed to "input_<name>" so that metadata is never overwritten.
RESERVED = frozenset(
    {
        COMMENT_ID,
        ROW_NUMBER,
        TEXT,
        LANG,
        LANG_SCORE,
        TEXT_CLEAN,
        HAS_URL,
        TRUNCATED,
        EXCLUDED,
        EXCLUDED_STAGE,
        DUP_GROUP,
        DUP_COUNT,
        DUP_REPRESENTATIVE,
        CAMPAIGN,
        CAMPAIGN_ID,
        TEXT_REDACTED,
        PII_FOUND,
        PII_COUNT,
        LEMMAS,
        TOPIC_ID,
        TOPIC_LABEL,
        TOPIC_PROB,
        TOPIC_GROUP_ID,
        TOPIC_GROUP_LABEL,
        THEMES,
        THEME_SCORES,
        THEME_EVIDENCE,
        POSITION,
        POSITION_SOURCE,
        POSITION_EVIDENCE,
        CONTEXT,
        POSITION_TARGET,
        SUPPORTS,
    }
)
