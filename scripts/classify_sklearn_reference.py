#!/usr/bin/env python3
"""scikit-learn reference for the section classifier, on the same split as `newsdesk classify eval --holdout K --fold R`.

Held-out rows are fold R of K stratified folds: the n-th row of each YNAT topic goes to fold n % K (default K 5, R 0);
the rest train. For all folds at once, ours and scikit-learn's side by side, use scripts/classify_cv.py.
Usage: python3 scripts/classify_sklearn_reference.py ../shared/data/ynat/ynat-train.csv [K [R]]
Needs: pip install scikit-learn
"""
import csv
import sys
import time

from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.svm import LinearSVC


def configs():
    return {
        "char_wb 1-3 tfidf + LinearSVC": lambda: ([TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)], LinearSVC()),
        "char 1-3 tfidf + LogisticRegression": lambda: ([TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)], LogisticRegression(max_iter=2000, C=10)),
        "char 1-4 + word 1-2 tfidf + LinearSVC": lambda: ([TfidfVectorizer(analyzer="char", ngram_range=(1, 4), sublinear_tf=True),
                                                          TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)], LinearSVC()),
        # The strongest found (2026-11-29): word-bounded character n-grams plus words, C=0.6; balanced classes for
        # the 3-way section task (it and sports are small).
        "char_wb 1-3 + word 1-2 tfidf + LinearSVC C=0.6": lambda: ([TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True),
                                                                   TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)], LinearSVC(C=0.6)),
    }


def main(path, holdout=5, fold=0):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    seen = {}
    folds = []
    for r in rows:
        n = seen.get(r["ynat_label"], 0)
        folds.append(n % holdout)
        seen[r["ynat_label"]] = n + 1
    train = [r for r, f in zip(rows, folds) if f != fold]
    test = [r for r, f in zip(rows, folds) if f == fold]
    print(f"{path}: {len(train)} train, {len(test)} held out (stratified fold {fold} of {holdout})")
    for target in ("ynat_label", "section"):
        for name, make in configs().items():
            vecs, clf = make()
            t0 = time.time()
            xtr = hstack([v.fit_transform([r["title"] for r in train]) for v in vecs]).tocsr()
            xte = hstack([v.transform([r["title"] for r in test]) for v in vecs]).tocsr()
            if target == "section" and isinstance(clf, LinearSVC):
                clf.set_params(class_weight="balanced")
            clf.fit(xtr, [r[target] for r in train])
            pred = clf.predict(xte)
            gold = [r[target] for r in test]
            print(f"{target:10s} {name:40s} accuracy {accuracy_score(gold, pred):.4f} macro-F1 {f1_score(gold, pred, average='macro'):.4f} ({time.time() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ynat/ynat-train.csv", int(sys.argv[2]) if len(sys.argv) > 2 else 5,
         int(sys.argv[3]) if len(sys.argv) > 3 else 0)
