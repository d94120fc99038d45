"""The case database: typed models, the engine with its pragmas, and migrations."""
