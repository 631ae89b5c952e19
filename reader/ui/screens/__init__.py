"""reader.ui.screens: the screens of the app."""
