"""Domain commands: each thing a user does to a case, with its checks, its exact
inverse (the rows it wrote, before and after) and a readable audit entry.

`case.apply(command)` runs one in a write transaction and returns the `Changes`
it made; `case.history` undoes and redoes them. The modules are split by domain:
`tagging`, `notes`, `redaction`, `entities`, `details`, `links`, `suggestions`,
`provenance`, `settings`. This package imports nothing at import time, because
`core.case` imports its base."""
