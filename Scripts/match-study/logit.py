"""Conditional logit over the candidates of one question, vectorised; evaluation by rank."""
import numpy as np, math
from scipy.optimize import minimize
class Stack:
    def __init__(self, data):
        self.M = np.concatenate([M for M, _ in data])
        sizes = np.array([len(M) for M, _ in data])
        self.off = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.tgt = self.off + np.array([t for _, t in data])
        self.grp = np.repeat(np.arange(len(data)), sizes)
        self.sizes = sizes
def nll(w, S, l2=1e-3):
    s = S.M @ w
    mx = np.maximum.reduceat(s, S.off)
    e = np.exp(s - mx[S.grp])
    Z = np.add.reduceat(e, S.off)
    tot = -np.sum(s[S.tgt] - mx - np.log(Z)) / len(S.off)
    p = e / Z[S.grp]
    g = -(S.M[S.tgt].sum(0) - p @ S.M) / len(S.off)
    return tot + l2 * (w @ w), g + 2 * l2 * w
def fit(S):
    return minimize(nll, np.zeros(S.M.shape[1]), args=(S,), jac=True, method='L-BFGS-B', options={'maxiter': 500}).x
def evaluate(w, S):
    s = S.M @ w
    st = s[S.tgt]
    better = (s > st[S.grp]) | ((s == st[S.grp]) & (np.arange(len(s)) < S.tgt[S.grp]))
    ranks = 1 + np.bincount(S.grp, weights=better.astype(float), minlength=len(S.off))
    return dict(h1=np.mean(ranks <= 1), h10=np.mean(ranks <= 10), mrr=np.mean(1 / ranks), med=np.median(ranks))
def sample(data, k=200, seed=1):
    rng = np.random.default_rng(seed)
    out = []
    for M, t in data:
        if len(M) <= k + 1: out.append((M, t)); continue
        idx = rng.choice(np.delete(np.arange(len(M)), t), size=k, replace=False)
        idx = np.concatenate([[t], idx])
        out.append((M[idx], 0))
    return out
