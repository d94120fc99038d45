from evidence_desk.cli.main import main

raise SystemExit(main())
