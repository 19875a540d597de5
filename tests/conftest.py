"""Collects the expert-written YAML cases in tests/cases/ as test items (a pytest plugin, like OpenFisca's
YAML tests): each entry's case is evaluated and compared with its ``expect``; a failure prints the file,
the case id and a readable difference."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kit.baselines import LibraryError, load_library, sample_library
from kit.engine import CaseError, evaluate
from kit.cases import load_expert_case, read_case_file
from kit.engine.expectations import Expected, differences

CASES_DIR = Path(__file__).parent / "cases"


@pytest.fixture(scope="session")
def library():
    return sample_library()


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == ".yaml" and file_path.parent == CASES_DIR:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    """An expert case file, read through the engine's located loader (a broken file names line and column)."""

    def collect(self):
        try:
            data = read_case_file(self.path)
        except LibraryError as error:
            raise self.CollectError(error.report()) from None
        entries = data.get("cases") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise self.CollectError(f"{self.path}: expected a mapping with a cases: list")
        for index, entry in enumerate(entries):
            case = entry.get("case") if isinstance(entry, dict) else None
            name = str(case.get("id")) if isinstance(case, dict) and case.get("id") else f"cases[{index}]"
            yield CaseItem.from_parent(self, name=name, entry=entry, index=index)


class CaseMismatch(Exception):
    pass


class CaseItem(pytest.Item):
    _library = None

    def __init__(self, *, entry: dict, index: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.entry = entry
        self.index = index

    def runtest(self):
        expect = dict(self.entry.get("expect") or {})
        load_error = expect.pop("load_error", None)
        refused = expect.pop("refused", None)  # the engine must refuse the case, naming this field
        try:
            library = self._load()
        except LibraryError as error:
            if load_error and (load_error in error.report("en") or load_error in error.report()):
                return
            raise CaseMismatch([f"library failed to load: {error.report()}"], None) from None
        if load_error:
            raise CaseMismatch([f"expected a load error containing {load_error!r}; the library loaded"], None)
        expected = Expected.model_validate(expect)
        try:  # the same located loader as `kit evaluate`
            case = load_expert_case(self.path, self.index, library)
            decision = evaluate(library, case)
        except (LibraryError, CaseError) as error:
            if refused and any(f"{refused}{sep}" in str(error) for sep in (":", "：")):  # en / zh
                return
            raise CaseMismatch([f"case refused: {error}" if not refused else
                                f"refused, but not naming {refused!r}: {error}"], None) from None
        if refused:
            raise CaseMismatch([f"expected the engine to refuse the case naming {refused!r}; it decided"], decision)
        diff = differences(decision, expected)
        for step in decision.trace:  # every step explains itself with a citation, in both languages
            if not (step.citation and step.text("zh") and step.text("en")):
                diff.append(f"trace step {step.rule} lacks a citation or a text")
        if diff:
            raise CaseMismatch(diff, decision)

    def _load(self):
        if "library" in self.entry:
            return load_library(Path(__file__).parent / self.entry["library"])
        if CaseItem._library is None:
            CaseItem._library = sample_library()
        return CaseItem._library

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CaseMismatch):
            diff, decision = excinfo.value.args
            return "\n".join([f"{self.path.name} · case {self.name}", *("  " + d for d in diff), "",
                              decision.summary("zh") if decision else ""])
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"case {self.name}"


# ---------------------------------------------------------------- a real Voila server and Debian chromium

ROOT = Path(__file__).resolve().parents[1]
SERVE_SH = ROOT / "scripts" / "serve.sh"
VOILA_START_TIMEOUT = 90  # seconds until Voila answers HTTP
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags chromium stalls on the closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except OSError:
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)  # Voila shuts its kernels down on SIGTERM
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _start(log_path: Path):
    """Voila on notebooks/ exactly as `make serve` starts it (scripts/serve.sh), on a free port."""
    port = _free_port()
    env = dict(os.environ, PORT=str(port), PYTHON=sys.executable)
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(["bash", str(SERVE_SH)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + VOILA_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return proc, None  # e.g. the port was taken in between: retry
        if _answers(base + "/"):
            return proc, base
        time.sleep(0.3)
    return proc, None


def start_voila(log_path: Path) -> tuple[subprocess.Popen, str]:
    """A started Voila server and its base URL (three tries on fresh ports); the test fails with its log."""
    for _attempt in range(3):
        proc, base = _start(log_path)
        if base is not None:
            return proc, base
        _stop(proc)
    pytest.fail(f"Voila did not start (scripts/serve.sh). Log:\n{log_path.read_text(errors='replace')[-4000:]}")


@pytest.fixture(scope="module")
def voila_base(tmp_path_factory):
    """The base URL of a real Voila server on notebooks/; its log is shown if it does not start."""
    proc, base = start_voila(tmp_path_factory.mktemp("voila") / "voila.log")
    try:
        yield base
    finally:
        _stop(proc)


@pytest.fixture
def chromium() -> tuple[str, list[str]]:
    """Debian's chromium and the launch arguments it needs here; a clear failure when it is missing."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: run `make system-deps` (installs Debian chromium and fonts-noto-cjk)")
    return CHROMIUM, CHROMIUM_ARGS


@pytest.fixture
def browser(chromium):
    """Debian's chromium launched headless through playwright for one test, closed after it."""
    from playwright.sync_api import sync_playwright

    executable, args = chromium
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=args, headless=True)
        try:
            yield launched
        finally:
            launched.close()


def http_get(url: str) -> tuple[int, str]:
    """(status, body) of a GET, an HTTP error's status and body included (the pages' tests read both)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


@pytest.fixture
def sqlite_store(tmp_path):
    """A migrated SQLite store of the kit's own in the test's folder, as a SQLAlchemy engine."""
    from kit.store import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'kit.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()
