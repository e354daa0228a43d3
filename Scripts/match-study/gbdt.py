"""Gradient-boosted ranker (LightGBM lambdarank) over every raw feature: is there headroom a linear score misses?"""
import pickle, os, numpy as np, lightgbm as lgb
from logit import sample
names, fitd0, testd = pickle.load(open(os.environ.get('DATA', '/tmp/study.pkl'), 'rb'))
fitd = sample(fitd0, 300)
def stack(data):
    X = np.concatenate([M for M, _ in data]); y = np.zeros(len(X)); g = [len(M) for M, _ in data]
    off = np.cumsum([0] + g[:-1]); y[off + np.array([t for _, t in data])] = 1
    return X, y, g, off
X, y, g, _ = stack(fitd)
Xt, yt, gt, offt = stack(testd)
for leaves in (7, 15):
    ds = lgb.Dataset(X, y, group=g)
    m = lgb.train(dict(objective='lambdarank', learning_rate=0.05, num_leaves=leaves, min_data_in_leaf=50, verbose=-1, lambdarank_truncation_level=30), ds, num_boost_round=300)
    s = m.predict(Xt)
    ranks = []
    for o, k in zip(offt, gt):
        ss = s[o:o + k]; t = ss[np.argmax(yt[o:o + k])]
        ranks.append(1 + np.sum(ss > t))
    r = np.array(ranks)
    print(leaves, f"H1 {np.mean(r<=1)*100:.1f} H10 {np.mean(r<=10)*100:.1f} MRR {np.mean(1/r):.3f} med {np.median(r):.0f}", flush=True)
