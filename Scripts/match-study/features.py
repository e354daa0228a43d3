#!/usr/bin/env python3
"""Feature study for the match engine (not part of the program or of CI).

Builds, for up to N questions, the values of ~35 candidate features over all
cities of the partner's country, on the same protocol as `twinning-eval`:
the held-out pairs come from `twinning-eval --dump-held-out FILE` (seed 2),
the fitting questions from an inner split of the training pairs. Then run
`compare.py` (conditional logit, several feature sets) or `gbdt.py`.

    swift run -c release twinning-eval --dump-held-out /tmp/heldout.tsv --queries 1
    HELD_OUT=/tmp/heldout.tsv OUT=/tmp/study.pkl python3 features.py 1500
    DATA=/tmp/study.pkl python3 compare.py

Needs numpy and scipy (gbdt.py: lightgbm).
"""
import csv, math, sys, random, unicodedata, time
import numpy as np
from scipy.optimize import minimize

import os
R = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../Sources/TwinningCore/Resources/')

def fold(s):
    s = unicodedata.normalize('NFKD', s.lower())
    return ''.join(ch for ch in s if not unicodedata.combining(ch))

cities = []
with open(R + 'cities.tsv', encoding='utf-8') as f:
    r = csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
    for row in r:
        cities.append(row)
cities.sort(key=lambda c: int(c['geonameid']))
n = len(cities)
gid = np.array([int(c['geonameid']) for c in cities])
pos = {g: i for i, g in enumerate(gid)}
country = [c['country_code'] for c in cities]
ccodes = sorted(set(country))
cidx = {c: i for i, c in enumerate(ccodes)}
cc = np.array([cidx[c] for c in country])
regkey = [c['country_code'] + '.' + c['admin1_code'] if c['admin1_code'] not in ('', '00') else None for c in cities]
regs = sorted(set(k for k in regkey if k))
ridx = {k: i for i, k in enumerate(regs)}
reg = np.array([ridx[k] if k else -1 for k in regkey])
lat = np.radians(np.array([float(c['latitude']) for c in cities]))
lon = np.radians(np.array([float(c['longitude']) for c in cities]))
popn = np.array([float(c['population'] or 0) for c in cities])
lpop = np.log10(np.maximum(popn, 1))
names = [fold(c['ascii_name'] or c['name']) for c in cities]
X = np.cos(lat) * np.cos(lon); Y = np.cos(lat) * np.sin(lon); Z = np.sin(lat)

# capitals
capital = np.zeros(n, bool)
with open(R + 'countries.tsv', encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
        cap = fold(row['capital'])
        if not cap: continue
        best = None
        for i in np.nonzero(cc == cidx.get(row['iso'], -1))[0] if row['iso'] in cidx else []:
            if names[i] == cap or fold(cities[i]['name']) == cap:
                if best is None or popn[i] > popn[best]: best = i
        if best is not None: capital[best] = True

# rank within country by population
crank = np.zeros(n)
for c in range(len(ccodes)):
    m = np.nonzero(cc == c)[0]
    order = m[np.argsort(-popn[m], kind='stable')]
    crank[order] = np.arange(1, len(order) + 1)

pairs = []
with open(R + 'twinnings_dev.tsv', encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
        a, b = int(row['geonameid_a']), int(row['geonameid_b'])
        if a in pos and b in pos and a != b:
            pairs.append((pos[a], pos[b]))
pairs = sorted(set(tuple(sorted(p)) for p in pairs))

def split(ps, seed, frac=0.2):
    rng = random.Random(seed)
    ps = ps[:]
    rng.shuffle(ps)
    k = round(len(ps) * frac)
    return ps[k:], ps[:k]

def dist(i, js):
    d = np.sqrt((X[js] - X[i])**2 + (Y[js] - Y[i])**2 + (Z[js] - Z[i])**2)
    return 2 * 6371 * np.arcsin(np.minimum(1, d / 2))

class Net:
    def __init__(self, ps):
        self.adj = [[] for _ in range(n)]
        for a, b in ps:
            self.adj[a].append(b); self.adj[b].append(a)
        self.deg = np.array([len(a) for a in self.adj], float)
        # links between region pairs, country-region
        self.rr = {}
        self.cr = {}  # (country, region) -> count
        self.cdeg = np.zeros((len(ccodes),), float)
        for a, b in ps:
            for x, y in ((a, b), (b, a)):
                if reg[x] >= 0 and reg[y] >= 0:
                    self.rr[(reg[x], reg[y])] = self.rr.get((reg[x], reg[y]), 0) + 1
                if reg[y] >= 0:
                    self.cr[(cc[x], reg[y])] = self.cr.get((cc[x], reg[y]), 0) + 1
        # candidate partners per country: count of partners of y in country c
        self.pc = [dict() for _ in range(n)]
        for a, b in ps:
            self.pc[a][cc[b]] = self.pc[a].get(cc[b], 0) + 1
            self.pc[b][cc[a]] = self.pc[b].get(cc[a], 0) + 1
        # region sizes
        self.regsize = np.bincount(reg[reg >= 0], minlength=len(regs)).astype(float)
        self.withpos = np.array([len(a) > 0 for a in self.adj])

members = {c: np.nonzero(cc == c)[0] for c in range(len(ccodes))}
# grid for near search: just brute force with numpy per query (n=69k is fine)

FEATS = []
def features(net, h, C):
    cand = members[C]
    excl = set(net.adj[h]) | {h}
    cand = np.array([c for c in cand if c not in excl])
    m = len(cand)
    F = {}
    d = dist(h, cand)
    F['logd'] = np.log1p(d / 50)
    F['d_near'] = np.exp(-d / 300)
    F['lpop'] = lpop[cand]
    F['dpop'] = np.abs(lpop[cand] - lpop[h])
    F['dpop2'] = F['dpop'] ** 2
    F['lrank'] = np.log(crank[cand])
    deg = net.deg[cand]
    F['ldeg'] = np.log1p(deg)
    F['hasdeg'] = (deg > 0).astype(float)
    F['ddeg'] = np.abs(np.log1p(deg) - np.log1p(net.deg[h]))
    # common neighbours, AA, paths3
    common = np.zeros(n); aa = np.zeros(n); p3 = np.zeros(n)
    for p in net.adj[h]:
        w = 1 / math.log(net.deg[p]) if net.deg[p] > 1 else 0
        for q in net.adj[p]:
            common[q] += 1; aa[q] += w
            if q == h: continue
            for c in net.adj[q]: p3[c] += 1
    F['cn'] = np.log1p(common[cand])
    F['aa'] = aa[cand]
    F['p3'] = np.log1p(p3[cand])
    # region links
    hr = reg[h]
    rl = np.array([net.rr.get((hr, reg[c]), 0) if hr >= 0 and reg[c] >= 0 else 0 for c in cand], float)
    F['rl'] = np.log1p(rl)
    crl = np.array([net.cr.get((cc[h], reg[c]), 0) if reg[c] >= 0 else 0 for c in cand], float)
    rs = np.array([net.regsize[reg[c]] if reg[c] >= 0 else 1 for c in cand])
    F['crl'] = np.log1p(crl)
    F['crl_rate'] = np.log1p(100 * crl / rs)
    # candidate's partners in home's country
    F['cand_in_home_c'] = np.log1p(np.array([net.pc[c].get(cc[h], 0) for c in cand], float))
    # home's partners in candidate country near the candidate
    hp = [p for p in net.adj[h] if cc[p] == C]
    k = np.zeros(m)
    for p in hp:
        k += np.exp(-dist(p, cand) / 100)
    F['home_partner_near'] = k
    # nearby links: towns near home x (within 60km) twinned with y; kernel on candidate side
    allidx = np.arange(n)
    dh = dist(h, allidx)
    near_h = np.nonzero((dh < 60) & (allidx != h))[0]
    ys = []; ws = []
    for x in near_h:
        wx = math.exp(-dh[x] / 20)
        for y in net.adj[x]:
            if cc[y] == C:
                ys.append(y); ws.append(wx)
    nb = np.zeros(m); nb2 = np.zeros(m)
    for y, w in zip(ys, ws):
        dy = dist(y, cand)
        nb += w * np.exp(-dy / 20)
        nb2 += w * np.exp(-dy / 80)
    F['nearby20'] = np.log1p(10 * nb)
    F['nearby80'] = np.log1p(10 * nb2)
    # wider: home side 100 km kernel 40, candidate side kernel 150
    near_w = np.nonzero((dh < 120) & (allidx != h))[0]
    nb3 = np.zeros(m)
    for x in near_w:
        wx = math.exp(-dh[x] / 40)
        for y in net.adj[x]:
            if cc[y] == C:
                nb3 += wx * np.exp(-dist(y, cand) / 150)
    F['nearby150'] = np.log1p(10 * nb3)
    # country-level closeness: distance from home to the candidate country's nearest city of the query set
    F['logd_x_close'] = F['logd'] * math.exp(-d.min() / 1000)
    F['deg_raw'] = deg
    # partners of towns near home's partners (h -> a -> b near a -> p)
    pnear = np.zeros(n)
    for a in net.adj[h]:
        da = dist(a, allidx)
        for b in np.nonzero(da < 60)[0]:
            if b == a: continue
            wb = math.exp(-da[b] / 20)
            for p in net.adj[b]:
                pnear[p] += wb
    F['pnear'] = np.log1p(10 * pnear[cand])
    # country profile similarity of partner lists
    hv = {}
    for a in net.adj[h]: hv[cc[a]] = hv.get(cc[a], 0) + 1
    hn2 = math.sqrt(sum(v * v for v in hv.values())) or 1
    cs = np.zeros(m)
    for j, c in enumerate(cand):
        if not net.adj[c] or not hv: continue
        cv = {}
        for b in net.adj[c]: cv[cc[b]] = cv.get(cc[b], 0) + 1
        dot = sum(v * hv.get(k, 0) for k, v in cv.items())
        cs[j] = dot / (hn2 * math.sqrt(sum(v * v for v in cv.values())))
    F['cprof'] = cs
    F['rl_rate'] = np.log1p(100 * rl / rs)
    # paths of length 3 weighted by rarity of both middle nodes
    p3w = np.zeros(n)
    for p in net.adj[h]:
        wp = 1 / math.log(1 + net.deg[p])
        for q in net.adj[p]:
            if q == h: continue
            wq = wp / math.log(1 + net.deg[q])
            for c in net.adj[q]: p3w[c] += wq
    F['p3w'] = np.log1p(p3w[cand])
    F['p3_per_deg'] = p3[cand] / np.maximum(1, deg)
    # candidate twinned with a town near home (mirror)
    mir = np.zeros(m)
    near_set = dict(zip(near_h, dh[near_h]))
    for j, c in enumerate(cand):
        s = 0.0
        for y in net.adj[c]:
            if y in near_set: s += math.exp(-near_set[y] / 20)
        mir[j] = s
    F['cand_near_home'] = np.log1p(10 * mir)
    # same / similar name
    hn = names[h]
    F['same_name'] = np.array([1.0 if names[c] == hn else 0.0 for c in cand])
    F['name_in'] = np.array([1.0 if (len(hn) > 3 and len(names[c]) > 3 and (hn in names[c] or names[c] in hn)) else 0.0 for c in cand])
    F['capcap'] = (capital[cand] & capital[h]).astype(float)
    F['cap'] = capital[cand].astype(float)
    # partners' population similarity
    if net.adj[h]:
        mp = np.mean([lpop[p] for p in net.adj[h]])
        F['dpop_partners'] = np.abs(lpop[cand] - mp)
        F['has_hp'] = np.ones(m)
    else:
        F['dpop_partners'] = np.zeros(m)
        F['has_hp'] = np.zeros(m)
    return cand, F

def build(net, qs, names_):
    rows = []
    for h, p in qs:
        cand, F = features(net, h, cc[p])
        t = np.nonzero(cand == p)[0]
        if len(t) == 0: continue
        M = np.stack([F[k] for k in names_], 1).astype(np.float64)
        rows.append((M, int(t[0])))
    return rows

if __name__ == '__main__':
    seed = 2
    if os.environ.get('HELD_OUT'):
        ho = set()
        for line in open(os.environ['HELD_OUT']):
            a, b = map(int, line.split())
            if a in pos and b in pos: ho.add(tuple(sorted((pos[a], pos[b]))))
        test = [p for p in pairs if p in ho]; train = [p for p in pairs if p not in ho]
        print('swift split', len(test), len(train), file=sys.stderr)
    else:
        train, test = split(pairs, seed)
    itrain, ifit = split(train, seed + 100)
    NQ = int(sys.argv[1]) if len(sys.argv) > 1 else 1200
    rng = random.Random(7)
    fitq = [(a, b) for a, b in ifit] + [(b, a) for a, b in ifit]
    testq = [(a, b) for a, b in test] + [(b, a) for a, b in test]
    rng.shuffle(fitq); rng.shuffle(testq)
    fitq = fitq[:NQ]; testq = testq[:NQ]
    t0 = time.time()
    inner = Net(itrain); outer = Net(train)
    allnames = None
    # Build once with all features, then select columns
    _, F0 = features(inner, fitq[0][0], cc[fitq[0][1]])
    allnames = list(F0.keys())
    fitd = build(inner, fitq, allnames)
    testd = build(outer, testq, allnames)
    print('built', len(fitd), len(testd), 'in', round(time.time() - t0, 1), 's', file=sys.stderr)
    import pickle
    pickle.dump((allnames, fitd, testd), open(os.environ.get('OUT', '/tmp/study.pkl'), 'wb'))
