"""``python -m trilex`` runs the command-line interface."""

from trilex.cli.main import main

if __name__ == "__main__":
    main()
