"""What was read from an input file and how: recorded in the run's manifest."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass
class IngestInfo:
    """What was read and how; recorded in the manifest.

    ``warnings`` holds one line per thing the reader decided or repaired on its
    own (the encoding it guessed, the sheet it chose, title rows it skipped,
    control characters it removed). The library never prints them: the caller does.
    """

    path: str
    file_name: str
    sha256: str
    format: str
    sheet: str | None = None
    header_row: int | None = None  # 1-based row (CSV: line) of the header, for CSV and spreadsheets
    encoding: str | None = None
    delimiter: str | None = None
    text_column: str = ""
    text_column_auto: bool = False
    id_column: str | None = None
    segment_columns: list[str] = field(default_factory=list)
    renamed_columns: dict[str, str] = field(default_factory=dict)
    n_rows: int = 0
    warnings: list[str] = field(default_factory=list)
    # Platform exports and several text columns (``ingest.shape``).
    platform: str | None = None  # the export recognised (decidim-proposals, polis, google-forms ...), None = none
    mapping: dict[str, Any] = field(default_factory=dict)  # the columns used for it, after the options
    text_columns: list[str] = field(default_factory=list)  # the input columns the text was taken from
    questions: list[str] = field(default_factory=list)  # open questions, one contribution per respondent and question
    dropped_columns: list[str] = field(default_factory=list)  # personal columns left out of the frame
    row_filter: str | None = None  # the --where filter
    set_aside: dict[str, int] = field(default_factory=dict)  # rows set aside at ingest, by reason
    # Spreadsheet formulas: how many were read as their saved values, and the source of those with no saved value.
    formulas: dict[str, Any] = field(default_factory=dict)
    # The consultation's own title where the export carries it (``ingest.title``), and where it was read.
    title: str | None = None
    title_from: str | None = None
    # Per segment column, how many spellings of a value were read as another (``ingest.segments.merge_spellings``).
    segment_spellings: dict[str, int] = field(default_factory=dict)
    question: str | None = None  # a Pol.is conversation's description (often what it asked), where the export has one
    # Several consultations in one file (``ingest.title.find_processes``): [process, rows] most rows first, and the column.
    processes: list[list[Any]] = field(default_factory=list)
    processes_from: str | None = None
    supports_column: str | None = None  # the column counting each row's supports (votes, endorsements), read as ``supports``
    context_column: str | None = None  # the column holding each row's prompt (--context-column, "question"), kept as ``context``
    # Columns whose values are mostly personal data (found by content) -> why; published nowhere outside private/.
    personal_columns: dict[str, str] = field(default_factory=dict)
    # Neutral name -> the header it replaces, for headers that hold personal data (``column_3``).
    neutral_headers: dict[str, str] = field(default_factory=dict)
    # Columns that could break the results down, where the analyst named none: [column, values] (``ingest.segments``).
    segment_candidates: list[list[Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def where(self) -> str:
        """The file (and sheet) as error messages name it."""
        return f'{self.file_name} (sheet "{self.sheet}")' if self.sheet else self.file_name

    @property
    def analysed_columns(self) -> list[str]:
        """The input columns the analysed text came from (see :func:`analysed_columns`)."""
        return analysed_columns(self.to_dict())


def analysed_columns(ingested: dict[str, Any]) -> list[str]:
    """The input columns a run's text came from, from an ``IngestInfo`` as a dict (a manifest's ``input``): the columns
    it joined, or its one text column."""
    return list(ingested.get("text_columns") or ([ingested["text_column"]] if ingested.get("text_column") else []))


TITLE_ORIGINS = ("option", "platform", "file_name")


@dataclass(frozen=True)
class ConsultationTitle:
    """The name a report gives the consultation, and where it came from.

    ``origin`` is ``option`` (``--title``), ``platform`` (the export's own title: a Pol.is
    conversation's topic, a Decidim space's title, a form's title; ``detail`` says where it
    was read) or ``file_name`` (nothing better was known: the report says it is the file's name).
    """

    text: str
    origin: str
    detail: str = ""
    # When the file holds several consultations: (process, input rows) most rows first, and the column that says so.
    processes: tuple[tuple[str, int], ...] = ()
    processes_from: str = ""
    question: str = ""  # the conversation's description, often what it asked (``IngestInfo.question``)

    @classmethod
    def resolve(
        cls, option: str | None, *, platform_title: str | None = None, platform_detail: str | None = None, file_name: str = ""
    ) -> "ConsultationTitle":
        """``option`` when given, else the export's own title, else the file name."""
        if option and option.strip():
            return cls(" ".join(option.split()), "option")
        if platform_title and platform_title.strip():
            return cls(" ".join(platform_title.split()), "platform", platform_detail or "")
        return cls(file_name, "file_name")

    @classmethod
    def of_input(cls, option: str | None, info: IngestInfo) -> "ConsultationTitle":
        title = cls.resolve(option, platform_title=info.title, platform_detail=info.title_from, file_name=info.file_name)
        title = replace(title, question=info.question or "")
        if len(info.processes) < 2:
            return title
        return replace(title, processes=tuple((str(p), int(n)) for p, n in info.processes), processes_from=info.processes_from or "")

    @classmethod
    def from_dict(cls, data: Any) -> "ConsultationTitle | None":
        """What ``to_dict`` wrote (a manifest's ``title``); None when ``data`` is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("text"), str) or data.get("origin") not in TITLE_ORIGINS:
            return None
        processes = tuple((str(p), int(n)) for p, n in data.get("processes") or ())
        return cls(
            data["text"],
            data["origin"],
            str(data.get("detail") or ""),
            processes,
            str(data.get("processes_from") or ""),
            str(data.get("question") or ""),
        )

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if not self.processes:  # one consultation: the manifest's title as it always was
            del out["processes"], out["processes_from"]
        if not self.question:
            del out["question"]
        return out
