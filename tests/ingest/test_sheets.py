"""Spreadsheets as people make them: several sheets, titles above the header, .xls and .ods."""

import pytest

from consultnlp import schema
from consultnlp.errors import InputError
from consultnlp.ingest import ingest
from consultnlp.ingest.rows import find_header_row
from tests.ingest.files import (
    HEADER,
    INSTRUCTIONS,
    csv_text,
    ods,
    rows,
    write,
    xls,
    xlsx,
)


@pytest.mark.parametrize(
    "table,expected",
    [
        ([["comentario"], ["uno"], ["dos"]], 0),  # one column: the first row
        ([["Consulta 2024"], [], ["id", "comentario"], ["1", "texto"]], 2),  # title, blank, header
        ([[], [], ["id", "comentario"], ["1", "texto"]], 2),  # empty rows only: the first non-empty
        ([["Consulta 2024"], ["Ministerio"], ["id", "comentario", "region"], ["1", "texto", "Sur"]], 2),
        ([["id", "comentario"], ["1", "texto", "Sur", "x", "y"]], 0),  # the first row with 2+ cells is the header
        ([["Resumen"], ["1", "2"], ["3", "4"]], 0),  # numbers are data, not a header: nothing is skipped
        ([["Título"], ["Una frase larga de instrucciones, con detalles " * 4, "otra"], ["1", "2"]], 0),  # sentences are not names
    ],
)
def test_sheets_find_header_row(table, expected):
    assert find_header_row(table) == expected


def test_sheets_single_sheet_is_read_without_a_word(tmp_path):
    frame, info = ingest(xlsx(tmp_path, "c.xlsx", {"Hoja1": [HEADER, *rows(5)]}))
    assert (info.sheet, info.header_row, info.warnings, len(frame)) == ("Hoja1", 1, [], 5)


def test_sheets_empty_sheets_do_not_count_as_choices(tmp_path):
    frame, info = ingest(xlsx(tmp_path, "c.xlsx", {"Portada": [], "Datos": [HEADER, *rows(5)]}))
    assert (info.sheet, info.warnings) == ("Datos", [])


def test_sheets_text_column_picks_the_sheet_that_has_it(tmp_path):
    other = [["id", "propuesta"], *[[i, t] for i, _, t in rows(40)]]
    path = xlsx(tmp_path, "c.xlsx", {"2023": [HEADER, *rows(40)], "2024": other})
    frame, info = ingest(path, text_column="propuesta")
    assert info.sheet == "2024" and len(frame) == 40
    assert info.warnings == [
        'c.xlsx has 2 sheets with data; read "2024" (it has the column "propuesta"), not "2023". Use --sheet NAME to read another.'
    ]


def test_sheets_explicit_sheet_wins_over_the_choice(tmp_path):
    path = xlsx(tmp_path, "c.xlsx", {"Instrucciones": INSTRUCTIONS, "Respuestas": [HEADER, *rows()]})
    frame, info = ingest(path, sheet="Instrucciones", text_column="Instrucciones para responder la consulta")
    assert info.sheet == "Instrucciones" and info.warnings == [] and len(frame) == 3


def test_sheets_header_row_given_reads_from_there(tmp_path):
    path = xlsx(tmp_path, "c.xlsx", {"Hoja1": [["Consulta"], ["id", "region", "comentario"], *rows(4)]})
    frame, info = ingest(path, header_row=1, text_column="Consulta")
    # The user's row wins: the real header becomes a data row, and nothing is said.
    assert info.header_row == 1 and info.warnings == [] and len(frame) == 5
    assert list(frame.columns[2:]) == ["column_2", "column_3"]


def test_sheets_header_row_on_an_empty_row_is_an_error(tmp_path):
    path = xlsx(tmp_path, "c.xlsx", {"Hoja1": [["Consulta"], [], HEADER, *rows(4)]})
    with pytest.raises(InputError) as err:
        ingest(path, header_row=2)
    assert (
        str(err.value)
        == 'c.xlsx (sheet "Hoja1"): header_row=2 is an empty row (the sheet has rows 1-7). Give the row that holds the column names.'
    )


def test_sheets_cells_past_the_header_are_kept(tmp_path):
    path = xlsx(
        tmp_path, "c.xlsx", {"Hoja1": [["id", "comentario"], *[[i, t] for i, _, t in rows(4)], ["9", "texto con nota", "nota al margen"]]}
    )
    frame, _ = ingest(path, text_column="comentario")
    assert frame["column_3"].tolist() == ["", "", "", "", "nota al margen"]


def test_sheets_empty_workbook_is_an_error(tmp_path):
    with pytest.raises(InputError) as err:
        ingest(xlsx(tmp_path, "c.xlsx", {"Hoja1": []}))
    assert str(err.value) == 'c.xlsx (sheet "Hoja1") is empty. Put a header row and at least one comment in it.'


@pytest.mark.parametrize("writer,name", [(xls, "c.xls"), (ods, "c.ods")])
def test_sheets_xls_and_ods_are_read_as_text(tmp_path, writer, name):
    content = [
        ["Consulta 2024"],
        [],
        ["id", "n", "comentario"],
        ["007", 7, "Más información, por favor 😀"],
        ["008", 2.5, "=no es una fórmula"],
    ]
    frame, info = ingest(writer(tmp_path, name, {"Instrucciones": [["Lea esto"]], "Respuestas": content}), id_column="id")
    assert info.format == name[-3:] and info.sheet == "Respuestas" and info.header_row == 3
    assert frame.index.tolist() == ["007", "008"]
    assert frame["n"].tolist() == ["7", "2.5"]
    assert frame[schema.TEXT].tolist() == ["Más información, por favor 😀", "=no es una fórmula"]


def test_sheets_nul_in_a_cell_removed_with_warning(tmp_path):
    path = xls(tmp_path, "c.xls", {"Hoja1": [HEADER, ["1", "Sur", "antes\x00después, el comentario entero"], *rows(3)]})
    frame, info = ingest(path, text_column="comentario")
    assert frame[schema.TEXT].iloc[0] == "antesdespués, el comentario entero"
    assert info.warnings == [
        'c.xls (sheet "Hoja1"): removed 1 NUL or other control character(s) from the cells; the text around them is kept.'
    ]


def test_sheets_option_on_a_csv_is_an_error(tmp_path):
    with pytest.raises(InputError) as err:
        ingest(write(tmp_path, "c.csv", csv_text()), sheet="Hoja1")
    assert str(err.value) == "sheet= applies to spreadsheets (.xlsx, .xls, .ods) only; c.csv is CSV. Remove sheet=."


def test_sheets_csv_header_row_given(tmp_path):
    path = write(tmp_path, "c.csv", "Consulta pública 2024;;\nFuente: portal;;\n" + csv_text(sep=";"))
    frame, info = ingest(path, header_row=3)
    assert (info.header_row, info.warnings, len(frame), info.text_column) == (3, [], 30, "comentario")


def test_sheets_csv_one_column_file_keeps_its_first_row(tmp_path):
    frame, info = ingest(write(tmp_path, "c.csv", "comentario\n" + "".join(f'"{t}"\n' for _, _, t in rows(5))))
    assert info.header_row == 1 and len(frame) == 5 and info.warnings == []


def test_sheets_chart_sheet_is_not_a_choice(tmp_path):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    data = book.active
    data.title = "Datos"
    for row in [HEADER, *rows(10)]:
        data.append(row)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=5))
    book.create_chartsheet("Gráfico", 0).add_chart(chart)
    book.save(tmp_path / "c.xlsx")
    frame, info = ingest(tmp_path / "c.xlsx")
    assert (info.sheet, len(frame), info.warnings) == ("Datos", 10, [])
    with pytest.raises(InputError) as err:
        ingest(tmp_path / "c.xlsx", sheet="Gráfico")
    assert str(err.value) == 'c.xlsx (sheet "Gráfico") is a chart, not a table. Use sheet= with one of: Datos.'


def test_sheets_wrong_recorded_size_does_not_cut_the_sheet(tmp_path):
    import re
    import zipfile

    source = xlsx(tmp_path, "c.xlsx", {"Hoja1": [HEADER, *rows(10)]})
    lying = tmp_path / "lie.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(lying, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', data)
            zout.writestr(item, data)
    frame, _ = ingest(lying, text_column="comentario")
    assert len(frame) == 10 and frame["region"].tolist()[:3] == ["Norte", "Sur", "Centro"]


def test_sheets_header_found_below_many_empty_rows(tmp_path):
    frame, info = ingest(xlsx(tmp_path, "c.xlsx", {"Hoja1": [*([[]] * 40), ["Consulta 2024"], HEADER, *rows(5)]}))
    assert (info.header_row, len(frame), info.text_column) == (42, 5, "comentario")


def _formula_book(path, cached: dict[str, str]):
    """A workbook whose text column holds formulas; ``cached`` gives the saved value of some cells (openpyxl writes
    none, so they are added to the sheet's XML the way Excel stores them)."""
    import re
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "comentario"])
    sheet.append(["1", "Queremos más buses de noche en el barrio"])
    sheet.append(["2", '=CONCATENAR("Más ";"parques")'])
    sheet.append(["3", '=A2&" plazas"'])
    sheet.append(["4", "Necesitamos iluminación en las plazas"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode("utf-8")
                for ref, value in cached.items():
                    xml = re.sub(
                        rf'(<c r="{ref}"[^>]*?)(?: t="\w+")?>(<f>.*?</f>)(?:<v>.*?</v>)?</c>', rf'\1 t="str">\2<v>{value}</v></c>', xml
                    )
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    return path


def test_sheets_formula_cells_are_read_as_their_saved_values(tmp_path):
    path = _formula_book(tmp_path / "f.xlsx", {"B3": "Más parques"})
    frame, info = ingest(path, text_column="comentario", id_column="id")
    assert frame.loc["2", schema.TEXT] == "Más parques"
    assert frame.loc["2", schema.EXCLUDED] == ""
    assert info.formulas["valued"] == 1
    # The formula with no saved value is never analysed as text: set aside, counted and said.
    assert frame.loc["3", schema.EXCLUDED] == schema.REASON_FORMULA
    assert info.set_aside[schema.REASON_FORMULA] == 1
    assert any("formula with no saved value" in w for w in info.warnings)
    assert (frame[schema.EXCLUDED] == "").sum() == 3


def test_sheets_text_that_starts_with_equals_is_a_citizens_text(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["comentario"])
    cell = book.active.cell(row=2, column=1, value="= igualdad para todos")
    cell.data_type = "s"  # typed as text, as a spreadsheet stores "'= igualdad..."
    book.active.append(["Más buses"])
    book.save(tmp_path / "t.xlsx")
    frame, info = ingest(tmp_path / "t.xlsx", text_column="comentario")
    assert frame[schema.TEXT].tolist()[0] == "= igualdad para todos"
    assert schema.EXCLUDED not in frame and not info.formulas
