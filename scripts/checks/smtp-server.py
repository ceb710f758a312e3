#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for the mail tests, on loopback.

Usage: smtp-server.py MAILDIR [--refuse-recipient ADDRESS] [--defer-data]
Listens on 127.0.0.1 at a port of its own choosing and prints "ready PORT" once it accepts
connections. Every message it accepts is written whole, as received, into MAILDIR/new, with
the envelope beside it (NAME.envelope: the sender, then one recipient a line). With
--refuse-recipient it answers 550 for that address; with --defer-data it answers 451 to DATA,
as a relay that is busy would. Stops at end of input or on SIGTERM.
"""
import argparse
import asyncio
import os
import signal
import socket
import sys
import uuid

from aiosmtpd.controller import Controller


class Keeper:
    def __init__(self, folder, refused, defer):
        self.folder = folder
        self.refused = refused
        self.defer = defer

    async def handle_RCPT(self, server, session, envelope, address, options):
        if self.refused and address.lower() == self.refused.lower():
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.defer:
            return "451 4.3.0 busy, try again later"
        name = uuid.uuid4().hex
        new = os.path.join(self.folder, "new")
        os.makedirs(new, exist_ok=True)
        with open(os.path.join(new, name + ".envelope"), "w", encoding="utf-8") as handle:
            handle.write("\n".join([envelope.mail_from] + envelope.rcpt_tos) + "\n")
        with open(os.path.join(new, name + ".eml"), "wb") as handle:
            handle.write(envelope.original_content)
        return "250 2.0.0 kept"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("maildir")
    parser.add_argument("--refuse-recipient")
    parser.add_argument("--defer-data", action="store_true")
    arguments = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    keeper = Keeper(arguments.maildir, arguments.refuse_recipient, arguments.defer_data)
    # The bytes as they came, CRLF and all, so that the tests read what was sent.
    controller = Controller(keeper, hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    print(f"ready {port}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
