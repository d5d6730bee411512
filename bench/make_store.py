#!/usr/bin/env python3
"""Writes the benchmark inputs from baly2018: N articles as JSONL (the
distinct articles of train+dev, replicated with a distinct edition line so
every copy is a new article with its own id) and the claims as /api/check
request bodies. Usage: make_store.py SHARED N OUT_JSONL OUT_CLAIMS"""
import json
import sys

shared, n, out_articles, out_claims = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
texts, claims, seen_t, seen_c = [], [], set(), set()
for name in ("train", "dev"):
    with open(f"{shared}/data/baly2018/{name}.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            t = row["article"].strip()
            if t and t not in seen_t:
                seen_t.add(t)
                texts.append((t, row.get("url")))
            if row["claim"] not in seen_c:
                seen_c.add(row["claim"])
                claims.append(row["claim"])
with open(out_articles, "w", encoding="utf-8") as f:
    for i in range(n):
        t, url = texts[i % len(texts)]
        copy = i // len(texts)
        if copy:
            # Inside the three longest lines, so boilerplate removal keeps at
            # least one and the copy is a distinct article, not a duplicate.
            lines = t.split("\n")
            for j in sorted(range(len(lines)), key=lambda x: -len(lines[x]))[:3]:
                lines[j] += f" (نسخة أرشيفية رقم {copy} من المقال {i})"
            t = "\n".join(lines)
            url = f"{url}#copy{copy}" if url else None
        f.write(json.dumps({"text": t, "url": url}, ensure_ascii=False) + "\n")
with open(out_claims, "w", encoding="utf-8") as f:
    for c in claims:
        f.write(json.dumps({"claim": c, "k": 20}, ensure_ascii=False) + "\n")
print(f"{n} articles from {len(texts)} distinct texts; {len(claims)} claims")
