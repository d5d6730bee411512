#!/usr/bin/python3
"""Writes every distinct article of a baly2018 file twice: as a text file and
as a web page around it (masthead, menu, share bar, a list of most-read
links, footer, script and style; one <p> per line in an <article>), for
bench_html.sh. Usage: html_pages.py FILE.jsonl OUT_DIR"""
import html
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(f"{out}/txt", exist_ok=True)
os.makedirs(f"{out}/html", exist_ok=True)
seen = set()
for line in open(src, encoding="utf-8"):
    text = json.loads(line)["article"]
    if text in seen:
        continue
    seen.add(text)
    i = len(seen)
    with open(f"{out}/txt/{i:04d}.txt", "w", encoding="utf-8") as f:
        f.write(text)
    lines = [x for x in text.split("\n") if x.strip()]
    title = html.escape(lines[0] if lines else "")
    body = "".join(f"<p>{html.escape(x)}</p>\n" for x in lines)
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | موقع</title><meta property="og:site_name" content="موقع">
<link rel="canonical" href="https://site{i % 40}.example/a/{i}">
<script>window.dataLayer = []; function track() {{ return "تتبع"; }}</script>
<style>body {{ margin: 0 }}</style></head><body>
<header class="site-header"><a href="/">الرئيسية</a></header>
<nav><ul><li><a href="/1">سياسة</a></li><li><a href="/2">اقتصاد</a></li></ul></nav>
<main><article><div class="share-bar">شارك على فيسبوك</div>
{body}</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/3">خبر آخر</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer></body></html>
"""
    with open(f"{out}/html/{i:04d}.html", "w", encoding="utf-8") as f:
        f.write(page)
print(len(seen))
