"""Calibrates the "which country" estimate of the engine's country_affinity
feature: for every held-out question (seed 2), the log-likelihood of the
partner's country under a hierarchical share — the home city's own partners,
smoothed towards its region's twinnings, smoothed towards its country's,
smoothed towards uniform — for a few smoothing strengths.

    HELD_OUT=/tmp/heldout.tsv python3 country_share.py
"""
import os, numpy as np
import signals as S

pairs = S.load_pairs()
ho = set()
for line in open(os.environ['HELD_OUT']):
    a, b = map(int, line.split())
    if a in S.pos and b in S.pos: ho.add(tuple(sorted((S.pos[a], S.pos[b]))))
test = [p for p in pairs if p in ho]; train = [p for p in pairs if p not in ho]
net = S.Net(train)
qs = [(a, b) for a, b in test] + [(b, a) for a, b in test]
NC = S.NC
RC = net.RC.toarray(); CC = net.CC; Hc = net.Cc.toarray()
def share(h, m0, m1, m2):
    c = S.cc[h]; r = S.reg[h]
    cl = CC[c]; pc = (cl + m0 / NC) / (cl.sum() + m0)
    if r >= 0:
        rc = RC[r]; pr = (rc + m1 * pc) / (rc.sum() + m1)
    else: pr = pc
    hc = Hc[h]
    return (hc + m2 * pr) / (hc.sum() + m2) if m2 is not None else pr
for m0, m1, m2 in [(1, 1e9, None), (1, 3, None), (1, 10, None), (1, 30, None), (1, 10, 1), (1, 10, 3), (1, 10, 10), (1, 10, 30), (1, 3, 3), (0.1, 10, 3), (10, 10, 3)]:
    ll = []; rk = []
    for h, p in qs:
        s = share(h, m0, m1, m2)
        ll.append(np.log(s[S.cc[p]])); rk.append(1 + np.sum(s > s[S.cc[p]]))
    rk = np.array(rk)
    print(f"m0 {m0:5} m1 {m1:8g} m2 {str(m2):5}: mean log-lik {np.mean(ll):.3f}, country rank MRR {np.mean(1/rk):.3f}, top-1 {np.mean(rk==1)*100:.1f} %")
