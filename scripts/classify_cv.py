#!/usr/bin/env python3
"""Stratified K-fold cross-validation of `newsdesk classify train` against scikit-learn, on the same folds, in one run.

Folds are the ones `newsdesk classify train/eval --holdout K --fold R` use: the n-th row of each class (the YNAT topic,
`ynat_label`, for both tasks) in file order goes to fold n % K. For every fold this script
  1. trains our model with `newsdesk classify train` defaults (plus any --ours-args) and scores the held-out fold with
     `newsdesk classify eval --predictions`;
  2. fits scikit-learn's peers on the same training rows (same text normalization) and scores the same held-out rows.
Two tasks: the 7 YNAT topics (`--label-column ynat_label`) and the 3 NewsDesk sections (`section`: it/sports/general).
Two figures per task: macro-F1 on the fold as it is, and macro-F1 with every topic weighted equally (the team's
held-back rows are 500 per topic, so this is the figure that predicts theirs). Prints mean ± sd over the folds.

Usage: python3 scripts/classify_cv.py [--data ../shared/data/ynat/ynat-train.csv] [--folds 5] [--bin .build/release/newsdesk]
                                      [--tasks topics,sections] [--ours-args "--c 0.3"] [--no-sklearn]
Needs: pip install scikit-learn (for the peers); a release build (`swift build -c release --product newsdesk`).
"""
import argparse
import csv
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np


def normalize(text):
    """NewsDesk's normalization (FeatureHasher.normalize): lowercase, digits to 0, everything else one space."""
    out = []
    for ch in text.lower():
        if ch.isdigit():
            out.append("0")
        elif ch.isalpha():
            out.append(ch)
        else:
            out.append(" ")
    return " " + re.sub(" +", " ", "".join(out)).strip() + " "


def stratified_folds(strata, k):
    seen = {}
    folds = []
    for s in strata:
        n = seen.get(s, 0)
        folds.append(n % k)
        seen[s] = n + 1
    return np.array(folds)


def macro_f1(truth, pred, weights=None):
    from sklearn.metrics import f1_score
    return f1_score(truth, pred, average="macro", sample_weight=weights)


def balanced_weights(strata):
    values, counts = np.unique(strata, return_counts=True)
    size = dict(zip(values, counts))
    return np.array([1.0 / size[s] for s in strata])


TOPIC_TO_SECTION = {"IT과학": "it", "스포츠": "sports"}


def sklearn_peers(task):
    """(name, make_vectorizers, make_classifier, fit on topics and map to sections)."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.svm import LinearSVC
    tfidf = lambda: TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, lowercase=False)
    peers = [
        ("sklearn char 1-3 tf-idf LinearSVC (defaults)", tfidf, lambda: LinearSVC(), False),
        ("sklearn char 1-3 counts MultinomialNB", lambda: CountVectorizer(analyzer="char", ngram_range=(1, 3), lowercase=False),
         lambda: MultinomialNB(), False),
        ("sklearn char 1-3 tf-idf LinearSVC C=0.3 balanced", tfidf, lambda: LinearSVC(C=0.3, class_weight="balanced"), False),
    ]
    if task == "sections":
        peers.append(("sklearn char 1-3 tf-idf LinearSVC C=0.3 balanced, on topics", tfidf,
                      lambda: LinearSVC(C=0.3, class_weight="balanced"), True))
    return peers


def run_ours(args, data, task, fold, workdir):
    label = ["--label-column", "ynat_label"] if task == "topics" else []
    model = os.path.join(workdir, f"{task}-{fold}.ndcm")
    preds = os.path.join(workdir, f"{task}-{fold}.csv")
    common = ["--data", data, "--holdout", str(args.folds), "--fold", str(fold)] + label
    subprocess.run(["nice", "-n", "10", args.bin, "classify", "train", *common, "--out", model, *shlex.split(args.ours_args)],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([args.bin, "classify", "eval", *common, "--model", model, "--predictions", preds], check=True, stdout=subprocess.DEVNULL)
    with open(preds, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["truth"] for r in rows], [r["predicted"] for r in rows]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default="../shared/data/ynat/ynat-train.csv")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--bin", default=".build/release/newsdesk")
    p.add_argument("--tasks", default="topics,sections")
    p.add_argument("--ours-args", default="", help="extra `classify train` options for our model (default: none, i.e. defaults)")
    p.add_argument("--no-sklearn", action="store_true")
    args = p.parse_args()

    with open(args.data, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    topics = np.array([r["ynat_label"] for r in rows])
    sections = np.array([r["section"] for r in rows])
    texts = [normalize(r["title"]) for r in rows]
    folds = stratified_folds(topics, args.folds)
    print(f"{args.data}: {len(rows)} rows, {args.folds} stratified folds (by topic)", flush=True)

    results = {}
    with tempfile.TemporaryDirectory() as workdir:
        for task in args.tasks.split(","):
            y = topics if task == "topics" else sections
            for fold in range(args.folds):
                test = np.where(folds == fold)[0]
                train = np.where(folds != fold)[0]
                weights = balanced_weights(topics[test])
                t0 = time.time()
                truth, pred = run_ours(args, args.data, task, fold, workdir)
                assert truth == list(y[test]), "our held-out rows differ from the script's folds"
                name = "NewsDesk classify train" + (f" {args.ours_args}" if args.ours_args else " (defaults)")
                results.setdefault((task, name), []).append((macro_f1(truth, pred), macro_f1(truth, pred, weights)))
                print(f"{task} fold {fold}: {name}: {results[(task, name)][-1][0]:.4f} / {results[(task, name)][-1][1]:.4f} ({time.time() - t0:.0f} s)", flush=True)
                if args.no_sklearn:
                    continue
                for peer, make_vec, make_clf, on_topics in sklearn_peers(task):
                    t0 = time.time()
                    vec = make_vec()
                    xtr = vec.fit_transform([texts[i] for i in train])
                    xte = vec.transform([texts[i] for i in test])
                    target = topics if on_topics else y
                    clf = make_clf().fit(xtr, target[train])
                    pred = clf.predict(xte)
                    if on_topics:
                        pred = np.array([TOPIC_TO_SECTION.get(t, "general") for t in pred])
                    results.setdefault((task, peer), []).append((macro_f1(y[test], pred), macro_f1(y[test], pred, weights)))
                    print(f"{task} fold {fold}: {peer}: {results[(task, peer)][-1][0]:.4f} / {results[(task, peer)][-1][1]:.4f} ({time.time() - t0:.0f} s)", flush=True)

    print("\nmacro-F1, mean ± sd over folds: as the folds are / every topic weighted equally")
    for (task, name), scores in results.items():
        nat = [s[0] for s in scores]
        bal = [s[1] for s in scores]
        sd = lambda v: statistics.stdev(v) if len(v) > 1 else 0.0
        print(f"{task:9s} {name:60s} {statistics.mean(nat):.4f} ± {sd(nat):.4f}   {statistics.mean(bal):.4f} ± {sd(bal):.4f}")


if __name__ == "__main__":
    sys.exit(main())
