#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for Lettrine's sending tests, on 127.0.0.1
and a free port only. Prints the port on its first output line, then serves
until its standard input is closed. Each message accepted is written to
FOLDER as recu-NNN.eml (the bytes received) and recu-NNN.env (envelope
sender and recipients, one per line). A recipient listed in REFUSE_FILE
(one address per line, re-read at each RCPT) is refused with a 550.
With CERT KEY USER PASSWORD after them: STARTTLS with that certificate is
required, then AUTH with that user and password. LETTRINE_TEST_SMTP_DELAI
(seconds) makes each DATA answer wait, so that two senders overlap."""
import asyncio
import os
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Handler:
    def __init__(self, folder, refuse_file):
        self.folder = folder
        self.refuse_file = refuse_file

    def refused(self):
        if not os.path.exists(self.refuse_file):
            return set()
        with open(self.refuse_file, encoding="utf-8") as f:
            return set(f.read().split())

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused():
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        delay = float(os.environ.get("LETTRINE_TEST_SMTP_DELAI", "0"))
        if delay > 0:
            await asyncio.sleep(delay)
        count = len([n for n in os.listdir(self.folder) if n.endswith(".eml")])
        base = os.path.join(self.folder, "recu-%03d" % (count + 1))
        with open(base + ".env", "w", encoding="utf-8") as f:
            f.write("\n".join([envelope.mail_from] + envelope.rcpt_tos) + "\n")
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        return "250 2.0.0 Ok: queued"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def secured(cert, key, user, password):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)  # not handled: aiosmtpd answers 535

    return {"tls_context": context, "require_starttls": True, "auth_required": True,
            "authenticator": authenticator}


def main(folder, refuse_file, *tls):
    port = free_port()
    options = secured(*tls) if tls else {}
    controller = Controller(Handler(folder, refuse_file), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print(port, flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main(*sys.argv[1:])
