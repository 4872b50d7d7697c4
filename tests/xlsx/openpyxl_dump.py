"""Dumps an XLSX file as openpyxl sees it, one `key=value` line each, for
test_xlsx to compare: openpyxl is an independent reader (an external oracle).

    /usr/bin/python3 openpyxl_dump.py FILE

Keys: `props.<field>`, `<sheet>.freeze`, `<sheet>.autofilter`,
`<sheet>.print.<field>`, `<sheet>!<cell>` (value or formula),
`<sheet>!<cell>.cached` (value with data_only=True, i.e. the stored result),
`<sheet>!<cell>.format` (number format). Values are printed with repr()."""
import sys

import openpyxl

path = sys.argv[1]
formulas = openpyxl.load_workbook(path)
cached = openpyxl.load_workbook(path, data_only=True)

p = formulas.properties
for field in ("title", "subject", "creator", "language", "created"):
    print(f"props.{field}={getattr(p, field)!r}")
print(f"sheets={formulas.sheetnames!r}")

for ws in formulas.worksheets:
    name = ws.title
    print(f"{name}.freeze={ws.freeze_panes!r}")
    print(f"{name}.autofilter={ws.auto_filter.ref!r}")
    print(f"{name}.print.orientation={ws.page_setup.orientation!r}")
    print(f"{name}.print.paper={ws.page_setup.paperSize!r}")
    print(f"{name}.print.fit_width={ws.page_setup.fitToWidth!r}")
    print(f"{name}.print.fit_height={ws.page_setup.fitToHeight!r}")
    print(f"{name}.print.fit_to_page={ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None!r}")
    print(f"{name}.print.title_rows={ws.print_title_rows!r}")
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            print(f"{name}!{cell.coordinate}={cell.value!r}")
            print(f"{name}!{cell.coordinate}.cached={cached[name][cell.coordinate].value!r}")
            print(f"{name}!{cell.coordinate}.format={cell.number_format!r}")
            print(f"{name}!{cell.coordinate}.wrap={bool(cell.alignment.wrap_text)!r}")
