#!/usr/bin/env python3
# make-xlsx-fixtures.py - the spreadsheet fixtures of tests/test-xlsx.c
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the .xlsx and .ods fixtures in tests/fixtures/ with real spreadsheet programs.

Usage (from the top of the source tree; not run by the tests, whose fixtures are
committed):

  apt-get install python3-openpyxl gnumeric python3-gi gir1.2-gsf-1
  /usr/bin/python3 tools/make-xlsx-fixtures.py [tests/fixtures [FIXTURE…]]

FIXTURE names the functions below to run (e.g. sheet_choice), so that adding
fixtures does not rewrite the others; without, every fixture is written.

Workbooks come from openpyxl (Debian's python3-openpyxl); Gnumeric's ssconvert
recalculates one with formulas (so that it stores their cached results, as Excel
does) and writes the .ods. The hostile files are made by hand with zipfile, and
the encrypted workbook with libgsf's OLE writer (through GObject introspection).
Output depends only on this script: dates and values are fixed.
"""

import datetime
import io
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures"
ONLY = sys.argv[2:]

SUPPLIERS = ["Müller Drehteile GmbH", "Nordkap AS", "Acme Castings Ltd"]
KPIS = ["On-time delivery", "PPM", "Scrap rate"]


def path(name):
    return os.path.join(OUT, name)


def save(wb, name):
    wb.save(path(name))
    print("wrote", name)


def month(m):
    return datetime.datetime(2025, m, 1)


def value(p, k, m):
    """A fixed value per supplier, KPI and month, with decimals."""
    return round([96.5, 310.0, 1.25][k] + p * 1.5 + m * 0.25, 2)


def long_dates():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Suppliers"
    ws.append(["Supplier", "KPI", "Month", "Value"])
    for p, name in enumerate(SUPPLIERS):
        for k, kpi in enumerate(KPIS):
            for m in range(1, 4):
                ws.append([name, kpi, month(m), value(p, k, m)])
                ws.cell(ws.max_row, 3).number_format = "dd.mm.yyyy"
    save(wb, "xlsx-long-dates.xlsx")
    return wb


def wide_decimals():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Scorecard"
    ws.append(["Partner", "Period"] + KPIS + ["OTIF"])
    for p, name in enumerate(SUPPLIERS):
        for m in range(1, 4):
            ws.append([name, month(m)] + [value(p, k, m) for k in range(3)] + [0.935 + m / 1000])
            ws.cell(ws.max_row, 2).number_format = "mmm yyyy"
            ws.cell(ws.max_row, 6).number_format = "0.0%"
    save(wb, "xlsx-wide-decimals.xlsx")


def numbers_as_text():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    ws.append(["partner", "kpi", "period", "value"])
    for p, name in enumerate(SUPPLIERS):
        for m in range(1, 4):
            ws.append([name, "OTD", "2025-%02d" % m, "%.1f" % value(p, 0, m)])
    save(wb, "xlsx-numbers-as-text.xlsx")


def merged_header():
    """A title banner, then a two-row header with group labels merged over their KPIs."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Suppliers"
    ws["A1"] = "Supplier scorecard 2025"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws["A2"], ws["B2"], ws["C2"], ws["E2"] = "Supplier", "Month", "Quality", "Delivery"
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:D2")
    ws.merge_cells("E2:F2")
    for cell in ("C2", "E2"):
        ws[cell].alignment = Alignment(horizontal="center")
    ws["C3"], ws["D3"], ws["E3"], ws["F3"] = "PPM", "Scrap rate", "OTD", "Lead time"
    for p, name in enumerate(SUPPLIERS):
        for m in range(1, 4):
            ws.append([name, month(m), value(p, 1, m), value(p, 2, m), value(p, 0, m), 10 + p + m])
            ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd"
    save(wb, "xlsx-merged-header.xlsx")


def merged_months_wide():
    """A BI export: a title merged across the table, then months merged over
    the KPI sub-headers of each, the supplier's label merged down both rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPI Matrix"
    ws["A1"] = "Supplier scorecard Q1 2025 (exported from the BI portal)"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:J1")
    ws["A2"] = "Supplier"
    ws.merge_cells("A2:A3")
    for m in range(1, 4):
        col = 2 + (m - 1) * 3
        cell = ws.cell(2, col, month(m))
        cell.number_format = "mmm yyyy"
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + 2)
        for k, kpi in enumerate(KPIS):
            ws.cell(3, col + k, kpi)
    for p, name in enumerate(SUPPLIERS):
        ws.append([name] + [value(p, k, m) for m in range(1, 4) for k in range(3)])
    save(wb, "xlsx-merged-months-wide.xlsx")


def merged_partner_long():
    """Long rows with the supplier merged down its nine rows and each KPI down its three months."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Long"
    ws["A1"] = "Quality and delivery by supplier"
    ws.append([])
    ws.append(["Supplier", "KPI", "Month", "Value"])
    for p, name in enumerate(SUPPLIERS):
        first = ws.max_row + 1
        for k, kpi in enumerate(KPIS):
            for m in range(1, 4):
                ws.append([name if k == 0 and m == 1 else None, kpi if m == 1 else None,
                           "2025-%02d" % m, value(p, k, m)])
            ws.merge_cells(start_row=ws.max_row - 2, start_column=2, end_row=ws.max_row, end_column=2)
        ws.merge_cells(start_row=first, start_column=1, end_row=ws.max_row, end_column=1)
        ws.cell(first, 1).alignment = Alignment(vertical="center")
    save(wb, "xlsx-merged-partner-long.xlsx")


def several_sheets():
    """An empty cover sheet, two sheets of data and a hidden list."""
    wb = openpyxl.Workbook()
    wb.active.title = "Cover"
    for title, names in (("Suppliers", SUPPLIERS), ("Customers", ["Contoso AG", "Fabrikam Inc"])):
        ws = wb.create_sheet(title)
        ws.append(["Partner", "Period", "OTD", "NPS"])
        for p, name in enumerate(names):
            for m in range(1, 3):
                ws.append([name, "2025-%02d" % m, value(p, 0, m), 20 + p + m])
    hidden = wb.create_sheet("Lists")
    hidden.append(["Partner", "Period", "OTD"])
    hidden.append(["Hidden Partner", "2025-01", 1])
    hidden.sheet_state = "hidden"
    save(wb, "xlsx-several-sheets.xlsx")


def notes_and_dump(wb):
    """The sheets exports open on: notes on the file, then a pasted one-column dump."""
    notes = wb.active
    notes.title = "Notes"
    notes.append(["Supplier KPIs exported from the ERP on 2025-04-02"])
    notes.append(["Values are monthly; OTD in percent, PPM per million parts."])
    notes.append(["Questions: purchasing@example.com"])
    dump = wb.create_sheet("Dump")
    for i in range(400):
        dump.append(["4500%06d" % (i * 37 % 1000000)])
    return dump


def sheet_choice():
    """Notes first, a one-column dump (active, and longer than the table), the table third;
    and a workbook with no table at all."""
    wb = openpyxl.Workbook()
    notes_and_dump(wb)
    ws = wb.create_sheet("Scorecard")
    ws.append(["Supplier", "Month", "OTD", "PPM"])
    for p, name in enumerate(SUPPLIERS):
        for m in range(1, 4):
            ws.append([name, "2025-%02d" % m, value(p, 0, m), value(p, 1, m)])
    wb.active = 1
    save(wb, "xlsx-notes-dump-table.xlsx")

    wb = openpyxl.Workbook()
    notes_and_dump(wb)
    save(wb, "xlsx-no-table.xlsx")

    ods_by_hand("ods-notes-dump-table.ods", [
        ("Notes", [[line] for line in ("Supplier KPIs exported from the ERP on 2025-04-02",
                                        "Values are monthly.", "Questions: purchasing@example.com")]),
        ("Dump", [["4500%06d" % (i * 37 % 1000000)] for i in range(400)]),
        ("Scorecard", [["Supplier", "Month", "OTD", "PPM"]] +
         [[name, "2025-%02d" % m, value(p, 0, m), value(p, 1, m)]
          for p, name in enumerate(SUPPLIERS) for m in range(1, 4)]),
    ])


def ods_by_hand(name, tables):
    """An .ods as LibreOffice writes one: the empty rest of each table as one row
    repeated to the sheet's last, equal rows of the dump folded into repeats."""
    def cell(v):
        if isinstance(v, (int, float)):
            return '<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (v, v)
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % v
    body = []
    for title, rows in tables:
        body.append('<table:table table:name="%s"><table:table-column table:number-columns-repeated="4"/>' % title)
        for row in rows:
            body.append("<table:table-row>%s<table:table-cell table:number-columns-repeated=\"1020\"/></table:table-row>"
                        % "".join(cell(v) for v in row))
        body.append('<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
                    % (1048576 - len(rows)))
        body.append("</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body></office:document-content>'
               % "".join(body))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype", (2025, 4, 2, 0, 0, 0)), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        for part, data in (("META-INF/manifest.xml", manifest), ("content.xml", content)):
            z.writestr(zipfile.ZipInfo(part, (2025, 4, 2, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    write_bytes(name, buf.getvalue())


def header_row_3():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "Exported from the ERP on 2025-04-02"
    ws.append([])
    ws.append(["Supplier", "Period", "OTD"])
    for p, name in enumerate(SUPPLIERS):
        ws.append([name, month(1), value(p, 0, 1)])
        ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd"
    save(wb, "xlsx-header-row-3.xlsx")


def date1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["Supplier", "Date", "OTD"])
    for m in (1, 2, 3):
        ws.append([SUPPLIERS[0], datetime.datetime(2025, m, 17), 90 + m])
        ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd"
    save(wb, "xlsx-date1904.xlsx")


def sparse_formulas(tmp):
    """A table starting at C5 with a gap column, booleans and formulas whose
    cached results Gnumeric writes when it saves."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calc"
    ws["C5"], ws["D5"], ws["F5"], ws["G5"] = "Supplier", "Period", "Defects", "PPM"
    for i, (name, defects) in enumerate(zip(SUPPLIERS, (3, 5, 8))):
        r = 6 + i
        ws.cell(r, 3, name)
        ws.cell(r, 4, "2025-03")
        ws.cell(r, 6, defects)
        ws.cell(r, 7, "=F%d/10000*1000000" % r)
    src = os.path.join(tmp, "sparse-src.xlsx")
    wb.save(src)
    subprocess.run(["ssconvert", "--recalc", src, path("xlsx-sparse-formulas.xlsx")], check=True,
                   stderr=subprocess.DEVNULL)
    print("wrote xlsx-sparse-formulas.xlsx (ssconvert)")


def bad_value():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Suppliers"
    ws.append(["Supplier", "Period", "OTD"])
    for r in range(2, 20):
        ws.append([SUPPLIERS[r % 3], "2025-%02d" % (r % 12 + 1), 90.5])
    ws["C17"] = "ninety"
    save(wb, "xlsx-bad-value.xlsx")


def ods(tmp):
    for xlsx, name in (("xlsx-long-dates.xlsx", "ods-long-dates.ods"),
                       ("xlsx-merged-months-wide.xlsx", "ods-merged-months-wide.ods"),
                       ("xlsx-merged-partner-long.xlsx", "ods-merged-partner-long.ods")):
        subprocess.run(["ssconvert", path(xlsx), path(name)], check=True, stderr=subprocess.DEVNULL)
        print("wrote %s (ssconvert)" % name)


# Hostile files

def minimal_xlsx(sheet_xml, extra=None, sheet_path="xl/worksheets/sheet1.xml", strings=None):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    if sheet_xml is not None:
        parts[sheet_path] = sheet_xml
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"


def write_bytes(name, data):
    with open(path(name), "wb") as f:
        f.write(data)
    print("wrote", name, len(data), "bytes")


def declared_size_bomb():
    """A sheet whose zip entry claims 3 GiB: refused before anything is unpacked."""
    data = bytearray(minimal_xlsx(SHEET_HEAD + SHEET_TAIL))
    name = b"xl/worksheets/sheet1.xml"
    # local header: usize at offset 22; central directory: usize at offset 24
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while True:
            j = data.find(sig, start)
            if j < 0:
                break
            name_off = j + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_off:name_off + len(name)] == name:
                struct.pack_into("<I", data, j + off, 3 * 1024 ** 3)
            start = j + 4
    write_bytes("hostile-zip-bomb.xlsx", bytes(data))


def ratio_bomb():
    """An honest 48 MiB of blank space in a sheet, packed into some 50 KiB."""
    blank = " " * (48 * 1024 * 1024)
    write_bytes("hostile-ratio-bomb.xlsx", minimal_xlsx(SHEET_HEAD + blank + SHEET_TAIL))


def huge_strings():
    n = 5 * 1024 * 1024
    sst = '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + \
        "<si><t>x</t></si>" * n + "</sst>"
    write_bytes("hostile-huge-strings.xlsx", minimal_xlsx(SHEET_HEAD + SHEET_TAIL, strings=sst))


def deep_xml():
    write_bytes("hostile-deep.xlsx", minimal_xlsx(SHEET_HEAD + "<x>" * 5000 + "</x>" * 5000 + SHEET_TAIL))


def malformed_xml():
    write_bytes("hostile-malformed.xlsx",
                minimal_xlsx(SHEET_HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></row>' + SHEET_TAIL))


def merges(ranges):
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Supplier</t></is></c><c r="B1" t="inlineStr"><is><t>OTD</t></is></c></row>'
    return SHEET_HEAD + rows + "</sheetData><mergeCells count=\"%d\">" % len(ranges) + \
        "".join('<mergeCell ref="%s"/>' % r for r in ranges) + "</mergeCells></worksheet>"


def hostile_merges():
    """Merge lists no spreadsheet writes: too many ranges, one covering the sheet, a broken one."""
    write_bytes("hostile-merge-count.xlsx", minimal_xlsx(merges(["C%d:D%d" % (i, i) for i in range(1, 70001)])))
    write_bytes("hostile-merge-huge.xlsx", minimal_xlsx(merges(["B2:C3", "A5:XFD1048576"])))
    write_bytes("hostile-merge-malformed.xlsx", minimal_xlsx(merges(["B2:C3", "E7:ZZZZ9"])))


def missing_parts():
    write_bytes("hostile-missing-sheet.xlsx", minimal_xlsx(None))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "not a workbook")
    write_bytes("hostile-no-workbook.xlsx", buf.getvalue())


def not_a_zip():
    write_bytes("hostile-not-a-zip.xlsx", b"PK\x03\x04" + b"\x00garbage" * 8)


def encrypted(tmp):
    """An OLE compound file with the streams Excel writes for a password-protected workbook."""
    import gi
    gi.require_version("Gsf", "1")
    from gi.repository import Gsf
    out = os.path.join(tmp, "encrypted.xlsx")
    sink = Gsf.OutputStdio.new(out)
    ole = Gsf.OutfileMSOle.new(sink)
    for name, data in (("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 56),
                       ("EncryptedPackage", b"\x00" * 512)):
        child = ole.new_child(name, False)
        child.write(data)
        child.close()
    ole.close()  # closes the sink too
    with open(out, "rb") as f:
        write_bytes("hostile-encrypted.xlsx", f.read())


def main():
    os.makedirs(OUT, exist_ok=True)
    if ONLY:
        with tempfile.TemporaryDirectory() as tmp:
            for name in ONLY:
                fn = globals()[name]
                fn(tmp) if fn.__code__.co_argcount else fn()
        return
    with tempfile.TemporaryDirectory() as tmp:
        long_dates()
        wide_decimals()
        numbers_as_text()
        merged_header()
        merged_months_wide()
        merged_partner_long()
        several_sheets()
        sheet_choice()
        header_row_3()
        date1904()
        sparse_formulas(tmp)
        bad_value()
        ods(tmp)
        declared_size_bomb()
        ratio_bomb()
        huge_strings()
        deep_xml()
        malformed_xml()
        hostile_merges()
        missing_parts()
        not_a_zip()
        encrypted(tmp)


if __name__ == "__main__":
    main()
