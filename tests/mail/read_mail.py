#!/usr/bin/env python3
"""Reads an e-mail file with Python's email package (an outside parser) and
prints what the tests check, one "key<TAB>value" per line (newlines in
values as \\n): decoded headers, the text body, each attachment's name,
type, size and SHA-256, the parser's defects, and facts about the raw
bytes (line ends, longest line, 7-bit)."""
import email
import email.policy
import hashlib
import sys


def out(key, value):
    text = str(value).replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")
    print(f"{key}\t{text}")


def raw_facts(raw):
    lines = raw.split(b"\r\n")
    out("crlf_only", int(b"\r" not in raw.replace(b"\r\n", b"") and b"\n" not in raw.replace(b"\r\n", b"")))
    out("longest_line", max(len(line) for line in lines))
    out("seven_bit", int(all(b < 128 for b in raw)))


def main(path):
    with open(path, "rb") as f:
        raw = f.read()
    raw_facts(raw)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = list(msg.defects)
    for part in msg.walk():
        defects += part.defects
    out("defects", len(defects))
    for name in ("Subject", "Date", "Message-ID", "X-Unsent", "MIME-Version"):
        out(name.lower(), msg.get(name, ""))
    out("content_type", msg.get_content_type())
    for header in ("From", "To"):
        addresses = msg[header].addresses
        out(header.lower() + "_count", len(addresses))
        out(header.lower() + "_name", addresses[0].display_name)
        out(header.lower() + "_address", addresses[0].addr_spec)
    body = msg.get_body(preferencelist=("plain",))
    out("body", body.get_content().replace("\r\n", "\n"))
    out("body_charset", body.get_content_charset())
    out("body_encoding", body.get("Content-Transfer-Encoding"))
    out("body_language", body.get("Content-Language", ""))
    attachments = list(msg.iter_attachments())
    out("attachments", len(attachments))
    for i, part in enumerate(attachments):
        data = part.get_payload(decode=True)
        out(f"attachment{i}_filename", part.get_filename())
        out(f"attachment{i}_disposition", part.get_content_disposition())
        out(f"attachment{i}_type", part.get_content_type())
        out(f"attachment{i}_encoding", part.get("Content-Transfer-Encoding"))
        out(f"attachment{i}_size", len(data))
        out(f"attachment{i}_sha256", hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    main(sys.argv[1])
