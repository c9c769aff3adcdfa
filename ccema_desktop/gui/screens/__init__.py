"""Navigation screens; each module exposes SCREEN."""
