"""The Qt desktop front end. Everything here calls the core; the core never imports this package."""
