from factcheck.cli import main

if __name__ == "__main__":  # where processes are spawned (macOS, Windows), workers import this
    main()
