"""Drafter core: Vietnamese Party document drafting, citation and format tools.

The core never imports Qt (see tests/test_core_no_qt.py). Sub-packages:

- ``drafter.text``        Vietnamese normalisation and number-code canonicalisation
- ``drafter.citations``   extract -> resolve -> check citations
- ``drafter.registry``    known documents: store, import, search
- ``drafter.drafting``    draft model, draft files, templates, rendering
- ``drafter.export``      layout profile -> .docx (and PDF)
- ``drafter.formatcheck`` thể thức checker for any .docx
"""

__version__ = "0.1.0"
