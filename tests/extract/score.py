#!/usr/bin/env python3
# score.py: measure chronicle-cli extract on the development sets.
#
#   tests/extract/score.py [--cli build/src/cli/chronicle-cli] [--shared ../shared]
#                          [--limit N] [--errors FILE]
#
# Reads, when present (they are never copied into this repository):
#   <shared>/dev-data/gmb-dev/sentences.jsonl    entity spans (per, geo, gpe, org)
#   <shared>/dev-data/timebank-dev/docs.jsonl    TIMEX3 spans, types, values, dct
#
# Entities: strict (same span and type) and overlap (spans overlap, same
# type, one-to-one) precision/recall/F1 for people (per), locations (geo+gpe
# against country+place) and organisations (org).
# Time expressions, as TempEval-3: strict and relaxed (overlap) span match
# F1, then type and value F1 over the relaxed matches (an attribute counts
# when its span matches relaxed and the attribute is equal).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

HONORIFICS = {'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame'}


def load_titles():
    """Role titles (data/extract/titles.txt) without the honorifics, longest first."""
    titles = []
    with open(os.path.join(ROOT, 'data', 'extract', 'titles.txt'), encoding='utf-8') as f:
        for line in f:
            t = line.strip()
            if t and not t.startswith('#') and t.lower() not in HONORIFICS:
                titles.append(t)
    return sorted(titles, key=len, reverse=True)


def strip_title(text, start, end, titles):
    """GMB puts role titles inside person spans ("President Bush"); Chronicle
    and the project's golden files do not ("Bush"). Returns the span without a
    leading title."""
    surface = text[start:end]
    changed = True
    while changed:
        changed = False
        for t in titles:
            for form in (t + ' ', t + '. '):
                if surface.startswith(form) and len(surface) > len(form):
                    start += len(form)
                    surface = text[start:end]
                    changed = True
                    break
            if changed:
                break
    return start, end


GMB_TYPES = {'per': 'person', 'geo': 'location', 'gpe': 'location', 'org': 'organization'}
SYS_TYPES = {'person': 'person', 'country': 'location', 'place': 'location',
             'organization': 'organization'}


def run_cli(cli, records):
    data = ''.join(json.dumps(r) + '\n' for r in records)
    out = subprocess.run([cli, 'extract', '--jsonl', '-'], input=data.encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    results = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(results) == len(records), 'one output line per input line'
    for r, o in zip(records, results):
        assert r['id'] == o['id'], 'same order'
    return results


def prf(tp_p, n_sys, tp_r, n_gold):
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap_matches(gold, system):
    """One-to-one matches of overlapping spans: list of (g, s) pairs."""
    used = set()
    pairs = []
    for g in gold:
        best = None
        for k, s in enumerate(system):
            if k in used or s[0] >= g[1] or s[1] <= g[0]:
                continue
            if best is None or (s[0] == g[0] and s[1] == g[1]):
                best = k
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


def score_gmb(cli, path, limit, errors):
    rows = [json.loads(l) for l in open(path, encoding='utf-8')]
    if limit:
        rows = rows[:limit]
    out = run_cli(cli, [{'id': r['id'], 'text': r['text']} for r in rows])
    titles = load_titles()
    counts = {t: {'gold': 0, 'sys': 0, 'strict': 0, 'overlap': 0} for t in
              ('person', 'location', 'organization', 'person*')}
    for r, o in zip(rows, out):
        for t in counts:
            kind = t.rstrip('*')
            gold = [(e['start'], e['end']) for e in r['entities'] if GMB_TYPES.get(e['type']) == kind]
            if t.endswith('*'):
                gold = [strip_title(r['text'], g[0], g[1], titles) for g in gold]
            system = [(e['start'], e['end']) for e in o['entities'] if SYS_TYPES[e['type']] == kind]
            c = counts[t]
            c['gold'] += len(gold)
            c['sys'] += len(system)
            c['strict'] += len(set(gold) & set(system))
            c['overlap'] += len(overlap_matches(gold, system))
            if errors is not None:
                for s in set(system) - set(gold):
                    errors.write(f"FP {t}\t{r['text'][s[0]:s[1]]}\t{r['id']}\n")
                for g in set(gold) - set(system):
                    errors.write(f"FN {t}\t{r['text'][g[0]:g[1]]}\t{r['id']}\n")
    print(f'GMB dev ({len(rows)} sentences)')
    print(f"  {'':14}{'strict P':>9}{'R':>7}{'F1':>7}   {'overlap P':>9}{'R':>7}{'F1':>7}")
    for t, c in counts.items():
        sp, sr, sf = prf(c['strict'], c['sys'], c['strict'], c['gold'])
        op, orr, of = prf(c['overlap'], c['sys'], c['overlap'], c['gold'])
        print(f'  {t:14}{sp:9.3f}{sr:7.3f}{sf:7.3f}   {op:9.3f}{orr:7.3f}{of:7.3f}')
    print('  person* = person with role titles taken out of the gold spans ("President Bush" →'
          ' "Bush"), the convention of Chronicle and its golden files')


def score_timebank(cli, path, limit, errors):
    docs = [json.loads(l) for l in open(path, encoding='utf-8')]
    if limit:
        docs = docs[:limit]
    out = run_cli(cli, [{'id': d['id'], 'text': d['text'], 'reference_date': d['dct'][:10]}
                        for d in docs])
    n_gold = n_sys = strict = relaxed = typ = val = 0
    for d, o in zip(docs, out):
        gold = [(t['start'], t['end'], t['type'], t['value']) for t in d['timexes']]
        system = [(t['start'], t['end'], t['type'], t['value']) for t in o['timexes']]
        n_gold += len(gold)
        n_sys += len(system)
        strict += len({g[:2] for g in gold} & {s[:2] for s in system})
        pairs = overlap_matches(gold, system)
        relaxed += len(pairs)
        typ += sum(1 for g, s in pairs if g[2] == s[2])
        val += sum(1 for g, s in pairs if g[3] == s[3])
        if errors is not None:
            matched_s = {s for _, s in pairs}
            matched_g = {g for g, _ in pairs}
            for g, s in pairs:
                if g[3] != s[3]:
                    errors.write(f"VAL\t{d['text'][g[0]:g[1]]!r} gold={g[3]} sys={s[3]} "
                                 f"text={d['text'][s[0]:s[1]]!r} dct={d['dct']}\n")
            for s in system:
                if s not in matched_s:
                    errors.write(f"FP\t{d['text'][s[0]:s[1]]!r} {s[3]}\n")
            for g in gold:
                if g not in matched_g:
                    errors.write(f"FN\t{d['text'][g[0]:g[1]]!r} {g[2]} {g[3]}\n")
    print(f'TimeBank dev ({len(docs)} documents, {n_gold} TIMEX3)')
    for name, tp in (('strict', strict), ('relaxed', relaxed), ('type', typ), ('value', val)):
        p, r, f = prf(tp, n_sys, tp, n_gold)
        print(f'  {name:8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}')


def main():
    ap = argparse.ArgumentParser(description='Score chronicle-cli extract on the development sets')
    ap.add_argument('--cli', default=os.path.join(ROOT, 'build', 'src', 'cli', 'chronicle-cli'))
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(ROOT), 'shared'))
    ap.add_argument('--limit', type=int, default=0)
    ap.add_argument('--errors', help='write false positives and negatives to this file')
    args = ap.parse_args()

    errors = open(args.errors, 'w', encoding='utf-8') if args.errors else None
    gmb = os.path.join(args.shared, 'dev-data', 'gmb-dev', 'sentences.jsonl')
    tb = os.path.join(args.shared, 'dev-data', 'timebank-dev', 'docs.jsonl')
    found = False
    if os.path.exists(gmb):
        score_gmb(args.cli, gmb, args.limit, errors)
        found = True
    if os.path.exists(tb):
        score_timebank(args.cli, tb, args.limit, errors)
        found = True
    if not found:
        print('no development sets under', args.shared, file=sys.stderr)
        return 77
    return 0


if __name__ == '__main__':
    sys.exit(main())
