#!/usr/bin/env python3
# make-transaction-fixtures.py - the transaction workbooks of tests/test-recipe.c
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the .xlsx transaction fixtures in tests/fixtures/ with openpyxl.

Usage (from the top of the source tree; the fixtures are committed):

  apt-get install python3-openpyxl
  /usr/bin/python3 tools/make-transaction-fixtures.py [tests/fixtures]

tx-po-lines.xlsx      purchase-order lines as a buyer gets them: the first and active
                      sheet is notes, the second a pasted one-column dump, the third
                      ("PO Lines") the table, with typed dates and a title row above
                      the header.
tx-defects-lookup.xlsx  a supplier defect report whose "Vendor ID" column holds numbers
                      named on the "Vendor" sheet.
Output depends only on this script: every value is fixed or drawn from a seeded
random.Random.
"""

import datetime
import os
import random
import sys

import openpyxl

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures"
VENDORS = {101: "Müller Drehteile GmbH", 102: "Nordkap Castings AS", 103: "Fonderia Valle S.r.l."}


def po_lines():
    rnd = random.Random(11)
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Read me"
    for i, line in enumerate(["Purchase order lines, export of 2025-04-02",
                              "Source: ERP purchasing, all plants",
                              "Questions: purchasing@example.com"]):
        notes.cell(row=i + 1, column=1, value=line)
    dump = wb.create_sheet("Paste")
    for i in range(150):
        dump.cell(row=i + 1, column=1, value="4500%06d" % (i * 7))
    table = wb.create_sheet("PO Lines")
    table.append(["Open and closed PO lines Q1 2025"])
    table.append(["PO Number", "Line", "Vendor", "Order Date", "Promised Date", "Received Date",
                  "Qty Ordered", "Qty Received", "Qty Rejected", "Net Amount"])
    start = datetime.date(2025, 1, 2)
    for i in range(120):
        vendor = list(VENDORS.values())[i % 3]
        order = start + datetime.timedelta(days=(i * 3) % 85)
        promised = order + datetime.timedelta(days=14)
        late = rnd.random() < (0.1, 0.3, 0.5)[i % 3]
        received = promised + datetime.timedelta(days=rnd.randint(1, 9) if late else -rnd.randint(0, 3))
        qty = rnd.randint(1, 40) * 50
        rejected = rnd.randint(0, 3) if rnd.random() < 0.3 else 0
        table.append(["4500%06d" % (i // 2), i % 2 + 1, vendor, order, promised, received,
                      qty, qty, rejected, round(qty * (1.5 + (i % 5)), 2)])
    for row in table.iter_rows(min_row=3, min_col=4, max_col=6):
        for cell in row:
            cell.number_format = "DD.MM.YYYY"
    wb.active = 0
    wb.save(os.path.join(OUT, "tx-po-lines.xlsx"))


def defects_lookup():
    rnd = random.Random(12)
    wb = openpyxl.Workbook()
    defects = wb.active
    defects.title = "Defects"
    defects.append(["Report No", "Vendor ID", "Report Date", "Part", "Defect Qty", "Lot Qty"])
    for i in range(60):
        vendor = 101 + i % 3
        day = datetime.date(2025, 1 + (i % 6), 1 + (i * 5) % 27)
        defects.append(["QN%05d" % i, vendor, day, "P-%03d" % (i % 7), rnd.randint(0, 12), 1000])
    vendors = wb.create_sheet("Vendor")
    vendors.append(["Vendor ID", "Vendor Name", "Country"])
    for vid, name in VENDORS.items():
        vendors.append([vid, name, "DE"])
    wb.save(os.path.join(OUT, "tx-defects-lookup.xlsx"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    po_lines()
    defects_lookup()
