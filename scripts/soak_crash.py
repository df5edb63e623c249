#!/usr/bin/env python3
"""Crash soak: kill -9 a serving node at random moments while another node pushes to it.

A national node A serves on 127.0.0.1; a certified municipality B (a separate folder, edited
with `maex-node initiative add`) pushes to it with `maex-node sync` in a loop. At a random
moment A is killed with SIGKILL. Then, with A down, every change set that B had pushed in a
sync that exited 0 (acknowledged) must be in A's log exactly once, A's log must be gapless
per author, `PRAGMA integrity_check` must say ok and `maex-node verify` must pass. A restarts
and the loop goes on. Prints a table of the figures; exits 1 when anything was lost or broken.

Usage: scripts/soak_crash.py --binary .build/debug/maex-node --kills 1000 [--seed N]
"""
import argparse, json, os, random, signal, socket, sqlite3, subprocess, sys, tempfile, threading, time, shutil, urllib.request


def run(binary, *args, timeout=120):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout)


def must(binary, *args):
    result = run(binary, *args)
    if result.returncode != 0:
        sys.exit(f"soak: {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A's serve process."""

    def __init__(self, binary, folder, port, log):
        self.binary, self.folder, self.port, self.log, self.process = binary, folder, port, log, None

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--exit-with-parent", "--data", self.folder, "--listen", f"127.0.0.1:{self.port}"],
            stdout=self.log, stderr=self.log, stdin=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit("soak: the served node exited; see its log")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        sys.exit("soak: the served node did not become healthy")

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


class Pusher(threading.Thread):
    """B: adds initiatives and syncs with A, over and over; pauses between cycles on request."""

    def __init__(self, binary, folder, peer, rng):
        super().__init__(daemon=True)
        self.binary, self.folder, self.peer, self.rng = binary, folder, peer, rng
        self.acknowledged = set()
        self.go = threading.Event()
        self.idle = threading.Event()
        self.stopping = False
        self.syncs = self.failed_syncs = self.edits = 0
        self.error = None

    def own_ids(self):
        with sqlite3.connect(os.path.join(self.folder, "maex.sqlite")) as db:
            return {row[0] for row in db.execute(
                "SELECT c.id FROM change_set c JOIN author a USING (author_no) WHERE a.node_id = ?", (self.node_id,))}

    def run(self):
        try:
            self.cycle()
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            self.error = error
            self.idle.set()

    def cycle(self):
        while not self.stopping:
            if not self.go.is_set():
                self.idle.set()
                self.go.wait()
                continue
            self.idle.clear()
            for _ in range(self.rng.randint(1, 2)):
                result = run(self.binary, "initiative", "add", "--name", f"Soak {self.edits}", "--municipality", "GM0718",
                             "--data", self.folder)
                if result.returncode != 0:
                    raise RuntimeError(f"edit failed: {result.stderr}")
                self.edits += 1
            held = self.own_ids()
            result = run(self.binary, "sync", "--quiet", "--data", self.folder, "--peer", self.peer)
            self.syncs += 1
            if result.returncode == 0:
                # A sync that exited 0 pushed everything A lacked and A answered stored.
                self.acknowledged |= held
            else:
                self.failed_syncs += 1

    def pause(self):
        self.go.clear()
        if not self.idle.wait(timeout=300) or self.error:
            sys.exit(f"soak: the pusher failed: {self.error or 'no answer within 300 s'}")


def check(binary, folder, acknowledged):
    """Lost, twice, broken: with A stopped."""
    with sqlite3.connect(os.path.join(folder, "maex.sqlite")) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        ids = [row[0] for row in db.execute("SELECT id FROM change_set")]
        gaps = db.execute(
            "SELECT count(*) FROM author a WHERE a.head_seq != (SELECT count(*) FROM change_set c WHERE c.author_no = a.author_no)"
        ).fetchone()[0]
    held = set(ids)
    lost = len(acknowledged - held)
    twice = len(ids) - len(held) + gaps
    verify = run(binary, "verify", "--data", folder)
    return lost, twice, integrity == "ok", verify.returncode == 0, verify.stdout + verify.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/maex-node")
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-wait", type=float, default=3.0, help="longest time between a restart and the next kill (s)")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    rng = random.Random(options.seed)
    root = tempfile.mkdtemp(prefix="maex-soak-")
    a, b = os.path.join(root, "a"), os.path.join(root, "b")
    started = time.time()
    try:
        root_id = must(binary, "init", "--data", a, "--name", "Soak National", "--role", "national", "--scope", "NL")
        b_id = must(binary, "init", "--data", b, "--name", "Soak Vlissingen", "--role", "municipality", "--scope", "GM0718",
                    "--root", root_id)
        bundle = os.path.join(root, "b.cert")
        must(binary, "trust", "grant", "--node", b_id, "--role", "municipality", "--scope", "GM0718", "--out", bundle, "--data", a)
        must(binary, "trust", "import", bundle, "--data", b)
        log = open(os.path.join(root, "a.log"), "ab")
        served = Served(binary, a, free_port(), log)
        pusher = Pusher(binary, b, f"http://127.0.0.1:{served.port}/", rng)
        pusher.node_id = b_id
        pusher.start()
        totals = {"lost": 0, "twice": 0, "integrity": 0, "verify": 0}
        for kill in range(options.kills):
            served.start()
            pusher.go.set()
            time.sleep(rng.uniform(0.2, options.max_wait))
            served.kill9()
            pusher.pause()
            lost, twice, integrity, verified, detail = check(binary, a, pusher.acknowledged)
            totals["lost"] += lost
            totals["twice"] += twice
            totals["integrity"] += 0 if integrity else 1
            totals["verify"] += 0 if verified else 1
            if lost or twice or not integrity or not verified:
                print(f"kill {kill + 1}: lost {lost}, twice {twice}, integrity {integrity}, verify {verified}: {detail}",
                      file=sys.stderr)
        pusher.stopping = True
        pusher.go.set()
        elapsed = time.time() - started
        rows = [
            ("kills (SIGKILL of the serving node)", options.kills),
            ("syncs run by the pusher", pusher.syncs),
            ("syncs cut by a kill (exit 1)", pusher.failed_syncs),
            ("edits on the pushing node", pusher.edits),
            ("acknowledged change sets", len(pusher.acknowledged)),
            ("acknowledged but lost", totals["lost"]),
            ("applied twice or log gaps", totals["twice"]),
            ("integrity_check failures", totals["integrity"]),
            ("maex-node verify failures", totals["verify"]),
            ("seconds", round(elapsed, 1)),
        ]
        print(f"| crash soak (seed {options.seed}) | figure |")
        print("|---|---:|")
        for name, value in rows:
            print(f"| {name} | {value} |")
        broken = totals["lost"] + totals["twice"] + totals["integrity"] + totals["verify"]
        if len(pusher.acknowledged) == 0:
            print("soak: nothing was acknowledged; the run proves nothing", file=sys.stderr)
            return 1
        return 1 if broken else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
