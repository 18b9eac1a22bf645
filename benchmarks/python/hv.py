"""hv_norm_fixed of shared/baselines/README.md, written independently of carbs-bench's Swift metric."""
import math


def hv_norm(points, ref, best, cmin, cmax):
    """Normalized hypervolume of the (score, log10 cost) front of (score, cost) points from (score_ref,
    log10 cost_max): scores clipped to [ref, best], costs to [cmin, cmax], divided by the box's area."""
    pts = sorted(((min(max(c, cmin), cmax), min(max(s, ref), best)) for s, c in points), key=lambda p: (p[0], -p[1]))
    front, top = [], -math.inf
    for c, s in pts:
        if s > top:
            front.append((c, s)); top = s
    area = 0.0
    for j, (c, s) in enumerate(front):
        nxt = math.log10(front[j + 1][0]) if j + 1 < len(front) else math.log10(cmax)
        area += (nxt - math.log10(c)) * (s - ref)
    return max(0.0, min(1.0, area / ((best - ref) * math.log10(cmax / cmin))))
