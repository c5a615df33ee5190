"""The notebook runner behind run_notebooks.py: executing a notebook (execute), the live console line
(console), the result of one notebook (results) and the walkthrough's index page (index)."""
