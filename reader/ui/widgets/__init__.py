"""reader.ui.widgets: the widgets of the app, one class a module."""
