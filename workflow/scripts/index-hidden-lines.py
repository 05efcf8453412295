#!/usr/bin/env python3
"""Fails, naming them, when a matrix's tabix index skips data lines: tabix takes a line that
starts with its comment character (`#` by default) for a comment, so a contig named `#x` is not
in MATRIX.tbi and a listing from the index would leave it out without a word.

    index-hidden-lines.py MATRIX [--header FILE]

Exit 0 and no output when the index accounts for every data line, or when MATRIX has no .tbi;
exit 1 with one line on stderr naming the hidden contigs. It reads a line or two per contig, not
the whole file: tabix puts the lines it skips between two contigs at the start of the next
contig's range (pseudo-bin 37450 of the index), those before the first contig right after the
header, and those after the last contig in the range of its last 16 kb window (the linear
index), which is read to the end of the file. (A `#` line among one contig's own lines is not
seen here.)
"""
import gzip
import os
import struct
import sys

META_BIN = 37450  # htslib's pseudo-bin: the contig's [first byte, end) and its record counts


def read_index(path):
    """(comment byte, lines skipped, [(off_beg, start of the last 16 kb window) per contig])."""
    with gzip.open(path, "rb") as file:
        data = file.read()
    magic, n_ref, _fmt, _col_seq, _col_beg, _col_end, meta, skip, names_length = struct.unpack_from("<4s8i", data, 0)
    if magic != b"TBI\x01":
        raise ValueError("not a tabix index")
    offset = 36 + names_length
    contigs = []
    for _ in range(n_ref):
        (n_bin,) = struct.unpack_from("<i", data, offset)
        offset += 4
        span = None
        for _ in range(n_bin):
            bin_number, n_chunk = struct.unpack_from("<Ii", data, offset)
            offset += 8
            chunks = struct.unpack_from(f"<{2 * n_chunk}Q", data, offset)
            offset += 16 * n_chunk
            if bin_number == META_BIN:
                span = chunks[0], chunks[1]
        (n_intv,) = struct.unpack_from("<i", data, offset)
        windows = struct.unpack_from(f"<{n_intv}Q", data, offset + 4)
        offset += 4 + 8 * n_intv
        if span is None or not windows:
            raise ValueError("an index without htslib's per-contig ranges (pseudo-bin 37450) or windows")
        contigs.append((span[0], max(windows)))
    return meta, skip, contigs


def reader_at(file, virtual_offset):
    """The decompressed bytes from a BGZF virtual offset on (block start << 16 | offset in block)."""
    file.seek(virtual_offset >> 16)
    stream = gzip.GzipFile(fileobj=file, mode="rb")
    stream.read(virtual_offset & 0xFFFF)
    return stream


class HiddenLines(Exception):
    """Data lines the index cannot account for, said in one line."""


def contig_of(line):
    return line.split(b"\t", 1)[0].rstrip(b"\r\n").decode("utf-8", "replace")


def hidden_contigs(matrix, header_lines):
    meta, _skip, contigs = read_index(matrix + ".tbi")
    comment = bytes([meta & 0xFF])
    hidden = []
    with open(matrix, "rb") as file:
        # right after the header line (hapmatrix itself refuses an index whose -S is not the
        # header's line count): the comment-like lines tabix skipped before the first record
        stream = reader_at(file, 0)
        for _ in range(header_lines):
            stream.readline()
        while True:
            line = stream.readline()
            if not line.startswith(comment) or len(hidden) > 5:
                break
            if contig_of(line) not in hidden:
                hidden.append(contig_of(line))
        # between contigs: the line where a contig's range starts must be one of its records
        for off_beg, _last_window in contigs:
            line = reader_at(file, off_beg).readline()
            if line.startswith(comment):
                hidden.append(contig_of(line))
        # after the last contig's records: nothing but its own lines up to the end of the file
        if contigs:
            _off_beg, last_window = max(contigs)
            for line in reader_at(file, last_window):
                if line.startswith(comment) and contig_of(line) not in hidden:
                    hidden.append(contig_of(line))
                    if len(hidden) > 5:
                        break
    names = list(dict.fromkeys(name for name in hidden if name))
    if names:
        shown = ", ".join(f"'{name}'" for name in names[:5]) + (" and more" if len(names) > 5 else "")
        comment_char = chr(meta & 0xFF)
        raise HiddenLines(f"contig(s) {shown} are not in the tabix index {matrix}.tbi (tabix skips lines"
                          f" starting with '{comment_char}' as comments), so a run over the index's contigs would"
                          f" leave them out; rename them, or remove the index so that every line is read")


def main(arguments):
    if not arguments or len(arguments) not in (1, 3) or (len(arguments) == 3 and arguments[1] != "--header"):
        print("usage: index-hidden-lines.py MATRIX [--header FILE]", file=sys.stderr)
        return 2
    matrix = arguments[0]
    if not os.path.exists(matrix + ".tbi"):
        return 0
    header_lines = 0 if len(arguments) == 3 else 1
    try:
        hidden_contigs(matrix, header_lines)
    except HiddenLines as hidden:
        print(f"{matrix}: {hidden}", file=sys.stderr)
        return 1
    except (OSError, ValueError, struct.error, EOFError) as error:
        print(f"{matrix}.tbi: cannot check which lines the index skips: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
