"""Suggestions: what the application finds in page text (known entities, dates, amounts,
reference numbers, document details). Nothing counts until the user accepts it."""
