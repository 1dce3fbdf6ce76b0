"""The opinion letter template (letter_template.docx) and the script that builds it."""
