"""The ``transcript`` command against hostile surroundings (issue 13, findings 7-11 and 13).

Special files as ``-o`` destinations, symbolic links out of a validated directory, endless
standard input, transcript ids too long for a file name, unexpected exceptions in a reader,
SIGTERM and SIGKILL. Timeouts are generous: the machine may be loaded.
"""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

import transcript_model as tm
from transcript_model import cli
from transcript_model.cli import checking
from transcript_model.cli.inputs import InputFile
from transcript_model.cli.output import TEMP_SUFFIX, atomic_output, temp_name
from transcript_model.cli.report import describe_exception

from conftest import ROOT, SLOW_CONVERT

DATA = ROOT / "tests" / "data" / "cli"
VALID = DATA / "valid.json"
SECRET = "CANARY-SECRET-1234 api_token=abcd"
#: Seconds a subprocess may take on a loaded two-CPU machine before the test gives up.
PATIENCE = 120


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run the command in-process; returns (exit code, stdout, stderr)."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def command(*argv: str | Path) -> list[str]:
    return [sys.executable, "-m", "transcript_model", *(str(a) for a in argv)]


def valid_json(identifier: str) -> str:
    return tm.write(tm.read_one(VALID).model_copy(update={"id": identifier}), "json")


# ---------------------------------------------------------------- 7: -o and special files


def test_o_writes_through_a_fifo_and_keeps_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read_fifo() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read_fifo, daemon=True)
    reader.start()
    code, _, err = run(capsys, "convert", VALID, "--to", "json", "-o", fifo)
    reader.join(PATIENCE)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced by a regular file"
    assert not reader.is_alive(), "the reader never got the output"
    assert json.loads(received[0])["id"] == "cli-1"
    assert [p.name for p in tmp_path.iterdir()] == ["fifo"]


def test_o_writes_through_a_device_node(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a copy of /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    code, _, err = run(capsys, "convert", VALID, "--to", "json", "-o", null)
    assert code == 0, err
    after = null.lstat()
    assert stat.S_ISCHR(after.st_mode), "the device node was replaced by a regular file"
    assert after.st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_o_through_a_link_to_proc_self_fd_1_writes_to_stdout(tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = subprocess.run(
        command("convert", VALID, "--to", "json", "-o", link),
        capture_output=True,
        timeout=PATIENCE,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert json.loads(result.stdout)["id"] == "cli-1"
    assert [p.name for p in tmp_path.iterdir()] == ["stdout"]


def test_o_through_a_link_to_a_file_replaces_the_target_and_keeps_the_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    code, _, err = run(capsys, "convert", VALID, "--to", "json", "-o", link)
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == "cli-1"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["out.json"]


def test_o_through_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    with atomic_output(link) as handle:
        handle.write("x\n")
    assert link.is_symlink()
    assert (tmp_path / "new.json").read_text(encoding="utf-8") == "x\n"


@pytest.mark.parametrize("special_bits", [stat.S_ISUID, stat.S_ISGID, stat.S_ISVTX])
def test_o_never_copies_setuid_setgid_or_sticky_bits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, special_bits: int
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o755 | special_bits)
    code, _, err = run(capsys, "convert", VALID, "--to", "json", "-o", target)
    assert code == 0, err
    mode = target.stat().st_mode
    assert stat.S_IMODE(mode) == 0o755, oct(mode)
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == "cli-1"


def test_o_at_a_socket_is_refused_and_left_alone(capsys: pytest.CaptureFixture[str]) -> None:
    # A short directory: socket paths are limited to about 100 bytes.
    with tempfile.TemporaryDirectory(dir="/tmp") as directory:
        path = Path(directory) / "sock"
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(path))
            code, _, err = run(capsys, "convert", VALID, "--to", "json", "-o", path)
        finally:
            server.close()
        assert code == 2
        assert "is a socket" in err and "Traceback" not in err
        assert stat.S_ISSOCK(path.lstat().st_mode)


def test_temporary_names_are_short_and_fixed_length() -> None:
    names = {temp_name() for _ in range(50)}
    assert len(names) == 50
    assert all(len(name) <= 33 and name.endswith(TEMP_SUFFIX) for name in names)


# ---------------------------------------------------------------- 8: symbolic links in walks


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """A transcript directory with links to a secret outside it, and a valid file."""
    outside = tmp_path / "runner"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\nmore secrets\n", encoding="utf-8")
    (outside / "nested").mkdir()
    (outside / "nested" / "b.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    repo = tmp_path / "transcripts"
    repo.mkdir()
    (repo / "a.txt").symlink_to(outside / "secret.txt")
    (repo / "dir").symlink_to(outside / "nested")
    (repo / "ok.json").write_text(valid_json("ok"), encoding="utf-8")
    (repo / "inside.json").symlink_to("ok.json")  # a link within the tree is still read
    return repo


@pytest.mark.parametrize("output_format", ["text", "github", "json"])
def test_validate_does_not_follow_links_out_of_a_directory(
    capsys: pytest.CaptureFixture[str], linked: Path, output_format: str
) -> None:
    code, out, err = run(capsys, "validate", "--output-format", output_format, linked)
    assert SECRET[:6] not in out + err
    assert code == 0, out + err
    assert f"{linked / 'a.txt'}: [skipped] warning: not read: a symbolic link" in err
    assert f"{linked / 'dir'}: [skipped] warning" in err
    assert "checked 2 files: 2 valid" in err


def test_validate_does_not_follow_links_out_of_a_glob(
    capsys: pytest.CaptureFixture[str], linked: Path
) -> None:
    code, out, err = run(capsys, "validate", f"{linked}/*.txt", f"{linked}/**/*.json")
    assert SECRET[:6] not in out + err
    assert f"{linked / 'a.txt'}: [skipped] warning" in err
    assert "checked 2 files: 2 valid" in err
    assert code == 0


def test_convert_does_not_follow_links_out_of_a_directory(
    capsys: pytest.CaptureFixture[str], linked: Path, tmp_path: Path
) -> None:
    (linked / "inside.json").unlink()  # it would write ok.json a second time
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "convert", linked, "--to", "json", "--out-dir", out_dir)
    assert SECRET[:6] not in err
    assert f"{linked / 'a.txt'}: [skipped] warning" in err
    assert code == 0, err
    assert [p.name for p in out_dir.iterdir()] == ["ok.json"]


def test_follow_symlinks_reads_links_out_of_a_directory(
    capsys: pytest.CaptureFixture[str], linked: Path
) -> None:
    code, out, err = run(capsys, "validate", "--follow-symlinks", linked)
    assert "[skipped]" not in err
    assert str(linked / "a.txt") in out  # the secret file is read: not a transcript
    assert str(linked / "dir" / "b.txt") in out
    assert "checked 4 files" in err
    assert code == 1


def test_follow_symlinks_walks_each_directory_once_even_in_a_loop(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "x.json").write_text(valid_json("x"), encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root)
    code, _, err = run(capsys, "validate", "--follow-symlinks", root)
    assert code == 0, err
    assert "checked 1 file: 1 valid" in err


def test_a_fifo_in_a_directory_is_skipped_not_read(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    root.mkdir()
    os.mkfifo(root / "pipe.json")
    (root / "link.json").symlink_to(root / "pipe.json")
    (root / "ok.json").write_text(valid_json("ok"), encoding="utf-8")
    try:
        result = subprocess.run(
            command("validate", root),
            capture_output=True,
            text=True,
            timeout=PATIENCE,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("validating a directory hung on a FIFO")
    assert result.returncode == 0, result.stderr
    assert "pipe.json: [skipped] warning: not read: not a regular file" in result.stderr
    assert "link.json: [skipped] warning" in result.stderr
    assert "checked 1 file: 1 valid" in result.stderr


# ---------------------------------------------------------------- 9: no exception stops a batch


@pytest.mark.parametrize(
    "failure", [LookupError("rot13"), ValueError("4300 digits"), MemoryError()]
)
def test_an_unexpected_exception_is_a_problem_of_one_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    failure: Exception,
) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.json").write_text(valid_json(name), encoding="utf-8")
    original = checking._refuse_export_only

    def refuse(item: InputFile, forced: str | None) -> None:
        if item.display.endswith("b.json"):
            raise failure
        original(item, forced)

    monkeypatch.setattr(checking, "_refuse_export_only", refuse)
    code, out, err = run(capsys, "validate", tmp_path)
    assert code == 2
    assert out == (
        f"{tmp_path / 'b.json'}: [internal_error] internal error: {type(failure).__name__}"
        f"{': ' + str(failure) if str(failure) else ''}\n"
    )
    assert "checked 3 files: 2 valid, 0 invalid, 1 unreadable" in err


def test_a_long_exception_text_is_cut_short() -> None:
    text = describe_exception(ValueError("x" * 10_000))
    assert len(text) < 200 and text.endswith("…")


# ---------------------------------------------------------------- 10: bounded standard input


class _EndlessZeros(io.RawIOBase):
    """A stdin that never ends and refuses to be read whole."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        buffer[:size] = bytes(size)
        self.given += size
        return size

    def readall(self) -> bytes:
        raise AssertionError("standard input was read whole, without a bound")


def test_stdin_is_read_only_up_to_the_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    endless = _EndlessZeros()
    stdin = io.TextIOWrapper(io.BufferedReader(endless, buffer_size=1))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, "validate", "-", "--max-bytes", "1000000")
    assert code == 2, err
    assert "<stdin>: [too_large] the input holds more than the limit of 1,000,000 bytes" in out
    assert endless.given <= 1_000_001 + (1 << 20)
    assert "checked 1 file: 0 valid, 0 invalid, 1 unreadable" in err


def _limit_memory() -> None:
    import resource

    # Unbounded reading would end in MemoryError here instead of eating the machine.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_endless_stdin_is_refused_as_too_large() -> None:
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(
            command("validate", "-", "--max-bytes", "5000000"),
            stdin=zeros,
            capture_output=True,
            text=True,
            timeout=PATIENCE,
            preexec_fn=_limit_memory,
            check=False,
        )
    assert result.returncode == 2, result.stderr
    assert "[too_large] the input holds more than the limit of 5,000,000 bytes" in result.stdout
    assert "MemoryError" not in result.stdout + result.stderr


def test_convert_stdin_over_the_limit_is_a_failed_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" " * 2000)))
    code, _, err = run(capsys, "convert", "-", "--to", "json", "--max-bytes", "1000")
    assert code == 2
    assert "<stdin>: [too_large]" in err


# ---------------------------------------------------------------- 11: long ids in a batch


def test_a_long_id_converts_and_a_too_long_one_fails_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    long_id = "a" + "b" * 229  # 230 characters: "<id>.tei.xml" fits in 255 bytes
    too_long_id = "c" + "d" * 249  # 250: "<id>.tei.xml" does not
    for name, identifier in [("1", "first"), ("2", long_id), ("3", too_long_id), ("4", "last")]:
        (inputs / f"{name}.json").write_text(valid_json(identifier), encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "convert", inputs, "--to", "tei", "--out-dir", out_dir, "-j", "1")
    assert code == 1, err
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == sorted(f"{i}.tei.xml" for i in ("first", long_id, "last"))
    assert f"{inputs / '3.json'}: [not_written] output cddd" in err
    assert "file name too long" in err
    assert "converted 3 inputs (3 transcripts, 3 files written to" in err
    assert "1 failed, 0 skipped" in err


def test_a_write_error_fails_one_input_and_the_batch_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b", "c"):
        (inputs / f"{name}.json").write_text(valid_json(name), encoding="utf-8")
    out_dir = tmp_path / "out"
    (out_dir / "b.json").mkdir(parents=True)  # a directory where b's output should go
    code, _, err = run(capsys, "convert", inputs, "--to", "json", "--out-dir", out_dir, "-j", "1")
    assert code == 1, err
    assert f"{inputs / 'b.json'}: [not_written] output b.json could not be written" in err
    assert (out_dir / "a.json").is_file() and (out_dir / "c.json").is_file()
    assert "converted 2 inputs" in err and "1 failed" in err


# ---------------------------------------------------------------- 13: signals, leftovers




@pytest.fixture
def many_inputs(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    transcript = tm.read_one(VALID)
    for number in range(200):
        copy = transcript.model_copy(update={"id": f"t{number}"})
        (inputs / f"{number}.json").write_text(tm.write(copy, "json"), encoding="utf-8")
    return inputs


def _start_slow_batch(inputs: Path, out_dir: Path, stderr: object) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-c", SLOW_CONVERT, "convert", str(inputs), "--to", "json",
            "--out-dir", str(out_dir), "-j", "2"]  # fmt: skip
    process = subprocess.Popen(argv, stderr=stderr, env={**os.environ, "CI": "1"})
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline and len(list(out_dir.glob("*.json"))) < 5:
        time.sleep(0.02)
    return process


def test_sigterm_on_a_parallel_batch_cleans_up_and_says_so(
    many_inputs: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    process = _start_slow_batch(many_inputs, out_dir, subprocess.PIPE)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=PATIENCE)
    assert process.returncode == 143, err
    assert b"terminated" in err
    assert b"Traceback" not in err
    assert b"converted " in err  # the summary of what was done before
    written = list(out_dir.iterdir())
    assert 5 <= len(written) < 200
    assert not [p for p in written if not p.name.endswith(".json")]  # no temporary files
    assert all(tm.read_one(p).id == p.stem for p in written)


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")  # a zombie has exited; its new parent may not reap it


def test_workers_die_quietly_when_the_parent_is_killed(many_inputs: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    log = tmp_path / "stderr.log"
    with open(log, "wb") as stderr:
        process = _start_slow_batch(many_inputs, out_dir, stderr)
        workers = _children(process.pid)
        process.kill()
        process.wait(PATIENCE)
    assert workers, "the batch ran no worker processes"
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline and not all(_gone(pid) for pid in workers):
        time.sleep(0.05)
    assert all(_gone(pid) for pid in workers), "workers outlived their parent"
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text and "BrokenPipeError" not in text, text


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_next_run_removes_only_its_own_leftovers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dead = _dead_pid()
    old = time.time() - 60
    leftover = out_dir / f".transcript-{dead}-0123abcd.part"
    kept = {
        f".transcript-{os.getpid()}-0123abcd.part": old,  # its writer is alive
        f".transcript-{dead}-4567abcd.part.bak": old,  # not the pattern
        f".transcript-{dead}-0123abc.part": old,  # not the pattern
        f".cli-1.json.0123456789ab{TEMP_SUFFIX}": old,  # an older version's name
        "notes.part": old,
        f".transcript-{dead}-89abcdef.part": time.time() + 60,  # newer than this run
    }
    leftover.write_text("half", encoding="utf-8")
    os.utime(leftover, (old, old))
    for name, when in kept.items():
        (out_dir / name).write_text("keep", encoding="utf-8")
        os.utime(out_dir / name, (when, when))
    code, _, err = run(capsys, "convert", VALID, "--to", "json", "--out-dir", out_dir)
    assert code == 0, err
    assert not leftover.exists()
    assert "removed 1 temporary file left in" in err
    assert sorted(p.name for p in out_dir.iterdir()) == sorted([*kept, "cli-1.json"])


def test_a_killed_run_leaves_a_part_file_that_the_next_run_removes(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    # A writer that stops for good in the middle of a file, as a killed run would.
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from transcript_model.cli.output import atomic_output\n"
        "with atomic_output(Path(sys.argv[1]) / 'x.json') as handle:\n"
        "    handle.write('half'); handle.flush(); print('ready', flush=True); time.sleep(600)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(out_dir)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    (part,) = out_dir.iterdir()
    assert len(part.name) <= 33 and part.name.endswith(TEMP_SUFFIX)
    before = subprocess.run(
        command("convert", VALID, "--to", "json", "--out-dir", out_dir),
        capture_output=True, text=True, timeout=PATIENCE, check=False,
    )  # fmt: skip
    assert before.returncode == 0, before.stderr
    assert part.exists(), "a temporary file of a running writer was removed"
    writer.kill()
    writer.wait(PATIENCE)
    time.sleep(0.05)  # the leftover must be older than the next run's start
    after = subprocess.run(
        command("convert", VALID, "--to", "json", "--out-dir", out_dir),
        capture_output=True, text=True, timeout=PATIENCE, check=False,
    )  # fmt: skip
    assert after.returncode == 0, after.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["cli-1.json"]
