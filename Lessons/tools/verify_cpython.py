#!/usr/bin/env python3
"""Run Interleave lessons under CPython and check every claim they make.

Usage:
    python3 Lessons/tools/verify_cpython.py [LESSON.md | DIR ...]

With no arguments it runs every ``*.md`` lesson in the Lessons/ folder that
holds this tool. Standard library only.

A lesson is parsed exactly as the Interleave loader parses it:

* front matter between ``---`` lines at the top: ``id:`` and ``title:``
  (required), ``summary:`` (optional);
* a ``# Title`` line, then steps, each starting at a ``## Heading``;
* fenced blocks whose info string starts with ``python``:
  ``python demo [timeout=S] [stdin="..."] [name=ID] [gil=0|1] [deadlock]`` runs live;
  ``python check [sometimes] [tries=N] [timeout=S]`` asserts a claim right
  after the preceding demo (``demo_output`` holds what that demo printed);
  plain ``python`` is shown code and is not run.

All demos and checks of one lesson share one namespace (a dict, with
``__name__ == '__main__'``) and run in order on the main thread. A demo's
stdout is echoed and captured; ``stdin=`` text is what ``input()`` reads
(without it, ``input()`` sees end of file instead of hanging). A group of a
demo and its checks is retried, up to ``tries`` times (default 5), only when
a check marked ``sometimes`` fails.

Two demo attributes describe how the engine runs a demo, and CPython 3.11 cannot
follow them exactly; this tool handles them as follows, and says so as it runs:

* ``gil=0`` / ``gil=1``: the engine runs the demo without / with its GIL. CPython 3.11
  always has a GIL, so here every demo runs with it (a ``gil=0`` demo is announced as
  such). Checks of GIL demos must state the claim for the mode they really ran in:
  they read ``sys._is_gil_enabled()`` (CPython 3.13's name; the engine has it), and
  take ``True`` when it is missing, as in 3.11. So under CPython a ``gil=0`` demo's
  checks assert the with-GIL claim; nothing is skipped.
* ``deadlock``: the demo is expected to deadlock; the engine detects the cycle, prints
  a report and ends the demo's threads. CPython has no detector and cannot end a
  thread, so here the demo runs in a child ``python3`` process. If it has not
  finished after DEADLOCK_WAIT seconds, a watchdog thread in the child writes where
  each thread is stuck (name, line, source) and ends the child: that hang is counted
  as the expected deadlock, and the text is the check's ``deadlock_report``. If the
  child finishes, ``deadlock_report`` is None and the demo fails, as with
  ``play --check``. Because it runs in its own process, a deadlock demo must be
  self-contained (its names do not reach the lesson namespace), and its checks may
  use only ``demo_output`` and ``deadlock_report``.

Prints PASS/FAIL per check with file:line and exits 1 on any failure or on
any malformed block (reported as file:line: message). A malformed lesson is
not run, but the other lessons still are.
"""

import builtins
import io
import os
import re
import signal
import sys
import threading
import time
import traceback

DEFAULT_TIMEOUT = 10.0
DEFAULT_TRIES = 5
FRONT_MATTER_KEYS = {"id", "title", "summary"}
DEMO_ATTRS = {"timeout", "stdin", "name", "gil"}
DEMO_FLAGS = {"deadlock"}
DEADLOCK_WAIT = 3.0
CHECK_ATTRS = {"timeout", "tries"}
CHECK_FLAGS = {"sometimes"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


class Malformed(Exception):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


class Block:
    def __init__(self, kind, line, code_line, code, attrs, flags, step):
        self.kind = kind            # "demo" | "check"
        self.line = line            # line of the opening fence
        self.code_line = code_line  # line of the first code line
        self.code = code
        self.attrs = attrs
        self.flags = flags
        self.step = step            # step title


class Lesson:
    def __init__(self, path):
        self.path = path
        self.meta = {}
        self.title = None
        self.steps = []             # [(title, line, has_note)]
        self.groups = []            # [(demo Block, [check Block])]
        self.errors = []            # [(line, message)]
        self.warnings = []          # [(line, message)]


def parse_attrs(text, line):
    """Split ``a b=1 c="x y\\n"`` into flags and key=value attributes."""
    flags, attrs = [], {}
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        m = re.match(r"[A-Za-z_][A-Za-z0-9_-]*", text[i:])
        if not m:
            raise Malformed(line, f"cannot read attribute at {text[i:]!r}")
        key = m.group(0)
        i += len(key)
        if i < n and text[i] == "=":
            i += 1
            if i < n and text[i] == '"':
                i += 1
                out = []
                while True:
                    if i >= n:
                        raise Malformed(line, f"unterminated quoted value for {key}")
                    c = text[i]
                    if c == '"':
                        i += 1
                        break
                    if c == "\\":
                        if i + 1 >= n:
                            raise Malformed(line, f"dangling backslash in {key}")
                        e = text[i + 1]
                        esc = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "r": "\r"}
                        if e not in esc:
                            raise Malformed(line, f"unknown escape \\{e} in {key}")
                        out.append(esc[e])
                        i += 2
                        continue
                    out.append(c)
                    i += 1
                value = "".join(out)
            else:
                m2 = re.match(r"[^\s\"]+", text[i:])
                if not m2:
                    raise Malformed(line, f"missing value for {key}")
                value = m2.group(0)
                i += len(value)
            if key in attrs:
                raise Malformed(line, f"attribute {key} given twice")
            attrs[key] = value
        else:
            if i < n and not text[i].isspace():
                raise Malformed(line, f"cannot read attribute at {text[i:]!r}")
            flags.append(key)
    return flags, attrs


def positive_number(value, key, line, integer=False):
    try:
        v = int(value) if integer else float(value)
    except ValueError:
        raise Malformed(line, f"{key}={value!r} is not a {'whole ' if integer else ''}number")
    if v <= 0:
        raise Malformed(line, f"{key} must be positive")
    return v


def parse_lesson(path):
    lesson = Lesson(path)
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except (OSError, UnicodeDecodeError) as e:
        lesson.errors.append((1, f"cannot read: {e}"))
        return lesson

    def err(line, msg):
        lesson.errors.append((line, msg))

    # --- front matter
    i = 0
    if not lines or lines[0].strip() != "---":
        err(1, "missing front matter: the file must start with a '---' line")
    else:
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            raw = lines[i]
            if raw.strip() and not raw.lstrip().startswith("#"):
                m = re.match(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$", raw)
                if not m:
                    err(i + 1, f"front matter line is not 'key: value': {raw!r}")
                else:
                    key, value = m.group(1), m.group(2).strip()
                    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                        value = value[1:-1]
                    if key not in FRONT_MATTER_KEYS:
                        err(i + 1, f"unknown front matter key {key!r}")
                    elif key in lesson.meta:
                        err(i + 1, f"front matter key {key!r} given twice")
                    elif not value:
                        err(i + 1, f"front matter key {key!r} has no value")
                    else:
                        lesson.meta[key] = value
            i += 1
        if i >= len(lines):
            err(1, "front matter is not closed by a '---' line")
            return lesson
        for key in ("id", "title"):
            if key not in lesson.meta:
                err(i + 1, f"front matter lacks required key {key!r}")
        if "id" in lesson.meta and not ID_RE.match(lesson.meta["id"]):
            err(2, f"id {lesson.meta['id']!r} should be lowercase letters, digits and '-'")
        i += 1

    # --- body
    step = None             # current step title
    fence = None            # (marker, line, info) while inside a fenced block
    body = []
    last_demo_group = None  # group the next check attaches to (same step only)
    after_demo = False      # a note may follow a demo
    while i < len(lines):
        raw = lines[i]
        lineno = i + 1
        if fence is not None:
            marker, fline, info = fence
            stripped = raw.strip()
            if stripped and set(stripped) == {marker[0]} and len(stripped) >= len(marker) \
                    and len(raw) - len(raw.lstrip(" ")) <= 3:
                fence = None
                try:
                    last_demo_group = handle_block(lesson, info, fline, body, step, last_demo_group)
                except Malformed as e:
                    err(e.line, e.message)
                body = []
            else:
                body.append(raw)
            i += 1
            continue
        m = FENCE_RE.match(raw)
        if m:
            marker, info = m.group(1), m.group(2).strip()
            if marker[0] == "`" and "`" in info:
                err(lineno, "a backtick fence's info string may not contain backticks")
            fence = (marker, lineno, info)
            body = []
            i += 1
            continue
        if raw.startswith("## "):
            step = raw[3:].strip()
            if not step:
                err(lineno, "empty step heading")
            lesson.steps.append([step, lineno, False, 0, 0])
            last_demo_group = None
        elif raw.startswith("# "):
            if lesson.title is None and not lesson.steps:
                lesson.title = raw[2:].strip()
            elif lesson.steps:
                err(lineno, "a '# ' heading after the steps began; use '## ' for a step")
        elif raw.startswith(">") and lesson.steps:
            lesson.steps[-1][2] = True
        i += 1
    if fence is not None:
        err(fence[1], "code fence is never closed")
    if lesson.title is None:
        err(1, "missing '# Title' line before the first step")
    if not lesson.steps:
        err(1, "no steps: a lesson needs '## ' headings")
    for title, line, has_note, demos, checks in lesson.steps:
        if demos == 0:
            lesson.warnings.append((line, f"step {title!r} has no demo"))
        if checks == 0:
            lesson.warnings.append((line, f"step {title!r} has no check"))
        if not has_note:
            lesson.warnings.append((line, f"step {title!r} has no '>' note"))
    return lesson


def handle_block(lesson, info, line, body, step, last_demo_group):
    """Record one fenced block; return the group a following check attaches to."""
    words = info.split(None, 1)
    if not words or words[0] != "python":
        return last_demo_group          # another language: shown, not run
    rest = words[1] if len(words) > 1 else ""
    kind_m = re.match(r"^(\S+)\s*(.*)$", rest)
    if not kind_m:
        return last_demo_group          # plain ```python: shown code
    kind, attr_text = kind_m.group(1), kind_m.group(2)
    if kind not in ("demo", "check"):
        raise Malformed(line, f"unknown python block kind {kind!r} (expected demo or check)")
    flags, attrs = parse_attrs(attr_text, line)
    code = "\n".join(body) + "\n"
    if step is None:
        raise Malformed(line, f"python {kind} block before the first '## ' step")
    if kind == "demo":
        for f in flags:
            if f not in DEMO_FLAGS:
                raise Malformed(line, f"unknown demo flag {f!r}")
        for k in attrs:
            if k not in DEMO_ATTRS:
                raise Malformed(line, f"unknown demo attribute {k!r}")
        if "gil" in attrs and attrs["gil"] not in ("0", "1"):
            raise Malformed(line, f"gil={attrs['gil']!r} must be 0 or 1")
        if "timeout" in attrs:
            attrs["timeout"] = positive_number(attrs["timeout"], "timeout", line)
    else:
        for f in flags:
            if f not in CHECK_FLAGS:
                raise Malformed(line, f"unknown check flag {f!r}")
        for k in attrs:
            if k not in CHECK_ATTRS:
                raise Malformed(line, f"unknown check attribute {k!r}")
        if "tries" in attrs:
            if "sometimes" not in flags:
                raise Malformed(line, "tries= only makes sense on a 'check sometimes' block")
            attrs["tries"] = positive_number(attrs["tries"], "tries", line, integer=True)
        if "timeout" in attrs:
            attrs["timeout"] = positive_number(attrs["timeout"], "timeout", line)
    if not code.strip():
        raise Malformed(line, f"empty python {kind} block")
    code_line = line + 1
    try:
        compile("\n" * (code_line - 1) + code, lesson.path, "exec")
    except SyntaxError as e:
        raise Malformed(e.lineno or line, f"syntax error in python {kind}: {e.msg}")
    block = Block(kind, line, code_line, code, attrs, set(flags), step)
    cur = lesson.steps[-1]
    if kind == "demo":
        cur[3] += 1
        group = (block, [])
        lesson.groups.append(group)
        return group
    cur[4] += 1
    if last_demo_group is None:
        raise Malformed(line, "python check block with no preceding demo in this step")
    last_demo_group[1].append(block)
    return last_demo_group


# ---------------------------------------------------------------- running

class Tee(io.TextIOBase):
    """Writes to the real stdout and keeps a copy (shared by all threads)."""

    def __init__(self, real):
        self.real = real
        self.parts = []
        self.lock = threading.Lock()

    def write(self, s):
        with self.lock:
            self.parts.append(s)
        self.real.write(s)
        return len(s)

    def flush(self):
        self.real.flush()

    def value(self):
        with self.lock:
            return "".join(self.parts)


class DemoTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise DemoTimeout()


def run_checks(checks, ns, path):
    """Runs a step's check blocks in its namespace: [(ok, line, message, sometimes)]."""
    results = []
    for c in checks:
        try:
            run_code(c, ns, path, c.attrs.get("timeout", DEFAULT_TIMEOUT))
            results.append((True, c.line, "", "sometimes" in c.flags))
        except BaseException as e:  # noqa: B902
            if isinstance(e, KeyboardInterrupt):
                raise
            results.append((False, c.line, describe_exc(e, path), "sometimes" in c.flags))
    return results


def run_code(block, ns, path, timeout):
    """Exec block.code in ns on this (main) thread, bounded by timeout."""
    code = compile("\n" * (block.code_line - 1) + block.code, path, "exec")
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        exec(code, ns)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def describe_exc(e, path):
    """One-line reason plus the innermost traceback line inside the lesson."""
    if isinstance(e, DemoTimeout):
        return "timed out"
    tb = traceback.extract_tb(e.__traceback__)
    where = ""
    for fr in tb:
        if fr.filename == path:
            src = (fr.line or "").strip()
            where = f" (line {fr.lineno}: {src})" if src else f" (line {fr.lineno})"
    msg = str(e)
    name = type(e).__name__
    return f"{name}{': ' + msg if msg else ''}{where}"


def run_group(lesson, ns, demo, checks, attempt, tries):
    """Run one demo and its checks once. Returns (results, retryable)."""
    path = lesson.path
    tag = f" [try {attempt}/{tries}]" if attempt > 1 else ""
    label = f" name={demo.attrs['name']}" if "name" in demo.attrs else ""
    print(f"--- demo {path}:{demo.line}{label} ({demo.step}){tag}")
    if demo.attrs.get("gil") == "0":
        print("    (gil=0: the engine runs this demo without its GIL; CPython 3.11 runs it with the GIL,"
              " and its checks state the with-GIL claim)")
    sys.stdout.flush()
    if "deadlock" in demo.flags:
        return run_deadlock_group(lesson, ns, demo, checks)
    real_out, real_in = sys.stdout, sys.stdin
    tee = Tee(real_out)
    sys.stdout = tee
    sys.stdin = io.StringIO(demo.attrs.get("stdin", ""))
    demo_error = None
    try:
        run_code(demo, ns, path, demo.attrs.get("timeout", DEFAULT_TIMEOUT))
    except BaseException as e:  # noqa: B902 - report every failure, incl. SystemExit
        if isinstance(e, KeyboardInterrupt):
            raise
        demo_error = e
    finally:
        try:
            sys.stdout.flush()
        except Exception:
            pass
        sys.stdout, sys.stdin = real_out, real_in
    out = tee.value()
    if out and not out.endswith("\n"):
        print()
    results = []
    if demo_error is not None:
        results.append((False, demo.line, f"demo raised {describe_exc(demo_error, path)}", False))
        if not isinstance(demo_error, DemoTimeout):
            traceback.print_exception(type(demo_error), demo_error, demo_error.__traceback__, file=sys.stdout)
        for c in checks:
            results.append((False, c.line, "not run: its demo failed", False))
        return results
    ns["demo_output"] = out
    return results + run_checks(checks, ns, path)


WATCHDOG = r"""
import os, sys, threading, time

def _verify_watchdog(path, wait):
    time.sleep(wait)
    frames = sys._current_frames()
    lines = [f"no progress for {wait:g} s: the demo's threads are stuck"
             " (CPython has no deadlock detector; this is where each one waits)"]
    for t in threading.enumerate():
        if t is threading.current_thread():
            continue
        f = frames.get(t.ident)
        where = "the end of the program (waiting for the non-daemon threads)"
        while f is not None:
            if f.f_code.co_filename == path:
                import linecache
                src = linecache.getline(path, f.f_lineno).strip()
                where = f"line {f.f_lineno} in {f.f_code.co_name}: {src}"
                break
            f = f.f_back
        lines.append(f"  thread {t.name!r} waits at {where}")
    sys.stdout.flush()
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()
    os._exit(97)

_path, _code_line, _wait = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
_code = sys.stdin.read()
sys.stdin = open(os.devnull)
threading.Thread(target=_verify_watchdog, args=(_path, _wait), daemon=True, name="verify-watchdog").start()
exec(compile("\n" * (_code_line - 1) + _code, _path, "exec"), {"__name__": "__main__"})
"""


def run_deadlock_group(lesson, ns, demo, checks):
    """A `deadlock` demo under CPython: a child process; a hang is the expected deadlock."""
    import subprocess
    path = lesson.path
    print(f"    (deadlock: run in a child python3; a hang of {DEADLOCK_WAIT:g} s counts as the expected deadlock)")
    sys.stdout.flush()
    limit = demo.attrs.get("timeout", DEFAULT_TIMEOUT)
    try:
        child = subprocess.run([sys.executable, "-u", "-c", WATCHDOG, path, str(demo.code_line),
                                str(min(DEADLOCK_WAIT, limit))],
                               input=demo.code, capture_output=True, text=True,
                               timeout=limit + DEADLOCK_WAIT)
        out, err, status = child.stdout, child.stderr, child.returncode
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        err, status = "the child process did not end", None
    sys.stdout.write(out)
    if out and not out.endswith("\n"):
        print()
    results = []
    if status == 97:
        report = err[err.index("no progress for"):] if "no progress for" in err else err
        print(report, end="" if report.endswith("\n") else "\n")
    else:
        report = None
        why = "it finished" if status == 0 else f"it failed (status {status})"
        if status not in (0, None):
            print(err, end="")
        results.append((False, demo.line, f"no deadlock: {why}", False))
    ns["demo_output"] = out
    ns["deadlock_report"] = report
    return results + run_checks(checks, ns, path)


def run_lesson(lesson):
    failures = 0
    passes = 0
    ns = {"__name__": "__main__", "__builtins__": builtins}
    for demo, checks in lesson.groups:
        tries = max([c.attrs.get("tries", DEFAULT_TRIES) for c in checks if "sometimes" in c.flags] or [1])
        attempt = 1
        while True:
            results = run_group(lesson, ns, demo, checks, attempt, tries)
            failed = [r for r in results if not r[0]]
            retryable = failed and all(r[3] for r in failed)
            if not failed or not retryable or attempt >= tries:
                break
            for ok, line, msg, _ in failed:
                print(f"RETRY {lesson.path}:{line}: {msg}")
            attempt += 1
        for ok, line, msg, _ in results:
            if ok:
                passes += 1
                extra = f" (after {attempt} tries)" if attempt > 1 else ""
                print(f"PASS {lesson.path}:{line}{extra}")
            else:
                failures += 1
                print(f"FAIL {lesson.path}:{line}: {msg}")
        sys.stdout.flush()
    return passes, failures


def collect(args):
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    targets = args or [os.path.relpath(here)]
    files = []
    for t in targets:
        if os.path.isdir(t):
            files.extend(sorted(os.path.join(t, n) for n in os.listdir(t) if n.endswith(".md")
                                and n.lower() != "readme.md"))
        else:
            files.append(t)
    return files


def main(argv):
    files = collect(argv[1:])
    if not files:
        print("no lessons found")
        return 1
    total_pass = total_fail = malformed = 0
    ids = {}
    for path in files:
        lesson = parse_lesson(path)
        lid = lesson.meta.get("id")
        if lid is not None:
            if lid in ids:
                lesson.errors.append((2, f"id {lid!r} is also used by {ids[lid]}"))
            ids[lid] = path
        for line, msg in lesson.warnings:
            print(f"{path}:{line}: warning: {msg}")
        if lesson.errors:
            for line, msg in sorted(lesson.errors):
                print(f"{path}:{line}: {msg}")
            malformed += len(lesson.errors)
            print(f"=== {path}: malformed, not run")
            continue
        print(f"=== {path}: lesson {lid!r} — {len(lesson.steps)} steps, "
              f"{len(lesson.groups)} demos, {sum(len(c) for _, c in lesson.groups)} checks")
        t0 = time.perf_counter()
        p, f = run_lesson(lesson)
        total_pass += p
        total_fail += f
        print(f"=== {path}: {p} passed, {f} failed in {time.perf_counter() - t0:.1f}s")
    print(f"TOTAL: {total_pass} passed, {total_fail} failed, {malformed} malformed")
    return 1 if (total_fail or malformed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
