#!/usr/bin/python3
"""Writes every distinct article of a baly2018 file three times, for
bench_html.sh: as a text file (txt/), as a web page of semantic layout
(html/: masthead, menu, share bar, most-read list, footer, script and style;
one <p> per line in <main><article>), and as a page of <div> layout (div/:
no <article> or <main>; a bar of links above, a column of other headlines
as paragraphs beside the story). Usage: html_pages.py FILE.jsonl OUT_DIR"""
import html
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(f"{out}/txt", exist_ok=True)
os.makedirs(f"{out}/html", exist_ok=True)
os.makedirs(f"{out}/div", exist_ok=True)
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
    page = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title></head><body><div id="wrap">
<div class="topbar"><p><a href="/">الرئيسية</a> | <a href="/1">سياسة</a></p></div>
<div class="row"><div class="col-main">
{body}</div>
<div class="col-left"><p>أخبار أخرى: افتتاح معرض دمشق الدولي للكتاب بمشاركة واسعة</p>
<p>أخبار أخرى: ارتفاع أسعار الخضار في أسواق حلب مع بداية الشتاء</p></div></div>
<div class="bottom"><p>جميع الحقوق محفوظة للموقع</p></div></div></body></html>
"""
    with open(f"{out}/div/{i:04d}.html", "w", encoding="utf-8") as f:
        f.write(page)
print(len(seen))
