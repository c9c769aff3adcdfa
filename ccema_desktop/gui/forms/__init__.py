"""Generated Qt forms (see build_forms.py)."""
