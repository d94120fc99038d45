"""Panels around the viewers. `registry.ANNOTATION_TABS` lists the annotation panel's tabs."""
