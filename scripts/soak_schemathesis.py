#!/usr/bin/env python3
"""Hostile clients: schemathesis against a served node's /openapi.json.

Creates a national node in a temporary folder, serves it on 127.0.0.1, and runs schemathesis
with the `not_a_server_error` check (every answer below 500), --examples per operation, with
the admin token so the editing operations are reached beyond 401. Prints a table; exits with
schemathesis's status (0: no failures).

Usage: scripts/soak_schemathesis.py --binary .build/debug/maex-node --examples 1000
"""
import argparse, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/maex-node")
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    schemathesis = shutil.which("schemathesis")
    if not schemathesis:
        sys.exit("soak: schemathesis is not installed (make deps installs it)")
    root = tempfile.mkdtemp(prefix="maex-schemathesis-")
    folder = os.path.join(root, "node")
    served = None
    try:
        subprocess.run([binary, "init", "--data", folder, "--name", "Fuzz", "--role", "national", "--scope", "NL"],
                       check=True, capture_output=True)
        token = subprocess.run([binary, "admin", "token", "--data", folder], check=True, capture_output=True,
                               text=True).stdout.strip().splitlines()[-1]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        log = open(os.path.join(root, "node.log"), "ab")
        served = subprocess.Popen([binary, "serve", "--exit-with-parent", "--data", folder, "--listen", f"127.0.0.1:{port}"],
                                  stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        started = time.time()
        result = subprocess.run(
            [schemathesis, "run", f"http://127.0.0.1:{port}/openapi.json", "--checks", "not_a_server_error",
             "--max-examples", str(options.examples), "--seed", str(options.seed), "-w", str(options.workers),
             "-H", f"Authorization: Bearer {token}", "--no-color",
             # The coverage phase hits an internal Hypothesis inconsistency on the initiative schema.
             "--phases", "examples,fuzzing,stateful"],
            capture_output=True, text=True, cwd=root)  # its .schemathesis cache goes with the folder
        elapsed = time.time() - started
        output = result.stdout + result.stderr
        cases = re.search(r"(\d+) generated, (\d+) passed", output)
        failed = re.search(r"(\d+) failed", output)
        tested = re.search(r"Tested: (\d+)", output)
        selected = re.search(r"Selected: \d+/(\d+)", output)
        alive = served.poll() is None
        print(f"| schemathesis (max {options.examples} examples per operation, seed {options.seed}) | figure |")
        print("|---|---:|")
        print(f"| operations in the document | {selected.group(1) if selected else '?'} |")
        print(f"| operations tested | {tested.group(1) if tested else '?'} |")
        print(f"| test cases generated | {cases.group(1) if cases else '?'} |")
        print(f"| failed (server errors) | {failed.group(1) if failed else 0} |")
        print(f"| node still running | {'yes' if alive else 'no'} |")
        print(f"| seconds | {elapsed:.0f} |")
        if result.returncode != 0 or not alive:
            print(output[-6000:], file=sys.stderr)
            return 1
        return 0
    finally:
        if served and served.poll() is None:
            served.send_signal(signal.SIGTERM)
            served.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
