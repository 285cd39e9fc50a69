"""An Excel file the app wrote, opened by a second reader (openpyxl, not LibreOffice):
prints, as JSON, what each sheet says and how it prints, for the end-to-end tests.

Usage: python3 xlsx_openpyxl.py FILE.xlsx. Exits 3 when openpyxl is not installed."""
import json
import sys

try:
    import openpyxl
except ImportError:
    sys.exit(3)

book = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in book.worksheets:
    setup = ws.page_setup
    rows = list(ws.iter_rows(min_row=3, max_row=min(ws.max_row, 200), values_only=True))
    out[ws.title] = {
        "title": ws["A1"].value,
        "header": [c.value for c in ws[2]],
        "freeze": ws.freeze_panes,
        "print_titles": ws.print_title_rows,
        "orientation": setup.orientation,
        "paper": str(setup.paperSize),
        "fit_width": setup.fitToWidth,
        "fit_height": setup.fitToHeight,
        "fit_to_page": ws.sheet_properties.pageSetUpPr.fitToPage
        if ws.sheet_properties.pageSetUpPr
        else None,
        "merged": [str(r) for r in ws.merged_cells.ranges],
        "wrap": bool(ws["A2"].alignment.wrap_text),
        # The kind of each cell of the first 200 rows: number, date, text or none.
        "kinds": [
            [
                "none" if v is None
                else "number" if isinstance(v, (int, float))
                else "date" if hasattr(v, "year")
                else "text"
                for v in r
            ]
            for r in rows
        ],
        "values": [[v if isinstance(v, (int, float, str)) or v is None else str(v) for v in r] for r in rows[:5]],
        # Rows higher than one line: (row, points, longest text in it).
        "tall": [
            [r, ws.row_dimensions[r].height, max(len(str(c.value or "")) for c in ws[r])]
            for r in range(3, min(ws.max_row, 200) + 1)
            if ws.row_dimensions[r].height
        ],
    }
print(json.dumps(out, ensure_ascii=False))
