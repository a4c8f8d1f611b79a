"""Writing a command's files: never half a file, never one the user did not name.

Every file is written to a temporary name beside its place and renamed into place; one
guard (`_temporary`) removes the temporary file or directory on any failure and on
SIGINT, SIGTERM and SIGHUP, for single files and directories alike. A `Writer` carries
what every write obeys: --force, and the dataset in use, none of whose files is ever
replaced. Commands get theirs from the Click context (`context.writer`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from msgspec import Struct

from policy_targets.comparisons.errors import UsageError

from .safe_text import line_safe


def _names_a_directory(value: str) -> bool:
    """A trailing slash, `.` or `..`: a directory, which a Path would silently drop
    (`-o newdir/` and `-o newdir/.` would write a file `newdir`)."""
    last = value.rstrip("/" + os.sep).rpartition("/")[2].rpartition(os.sep)[2]
    return value.endswith(("/", os.sep)) or last in (".", "..") or value in (".", "..")


def output_path(value: str) -> Path:
    """An --output (or --plot) argument: a file name, not a directory's."""
    if _names_a_directory(value):
        raise typer.BadParameter(f"{line_safe(value)} names a directory; give a file name")
    return Path(value)


class DirectoryName(type(Path())):  # type: ignore[misc]
    """A path given with a trailing slash: a directory, never the name of a file."""


def export_output_path(value: str) -> Path:
    """`export --output`: a file, or a directory for a data package. A trailing slash
    is kept as DirectoryName, so that no file is written under a directory's name."""
    return DirectoryName(value) if _names_a_directory(value) else Path(value)


class Writer(Struct, frozen=True):
    """What every file a command writes obeys: `force` (--force: an existing regular
    file may be replaced) and `data` (--data, None for the bundled data): the dataset
    in use, none of whose files is ever replaced, with --force or without."""

    force: bool = False
    data: Path | None = None

    def check(self, *paths: Path | None) -> None:
        """A UsageError unless each of `paths` (None: not asked for) could be written,
        or when two of them name one file: checked before anything is written, so that
        a refused run leaves no file behind."""
        given = [path for path in paths if path is not None]
        for position, path in enumerate(given):
            for other in given[position + 1 :]:
                if _same_file(path, other):
                    raise UsageError(
                        f"--plot and --output both name {_shown(other)}; "
                        "give the chart a file of its own"
                    )
        for path in given:
            self._checked(path)

    def file(self, path: Path, payload: bytes | Iterable[bytes]) -> None:
        """Write `payload` (bytes, or pieces of it) to `path` through a temporary file in
        the same directory, so that a failure at any point leaves no half-written file.

        The file is put in place without replacing anything, unless `force` is given: a
        file that appeared at `path` while the payload was written is kept too. Even with
        `force`, only a regular file is replaced, never a data file of the dataset in
        use, a device, a FIFO or a directory."""
        target = self._checked(path)
        try:
            with _temporary(target.parent, path.parent, directory=False) as temporary:
                with open(temporary, "wb") as handle:
                    for piece in [payload] if isinstance(payload, bytes) else payload:
                        handle.write(piece)
                # mkstemp makes the file private (0600); the output gets the mode of the
                # file it replaces, or what the umask gives a new file, as any program's.
                os.chmod(temporary, _mode_for(target))
                self._put_in_place(temporary, target, path)
        except OSError as exc:
            raise UsageError(f"cannot write {_shown(path)}: {exc.strerror}") from None

    def directory(self, directory: Path, files: dict[str, bytes]) -> None:
        """Write `files` (name → bytes) into `directory`, all or nothing: they are
        written to a temporary directory beside it first. A new directory appears whole;
        into an existing one the files are moved one by one, and an existing file of the
        same name is replaced only with --force. Other files in it are left alone."""
        if directory.exists() and not directory.is_dir():
            raise UsageError(f"{directory} is a file; give a directory for the data package")
        if directory.is_dir():
            for name in files:  # each a new or regular file, no data file, as for --output
                self._checked(directory / name)
        parent = directory.parent if str(directory.parent) else Path(".")
        if not parent.is_dir():
            raise UsageError(f"directory {parent} does not exist; create it first")
        try:
            with _temporary(parent, parent, directory=True) as temporary:
                for name, payload in files.items():
                    (Path(temporary) / name).write_bytes(payload)
                    os.chmod(Path(temporary) / name, _mode_for(directory / name))
                if directory.exists():
                    for name in files:
                        os.replace(Path(temporary) / name, directory / name)
                else:
                    # mkdtemp's directory is private (0700); the package gets the umask's.
                    os.chmod(temporary, _mode_for(directory, new=0o777))
                    os.rename(temporary, directory)
        except OSError as exc:
            raise UsageError(f"cannot write {directory}: {exc.strerror}") from None

    def _checked(self, path: Path) -> Path:
        """The file `path` names, after following symbolic links, if writing it is allowed."""
        shown = _shown(path)
        if isinstance(path, DirectoryName):
            raise UsageError(f"{shown}/ names a directory; give a file name")
        try:
            status = os.stat(path)  # what the name resolves to, through any symbolic link
        except FileNotFoundError:
            status = None
        except NotADirectoryError:
            raise UsageError(f"{_shown(path.parent)} is not a directory") from None
        except OSError as exc:
            raise UsageError(f"cannot write {shown}: {exc.strerror}") from None
        if status is not None and not stat.S_ISREG(status.st_mode):
            kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            if kind == "a directory":
                raise UsageError(f"{shown} is a directory; give a file name")
            raise UsageError(f"{shown} is {kind}, not a regular file; give a file name")
        try:
            target = Path(os.path.realpath(path))
        except OSError:  # a relative name, and no working directory (it was deleted)
            raise UsageError(
                f"cannot write {shown}: the working directory no longer exists; give an absolute path"
            ) from None
        if status is not None:
            data_file = _data_file(status, self.data)
            if data_file is not None:
                same = os.path.abspath(path) == os.path.abspath(data_file)
                what = "a data file" if same else f"the data file {_shown(data_file)}"
                raise UsageError(f"{shown} is {what} of the dataset; write the output elsewhere")
            if not self.force:
                from .messages import OutputExists

                raise OutputExists(shown)
        directory = target.parent
        if not directory.is_dir():
            given = _shown(path.parent if str(path.parent) else ".")
            if os.path.islink(path):  # a dangling link: the directory it points into
                given = f"{_shown(directory)} (where {shown} points)"
            if directory.exists():
                raise UsageError(f"{given} is not a directory")
            raise UsageError(f"directory {given} does not exist; create it first")
        return target

    def _put_in_place(self, temporary: str, target: Path, path: Path) -> None:
        if self.force:
            # Checked again just before the rename: what is there now must still be a
            # regular file that is no data file.
            self._checked(path)
            os.replace(temporary, target)
            return
        try:
            # A hard link fails when the name exists: a file that appeared meanwhile stays.
            os.link(temporary, target)
        except FileExistsError:
            raise UsageError(
                f"{_shown(path)} was created while the output was written; pass --force to overwrite it"
            ) from None
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            # A file system without hard links: claim the name exclusively, then fill it.
            try:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                raise UsageError(
                    f"{_shown(path)} was created while the output was written; "
                    "pass --force to overwrite it"
                ) from None
            os.replace(temporary, target)


_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}


def _mode_for(path: Path, new: int = 0o666) -> int:
    """The mode of the file at `path`, or what the umask gives a new one (`new`: 0o666 for
    a file, 0o777 for a directory)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return new & ~umask


def _data_file(status: os.stat_result, data: Path | None) -> Path | None:
    """The data file of the dataset in `data` (None: the bundled one) that is the same
    file as `status`, if any."""
    from policy_targets.comparisons.layout import data_files, resolve_data_dir

    try:
        candidates = data_files(resolve_data_dir(data))
    except OSError:
        return None
    for candidate in candidates:
        try:
            found = os.stat(candidate)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (status.st_dev, status.st_ino):
            return candidate
    return None


def _same_file(first: Path, second: Path) -> bool:
    """Whether two names are one file: the same path once links are followed, or the
    same existing file (a hard link)."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist yet
        pass
    try:
        return os.path.realpath(first) == os.path.realpath(second)
    except OSError:  # no working directory: a relative name is refused when it is checked
        return os.path.normpath(first) == os.path.normpath(second)


def _shown(path: Path | str) -> str:
    return line_safe(str(path))


def _remove(path: str) -> None:
    """Remove a temporary file or directory; nothing when it is gone (renamed into place)."""
    if os.path.isdir(path) and not os.path.islink(path):
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        return
    try:
        os.unlink(path)
    except OSError:
        pass


_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


@contextmanager
def _temporary(place: Path, shown: Path, directory: bool) -> Iterator[str]:
    """A temporary file (or directory) in `place`, a short name of fixed length so that
    any name the output may have still fits. Removed on leaving unless it was renamed
    into place, and on SIGINT, SIGTERM and SIGHUP before the process ends; `shown`: the
    directory named in an error."""
    import tempfile

    with _removed_on_signal() as guard:
        try:
            # Signals wait until the name is known, so that it is always removed.
            with guard.deferred():
                if directory:
                    guard.temporary = tempfile.mkdtemp(dir=place, prefix=".policy-", suffix=".tmp")
                else:
                    fd, guard.temporary = tempfile.mkstemp(
                        dir=place, prefix=".policy-", suffix=".tmp"
                    )
                    os.close(fd)
        except OSError as exc:
            where = _shown(shown if str(shown) else ".")
            raise UsageError(f"cannot write to {where}: {exc.strerror}") from None
        yield guard.temporary


class _Interrupted(BaseException):
    """Raised by the signal handler, so that `finally` blocks run before the process ends."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class _removed_on_signal:  # noqa: N801 - used as a context manager, like contextlib's
    """While the block runs, SIGINT, SIGTERM and SIGHUP end it with an exception; on
    leaving, `temporary` (once set) is removed in any case, and a signal then ends the
    process as it would have (a caller still sees it killed by SIGTERM)."""

    SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.temporary: str | None = None
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _removed_on_signal:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():  # only it may set them
            for name in self.SIGNALS:
                number = getattr(signal, name, None)
                # A signal the process was started to ignore (SIGHUP under nohup, SIGINT
                # after `&` in a script) stays ignored: it must not end the write.
                if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
                    self.previous[number] = signal.signal(number, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        raise _Interrupted(signum)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold the signals back while the block runs; one that came meanwhile is
        delivered (and handled) when it ends."""
        import signal

        block = getattr(signal, "pthread_sigmask", None)
        if block is None or not self.previous:
            yield
            return
        mask = block(signal.SIG_BLOCK, set(self.previous))
        try:
            yield
        finally:
            block(signal.SIG_SETMASK, mask)

    def __exit__(self, kind, exc, traceback) -> None:
        import signal

        # Removed before the handlers are restored, with the signals held back, so that
        # none can come between (one that comes meanwhile meets the restored handler).
        # After the rename there is nothing to remove; after a hard link, the extra name.
        with self.deferred():
            if self.temporary is not None:
                _remove(self.temporary)
            for number, handler in self.previous.items():
                signal.signal(number, handler)
        if isinstance(exc, _Interrupted):
            if exc.signum == signal.SIGINT:
                raise KeyboardInterrupt from None
            # End as the signal would have: the default action, or the caller's handler.
            os.kill(os.getpid(), exc.signum)
            raise SystemExit(128 + exc.signum) from None
