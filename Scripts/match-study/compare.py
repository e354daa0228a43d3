"""Conditional logit on feature sets shaped as the engine shapes them (values in
[0, 1]); prints Hit@1, Hit@10, MRR, median rank on the held-out questions."""
import os, pickle, numpy as np
from scipy.optimize import minimize
from logit import Stack, evaluate, sample, nll

names, fitd0, testd = pickle.load(open(os.environ.get('DATA', '/tmp/study.pkl'), 'rb'))
ix = {k: i for i, k in enumerate(names)}
fitd = sample(fitd0, 300)
_all = np.concatenate([M for M, _ in fitd]); mu = _all.mean(0); sd = _all.std(0) + 1e-9

def c01(x): return np.clip(x, 0, 1)

def shaped(M, variant):
    g = lambda k: M[:, ix[k]]
    d = np.expm1(g('logd')) * 50
    deg = g('deg_raw')
    cols = {
        'size_sim': 1 - c01(g('dpop') / 2.5),
        'cand_size': c01((g('lpop') - 3) / 4),
        'distance': c01(1 - np.log1p(d / 50) / np.log1p(400)),
        'partners_log': c01(np.log1p(deg) / np.log1p(60)),
        'has_partner': (deg > 0).astype(float),
        'shared': 1 - np.exp(-np.expm1(g('cn')) / 2),
        'aa': 1 - np.exp(-g('aa')),
        'p3_log': c01(g('p3') / np.log1p(300)),
        'rl_log': c01(g('rl') / np.log1p(300)),
        'nearby': c01(g('nearby80') / np.log1p(10 * 20)),
        'partner_sizes': 1 - c01(g('dpop_partners') / 2.5),
        'cand_in_home_c': c01(g('cand_in_home_c') / np.log1p(20)),
        'region_affinity': c01(g('crl_rate') / np.log1p(100)),
    }
    return np.stack([cols[k] for k in variant], 1)

def run(label, variant, extra=(), by_degree=False):
    def X(M):
        raw = np.stack([(M[:, ix[k]] - mu[ix[k]]) / sd[ix[k]] for k in extra], 1) if extra else None
        if not variant: return raw
        return np.concatenate([shaped(M, variant), raw], 1) if extra else shaped(M, variant)
    f = Stack([(X(M), t) for M, t in fitd]); te = Stack([(X(M), t) for M, t in testd])
    w = minimize(nll, np.zeros(f.M.shape[1]), args=(f, 1e-4), jac=True, method='L-BFGS-B', options={'maxiter': 500}).x
    r = evaluate(w, te)
    if by_degree:
        # Where the ranks come from: partners with and without another twinning in the known network.
        s = te.M @ w
        ranks = 1 + np.bincount(te.grp, weights=(s > s[te.tgt][te.grp]).astype(float), minlength=len(te.off))
        deg = np.array([M[t, ix['deg_raw']] for M, t in testd])
        for name, mask in (('  partner has no other twinning', deg == 0), ('  partner has others', deg > 0)):
            q = ranks[mask]
            print(f"{name:32s} {mask.mean()*100:4.0f} % of questions: median rank {np.median(q):.0f}, "
                  f"MRR {np.mean(1 / q):.3f}, Hit@10 {np.mean(q <= 10)*100:.0f} %")
    print(f"{label:30s} H1 {r['h1']*100:5.1f} H10 {r['h10']*100:5.1f} MRR {r['mrr']:.3f} med {r['med']:.0f}", flush=True)

engine = ['size_sim', 'cand_size', 'distance', 'partners_log', 'has_partner', 'shared', 'aa', 'p3_log', 'rl_log',
          'nearby', 'partner_sizes', 'cand_in_home_c', 'region_affinity']
run('simple (6)', ['size_sim', 'cand_size', 'distance', 'partners_log', 'shared', 'rl_log'])
run('engine-like (13)', engine, by_degree=True)
for extra in ['rl_rate', 'p3w', 'p3_per_deg', 'pnear', 'cprof', 'same_name', 'capcap', 'lrank', 'nearby150']:
    run('+' + extra, engine, (extra,))
run('every raw feature, standardised', [], tuple(names))
