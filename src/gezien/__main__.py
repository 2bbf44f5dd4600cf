from gezien.cli import main

raise SystemExit(main())
