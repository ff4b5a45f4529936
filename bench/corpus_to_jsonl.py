#!/usr/bin/env python3
"""corpus_to_jsonl.py: converts the benchmark corpora (10kGNAD test.csv and the
FANG-COVID zipped CSVs) into annotate-contract JSONL files in a temp dir, plus
one plain-text file per corpus holding the concatenated `text` fields (for the
`wc -w` baseline).

It only converts: it never writes into the repository, never filters or edits
article text, and uses the Python standard library only.

usage: corpus_to_jsonl.py OUTDIR [--data DIR] [--limit N]
writes OUTDIR/NAME.jsonl and OUTDIR/NAME.txt for NAME in 10kgnad, fang-covid;
prints "NAME DOCS BYTES" per corpus on stdout.
"""
import argparse
import csv
import io
import json
import os
import sys
import zipfile

csv.field_size_limit(sys.maxsize)


def gnad_docs(path, limit):
    # label;text, delimiter ';', quotechar "'" (see 10kgnad/SOURCE.txt)
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if limit and i >= limit:
                return
            if len(row) < 2:
                continue
            yield {"id": "10kgnad-%05d" % i, "text": row[1], "lang": "de",
                   "source": "derstandard.at"}


def fang_docs(zdir, limit):
    # one CSV per zip: index,Unnamed: 0,article,date,header,label,url,...
    n = 0
    for name in sorted(os.listdir(zdir)):
        if not name.endswith(".zip"):
            continue
        outlet = name[:-4]
        with zipfile.ZipFile(os.path.join(zdir, name)) as z:
            for member in z.namelist():
                if not member.endswith(".csv"):
                    continue
                with z.open(member) as raw:
                    f = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                    for i, row in enumerate(csv.DictReader(f)):
                        if limit and n >= limit:
                            return
                        article = row.get("article") or ""
                        title = row.get("header") or ""
                        if not article.strip():
                            continue
                        text = (title + "\n\n" + article) if title else article
                        doc = {"id": "fang-%s-%05d" % (outlet, i), "text": text, "lang": "de",
                               "source": outlet}
                        date = (row.get("date") or "").strip()
                        if date:
                            doc["date"] = date[:10]
                        if row.get("url"):
                            doc["url"] = row["url"]
                        if title:
                            doc["title"] = title
                        n += 1
                        yield doc


def write(outdir, name, docs):
    ndocs = nbytes = 0
    with open(os.path.join(outdir, name + ".jsonl"), "w", encoding="utf-8") as j, \
         open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8") as t:
        for d in docs:
            j.write(json.dumps(d, ensure_ascii=False))
            j.write("\n")
            t.write(d["text"])
            t.write("\n")
            ndocs += 1
            nbytes += len(d["text"].encode("utf-8"))
    print(name, ndocs, nbytes)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--limit", type=int, default=0, help="at most N docs per corpus (0: all)")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    write(a.outdir, "10kgnad", gnad_docs(os.path.join(a.data, "10kgnad", "test.csv"), a.limit))
    write(a.outdir, "fang-covid", fang_docs(os.path.join(a.data, "fang-covid"), a.limit))


if __name__ == "__main__":
    main()
