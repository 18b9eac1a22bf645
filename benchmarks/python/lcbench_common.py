"""Shared by the LCBench reference scripts: the surrogate of ../../shared/benchmarks/lcbench.py as an in-process
function, and the unit-cube mapping of its space (log-scaled parameters uniform in log, integers rounded)."""
import math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("CARBS_SHARED_BENCHMARKS", os.path.join(HERE, "..", "..", "..", "shared", "benchmarks"))
sys.path.insert(0, SHARED)
import lcbench  # noqa: E402  (the surrogate script; its functions, not its main)
import numpy as np  # noqa: E402

SPACE = lcbench.SPACE


class Surrogate:
    """score (val_accuracy, percent) and cost (predicted seconds, at least 0.01) of one configuration."""

    def __init__(self, task):
        self.session, enc = lcbench.session()
        if task not in enc:
            raise SystemExit(f"unknown LCBench task {task}")
        self.code = enc[task]
        self.inputs = [i.name for i in self.session.get_inputs()]
        self.output = self.session.get_outputs()[0].name

    def __call__(self, params):
        rows = self.batch([params])
        return rows[0]

    def batch(self, configs):
        xs = []
        for p in configs:
            x = []
            for n, lo, hi, lg, it in SPACE:
                v = min(hi, max(lo, float(p[n])))
                x.append(float(round(v)) if it else v)
            xs.append(x)
        out = []
        for x in xs:  # the model takes one row at a time
            y = self.session.run([self.output], {self.inputs[0]: np.array([[self.code]], dtype=np.int32),
                                                 self.inputs[1]: np.array([x], dtype=np.float32)})[0][0]
            t = dict(zip(lcbench.TARGETS, map(float, y)))
            out.append((t["val_accuracy"], max(0.01, t["time"])))
        return out


def from_unit(u):
    """A configuration from a point of the unit cube (log parameters uniform in log, integers rounded)."""
    p = {}
    for ui, (n, lo, hi, lg, it) in zip(u, SPACE):
        v = math.exp(math.log(lo) + ui * (math.log(hi) - math.log(lo))) if lg else lo + ui * (hi - lo)
        p[n] = int(round(v)) if it else v
    return p
