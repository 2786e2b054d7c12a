"""Re-name the headline groups of an analysis folder with the current group naming, its topics and topic names held fixed.

    PYTHONPATH=. python benchmarks/rename_groups.py OUT_DIR

Prints each group: its name in the folder -> the name this code gives it ("=" unchanged, "*" changed)."""

import json
import sys

import numpy as np
import pandas as pd

from consultnlp.lemmas import shared_lemmatizer
from consultnlp.text import fold
from consultnlp.topics.naming import Units, folded_stopwords, group_names, topic_members
from consultnlp.topics.shared import shared_phrases

out = sys.argv[1]
c = pd.read_parquet(f"{out}/comments.parquet")
c = c[(c["excluded"].fillna("") == "") & c["dup_representative"].astype(bool) & c["topic_id"].notna()]
info = pd.DataFrame(json.load(open(f"{out}/state/topic_info.json")))
u = Units(
    texts=c["text_redacted"].astype(str).tolist(),
    langs=c["lang"].to_numpy(),
    topics=c["topic_id"].astype(int).to_numpy(),
    closeness=c["topic_prob"].fillna(0).to_numpy(),
    embeddings=np.zeros((len(c), 1)),
)
members = topic_members(u.topics)
group_of = {int(t): int(g) for t, g in zip(info.topic_id, info.group_id)}
written = {int(t): {k: v for k, v in l.items()} for t, l in zip(info.topic_id, info.labels)}
main = dict(zip(info.topic_id.astype(int), info.main_lang))
stop = folded_stopwords(shared_lemmatizer())
in_group = {g: [t for t in members if group_of.get(t) == g] for g in sorted(set(group_of[t] for t in members))}
shared = shared_phrases(in_group, members, u, stop)
sizes = {t: len(r) for t, r in members.items()}
used, names = {}, {}
for g, topics in in_group.items():
    free = {lang: next((p for p in found if fold(p) not in used.get(lang, set())), None) for lang, found in shared.get(g, {}).items()}
    n = group_names(topics, written, main, sizes=sizes, shared={k: v for k, v in free.items() if v}, is_stopword=stop)
    for lang, name in n.items():
        used.setdefault(lang, set()).add(fold(name))
    names[g] = n
old = pd.read_csv(f"{out}/tables/topic_groups.csv").set_index("topic_group_id")["label"]
for g, n in names.items():
    new = next(iter(n.values()))
    print(f"[{g}] {'=' if new == old.get(g) else '*'} {old.get(g)!r} -> {new!r}")
