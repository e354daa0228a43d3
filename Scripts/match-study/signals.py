#!/usr/bin/env python3
"""Study of the signals of issue 11 ("A better engine underneath"); not part of
the program or of CI.

Same protocol as `twinning-eval`: the held-out pairs of seed 2 come from
`twinning-eval --dump-held-out FILE`; the fitting questions come from an inner
split of the *training* pairs only (5 % held out, as `tune` does). For every
question it computes raw signals over the candidates (the partner's country,
or with ALL=1 every city), vectorised over all cities with scipy.sparse.

    twinning-eval --dump-held-out /tmp/heldout.tsv --queries 1
    HELD_OUT=/tmp/heldout.tsv OUT=/tmp/signals.pkl python3 signals.py 2000
    DATA=/tmp/signals.pkl python3 fit_signals.py

Needs numpy and scipy.
"""
import csv, math, os, pickle, random, sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
import numpy as np
import scipy.sparse as sp
from scipy.spatial import cKDTree

R = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../Sources/TwinningCore/Resources/')
ALL = os.environ.get('ALL') == '1'

cities = []
with open(R + 'cities.tsv', encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
        cities.append(row)
cities.sort(key=lambda c: int(c['geonameid']))
n = len(cities)
gid = np.array([int(c['geonameid']) for c in cities])
pos = {g: i for i, g in enumerate(gid)}
ccodes = sorted(set(c['country_code'] for c in cities))
cidx = {c: i for i, c in enumerate(ccodes)}
cc = np.array([cidx[c['country_code']] for c in cities])
NC = len(ccodes)
regkey = [c['country_code'] + '.' + c['admin1_code'] if c['admin1_code'] not in ('', '00') else None for c in cities]
regs = sorted(set(k for k in regkey if k))
ridx = {k: i for i, k in enumerate(regs)}
reg = np.array([ridx[k] if k else -1 for k in regkey])
NR = len(regs)
latd = np.array([float(c['latitude']) for c in cities])
lat = np.radians(latd)
lon = np.radians(np.array([float(c['longitude']) for c in cities]))
popn = np.array([float(c['population'] or 0) for c in cities])
lpop = np.where(popn > 0, np.log10(np.maximum(popn, 1)), np.nan)
X = np.cos(lat) * np.cos(lon); Y = np.cos(lat) * np.sin(lon); Z = np.sin(lat)
U = np.stack([X, Y, Z], 1)

# Country neighbours (countries.tsv) and the candidate's size rank within its country.
neigh = [set() for _ in range(NC)]
with open(R + 'countries.tsv', encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
        if row['iso'] in cidx:
            for x in row['neighbours'].split(','):
                if x in cidx: neigh[cidx[row['iso']]].add(cidx[x])
crank = np.zeros(n)
for c in range(NC):
    m = np.nonzero(cc == c)[0]
    order = m[np.argsort(-popn[m], kind='stable')]
    crank[order] = np.arange(1, len(order) + 1)

# Standard UTC offset in hours (15 January 2025, so no summer time).
tzoff = {}
ref = datetime(2025, 1, 15, 12)
def offset(name):
    if name not in tzoff:
        try: tzoff[name] = ZoneInfo(name).utcoffset(ref).total_seconds() / 3600
        except Exception: tzoff[name] = float('nan')
    return tzoff[name]
tz = np.array([offset(c['timezone']) for c in cities])

# Local density: other cities (≥ 15,000 … the gazetteer) within 25 km.
tree = cKDTree(U)
chord25 = 2 * math.sin(25 / 6371 / 2)
density = np.array([len(x) - 1 for x in tree.query_ball_point(U, chord25)], float)

def dist(i, js=None):
    V = U if js is None else U[js]
    d = np.sqrt(((V - U[i]) ** 2).sum(1))
    return 2 * 6371 * np.arcsin(np.minimum(1, d / 2))

def load_pairs():
    ps = []
    with open(R + 'twinnings_dev.tsv', encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            a, b = int(row['geonameid_a']), int(row['geonameid_b'])
            if a in pos and b in pos and a != b: ps.append((pos[a], pos[b]))
    return sorted(set(tuple(sorted(p)) for p in ps))

class Net:
    def __init__(self, ps):
        a = np.array([p[0] for p in ps]); b = np.array([p[1] for p in ps])
        A = sp.coo_matrix((np.ones(2 * len(ps)), (np.r_[a, b], np.r_[b, a])), shape=(n, n)).tocsr()
        A.data[:] = 1
        self.A = A
        self.deg = np.asarray(A.sum(1)).ravel()
        self.adj = [A.indices[A.indptr[i]:A.indptr[i + 1]] for i in range(n)]
        inv = np.where(self.deg > 0, 1 / np.maximum(self.deg, 1), 0)
        self.P = sp.diags(inv) @ A          # row-stochastic walk
        # Per city: partners per country (sparse n × NC), and per region.
        self.Cc = sp.csr_matrix((np.ones(len(A.indices)), (np.repeat(np.arange(n), np.diff(A.indptr)), cc[A.indices])), shape=(n, NC))
        rr = reg[A.indices]; rows = np.repeat(np.arange(n), np.diff(A.indptr)); ok = rr >= 0
        self.Cr = sp.csr_matrix((np.ones(ok.sum()), (rows[ok], rr[ok])), shape=(n, NR))
        # Region → region, region → country, country → country link counts.
        okr = reg >= 0
        Mreg = sp.csr_matrix((np.ones(okr.sum()), (reg[okr], np.nonzero(okr)[0])), shape=(NR, n))
        Mc = sp.csr_matrix((np.ones(n), (cc, np.arange(n))), shape=(NC, n))
        self.RR = (Mreg @ self.Cr).tocsr()      # NR × NR
        self.RC = (Mreg @ self.Cc).tocsr()      # NR × NC
        self.CC = (Mc @ self.Cc).toarray()      # NC × NC
        self.CR = (Mc @ self.Cr).tocsr()        # NC × NR
        self.regsize = np.bincount(reg[okr], minlength=NR).astype(float)
        self.cdeg = self.CC.sum(1)
        sums = np.asarray(A @ np.nan_to_num(lpop)).ravel(); cnt = np.asarray(A @ (~np.isnan(lpop)).astype(float)).ravel()
        self.plog = np.where(cnt > 0, sums / np.maximum(cnt, 1), np.nan)   # mean log pop of partners

def features(net, h, cand):
    """Raw signals for home h over the positions `cand` (NaN where unknown)."""
    F = {}
    e = np.zeros(n); e[h] = 1
    a1 = net.A @ e                       # home's partners
    deg = net.deg
    # paths
    common = net.A @ a1
    w_aa = np.where(deg > 1, 1 / np.log(np.maximum(deg, 2)), 0)
    aa = net.A @ (a1 * w_aa)
    ra = net.A @ (a1 / np.maximum(deg, 1))
    p2 = common.copy(); p2[h] = 0
    p3 = net.A @ (p2)                    # h→p→q→c walks with q ≠ h (approximately the engine's count)
    # personalised PageRank from h (restart 0.3), 12 power iterations
    x = e.copy(); r = e.copy()
    for _ in range(12):
        x = 0.3 * e + 0.7 * (net.P.T @ x)
    ppr = x
    for alpha, key in ((0.15, 'ppr15'), (0.5, 'ppr50')):
        y = e.copy()
        for _ in range(12):
            y = alpha * e + (1 - alpha) * (net.P.T @ y)
        F[key] = y[cand]
    # PPR seeded from home and the towns near it (kernel 20 km, up to 60 km)
    dh0 = dist(h)
    seed = np.where(dh0 < 60, np.exp(-dh0 / 20), 0); seed /= seed.sum()
    y = seed.copy()
    for _ in range(12):
        y = 0.3 * seed + 0.7 * (net.P.T @ y)
    F['ppr_near'] = y[cand]
    F['cn'] = common[cand]; F['aa'] = aa[cand]; F['ra'] = ra[cand]; F['p3'] = p3[cand]; F['ppr'] = ppr[cand]
    d = dist(h, cand)
    F['km'] = d
    F['lpop_c'] = lpop[cand]; F['lpop_h'] = np.full(len(cand), lpop[h])
    F['lrank'] = np.log(crank[cand])
    F['deg_c'] = deg[cand]; F['deg_h'] = np.full(len(cand), deg[h])
    F['plog_h'] = np.full(len(cand), net.plog[h])      # home's partners' typical size
    F['plog_c'] = net.plog[cand]                        # candidate's partners' typical size
    hc = cc[h]; hr = reg[h]
    F['c_in_hc'] = np.asarray(net.Cc[cand, hc].todense()).ravel()
    nb = sorted(neigh[hc])
    F['c_in_hn'] = np.asarray(net.Cc[cand][:, nb].sum(1)).ravel() if nb else np.zeros(len(cand))
    # home's partners per country (for the all-countries list) and in neighbours of the candidate country
    hpc = np.asarray(net.Cc[h].todense()).ravel()
    F['h_in_cc'] = hpc[cc[cand]]
    F['h_in_cn'] = np.array([sum(hpc[k] for k in neigh[c]) for c in range(NC)])[cc[cand]]
    rc = reg[cand]
    rr = np.zeros(len(cand))
    if hr >= 0:
        row = np.asarray(net.RR[hr].todense()).ravel()
        rr = np.where(rc >= 0, row[np.maximum(rc, 0)], 0)
        rcn = np.asarray(net.RC[hr].todense()).ravel()
        F['hreg_cc'] = rcn[cc[cand]]                   # home region ↔ candidate country
    else:
        F['hreg_cc'] = np.zeros(len(cand))
    F['rr'] = rr
    crow = np.asarray(net.CR[hc].todense()).ravel()
    F['hc_creg'] = np.where(rc >= 0, crow[np.maximum(rc, 0)], 0)   # home country ↔ candidate region
    F['regsize_c'] = np.where(rc >= 0, net.regsize[np.maximum(rc, 0)], 1)
    F['cc_links'] = net.CC[hc][cc[cand]]
    F['cdeg_c'] = net.cdeg[cc[cand]]
    F['cdeg_h'] = np.full(len(cand), net.cdeg[hc])
    F['csize_c'] = np.bincount(cc, minlength=NC)[cc[cand]].astype(float)
    # distance from the candidate to the home city's nearest partner
    hp = net.adj[h]
    if len(hp):
        D = np.stack([dist(p, cand) for p in hp], 0)
        F['km_hp'] = D.min(0)
        F['hp_kernel'] = np.exp(-D / 100).sum(0)
    else:
        F['km_hp'] = np.full(len(cand), np.nan); F['hp_kernel'] = np.zeros(len(cand))
    # candidate's partners near home
    cp_near = np.zeros(len(cand))
    dh = dist(h)
    near = dh < 150
    if near.any():
        kern = np.where(near, np.exp(-dh / 40), 0); kern[h] = 0
        cp_near = (net.A @ kern)[cand]
    F['cand_p_near_home'] = cp_near
    # nearby links (the engine's): towns near home (≤60 km) → partners → within 150 km of candidate
    ys = {}
    for xx in np.nonzero((dh < 60))[0]:
        if xx == h: continue
        wx = math.exp(-dh[xx] / 20)
        for y in net.adj[xx]: ys[y] = ys.get(y, 0) + wx
    nbv = np.zeros(len(cand))
    if ys:
        yl = np.array(list(ys.keys())); yw = np.array(list(ys.values()))
        # distance matrix |ys| × |cand| can be big; chunk
        for k in range(0, len(yl), 200):
            Dy = 2 * 6371 * np.arcsin(np.minimum(1, np.sqrt(((U[cand][None, :, :] - U[yl[k:k+200]][:, None, :]) ** 2).sum(2)) / 2))
            nbv += (yw[k:k+200, None] * np.where(Dy <= 150, np.exp(-Dy / 80), 0)).sum(0)
    F['nearby'] = nbv
    F['lat_c'] = latd[cand]; F['lat_h'] = np.full(len(cand), latd[h])
    F['tz'] = np.abs(tz[cand] - tz[h])
    F['density_c'] = density[cand]; F['density_h'] = np.full(len(cand), density[h])
    F['same_c'] = (cc[cand] == hc).astype(float)
    F['nbr_c'] = np.array([1.0 if c in neigh[hc] else 0.0 for c in range(NC)])[cc[cand]]
    return F

def build(net, qs):
    out = []
    for h, p in qs:
        if ALL:
            mask = np.ones(n, bool)
        else:
            mask = cc == cc[p]
        mask[h] = False; mask[net.adj[h]] = False
        cand = np.nonzero(mask)[0]
        t = np.searchsorted(cand, p)
        if t >= len(cand) or cand[t] != p: continue
        F = features(net, h, cand)
        names = list(F.keys())
        M = np.stack([np.asarray(F[k], np.float32) for k in names], 1)
        out.append((M, int(t), h, cand if not ALL else None))
    return names, out

if __name__ == '__main__':
    pairs = load_pairs()
    ho = set()
    for line in open(os.environ['HELD_OUT']):
        a, b = map(int, line.split())
        if a in pos and b in pos: ho.add(tuple(sorted((pos[a], pos[b]))))
    test = [p for p in pairs if p in ho]; train = [p for p in pairs if p not in ho]
    rng = random.Random(7)
    NQ = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    fitsets = []
    folds = int(os.environ.get('FOLDS', '2'))
    t0 = time.time()
    for fold in range(folds):
        tr = train[:]; random.Random(100 + fold).shuffle(tr)
        k = round(len(tr) * 0.05)
        ifit, itrain = tr[:k], tr[k:]
        q = [(a, b) for a, b in ifit] + [(b, a) for a, b in ifit]
        rng.shuffle(q)
        names, d = build(Net(itrain), q[:NQ // folds])
        fitsets += d
        print('fold', fold, len(d), round(time.time() - t0), 's', file=sys.stderr)
    testq = [(a, b) for a, b in test] + [(b, a) for a, b in test]
    rng.shuffle(testq)
    NT = int(os.environ.get('NTEST', NQ))
    names, testd = build(Net(train), testq[:NT])
    print('built', len(fitsets), len(testd), 'in', round(time.time() - t0, 1), 's', file=sys.stderr)
    pickle.dump((names, fitsets, testd), open(os.environ.get('OUT', '/tmp/signals.pkl'), 'wb'))
