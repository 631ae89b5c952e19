"""reader.text: sanitising, folding, search keys and date display."""
