#!/usr/bin/env python3
"""Exact optimum of an ngomatch event with scores, by OR-Tools CP-SAT: a yardstick
for the planner during development (`pip install ortools`), never a runtime dependency.

Same rules as the planner: pairs scored above zero and at least minScore, not avoided,
sharing a free slot; must-meet pairs forced; minimums weigh more than any score
(lexicographic); wishes multiply scores as the README says.

    python3 scripts/exact-plan.py event.json [--seconds 60]
prints {"optimum": ..., "bound": ..., "status": ..., "seconds": ...} (values, not scores).
"""
import json, sys, time, argparse
from ortools.sat.python import cp_model

SCALE = 100000

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("event")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    ev = json.load(open(args.event))
    S = ev["slots"]
    T = ev.get("tables")
    allmask = (1 << S) - 1
    def party(p):
        blocked = 0
        for s in p.get("unavailable", []):
            blocked |= 1 << s
        return dict(id=p["id"], max=p.get("maxMeetings", S), min=p.get("minMeetings", 0), avail=allmask & ~blocked)
    provs = {p["id"]: party(p) for p in ev["provinces"]}
    ngos = {p["id"]: party(p) for p in ev["ngos"]}
    avoid = {(a["province"], a["ngo"]) for a in ev.get("avoid", [])}
    must = {(a["province"], a["ngo"]) for a in ev.get("mustMeet", [])}
    wish = {}
    for r in ev.get("requests", []):
        w = r.get("weight", 1.0)
        if r["from"] in provs:
            key, side = (r["from"], r["to"]), 0
        else:
            key, side = (r["to"], r["from"]), 1
        cur = wish.get(key, [0.0, 0.0]); cur[side] = max(cur[side], w); wish[key] = cur
    minscore = ev.get("minScore", 0.0)
    cands = {}
    for sc in ev["scores"]:
        key = (sc["province"], sc["ngo"])
        if key in cands or key in avoid:
            continue
        if not (key in must or (sc["score"] > 0 and sc["score"] >= minscore)):
            continue
        slots = provs[key[0]]["avail"] & ngos[key[1]]["avail"]
        if not slots:
            continue
        wp, wn = wish.get(key, [0.0, 0.0])
        cands[key] = (max(0.0, sc["score"]) * (1 + 0.25 * wp + 0.25 * wn + 0.5 * min(wp, wn)), slots)
    for key in must:
        if key not in cands and key not in avoid:
            slots = provs[key[0]]["avail"] & ngos[key[1]]["avail"]
            if slots:
                cands[key] = (0.0, slots)
    m = cp_model.CpModel()
    x = {}
    by_ps, by_ns, by_s, by_p, by_n, by_pair = {}, {}, {}, {}, {}, {}
    for key, (val, slots) in cands.items():
        for s in range(S):
            if slots >> s & 1:
                v = m.NewBoolVar("")
                x[key, s] = (v, val)
                by_ps.setdefault((key[0], s), []).append(v)
                by_ns.setdefault((key[1], s), []).append(v)
                by_s.setdefault(s, []).append(v)
                by_p.setdefault(key[0], []).append(v)
                by_n.setdefault(key[1], []).append(v)
                by_pair.setdefault(key, []).append(v)
    for vs in list(by_ps.values()) + list(by_ns.values()):
        m.AddAtMostOne(vs)
    for key, vs in by_pair.items():
        if key in must:
            # Forced when the pair's parties can take it at all, as the planner does.
            m.Add(sum(vs) == 1)
        else:
            m.AddAtMostOne(vs)
    if T is not None:
        for s, vs in by_s.items():
            m.Add(sum(vs) <= T)
    for pid, p in provs.items():
        m.Add(sum(by_p.get(pid, [])) <= p["max"])
    for nid, n in ngos.items():
        m.Add(sum(by_n.get(nid, [])) <= n["max"])
    total = sum(int(round(val * SCALE)) * v for (v, val) in x.values())
    big = SCALE * (len(cands) + 1) * 2
    shortfalls = []
    # Minimums of provinces and NGOs alike, as the planner keeps them.
    for parties, by in ((provs, by_p), (ngos, by_n)):
        for pid, p in parties.items():
            if p["min"] > 0:
                short = m.NewIntVar(0, p["min"], "")
                m.Add(short >= p["min"] - sum(by.get(pid, [])))
                shortfalls.append(short)
    m.Maximize(total - big * sum(shortfalls))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.seconds
    solver.parameters.num_workers = args.workers
    start = time.time()
    status = solver.Solve(m)
    elapsed = time.time() - start
    short = sum(solver.Value(s) for s in shortfalls) if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None
    value = sum(val for (v, val) in x.values() if solver.Value(v)) if short is not None else None
    print(json.dumps({
        "status": solver.StatusName(status),
        "optimum": value,
        "bound": (solver.BestObjectiveBound() + big * (short or 0)) / SCALE,
        "shortfall": short,
        "seconds": round(elapsed, 2),
    }))

if __name__ == "__main__":
    main()
