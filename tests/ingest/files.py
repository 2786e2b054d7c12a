"""Builders of the input files people actually send: workbooks, archives, documents, odd encodings.

Each builder writes one file under a folder and returns its path. Shared by the
ingest and CLI tests and by ``benchmarks/bench_bad_files.py`` (so the table and
the tests describe the same files).
"""

from __future__ import annotations

import gzip
import io
import json
import random
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

COMMENTS = [
    "Necesitamos más información sobre los contratos públicos del municipio.",
    "Precisamos de dados abertos sobre o orçamento da saúde, com atualização mensal.",
    "The budget should be published in open formats every month, please.",
    "¿Cómo se eligen los proyectos? Queremos participación ciudadana real.",
    "A participação da população nas decisões é fundamental para a democracia.",
    "Publicar los gastos de la campaña electoral en línea y en formato abierto.",
]


def rows(n: int = 30) -> list[list[str]]:
    """``n`` consultation rows: id, región, comentario (varied text so the column reads as free text)."""
    regions = ["Norte", "Sur", "Centro"]
    return [[f"{i + 1:03d}", regions[i % 3], f"{COMMENTS[i % len(COMMENTS)]} Propuesta número {i + 1}."] for i in range(n)]


def csv_text(n: int = 30, sep: str = ",") -> str:
    lines = [sep.join(["id", "region", "comentario"])] + [sep.join([i, r, f'"{t}"']) for i, r, t in rows(n)]
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def xlsx(folder: Path, name: str, sheets: dict[str, list[list]], merge: dict[str, list[str]] | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, content in sheets.items():
        sheet = book.create_sheet(title)
        for row in content:
            sheet.append(row)
        for cells in (merge or {}).get(title, []):
            sheet.merge_cells(cells)
    path = folder / name
    book.save(path)
    return path


def xls(folder: Path, name: str, sheets: dict[str, list[list]]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for title, content in sheets.items():
        sheet = book.add_sheet(title)
        for r, row in enumerate(content):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    path = folder / name
    book.save(str(path))
    return path


def ods(folder: Path, name: str, sheets: dict[str, list[list]]) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice writes, less the styles)."""

    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'

    body = "".join(
        f'<table:table table:name="{escape(title)}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in content)
        + "</table:table>"
        for title, content in sheets.items()
    )
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>'
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def docx(folder: Path, name: str) -> Path:
    """The parts of a Word document that tell it apart (enough for content detection)."""
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    return path


def zip_of(folder: Path, name: str, members: dict[str, str]) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in members.items():
            archive.writestr(member, text)
    return path


def ole(folder: Path, name: str, streams: list[str]) -> Path:
    """An OLE2 compound file (legacy Office container) whose directory names ``streams``.

    Only the header and the first directory sector are real: enough to tell a
    password-protected workbook or a .doc from an .xls by content.
    """
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 0x1E, 9)  # 512-byte sectors
    struct.pack_into("<I", header, 0x30, 0)  # the directory starts at sector 0
    directory = bytearray(512)
    for i, stream in enumerate(["Root Entry", *streams][:4]):
        encoded = (stream + "\0").encode("utf-16-le")
        directory[i * 128 : i * 128 + len(encoded)] = encoded
        struct.pack_into("<H", directory, i * 128 + 0x40, len(encoded))
    return write(folder, name, bytes(header + directory))


def random_bytes(n: int = 4096, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(n)


def parquet(folder: Path, name: str) -> Path:
    import pandas as pd

    path = folder / name
    pd.DataFrame(rows(5), columns=["id", "region", "comentario"]).to_parquet(path)
    return path


def jsonl_text(n: int = 30, broken_line: int | None = None) -> str:
    lines = [json.dumps({"id": i, "region": r, "texto": t}, ensure_ascii=False) for i, r, t in rows(n)]
    if broken_line is not None:
        lines[broken_line - 1] = lines[broken_line - 1].replace('", "texto"', '" "texto"')  # a missing comma
    return "\n".join(lines) + "\n"


def gz(data: str | bytes) -> bytes:
    return gzip.compress(data.encode("utf-8") if isinstance(data, str) else data, mtime=0)


def xlsx_bytes(sheets: dict[str, list[list]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, content in sheets.items():
        sheet = book.create_sheet(title)
        for row in content:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- The bad-file table: every file people have sent, with what consultnlp must answer ---------------------------

INSTRUCTIONS = [
    ["Instrucciones para responder la consulta"],
    ["Lea con atención cada pregunta antes de responder y escriba su opinión en la hoja de respuestas."],
    ["Sus datos personales serán tratados de forma confidencial según la ley vigente de protección de datos."],
    ["Puede dejar en blanco las preguntas que no desee responder; no es obligatorio completar todo."],
]
HEADER = ["id", "region", "comentario"]
ERROR_HINT_FORMATS = "Supported: .csv, .json, .jsonl, .ndjson, .ods, .parquet, .pq, .tab, .tsv, .txt, .xls, .xlsm, .xlsx (CSV/TSV/JSON also .gz)."


@dataclass
class Case:
    """One input file: how to build it, the ingest options, and the exact outcome.

    ``error`` is the one-line message (without "Error: "), as the library words it, and ``cli_error`` as the command
    line does where it differs (it names flags, the library keywords); otherwise the file is read: ``rows`` comments,
    ``warnings`` exactly, and ``contains`` in the first comment.
    """

    id: str
    what: str
    build: Callable[[Path], Path]
    options: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    cli_error: str | None = None
    rows: int = 0
    warnings: list[str] = field(default_factory=list)
    contains: str = ""

    def cli_args(self) -> list[str]:
        """The same options as ``consultnlp analyze`` flags."""
        flags = {"format": "--format-in"}
        return [part for key, value in self.options.items() for part in (flags.get(key, f"--{key.replace('_', '-')}"), str(value))]


def _two_sheets(folder: Path) -> Path:
    return xlsx(folder, "consulta.xlsx", {"Instrucciones": INSTRUCTIONS, "Respuestas": [HEADER, *rows()]})


def _titled(folder: Path) -> Path:
    titles = [["Consulta pública 2024", None, None], ["Ministerio de Hacienda", None, None]]
    return xlsx(folder, "titulos.xlsx", {"Hoja1": [*titles, HEADER, *rows()]}, merge={"Hoja1": ["A1:C1", "A2:C2"]})


def _alike(folder: Path) -> Path:
    return xlsx(folder, "anos.xlsx", {"2023": [HEADER, *rows(40)], "2024": [HEADER, *rows(50)]})


def _mac_roman(folder: Path) -> Path:
    return write(folder, "mac.csv", csv_text().replace("más", "cómo más").encode("mac_roman"))


def _cp1252(folder: Path) -> Path:
    text = csv_text().replace("ç", "c").replace("ã", "a").replace("õ", "o").replace("más", "“más”")
    return write(folder, "windows.csv", text.encode("cp1252"))


def _long_row_late(folder: Path) -> Path:
    return write(folder, "desalineado.csv", csv_text(3000) + '3001,Sur,"texto",de más\n')


CASES: list[Case] = [
    # Not a table at all, or not the table its name says.
    Case("zip-as-csv", "ZIP renamed .csv", lambda d: zip_of(d, "respuestas.csv", {"datos.csv": csv_text(), "anexo.pdf": "%PDF"}),
         error="respuestas.csv is a ZIP archive holding datos.csv, anexo.pdf, not a data file. Unzip it and pass the file inside."),
    Case("random-bytes", "random bytes in .csv", lambda d: write(d, "datos.csv", random_bytes()),
         error="datos.csv is not a text file (it holds binary data). Export the responses as CSV (UTF-8) or XLSX, or pass --encoding NAME if it is text in an unusual encoding."),
    Case("gzip-random", "gzip of random bytes in .csv", lambda d: write(d, "datos.csv", gz(random_bytes())),
         error="datos.csv is gzip-compressed, and what it holds is not a text file. Decompress it and check what it is, or export the responses as CSV or XLSX."),
    Case("xlsx-as-csv", "real XLSX named .csv", lambda d: write(d, "respuestas.csv", xlsx_bytes({"Hoja1": [HEADER, *rows()]})),
         error='respuestas.csv is an Excel workbook (.xlsx), not a CSV/text table as its .csv says. Rename it to respuestas.xlsx or pass format_in=xlsx.',
         cli_error="respuestas.csv is an Excel workbook (.xlsx), not a CSV/text table as its .csv says. Rename it to respuestas.xlsx or pass --format-in xlsx."),
    Case("parquet-as-csv", "Parquet named .csv", lambda d: parquet(d, "datos.csv"),
         error='datos.csv is a Parquet file, not a CSV/text table as its .csv says. Rename it to datos.parquet or pass format_in=parquet.',
         cli_error="datos.csv is a Parquet file, not a CSV/text table as its .csv says. Rename it to datos.parquet or pass --format-in parquet."),
    Case("pdf", "PDF report", lambda d: write(d, "informe.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
         error="informe.pdf is a PDF document, not a data file. Export the responses from the consultation platform as CSV or XLSX and run again."),
    Case("pdf-as-csv", "PDF named .csv", lambda d: write(d, "datos.csv", b"%PDF-1.4\n1 0 obj\n"),
         error="datos.csv is a PDF document, not a data file. Export the responses from the consultation platform as CSV or XLSX and run again."),
    Case("docx", "Word document", lambda d: docx(d, "respuestas.docx"),
         error="respuestas.docx is a Word document, not a data file. Export the responses as CSV or XLSX (a table in a document can be pasted into a spreadsheet and saved as .xlsx)."),
    Case("doc-as-xls", "legacy .doc named .xls", lambda d: ole(d, "respuestas.xls", ["WordDocument", "1Table"]),
         error="respuestas.xls is a legacy Word document (.doc), not a data file. Export the responses as CSV or XLSX (a table in a document can be pasted into a spreadsheet and saved as .xlsx)."),
    Case("encrypted", "password-protected .xlsx", lambda d: ole(d, "protegido.xlsx", ["EncryptionInfo", "EncryptedPackage"]),
         error="protegido.xlsx is a password-protected Office file, not a data file. Open it, remove the password (File > Info > Protect Workbook), save it as .xlsx and run again."),
    Case("html-page", "HTML page named .csv", lambda d: write(d, "export.csv", "<!DOCTYPE html>\n<html><body><table><tr><td>id</td></tr></table></body></html>\n"),
         error="export.csv is an HTML page, not a data file. If it came from an 'Export to Excel' button, open it in Excel and save it as .xlsx; otherwise export the responses as CSV or XLSX."),
    Case("unknown-ext", "CSV text named .dat", lambda d: write(d, "datos.dat", csv_text()),
         error=f"datos.dat: unsupported file type '.dat'. {ERROR_HINT_FORMATS} Its content looks like a text table: pass format_in=csv to read it.",
         cli_error=f"datos.dat: unsupported file type '.dat'. {ERROR_HINT_FORMATS} Its content looks like a text table: pass --format-in csv to read it."),
    Case("empty", "empty file", lambda d: write(d, "vacio.csv", b""),
         error="vacio.csv is empty. Export the consultation with a header row and at least one comment."),
    Case("header-only", "header, no rows", lambda d: write(d, "cabecera.csv", "id,comentario\n"),
         error="cabecera.csv has a header but no rows. Export the consultation with at least one comment."),
    # Tables with a problem the user must settle.
    Case("missing-column", "--text-column not in the file", lambda d: write(d, "c.csv", csv_text()), {"text_column": "texto"},
         error='c.csv has no column "texto". Found: id, region, comentario. Use text_column=comentario.',
         cli_error='c.csv has no column "texto". Found: id, region, comentario. Use --text-column comentario.'),
    Case("missing-sheet", "--sheet not in the workbook", _two_sheets, {"sheet": "Hoja9"},
         error='consulta.xlsx has no sheet "Hoja9". Sheets found: Instrucciones, Respuestas. Use sheet= with one of them.',
         cli_error='consulta.xlsx has no sheet "Hoja9". Sheets found: Instrucciones, Respuestas. Use --sheet with one of them.'),
    Case("ambiguous-sheets", "two sheets of comments", _alike,
         error='anos.xlsx has several sheets that could hold the comments: "2024" (50 rows, column "comentario"), "2023" (40 rows, column "comentario"). Use sheet= with one of them.',
         cli_error='anos.xlsx has several sheets that could hold the comments: "2024" (50 rows, column "comentario"), "2023" (40 rows, column "comentario"). Use --sheet with one of them.'),
    Case("jsonl-line-21", "JSON Lines, line 21 broken", lambda d: write(d, "c.jsonl", jsonl_text(30, broken_line=21)),
         error="c.jsonl line 21, column 34: not valid JSON (Expecting ',' delimiter). Each line must hold one complete object; fix or remove that line."),
    Case("json-broken", "JSON with a missing comma", lambda d: write(d, "c.json", json.dumps([{"id": i, "texto": t} for i, _, t in rows(3)], indent=1).replace('"id": "002",', '"id": "002"')),
         error="c.json line 8, column 3: not valid JSON (Expecting ',' delimiter). Fix the file there and run again."),
    Case("jsonl-as-json", "JSON Lines named .json", lambda d: write(d, "c.json", jsonl_text(5)),
         error='c.json is JSON Lines (one object per line), not a JSON document as its .json says. Rename it to c.jsonl or pass format_in=jsonl.',
         cli_error="c.json is JSON Lines (one object per line), not a JSON document as its .json says. Rename it to c.jsonl or pass --format-in jsonl."),
    Case("open-quote", "a quote never closed", lambda d: write(d, "comillas.csv", csv_text(5) + '6,Sur,"sin cerrar\n7,Norte,otro\n'),
         error='comillas.csv has a quote (") that is never closed, starting on row 7. Close or remove it and run again.'),
    Case("extra-cells-late", "a row with an extra cell after 3,000 rows", _long_row_late,
         error="desalineado.csv row 3002 has 4 cells but the table has 3 columns (delimiter ','). Put quotes around text that contains ',', or set the delimiter with --set ingest.delimiter=..."),
    Case("header-row-past-end", "--header-row past the last row", _titled, {"header_row": 40},
         error='titulos.xlsx (sheet "Hoja1"): header_row=40 is past the last row (the sheet has rows 1-33). Give the row that holds the column names.',
         cli_error='titulos.xlsx (sheet "Hoja1"): --header-row 40 is past the last row (the sheet has rows 1-33). Give the row that holds the column names.'),
    Case("format-in-wrong", "--format-in xlsx on a CSV", lambda d: write(d, "c.csv", csv_text()), {"format": "xlsx"},
         error='format_in=xlsx does not fit c.csv: it is a text table. Use format_in=csv.',
         cli_error="--format-in xlsx does not fit c.csv: it is a text table. Use --format-in csv."),
    # Read, with what was guessed or repaired said in a warning.
    Case("gzip-as-csv", "gzip-compressed CSV named .csv", lambda d: write(d, "c.csv", gz(csv_text())),
         rows=30, warnings=["c.csv is gzip-compressed; read it decompressed."]),
    Case("utf16le-no-bom", "UTF-16 LE without BOM", lambda d: write(d, "u.csv", csv_text().encode("utf-16-le")),
         rows=30, contains="información", warnings=["u.csv has no byte-order mark; read it as UTF-16 little-endian (NUL bytes on every other position). If the text looks wrong, pass --encoding NAME."]),
    Case("utf16be-no-bom", "UTF-16 BE without BOM", lambda d: write(d, "u.csv", csv_text().encode("utf-16-be")),
         rows=30, contains="información", warnings=["u.csv has no byte-order mark; read it as UTF-16 big-endian (NUL bytes on every other position). If the text looks wrong, pass --encoding NAME."]),
    Case("mac-roman", "Mac Roman", _mac_roman, rows=30, contains="cómo más",
         warnings=['mac.csv is not UTF-8; read it as Mac Roman (e.g. "cómo"). If accents look wrong, pass --encoding NAME.']),
    Case("cp1252", "Windows-1252 with curly quotes", _cp1252, rows=30, contains="“más”",
         warnings=['windows.csv is not UTF-8; read it as Windows-1252 (cp1252) (e.g. "más"). If accents look wrong, pass --encoding NAME.']),
    Case("utf8-stray-bytes", "UTF-8 with one cp1252 line", lambda d: write(d, "mezcla.csv", csv_text().encode() + "31,Sur,acción pública\n".encode("cp1252")),
         rows=31, warnings=["mezcla.csv is UTF-8 except for 2 byte(s) (the first on line 32); they were replaced by \ufffd. Fix them at the source, or pass --encoding NAME if the whole file is in another encoding."]),
    Case("nul-in-cell", "NUL byte inside a comment", lambda d: write(d, "nul.csv", csv_text().replace("contratos", "contr\x00atos", 1)),
         rows=30, contains="contratos públicos del municipio", warnings=["nul.csv: removed 1 NUL or other control character(s) from the cells; the text around them is kept."]),
    Case("second-sheet", "data on sheet 2, instructions on 1", _two_sheets, rows=30,
         warnings=['consulta.xlsx has 2 sheets with data; read "Respuestas" (the most free text: 30 rows, column "comentario"), not "Instrucciones". Use --sheet NAME to read another.']),
    Case("title-rows", "merged titles, header on row 3", _titled, rows=30,
         warnings=['titulos.xlsx (sheet "Hoja1"): the header is on row 3; rows 1-2 above it skipped ("Consulta pública 2024"; "Ministerio de Hacienda"). Use --header-row N to choose another row.']),
    Case("header-row-given", "--header-row 3", _titled, {"header_row": 3}, rows=30),
    Case("csv-title-lines", "CSV with title lines", lambda d: write(d, "t.csv", "Consulta pública 2024;;\n;;\n" + csv_text(sep=";")), rows=30,
         warnings=['t.csv: the header is on row 3; rows 1-2 above it skipped ("Consulta pública 2024"). Use --header-row N to choose another row.']),
    Case("xls", "legacy .xls", lambda d: xls(d, "c.xls", {"Hoja1": [HEADER, *rows()]}), rows=30, contains="información"),
    Case("ods", "LibreOffice .ods", lambda d: ods(d, "c.ods", {"Hoja1": [HEADER, *rows()]}), rows=30, contains="información"),
    Case("huge-comment", "a 2 MB comment", lambda d: write(d, "largo.csv", f'id,comentario\n1,"{"palabra " * 250_000}"\n2,corto pero con varias palabras\n'),
         rows=2, contains="palabra " * 1000),
    Case("html-in-cell", "HTML markup in comments", lambda d: write(d, "h.csv", csv_text().replace("contratos", "<b>contratos</b> <a href='x'>aquí</a>", 1)),
         rows=30, contains="<b>contratos</b> <a href='x'>aquí</a>"),
    Case("emojis", "emojis in comments", lambda d: write(d, "e.csv", csv_text().replace("contratos", "contratos 😀👍🏽", 1)), rows=30, contains="contratos 😀👍🏽"),
    Case("trailing-delimiters", "a delimiter after every row", lambda d: write(d, "fin.csv", "id;comentario\n" + "".join(f"{i};{t};\n" for i, _, t in rows())), rows=30),
    Case("extra-cells", "a row with an unquoted comma", lambda d: write(d, "coma.csv", csv_text() + "31,Sur,texto con, una coma\n"), rows=31,
         warnings=["coma.csv: 1 row(s) have more cells than the header (the first is row 32); the extra cells are kept as column_4. If a comment was split, put quotes around text that contains ','."]),
    Case("formula-cells", "formulas in the text column, no saved values", lambda d: xlsx(d, "f.xlsx", {"Hoja1": [
        HEADER, *rows()[:28], ["29", "Sur", '=CONCATENAR("Más ";"parques")'], ["30", "Norte", '=HYPERLINK("http://x.example";"clic")']]}),
         rows=30, contains="información", warnings=[
            'f.xlsx (sheet "Hoja1"): 2 row(s) whose text is a formula with no saved value set aside as \'formula\'. If the file came from a '
            "spreadsheet, open it there, let it calculate, save it and run again."]),
    Case("formula-source", "a formula's source exported as text in a .csv", lambda d: write(d, "fs.csv", csv_text() + '31,Sur,"=BUSCARV(A2;Hoja2!A:B;2;FALSO)"\n'),
         rows=31, warnings=["fs.csv: 1 row(s) whose text is a formula with no saved value set aside as 'formula'. If the file came from a "
            "spreadsheet, open it there, let it calculate, save it and run again."]),
]
