"""An encrypted case in the window: the passphrase asked when it opens (`passphrase_dialog`)
and the idle lock that hides the case until it is typed again (`idle_lock`)."""
