"""PDF documents built with ReportLab from plain data: sign-in sheets, certificates, the workshop report and
the headquarters infosheet, in English, Spanish, French or Russian, in the shipped DejaVu font.

Layout: `data` (the values), `styles` and `charts` (shared look), `fonts`, `output` (safe writing, progress,
cancellation) and one module per document with a `build_*` function that returns the PDF bytes and page
count. `services.reporting` and `services.certificates` gather the data and write files; the GUI calls the
same functions from a worker thread. Nothing here imports Qt.
"""
