#!/usr/bin/python3
"""Prints what openpyxl (not Lettrine) sees in a bilan form, one fact a line:
sheets, protection, data validations, formulas, unlocked cells and their fill,
values. Used by bilan_form_test.cpp."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
print("sheets " + ",".join(wb.sheetnames))
print("active " + wb.active.title)
for ws in wb.worksheets:
    print("protected %s %s" % (ws.title, ws.protection.sheet))
    for dv in ws.data_validations.dataValidation:
        print("validation %s %s %s %s" % (ws.title, dv.sqref, dv.type, dv.formula1))
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                print("formula %s %s %s" % (ws.title, c.coordinate, c.value))
            elif c.value is not None:
                print("value %s %s %s" % (ws.title, c.coordinate, str(c.value).replace("\n", "\\n")))
            if c.protection.locked is False:
                print("input %s %s %s" % (ws.title, c.coordinate, c.fill.fgColor.rgb))
