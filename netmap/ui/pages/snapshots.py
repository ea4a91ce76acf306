"""Snapshots page: save, compare and follow a network over time."""

from netmap.ui.snapshots_page import page

page()
