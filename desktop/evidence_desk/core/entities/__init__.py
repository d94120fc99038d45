"""Entities (people, organisations, state bodies, equipment, contracts, …), their
aliases across languages and scripts, and their mentions on pages."""
