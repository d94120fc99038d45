from evidence_desk.cli.start import main

raise SystemExit(main())
