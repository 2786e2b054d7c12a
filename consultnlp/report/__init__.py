"""Writers of everything consultnlp publishes: tables, workbook, report."""
