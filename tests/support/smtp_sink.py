#!/usr/bin/python3
"""A real SMTP server on loopback for tests (Debian's python3-aiosmtpd).

    smtp_sink.py DIR

Listens on 127.0.0.1 at a free port, prints the port on the first line of
stdout, and saves each message it receives as DIR/N.eml (the raw bytes as
received) with DIR/N.env holding the envelope (MAIL FROM, then RCPT TO).
Exits when its standard input closes or after 120 seconds.
"""
import os
import socket
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Saver:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # Addresses at reject.example are refused, as a real server refuses
        # an unknown mailbox.
        if address.endswith("@reject.example"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".env", "w") as f:
            f.write(envelope.mail_from + "\n" + "\n".join(envelope.rcpt_tos) + "\n")
        return "250 Message accepted"


def main():
    directory = sys.argv[1]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Saver(directory), hostname="127.0.0.1", port=port,
                            decode_data=False)
    controller.start()
    print(port, flush=True)
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait(timeout=120)
    controller.stop()


main()
