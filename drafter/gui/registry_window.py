"""The registry window (sổ văn bản): browse, search, edit, add, delete, import, resolve conflicts.

The table is lazy: browsing pulls entries from ``Registry.entries()`` 500 rows at a time as the
view scrolls (Qt's canFetchMore/fetchMore), so a 100k-entry registry opens at once. Searching
uses ``Registry.search`` in a :class:`SearchWorker`; the conflicts view scans the registry in a
worker. Saving uses ``Registry.update``: if someone else changed the entry meanwhile the
registry refuses (version check), the window says so in Vietnamese and reloads the entry.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QLineEdit,
                               QMainWindow, QMessageBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from drafter.errors import DrafterError

from .entry_form import EntryForm, format_date, resolve_conflict
from .import_dialog import ImportDialog
from .search_worker import SearchWorker
from .workers import run_in_background

__all__ = ["RegistryWindow", "EntryTableModel"]

COLUMNS = ("Tên loại", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Mâu thuẫn")
CHUNK = 500
SEARCH_LIMIT = 200


def _cell(entry, column: int) -> str:
    if column == 0:
        return entry.type or ""
    if column == 1:
        return entry.number_code or entry.number or (entry.aliases[0] if entry.aliases else "")
    if column == 2:
        return format_date(entry.date)
    if column == 3:
        return entry.issuer or ""
    if column == 4:
        return entry.subject or ""
    return str(len(entry.conflicts)) if entry.conflicts else ""


class EntryTableModel(QAbstractTableModel):
    """Rows of entries: a lazily pulled iterator (browse) or a fixed list (search, conflicts)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._source = None

    def show_iterator(self, iterator) -> None:
        self.beginResetModel()
        self._rows, self._source = [], iterator
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def show_list(self, entries) -> None:
        self.beginResetModel()
        self._rows, self._source = list(entries), None
        self.endResetModel()

    def entry(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == entry_id), -1)

    def replace(self, entry) -> None:
        row = self.row_of(entry.id)
        if row >= 0:
            self._rows[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._source is not None

    def fetchMore(self, parent=QModelIndex()) -> None:
        if self._source is None:
            return
        chunk = []
        for entry in self._source:
            chunk.append(entry)
            if len(chunk) >= CHUNK:
                break
        else:
            self._source = None  # exhausted
        if chunk:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(chunk) - 1)
            self._rows.extend(chunk)
            self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = _cell(entry, index.column())
            return text if index.column() != 4 or len(text) <= 120 else text[:118] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 4):
            return _cell(entry, index.column())
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


def _conflicted(registry) -> list:
    """Entries with conflicts, read on a second connection (this runs in a worker thread)."""
    from drafter.registry import open_registry

    location = getattr(getattr(registry, "store", None), "location", None)
    if not location:
        return [e for e in registry.entries() if e.conflicts]
    with open_registry(location, starter=False) as reader:
        return [e for e in reader.entries() if e.conflicts]


class RegistryWindow(QMainWindow):
    """``RegistryWindow(registry)``. Signals: ``registryChanged()`` after any write,
    ``viewReady(str)`` after the table shows a view ("browse", "search", "conflicts")."""

    registryChanged = Signal()
    viewReady = Signal(str)

    def __init__(self, registry, parent=None):
        super().__init__(parent)
        self.registry = registry
        self.setWindowTitle("Sổ văn bản — Drafter")
        self.resize(1200, 720)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("Tìm: số, ký hiệu, tên loại, trích yếu… (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.conflicts_only = QCheckBox("Chỉ văn bản có &mâu thuẫn", self)
        self.model = EntryTableModel(self)
        self.table = QTableView(self)
        self.form = EntryForm(self)
        self.searcher = SearchWorker(registry.search, limit=SEARCH_LIMIT, parent=self)
        self._search_timer = QTimer(self, singleShot=True, interval=120, timeout=self._start_search)
        self.last_import: ImportDialog | None = None
        self._closed = False  # a worker that reports after the window closed is ignored
        self._build()
        self.reload()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((85, 110, 85, 190, 300, 70)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.activated.connect(lambda _index: self.form.fields["number"].setFocus())
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self.table.setFocus)
        self.search_box.installEventFilter(self)
        self.conflicts_only.toggled.connect(lambda _on: self.reload())
        self.searcher.resultsReady.connect(self._show_search)
        self.searcher.failed.connect(lambda _seq, message: self._error(message))
        self.form.saveRequested.connect(self.save)
        self.form.revertRequested.connect(self._revert)
        self.form.resolveRequested.connect(self.resolve)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.conflicts_only)
        left = QWidget(self)
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(top)
        col.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 440])
        self.setCentralWidget(splitter)
        self._actions()

    def _actions(self) -> None:
        menu = self.menuBar().addMenu("&Sổ văn bản")
        for text, keys, slot in (("&Tìm", "Ctrl+F", self._focus_search),
                                 ("Thêm văn bản &mới", "Ctrl+N", self.new_entry),
                                 ("&Lưu văn bản", "Ctrl+S", self.save),
                                 ("&Xóa văn bản", "Ctrl+Delete", self.delete_current),
                                 ("Nhập &tệp…", "Ctrl+O", self._import_files),
                                 ("Nhập thư &mục…", "Ctrl+Shift+O", self._import_folder),
                                 ("Đó&ng", "Ctrl+W", self.close)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.addAction(action)
            self.addAction(action)
        delete = QAction("Xóa", self.table)
        delete.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_current)
        self.table.addAction(delete)

    def eventFilter(self, obj, event) -> bool:
        """↓ in the search box goes to the table (Enter does too)."""
        if obj is self.search_box and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        return super().eventFilter(obj, event)

    # -- views ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the current view again (after a write, an import, a filter change)."""
        query = self.search_box.text().strip()
        if self.conflicts_only.isChecked():
            self.statusBar().showMessage("Đang tìm các văn bản có mâu thuẫn…")
            run_in_background(_conflicted, self.registry, on_done=self._show_conflicts, on_error=self._error)
        elif query:
            self._start_search()
        else:
            self.model.show_iterator(iter(self.registry.entries()))
            self.statusBar().showMessage(f"Sổ có {self.registry.count():,} văn bản".replace(",", "."))
            self._select_row(0)
            self.viewReady.emit("browse")

    def _start_search(self) -> None:
        query = self.search_box.text().strip()
        if self.conflicts_only.isChecked():
            return
        if not query:
            self.searcher.cancel()
            self.reload()
            return
        self.searcher.request(query)

    def _show_search(self, _seq, query, results) -> None:
        self.model.show_list(r.entry for r in results)
        self.statusBar().showMessage(f"{len(results)} kết quả cho “{query}”")
        self._select_row(0)
        self.viewReady.emit("search")

    def _show_conflicts(self, entries) -> None:
        if self._closed:
            return
        self.model.show_list(entries)
        self.statusBar().showMessage(f"{len(entries)} văn bản có giá trị mâu thuẫn cần xem lại")
        self._select_row(0)
        self.viewReady.emit("conflicts")

    def _select_row(self, row: int) -> None:
        if self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        else:
            self.form.set_entry(None)

    def _on_row_changed(self, current, _previous) -> None:
        entry = self.model.entry(current.row())
        if entry is not None:
            self.form.set_entry(entry)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- edits ----------------------------------------------------------------------------
    def new_entry(self) -> None:
        self.table.clearSelection()
        self.form.set_entry(None)
        self.form.fields["number"].setFocus()

    def save(self) -> bool:
        """Save the form: add a new entry or update the loaded one (with the version check)."""
        try:
            entry = self.form.entry()
        except ValueError as exc:
            QMessageBox.warning(self, "Chưa lưu được", str(exc))
            return False
        return self._write(entry)

    def _write(self, entry) -> bool:
        from drafter.registry import StaleEntryError

        try:
            stored = self.registry.update(entry) if entry.id is not None else self.registry.add(entry)
        except StaleEntryError as exc:
            QMessageBox.warning(self, "Văn bản đã bị sửa ở nơi khác", exc.format_message()
                                + "\nDrafter đã tải lại văn bản mới nhất.")
            self._reload_entry(entry.id)
            return False
        except DrafterError as exc:
            self._error(exc)
            return False
        self.statusBar().showMessage(f"Đã lưu văn bản #{stored.id}")
        if entry.id is None:
            self.form.set_entry(stored)
            self.registryChanged.emit()
            return True
        self.model.replace(stored)
        self.form.set_entry(stored)
        self.registryChanged.emit()
        return True

    def _reload_entry(self, entry_id: int) -> None:
        fresh = self.registry.get(entry_id)
        if fresh is None:
            self.reload()
            return
        self.model.replace(fresh)
        self.form.set_entry(fresh)

    def _revert(self) -> None:
        current = self.form.current_entry()
        self.form.set_entry(self.registry.get(current.id) if current is not None else None)

    def resolve(self, field: str, value) -> bool:
        """Keep ``value`` for ``field`` (None: keep the current value) and clear its conflicts."""
        current = self.form.current_entry()
        if current is None:
            return False
        try:
            entry = resolve_conflict(current, field, value)
        except ValueError as exc:
            QMessageBox.warning(self, "Chưa lưu được", str(exc))
            return False
        return self._write(entry)

    def delete_current(self, confirm: bool = True) -> bool:
        entry = self.form.current_entry()
        if entry is None:
            return False
        title = f"{entry.type} {entry.number_code or entry.number or ''}".strip()
        if confirm and QMessageBox.question(
                self, "Xóa văn bản", f"Xóa “{title}” khỏi sổ văn bản? Không thể hoàn tác.",
        ) != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.registry.delete(entry.id)
        except DrafterError as exc:
            self._error(exc)
            return False
        self.statusBar().showMessage(f"Đã xóa “{title}”")
        self.registryChanged.emit()
        self.reload()
        return True

    # -- import ---------------------------------------------------------------------------
    def _import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Chọn tệp để nhập", "",
                                                "Văn bản (*.docx *.txt *.jsonl *.csv);;Tất cả (*)")
        if paths:
            self.import_paths(paths)

    def _import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục để nhập")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths, modal: bool = True) -> ImportDialog:
        """Start importing ``paths`` in a worker; returns the progress dialog (already shown)."""
        dialog = ImportDialog(self.registry, paths, self)
        dialog.finished_import.connect(lambda _report: (self.registryChanged.emit(), self.reload()))
        self.last_import = dialog
        dialog.setModal(modal)
        dialog.show()
        dialog.start()
        return dialog

    def _error(self, exc) -> None:
        if self._closed:
            return
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        self.statusBar().showMessage(message.splitlines()[0] if message else "")
        QMessageBox.warning(self, "Sổ văn bản", message)

    def changeEvent(self, event) -> None:
        """Coming back to the window: show what other users wrote meanwhile."""
        super().changeEvent(event)
        if event.type() == event.Type.ActivationChange and self.isActiveWindow() and not self._closed:
            try:
                changed = self.registry.refresh_if_changed()
            except DrafterError:
                return
            if changed:
                self.reload()

    def closeEvent(self, event) -> None:
        self._closed = True
        if self.last_import is not None and self.last_import.is_running():
            self.last_import.stop_for_owner_closing()
        self.searcher.cancel()
        self.searcher.wait_idle(3000)
        super().closeEvent(event)
