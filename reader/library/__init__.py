"""reader.library: the one owner of the database directory: every file, write and lock."""
