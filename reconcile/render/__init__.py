"""Views of a Report for people and tools: HTML (and a compact HTML for Jupyter), SARIF,
JUnit XML and Markdown. Each module is imported lazily by report.py, so a JSON run never
loads jinja2."""
