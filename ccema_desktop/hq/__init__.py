"""Headquarters inbox: laptops upload bundles over HTTP; headquarters stores, imports and signs receipts.

inbox.py   what happens to an uploaded bundle (checks, durable storage, hold or import, receipt); no HTTP
server.py  the Starlette application (`ccema hq serve` runs it with uvicorn): limits, status codes
"""
