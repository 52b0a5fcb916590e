"""Time ``extract`` on adversarial inputs at growing sizes: every stage must be linear.

Each pattern builds a text of about ``n`` characters from one hostile shape (runs of
one quote or bracket character, nested parentheses, thousands of distinct names,
long runs of one letter, dates, cue words, emoji, combining marks...). The table
prints the CPU seconds per size and the growth per doubling of the size::

    .venv/bin/python benchmarks/complexity.py                       # 100k and 1,000,000
    .venv/bin/python benchmarks/complexity.py --sizes 2000 4000 --cap 5
    .venv/bin/python benchmarks/complexity.py --only paren_run names_distinct

``--memory`` runs each measurement in a new process and adds its peak RSS.
``--cap`` skips the larger sizes of a pattern once one size took longer than that
many seconds (so a quadratic pattern cannot stall the run). ``tests/test_complexity.py``
times the same patterns at two small sizes and fails on a growth above 2.6x per
doubling.
"""

from __future__ import annotations

import argparse
import itertools
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable

_SYLLABLES = (
    "ba bi bu da di du ga gi gu ha hi ja ka ki ku la li lu ma mi mu na ni nu "
    "pa pi pu ra ri ru sa si su ta ti tu wa wi ya yo"
).split()


def _fill(unit: str, n: int, head: str = "JAKARTA - Rapat ", tail: str = " digelar.") -> str:
    """``head`` + ``unit`` repeated to about ``n`` characters + ``tail``."""
    body = unit * max(1, (n - len(head) - len(tail)) // max(1, len(unit)))
    return head + body + tail


def _names(n: int, template: str) -> str:
    """Distinct two-word names (from syllables) in ``template`` until ``n`` characters."""
    out: list[str] = []
    size = 0
    for a, b, c, d in itertools.product(_SYLLABLES, repeat=4):
        name = f"{(a + b).capitalize()} {(c + d + 'no').capitalize()}"
        piece = template.format(name=name)
        if size + len(piece) > n:
            break
        out.append(piece)
        size += len(piece)
    return "".join(out)


def _distinct_words(n: int, sep: str = " ") -> str:
    out: list[str] = []
    size = 0
    for a, b, c in itertools.product(_SYLLABLES, repeat=3):
        word = (a + b + c).capitalize()
        out.append(word)
        size += len(word) + len(sep)
        if size >= n:
            break
    return sep.join(out)


def _nested_parens(n: int) -> str:
    depth = max(1, (n - 30) // 6)
    return "JAKARTA - Rapat " + "(ab " * depth + "x" + ")" * depth + " digelar."


Pattern = Callable[[int], str]

PATTERNS: dict[str, Pattern] = {
    # the families of issue 16
    "paren_run": lambda n: _fill("(", n),
    "dquote_run": lambda n: _fill('"', n),
    "squote_run": lambda n: _fill("'", n),
    "ldquo_run": lambda n: _fill("\u201c", n),
    "lsquo_run": lambda n: _fill("\u2018", n),
    "bracket_run": lambda n: _fill("[", n),
    "rparen_run": lambda n: _fill(")", n),
    "guillemet_run": lambda n: _fill("\u00ab", n),
    "nested_parens": _nested_parens,
    "names_distinct": lambda n: _names(n, "{name} mengatakan hal itu. "),
    # our own
    "names_listed": lambda n: _names(n, "{name}, "),
    "names_quoted": lambda n: _names(n, '"Baik," kata {name}. '),
    "kata_cues": lambda n: _names(n, "kata {name}, "),
    "one_letter": lambda n: _fill("a", n),
    "one_letter_words": lambda n: _fill("a ", n),
    "capitalised_same": lambda n: _fill("Budi ", n),
    "capitalised_distinct": lambda n: "JAKARTA - " + _distinct_words(n),
    "capitalised_no_space": lambda n: _distinct_words(n, sep=""),
    "digits": lambda n: _fill("1234567890", n),
    "slash_dates": lambda n: _fill("1/1/2020 ", n),
    "day_dates": lambda n: _fill("Senin (1/1/2020) ", n),
    "month_dates": lambda n: _fill("17 Agustus 2025 ", n),
    "times": lambda n: _fill("pukul 10.00 WIB ", n),
    "baca_juga": lambda n: _fill("Baca juga: Judul Berita Lain\nRapat digelar di Balai Kota.\n", n),
    "quotes_alternating": lambda n: _fill('"kata" ', n),
    "curly_alternating": lambda n: _fill("\u201ckata\u201d \u2018x\u2019 ", n),
    "open_quotes_words": lambda n: _fill('"kata ', n),
    "ujar_tail": lambda n: _fill('"Baik," ujar Budi. ', n, tail='\u2026," ujar'),
    "titles": lambda n: _fill("Wakil Ketua Plt ", n),
    "honorifics": lambda n: _fill("Dr. H. Prof. Ir. ", n),
    "acronyms": lambda n: _fill("PDIP KPK DPR ", n),
    "no_space_line": lambda n: _fill("Jakarta", n, head="", tail=""),
    "long_capitalised_word": lambda n: _fill("a", n, head="Rapat di Jakarta. A", tail=" Jakarta."),
    "glued_names": lambda n: "Daguise datang. " + _fill("Daguisedigelar ", n, head=""),
    "newlines": lambda n: _fill("\n", n, head="JAKARTA - Rapat", tail="digelar."),
    "blank_lines_words": lambda n: _fill("kata\n\n", n),
    "datelines": lambda n: _fill("JAKARTA, KOMPAS.com - ", n, head="", tail="Rapat."),
    "credits": lambda n: _fill("Penulis: Budi Santoso\nEditor: Andi\n", n),
    "emoji": lambda n: _fill("\U0001f600", n),
    "emoji_words": lambda n: _fill("kata \U0001f600 ", n),
    "combining": lambda n: _fill("\u0301", n, head="JAKARTA - Rapat a"),
    "dashes": lambda n: _fill("-", n),
    "em_dashes": lambda n: _fill("\u2014 ", n),
    "dots": lambda n: _fill(".", n),
    "ellipsis": lambda n: _fill("\u2026", n),
    "commas": lambda n: _fill(", ", n),
    "mixed_brackets": lambda n: _fill("([{\u201c\u00ab", n),
    "urls": lambda n: _fill("https://example.com/a ", n),
    "hyphen_chain": lambda n: _fill("kata-", n),
    "html_tags": lambda n: _fill("<p>kata</p>", n),
}


PATTERNS = {name: (lambda n, make=make: make(n)[:n]) for name, make in PATTERNS.items()}


def time_one(text: str, repeats: int = 1) -> float:
    """The fastest of ``repeats`` runs of ``extract(text)``, in CPU seconds.

    CPU time of this process, not wall time: on a shared machine other processes
    slow the wall clock down, not the work done.
    """
    from beritakit import extract

    best = math.inf
    for _ in range(repeats):
        t0 = time.process_time()
        extract(text)
        best = min(best, time.process_time() - t0)
    return best


def _fresh(name: str, size: int) -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of one run in a new process (model load excluded)."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", name, str(size)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1])


def _one(name: str, size: int) -> None:
    from beritakit import extract

    extract("JAKARTA - Rapat digelar hari ini.")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = time_one(PATTERNS[name](size))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{cpu:.3f} {peak / 1024:.0f} {(peak - base) / 1024:.0f}")


def main(argv: list[str] | None = None) -> int:
    """Print the table (or, with ``--one``, one measurement for the table)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", nargs="*", default=None, help="pattern names")
    parser.add_argument("--cap", type=float, default=60.0, help="skip larger sizes after this")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument(
        "--memory", action="store_true", help="each run in a new process; add peak RSS (MB)"
    )
    parser.add_argument("--one", nargs=2, metavar=("NAME", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        _one(args.one[0], int(args.one[1]))
        return 0
    from beritakit import extract

    extract("JAKARTA - Rapat digelar hari ini.")  # load the model before timing
    names = args.only or list(PATTERNS)
    width = 22 if args.memory else 12
    header = f"{'pattern':24}" + "".join(f"{s:>{width},}" for s in args.sizes) + "   growth"
    print(header + "   (CPU seconds" + (", peak RSS MB)" if args.memory else ")"))
    print("-" * len(header))
    for name in names:
        row: list[float] = []
        cells = ""
        for size in args.sizes:
            if row and row[-1] > args.cap:
                break
            try:
                if args.memory:
                    cpu, rss = _fresh(name, size)
                    cells += f"{cpu:>11.3f}s {rss:>7.0f} MB"
                else:
                    cpu = time_one(PATTERNS[name](size), args.repeats)
                    cells += f"{cpu:>11.3f}s"
            except Exception as exc:  # report and go on: the table is the point
                print(f"{name}: {size:,} chars raised {type(exc).__name__}: {exc}")
                cpu = math.inf
                cells += f"{'error':>{width}}"
            row.append(cpu)
        cells += " " * width * (len(args.sizes) - len(row))
        growth = ""
        if len(row) >= 2 and 0 < row[0] and max(row) < math.inf:
            doublings = math.log2(args.sizes[len(row) - 1] / args.sizes[0])
            growth = f"{(row[-1] / row[0]) ** (1 / doublings):.2f}x"
        print(f"{name:24}{cells}   {growth}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
