"""Nightly tasks for the CRM.

Run from cron.

def run():
    return "ok"

