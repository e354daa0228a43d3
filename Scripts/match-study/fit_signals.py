"""Fits weighted sums of engine-shaped features (values in [0, 1], weights ≥ 0,
as the engine scores) on the fitting questions of signals.py and ranks the
held-out questions with the engine's rule (weighted mean of the features that
have a value). Prints the engine's features, the engine with each new feature
alone, all together, and all together minus each one.

    DATA=/tmp/signals.pkl python3 fit_signals.py
"""
import os, pickle, sys
import numpy as np
from scipy.optimize import minimize

names, fitd0, testd = pickle.load(open(os.environ.get('DATA', '/tmp/signals.pkl'), 'rb'))
ix = {k: i for i, k in enumerate(names)}

def c01(x): return np.clip(x, 0, 1)
def logscale(x, top): return c01(np.log1p(np.maximum(x, 0)) / np.log1p(top))
def sim(a, b, span=2.5): return np.maximum(0, 1 - np.abs(a - b) / span)

def shaped(M):
    g = lambda k: M[:, ix[k]].astype(np.float64)
    km = g('km'); deg = g('deg_c'); lc = g('lpop_c'); lh = g('lpop_h')
    S = {}
    # --- today's engine
    S['size_similarity'] = sim(lh, lc)
    S['candidate_size'] = c01((lc - 3) / 4)
    S['distance'] = np.maximum(0, 1 - np.log10(1 + km / 50) / np.log10(401))
    S['shared_partners'] = 1 - np.exp(-g('cn') / 2)
    S['partners_of_partners'] = logscale(g('p3'), 300)
    S['adamic_adar'] = 1 - np.exp(-g('aa'))
    hr_known = ~np.isnan(g('rr'))
    S['region_links'] = logscale(g('rr'), 300)
    S['nearby_links'] = c01(np.log1p(10 * g('nearby')) / np.log(201))
    S['candidate_partners'] = np.where(deg == 0, 0, 0.3 + 0.7 * c01(np.log(np.maximum(deg, 1)) / np.log(50)))
    S['partner_sizes'] = sim(g('plog_h'), lc)
    S['candidate_new_country'] = 1 - logscale(g('c_in_hc'), 20)
    # --- new
    S['resource_allocation'] = 1 - np.exp(-g('ra') / 0.25)
    ppr = g('ppr')
    S['ppr'] = c01(np.log10(1 + ppr * 1e4) / 3)       # 1 at ppr ≈ 0.1
    S['smaller'] = 1 - c01(np.maximum(0, lh - lc) / 2.5)     # candidate not much smaller than home
    S['larger'] = 1 - c01(np.maximum(0, lc - lh) / 2.5)      # candidate not much larger
    S['size_rank'] = 1 - c01(np.log(np.exp(g('lrank'))) / np.log(1000))
    S['size_rank_top'] = 1 - c01((g('lrank')) / np.log(30))
    S['their_partner_sizes'] = sim(g('plog_c'), lh)
    S['their_partners_here'] = logscale(g('c_in_hc'), 20)
    S['their_partners_near_here'] = logscale(g('c_in_hn'), 20)
    S['their_partners_region'] = logscale(g('c_in_hc') + g('c_in_hn'), 20)
    S['country_region_links'] = logscale(g('hc_creg'), 500)
    S['country_region_rate'] = logscale(100 * g('hc_creg') / g('regsize_c'), 300)
    S['near_your_partners'] = np.nan_to_num(np.maximum(0, 1 - np.log10(1 + g('km_hp') / 20) / np.log10(1 + 2000 / 20)))
    S['near_your_partners_k'] = 1 - np.exp(-g('hp_kernel'))
    S['latitude_similarity'] = np.maximum(0, 1 - np.abs(g('lat_c') - g('lat_h')) / 30)
    S['time_zone'] = 1 - c01(np.nan_to_num(g('tz'), nan=6) / 12)
    S['few_neighbours'] = 1 - logscale(g('density_c'), 50)
    S['many_neighbours'] = logscale(g('density_c'), 50)
    S['their_partners_near_you'] = 1 - np.exp(-g('cand_p_near_home'))
    for key in ('ppr15', 'ppr50', 'ppr_near'):
        if key in ix:
            S[key] = c01(np.log10(1 + g(key) * 1e4) / 3)
    if 'ppr' in ix:
        S['ppr_deg'] = c01(np.log10(1 + ppr / np.maximum(deg, 1) * 1e4) / 3)
        S['ppr_log'] = np.where(ppr > 0, c01((np.log10(np.maximum(ppr, 1e-12)) + 6) / 5), 0)
    dh_ = g('deg_h')
    S['partner_count_similarity'] = np.where(deg > 0, sim(np.log10(1 + dh_), np.log10(1 + deg), 1.5), 0)
    S['pc_sim_all'] = sim(np.log10(1 + dh_), np.log10(1 + deg), 1.5)
    S['busy_pair'] = c01(np.log1p(dh_) / np.log(50)) * c01(np.log1p(deg) / np.log(50))
    S['deg_linear'] = c01(deg / 30)
    out = {}
    for k, v in S.items():
        v = np.asarray(v, np.float64)
        out[k] = v
    # missing: population unknown → size features NaN
    for k in ['size_similarity', 'candidate_size', 'partner_sizes', 'smaller', 'larger', 'their_partner_sizes']:
        pass
    return out

fit_shaped = []
full_sizes = np.array([len(M) for M, *_ in fitd0], float)
rng = np.random.default_rng(1)
for M, t, *_ in fitd0:
    if len(M) > 301:
        idx = rng.choice(np.delete(np.arange(len(M)), t), size=300, replace=False)
        M = M[np.concatenate([[t], idx])]; t = 0
    fit_shaped.append((shaped(M), t))
test_shaped = [(shaped(M), t) for M, t, *_ in testd]
print(len(fit_shaped), 'fit questions,', len(test_shaped), 'test questions', file=sys.stderr)

def stack(data, feats):
    Ms = [np.stack([np.nan_to_num(S[k]).astype(np.float64) for k in feats], 1) for S, _ in data]
    Ns = [np.stack([~np.isnan(S[k]) for k in feats], 1).astype(float) for S, _ in data]
    sizes = np.array([len(m) for m in Ms]); off = np.r_[0, np.cumsum(sizes)[:-1]]
    return np.concatenate(Ms), np.concatenate(Ns), off, off + np.array([t for _, t in data]), np.repeat(np.arange(len(Ms)), sizes)

def nll(w, M, off, tgt, grp, l2=1e-4):
    s = M @ w
    mx = np.maximum.reduceat(s, off)
    e = np.exp(s - mx[grp]); Z = np.add.reduceat(e, off)
    loss = -np.mean(s[tgt] - mx - np.log(Z))
    p = e / Z[grp]
    g = -(M[tgt].sum(0) - p @ M) / len(off)
    return loss + l2 * w @ w, g + 2 * l2 * w

def fit(feats, nonneg=True):
    M, _, off, tgt, grp = stack(fit_shaped, feats)
    b = [(0, None)] * len(feats) if nonneg else None
    res = minimize(nll, np.ones(len(feats)), args=(M, off, tgt, grp), jac=True, method='L-BFGS-B', bounds=b,
                    options={'maxiter': 3000, 'maxfun': 10000})
    if not res.success: print('   fit:', res.message, res.nit, file=sys.stderr)
    return res.x

def smooth_mrr(w, M, off, tgt, grp, sizes_full, tau=0.05):
    # Differentiable MRR: rank ≈ 1 + (N − 1)/k · Σ σ((s_j − s_t)/τ) over the k sampled rivals.
    s = M @ w
    d = (s - s[tgt][grp]) / tau
    sig = 1 / (1 + np.exp(-np.clip(d, -50, 50)))
    sig[tgt] = 0
    k = np.bincount(grp, minlength=len(off)) - 1
    scale = (sizes_full - 1) / np.maximum(k, 1)
    r = 1 + scale * np.bincount(grp, weights=sig, minlength=len(off))
    loss = -np.mean(1 / r)
    # gradient
    dr = scale / r ** 2 / len(off)              # d(-1/r)/dr = 1/r², mean
    ds = sig * (1 - sig) / tau
    gj = (dr[grp] * ds)[:, None] * M            # rivals push up rank
    g = gj.sum(0) - (np.bincount(grp, weights=dr[grp] * ds, minlength=len(off))[:, None] * M[tgt]).sum(0)
    return loss, g

def fit_mrr(feats, w0, tau=0.05):
    M, _, off, tgt, grp = stack(fit_shaped, feats)
    b = [(0, None)] * len(feats)
    w0 = w0 / np.abs(w0).sum() * 4   # scores within [0, 4]-ish so τ means the same
    return minimize(smooth_mrr, w0, args=(M, off, tgt, grp, full_sizes, tau), jac=True, method='L-BFGS-B', bounds=b,
                    options={'maxiter': 300}).x

def evaluate(w, feats):
    M, N, off, tgt, grp = stack(test_shaped, feats)
    s = (M @ w) / np.maximum(N @ w, 1e-12)   # the engine's weighted mean
    st = s[tgt]
    better = (s > st[grp]) | ((s == st[grp]) & (np.arange(len(s)) < tgt[grp]))
    ranks = 1 + np.bincount(grp, weights=better.astype(float), minlength=len(off))
    return np.mean(1 / ranks), np.mean(ranks <= 1), np.mean(ranks <= 10), np.median(ranks)

def run(label, feats, show=False):
    w = fit(feats)
    r = evaluate(w, feats)
    print(f"{label:40s} MRR {r[0]:.4f}  H1 {r[1]*100:5.1f}  H10 {r[2]*100:5.1f}  med {r[3]:.0f}", flush=True)
    if show:
        print('   ', ', '.join(f'{k}={v:.2f}' for k, v in zip(feats, w)))
    if os.environ.get('MRR'):
        for tau in map(float, os.environ['MRR'].split(',')):
            w2 = fit_mrr(feats, w, tau)
            r2 = evaluate(w2, feats)
            print(f"{'   smoothed-MRR fit, tau %g' % tau:40s} MRR {r2[0]:.4f}  H1 {r2[1]*100:5.1f}  H10 {r2[2]*100:5.1f}  med {r2[3]:.0f}", flush=True)
            if show: print('   ', ', '.join(f'{k}={v:.3f}' for k, v in zip(feats, w2 / w2.sum() * 50)))
    return r[0]

engine = ['size_similarity', 'candidate_size', 'distance', 'shared_partners', 'partners_of_partners', 'adamic_adar',
          'region_links', 'nearby_links', 'candidate_partners', 'partner_sizes', 'candidate_new_country']
new = ['resource_allocation', 'ppr', 'smaller', 'larger', 'size_rank', 'size_rank_top', 'their_partner_sizes',
       'their_partners_here', 'their_partners_near_here', 'their_partners_region', 'country_region_links',
       'country_region_rate', 'near_your_partners', 'near_your_partners_k', 'latitude_similarity', 'time_zone',
       'few_neighbours', 'many_neighbours', 'their_partners_near_you']
if os.environ.get('SETS'):
    for spec in os.environ['SETS'].split(';'):
        run(spec[:40], engine + [x for x in spec.split(',') if x], show=True)
    sys.exit()
base = run('engine (11)', engine, show=True)
for f in new:
    run('+ ' + f, engine + [f])
full = engine + new
run('all', full, show=True)
for f in full:
    run('all - ' + f, [x for x in full if x != f])
