"""The participant kiosk: a locked, full-screen window where participants fill in evaluation forms
(`window.KioskWindow`), started from the facilitator's window (`launcher.KioskLauncher`)."""
