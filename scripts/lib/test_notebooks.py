"""Tests of notebooks.py and figure_subset.py (run by scripts/test:
python3 scripts/lib/test_notebooks.py)."""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figure_subset  # noqa: E402
import notebooks  # noqa: E402


def notebook(*code, outputs=None, count=None):
    cells = [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["# Titre\n"]}]
    for i, src in enumerate(code):
        cells.append({"cell_type": "code", "execution_count": None, "id": "c%d" % i, "metadata": {},
                      "outputs": [], "source": src.splitlines(keepends=True)})
    if outputs is not None:
        cells[-1]["outputs"] = outputs
    if count is not None:
        cells[-1]["execution_count"] = count
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


CELL = notebooks.GUARD + "\n%%\nnotebook.Describe()"


class Check(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def path(self, nb, name="nb.ipynb"):
        p = os.path.join(self.dir, name)
        notebooks.write(p, nb)
        return p

    def check(self, *paths):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = notebooks.check(list(paths))
        return rc, out.getvalue()

    def test_clean_notebook_passes(self):
        rc, out = self.check(self.path(notebook(notebooks.WIRING, CELL)))
        self.assertEqual(rc, 0, out)

    def test_outputs_fail(self):
        outs = [{"output_type": "stream", "name": "stdout", "text": ["70461 messages\n"]}]
        rc, out = self.check(self.path(notebook(notebooks.WIRING, CELL, outputs=outs)))
        self.assertEqual(rc, 1)
        self.assertIn("cell 2 (c1) carries 1 output(s)", out)

    def test_execution_count_fails(self):
        rc, out = self.check(self.path(notebook(notebooks.WIRING, CELL, count=3)))
        self.assertEqual(rc, 1)
        self.assertIn("has an execution count (3)", out)

    def test_missing_guard_and_wiring_fail(self):
        rc, out = self.check(self.path(notebook("%%\nfmt.Println(1)", "%%\nnotebook.Describe()")))
        self.assertEqual(rc, 1)
        self.assertIn("is not the wiring cell", out)
        self.assertIn("does not start with the guard line", out)

    def test_guard_makes_committable_and_is_idempotent(self):
        p = self.path(notebook("!*go mod edit -replace=old", "%%\nnotebook.Describe()", notebooks.GUARD + "\n%%\nx()"))
        notebooks.guard([p])
        with open(p, encoding="utf-8") as f:
            once = f.read()
        notebooks.guard([p])
        with open(p, encoding="utf-8") as f:
            self.assertEqual(f.read(), once)
        self.assertEqual(self.check(p)[0], 0)
        cells = notebooks.code_cells(notebooks.read(p))
        self.assertEqual(notebooks.source(cells[1]), notebooks.GUARD + "\n%%\nnotebook.Describe()")
        self.assertEqual(notebooks.source(cells[2]), notebooks.GUARD + "\n%%\nx()")

    def test_skip_wiring_and_expect_guarded(self):
        p = self.path(notebook(notebooks.WIRING, CELL, CELL))
        out = os.path.join(self.dir, "out.ipynb")
        notebooks.skip_wiring(p, out)
        nb = notebooks.read(out)
        self.assertEqual([notebooks.source(c) for c in notebooks.code_cells(nb)], [CELL, CELL])
        self.assertEqual(len(nb["cells"]), 3)  # the markdown cell stays
        line = notebooks.GUARD_MESSAGE + " … the kernel restarted.\n"
        for c in notebooks.code_cells(nb):
            c["outputs"] = [{"output_type": "stream", "name": "stdout", "text": [line]}]
        notebooks.write(out, nb)
        with contextlib.redirect_stdout(io.StringIO()):
            self.assertEqual(notebooks.expect_guarded(out), 0)
        # One cell went on to compile: its errors follow the line.
        notebooks.code_cells(nb)[1]["outputs"].append(
            {"output_type": "error", "ename": "ERROR", "evalue": "undefined: notebook", "traceback": []})
        notebooks.write(out, nb)
        with contextlib.redirect_stdout(io.StringIO()):
            self.assertEqual(notebooks.expect_guarded(out), 1)

    def test_committed_notebooks(self):
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "notebooks")
        paths = sorted(os.path.join(root, n) for n in os.listdir(root) if n.endswith(".ipynb"))
        self.assertTrue(paths)
        for p in paths:
            self.assertEqual(notebooks.problems(p), [])
            with open(p, encoding="utf-8") as f:
                text = f.read()
            self.assertEqual(json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n", text,
                             "%s is not written as Jupyter writes it" % p)


class FigureSubset(unittest.TestCase):
    """scripts/reproduce NB checks the figures of NB only."""

    def test_subset(self):
        figs, out = tempfile.mkdtemp(), tempfile.mkdtemp()
        manifest = {"schema": 1, "figures": [
            {"id": "f01", "notebook": "00-context.ipynb"},
            {"id": "f05", "notebook": "02-rhythm.ipynb"},
            {"id": "f06", "notebook": "02-rhythm.ipynb"}]}
        with open(os.path.join(figs, "manifest.json"), "w") as f:
            json.dump(manifest, f)
        for i, nb in (("f01", None), ("f05", "02-rhythm.ipynb"), ("f99", "02-rhythm.ipynb")):
            for ext in ("csv", "svg", "png"):
                open(os.path.join(figs, i + "." + ext), "w").close()
            if nb:  # drawn in this run: it has its sidecar
                with open(os.path.join(figs, i + ".json"), "w") as f:
                    json.dump({"id": i, "notebook": nb}, f)
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            figure_subset.main(figs, out, ["notebooks/02-rhythm.ipynb"])
        self.assertEqual(printed.getvalue(), "3\n")
        with open(os.path.join(out, "manifest.json")) as f:
            self.assertEqual([e["id"] for e in json.load(f)["figures"]], ["f05", "f06"])
        # f05 as drawn, f06 missing (not drawn), f99 unexpected; f01 left out.
        self.assertEqual(sorted(os.listdir(out)), [
            "f05.csv", "f05.json", "f05.png", "f05.svg",
            "f99.csv", "f99.json", "f99.png", "f99.svg", "manifest.json"])


if __name__ == "__main__":
    unittest.main()
