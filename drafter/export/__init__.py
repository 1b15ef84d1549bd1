"""Export: layout profiles → .docx (python-docx) and PDF (LibreOffice).

Public verbs: :func:`export_docx`, :func:`export_pdf`, :func:`load_profile`.
"""

from .docx_writer import build_document, export_docx
from .pdf import export_pdf, find_soffice
from .profile import Profile, load_profile

__all__ = ["export_docx", "export_pdf", "load_profile", "Profile", "build_document", "find_soffice"]
