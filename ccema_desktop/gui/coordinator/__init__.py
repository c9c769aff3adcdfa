"""Coordinator mode: the headquarters window (import, dashboard, devices, conflict log, table export).

The desktop app opens it with `ccema-desktop --coordinator`, or by itself when the data folder holds the
headquarters keys made by `ccema hq init`. Every page reads and writes through core services on the task
runner, like the facilitator's screens.
"""
