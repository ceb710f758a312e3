#!/usr/bin/env python3
"""Outside scanners against `ngomatch web` on loopback (issue 34): wapiti3 and sqlmap over
every page and form, once trusting the local user and once with --auth and a signed-in
session. Their out-of-band endpoints point at a local server, so nothing leaves the machine.

    python3 -m venv .build/scan-venv && .build/scan-venv/bin/pip install wapiti3 sqlmap
    .build/scan-venv/bin/python scripts/web-scan.py [--minutes 20] [--binary PATH] [--modes local,auth]

Prints each finding and exits 1 if there is one that RELIABILITY.md does not explain
("Outside scanners"); the reports stay in the work folder it names.
"""
import argparse
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

# Findings RELIABILITY.md explains, by wapiti category and what the finding is about.
EXPLAINED = {
    # The session cookie is Secure only with --secure-cookies, as plain HTTP on loopback needs.
    ("Secure Flag cookie", "ngomatch_session"),
    ("Secure Flag cookie", "ngomatch_lang"),
}

WAPITI_MODULES = "xss,permanentxss,sql,timesql,exec,file,crlf,redirect,csrf,http_headers,cookieflags,csp"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Endpoint(http.server.BaseHTTPRequestHandler):
    """The scanners' out-of-band endpoint: records what reaches it (nothing should)."""
    hits = []

    def do_GET(self):
        Endpoint.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


def start_web(binary, db, port, auth):
    args = [binary, "web", "--listen", f"127.0.0.1:{port}", "--db", db] + (["--auth"] if auth else [])
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if "Ctrl-C to stop" in line:
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process
    process.kill()
    raise SystemExit(f"ngomatch web did not start on port {port}")


def signed_in_cookie(base, token):
    """Signs in through the page as a person would; returns the session cookie's value."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/signin", timeout=30).read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrf": csrf, "token": token, "back": "/"}).encode()
    opener.open(base + "/signin", data=data, timeout=30).read()
    for cookie in jar:
        if cookie.name == "ngomatch_session":
            return cookie.value
    raise SystemExit("signing in with the token gave no session")


def still_signed_in(base, cookie):
    """Whether the scan's session still reaches a signed-in page rather than the sign-in form."""
    request = urllib.request.Request(base + "/needs", headers={"Cookie": f"ngomatch_session={cookie}"})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(request, timeout=30).status == 200
    except urllib.error.HTTPError:
        return False


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wapiti(venv_bin, base, out, minutes, endpoint, cookie):
    args = [
        os.path.join(venv_bin, "wapiti"), "-u", base + "/", "--scope", "folder", "-m", WAPITI_MODULES,
        "--flush-session", "-f", "json", "-o", out, "--max-scan-time", str(minutes * 60),
        "--max-attack-time", str(max(60, minutes * 60 // 12)), "--max-links-per-page", "60",
        "--endpoint", endpoint, "--internal-endpoint", endpoint, "--external-endpoint", endpoint,
        "-x", base + "/signout", "--tasks", "4", "-v", "1",
        # Revoking the scan's own token signs the scan out; every form's first request would then
        # fail its CSRF check as the altered one does, which wapiti reads as a token not checked.
        "-x", base + "/admin/tokens/*/revoke",
    ]
    if cookie:
        args += ["-H", f"Cookie: ngomatch_session={cookie}"]
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=minutes * 60 + 600)
    with open(out) as f:
        report = json.load(f)
    findings = []
    for section in ("vulnerabilities", "anomalies"):
        for category, items in report.get(section, {}).items():
            for item in items:
                findings.append((section, category, item.get("path", ""), item.get("parameter", ""),
                                 item.get("info", "")))
    return findings, report


def sqlmap(venv_bin, base, work, cookie, minutes):
    args = [
        os.path.join(venv_bin, "sqlmap"), "-u", base + "/", "--crawl=2", "--forms", "--batch",
        "--level", "2", "--risk", "1", "--output-dir", work, "--crawl-exclude", "signout|/revoke",
        "--time-sec", "2", "--threads", "2", "--disable-coloring",
    ]
    if cookie:
        args += ["--cookie", f"ngomatch_session={cookie}"]
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=minutes * 60 + 300)
        output = result.stdout
    except subprocess.TimeoutExpired as stopped:
        output = (stopped.stdout or b"").decode() if isinstance(stopped.stdout, bytes) else (stopped.stdout or "")
        output += "\n[stopped at the time limit]"
    injectable = [line for line in output.splitlines()
                  if re.search(r"is vulnerable|appears to be .*injectable|sqlmap identified", line)]
    tested = len(re.findall(r"testing URL|testing for SQL injection|heuristic", output))
    return injectable, tested, output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=None)
    parser.add_argument("--minutes", type=int, default=20, help="each wapiti scan's limit")
    parser.add_argument("--modes", default="local,auth", help="local (trusting the local user), auth, or both")
    options = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = options.binary or os.path.join(root, ".build", "release", "ngomatch")
    venv_bin = os.path.dirname(sys.executable)
    work = tempfile.mkdtemp(prefix="ngomatch-scan-")
    print(f"work folder {work}", flush=True)

    endpoint_port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", endpoint_port), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{endpoint_port}/"

    unexplained = 0
    for mode in options.modes.split(","):
        db = os.path.join(work, f"{mode}.sqlite")
        subprocess.run([binary, "init", "--db", db], check=True, stdout=subprocess.DEVNULL)
        cookie = None
        if mode == "auth":
            made = subprocess.run([binary, "tokens", "create", "--role", "ministry", "--db", db],
                                  check=True, capture_output=True, text=True)
            token = made.stdout.strip()
        port = free_port()
        web = start_web(binary, db, port, auth=(mode == "auth"))
        base = f"http://127.0.0.1:{port}"
        try:
            if mode == "auth":
                cookie = signed_in_cookie(base, token)
            started = time.time()
            findings, _ = wapiti(venv_bin, base, os.path.join(work, f"wapiti-{mode}.json"), options.minutes,
                                 endpoint, cookie)
            print(f"{mode}: wapiti {WAPITI_MODULES} in {time.time() - started:.0f} s: {len(findings)} findings",
                  flush=True)
            for section, category, path, parameter, info in findings:
                explained = any(category == c and about in info for c, about in EXPLAINED)
                unexplained += 0 if explained else 1
                mark = "explained" if explained else "FINDING"
                print(f"  {mark}: {section}/{category} {path} {parameter}: {info[:160]}")
            started = time.time()
            injectable, tested, output = sqlmap(venv_bin, base, work, cookie, options.minutes)
            with open(os.path.join(work, f"sqlmap-{mode}.log"), "w") as f:
                f.write(output)
            print(f"{mode}: sqlmap in {time.time() - started:.0f} s, {tested} tests logged: "
                  f"{len(injectable)} injectable", flush=True)
            for line in injectable:
                unexplained += 1
                print(f"  FINDING: {line}")
            if web.poll() is not None:
                unexplained += 1
                print(f"  FINDING: the server exited with {web.returncode} during the scan")
            elif cookie and not still_signed_in(base, cookie):
                unexplained += 1
                print("  FINDING: the scan was signed out part way, so it did not reach every signed-in page")
        finally:
            web.terminate()
            web.wait(timeout=60)
    if Endpoint.hits:
        print(f"out-of-band endpoint reached {len(Endpoint.hits)} times: {Endpoint.hits[:5]}")
    print(f"{unexplained} unexplained findings")
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
