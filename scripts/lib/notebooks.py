"""Check and prepare the committed notebooks (standard library only).

Usage:
  notebooks.py check NB...          exit 1 unless every NB is committable: no
                                    outputs nor execution counts, the wiring
                                    cell first, the guard line atop every
                                    other code cell
  notebooks.py guard NB...          make NB so: write the wiring cell, add the
                                    guard line where it is missing (outputs
                                    are left for jupyter nbconvert
                                    --clear-output --inplace NB)
  notebooks.py skip-wiring NB OUT   write OUT: NB without its wiring cell, as
                                    a kernel restarted in the middle of NB
                                    sees it
  notebooks.py expect-guarded NB    exit 1 unless every code cell of the
                                    executed NB printed the guard's one line
                                    and nothing else

See README, "Notebook wiring". Notebooks are written back exactly as
Jupyter writes them (indent 1, UTF-8, final newline).
"""
import json
import sys

WIRING = (
    "// Wiring (the same first cell in every notebook): build against this\n"
    "// repository's packages at the working-tree version, and the modules\n"
    "// its go.mod pins, without `go get` (%noautoget; a cell importing a\n"
    "// module the project does not use needs %autoget). Every other cell\n"
    "// starts with a guard that stops it, in one line, when this cell has\n"
    "// not run in the current kernel (after a restart). See README,\n"
    "// \"Notebook wiring\".\n"
    "!*\"${GONB_DIR}/../scripts/lib/wire\"\n"
    "%noautoget"
)
GUARD = '!*. "$GONB_DIR/../scripts/lib/cellguard"'
# The start of the line scripts/lib/cellguard prints.
GUARD_MESSAGE = "Exécutez d'abord la première cellule du carnet (le câblage)"


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write(path, nb):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def set_source(cell, text):
    lines = text.splitlines(keepends=True)
    cell["source"] = lines


def code_cells(nb):
    return [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]


def problems(path):
    """What keeps the notebook at path from being committed, one per line."""
    try:
        nb = read(path)
    except (OSError, ValueError) as e:
        return ["%s: not a notebook: %s" % (path, e)]
    out = []
    cells = code_cells(nb)
    if not cells:
        return ["%s: no code cell" % path]
    for i, c in enumerate(nb.get("cells", [])):
        name = "cell %d (%s)" % (i, c.get("id", "no id"))
        if c.get("cell_type") != "code":
            continue
        if c.get("outputs"):
            out.append("%s: %s carries %d output(s)" % (path, name, len(c["outputs"])))
        if c.get("execution_count") is not None:
            out.append("%s: %s has an execution count (%s)" % (path, name, c["execution_count"]))
        if c is cells[0]:
            if source(c) != WIRING:
                out.append("%s: %s, the first code cell, is not the wiring cell" % (path, name))
        elif source(c).split("\n", 1)[0] != GUARD:
            out.append("%s: %s does not start with the guard line %s" % (path, name, GUARD))
    return out


def check(paths):
    found = []
    for p in paths:
        found += problems(p)
    for line in found:
        print("notebooks: " + line)
    if found:
        print("notebooks: committed notebooks carry no outputs (clear them with "
              "`jupyter nbconvert --clear-output --inplace NB`), start with the wiring cell "
              "and guard every other cell (`python3 scripts/lib/notebooks.py guard NB`)")
        return 1
    print("notebooks: %d notebooks without outputs, wired and guarded" % len(paths))
    return 0


def guard(paths):
    for p in paths:
        nb = read(p)
        cells = code_cells(nb)
        if not cells:
            continue
        set_source(cells[0], WIRING)
        for c in cells[1:]:
            s = source(c)
            if s.split("\n", 1)[0] != GUARD:
                set_source(c, GUARD + "\n" + s)
        write(p, nb)
    return 0


def skip_wiring(path, out):
    nb = read(path)
    first = code_cells(nb)[0]
    nb["cells"] = [c for c in nb["cells"] if c is not first]
    write(out, nb)
    return 0


def expect_guarded(path):
    nb = read(path)
    bad = []
    cells = code_cells(nb)
    for i, c in enumerate(cells):
        outs = c.get("outputs", [])
        text = "".join(outs[0].get("text", "")) if len(outs) == 1 and outs[0].get("output_type") == "stream" else None
        if not (text is not None and outs[0].get("name") == "stdout"
                and text.startswith(GUARD_MESSAGE) and text.count("\n") == 1):
            bad.append("code cell %d printed %s" % (i, json.dumps(outs, ensure_ascii=False)[:300]))
    for line in bad:
        print("notebooks: %s: %s" % (path, line))
    if bad or not cells:
        print("notebooks: %s: the cells run before the wiring cell did not all stop with the guard's line" % path)
        return 1
    print("notebooks: %s: %d cells run before the wiring cell each said, in one line, to run it first" % (path, len(cells)))
    return 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        return check(argv[1:])
    if len(argv) >= 2 and argv[0] == "guard":
        return guard(argv[1:])
    if len(argv) == 3 and argv[0] == "skip-wiring":
        return skip_wiring(argv[1], argv[2])
    if len(argv) == 2 and argv[0] == "expect-guarded":
        return expect_guarded(argv[1])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
