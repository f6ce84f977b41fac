import sys

COMMANDS = {"/help": "usage: /help, /ping", "/ping": "pong"}


def handle(text):
    if text not in COMMANDS:
        sys.exit(f"unknown command: {text}")
    return COMMANDS[text]
