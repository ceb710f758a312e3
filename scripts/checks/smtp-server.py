#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for the mail tests, on loopback.

Usage: smtp-server.py MAILDIR [--refuse-recipient ADDRESS] [--defer-data] [--starttls]
                      [--login USER:PASSWORD] [--port PORT] [--implicit-tls]
Listens on 127.0.0.1 at a port of its own choosing (or PORT: a relay that comes back where
it was) and prints "ready PORT" once it accepts connections. Every message it accepts is written whole, as received, into MAILDIR/new, with
the envelope beside it (NAME.envelope: the sender, then one recipient a line). With
--refuse-recipient it answers 550 for that address; with --defer-data it answers 451 to DATA,
as a relay that is busy would. With --starttls it offers STARTTLS and requires it, with a
certificate of its own for 127.0.0.1 written to MAILDIR/cert.pem (for the client to trust);
with --implicit-tls it speaks TLS from the first byte (smtps), with the same certificate;
with --login it requires that login (AUTH PLAIN or LOGIN, after STARTTLS). Stops at end of
input or on SIGTERM.
"""
import argparse
import datetime
import ipaddress
import os
import signal
import socket
import sys
import ssl
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def certificate(folder):
    """A self-signed certificate for 127.0.0.1, and a TLS context that serves it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ngomatch test relay")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path = os.path.join(folder, "cert.pem")
    key_path = os.path.join(folder, "key.pem")
    with open(cert_path, "wb") as handle:
        handle.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as handle:
        handle.write(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    return context


class Login:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == self.user and auth_data.password == self.password
        # Not handled here: the server itself answers 235, or 535 for a wrong login.
        return AuthResult(success=ok, handled=False)


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
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--login")
    parser.add_argument("--port", type=int)
    parser.add_argument("--implicit-tls", action="store_true")
    arguments = parser.parse_args()
    port = arguments.port
    if not port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    keeper = Keeper(arguments.maildir, arguments.refuse_recipient, arguments.defer_data)
    # The bytes as they came, CRLF and all, so that the tests read what was sent.
    options = {}
    if arguments.starttls:
        os.makedirs(arguments.maildir, exist_ok=True)
        options.update(tls_context=certificate(arguments.maildir), require_starttls=True)
    if arguments.implicit_tls:
        os.makedirs(arguments.maildir, exist_ok=True)
        options.update(ssl_context=certificate(arguments.maildir))
    if arguments.login:
        user, password = arguments.login.split(":", 1)
        # aiosmtpd counts only STARTTLS as TLS for AUTH; with --implicit-tls every byte is TLS already.
        options.update(authenticator=Login(user, password), auth_required=True, auth_require_tls=arguments.starttls)
    controller = Controller(keeper, hostname="127.0.0.1", port=port, decode_data=False, **options)
    controller.start()
    print(f"ready {port}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
