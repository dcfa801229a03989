#!/usr/bin/env python3
"""Derives the FAQ bot's evaluation set from the hand-written questions.

Reads src/test/resources/faq/eval-written.tsv (`expect <TAB> question [<TAB> near]`) and writes
src/test/resources/faq/eval-set.jsonl: each written question, plus two variants of each topic question and one of
each out-of-scope question, made the way residents type (traditional characters, Cantonese words and particles,
filler and long-winded openings, pinyin-keyboard homophone slips, colloquial synonyms). A question and its variants
form one group; groups, not lines, are split into a tuning part and a held-out part by a seeded shuffle, so that no
variant of a held-out question is ever seen while tuning. The rules below are the generator's own; they are kept apart
from the engine's faq/synonyms.txt on purpose (the engine knows some of them, not all).

Usage: bench/faq-eval-set.py [--seed 15] [--tuning-share 0.5]
"""
import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = ROOT / "src/test/resources/faq/eval-written.tsv"
OUTPUT = ROOT / "src/test/resources/faq/eval-set.jsonl"

TRADITIONAL = dict(zip(
    "电费户号么办缴账单询时间来这个为没还会发开关线压报绑网经营业厅设说让们样过后应该计划讯动车阶价请问钱银欠复长吗资处联护装桩换气热灯闪险电风雨进样级检修务预约码变删认证无线单据补续费员给谁从头准数读显轮换机顺历标级择递见满级",
    "電費戶號麼辦繳賬單詢時間來這個為沒還會發開關線壓報綁網經營業廳設說讓們樣過後應該計劃訊動車階價請問錢銀欠復長嗎資處聯護裝樁換氣熱燈閃險電風雨進樣級檢修務預約碼變刪認證無線單據補續費員給誰從頭準數讀顯輪換機順歷標級擇遞見滿級"))

CANTONESE_WORDS = [("什么", "乜嘢"), ("怎么", "点样"), ("是不是", "系唔系"), ("是", "系"), ("没有", "冇"),
                   ("不", "唔"), ("的", "嘅"), ("了", "咗"), ("在哪里", "喺边度"), ("哪里", "边度"), ("这个", "呢个"),
                   ("为什么", "点解"), ("多少", "几多"), ("他", "佢"), ("看", "睇"), ("家里", "屋企")]
CANTONESE_ENDINGS = ["呀", "啊", "㗎", "嘅", "啦", "先", "喎"]

FILLER_OPENINGS = ["请问一下，", "你好，", "麻烦问下", "那个，", "急！", "您好，我想问一下", "喂，", "打扰一下，",
                   "嗯嗯，", "在吗？"]
FILLER_ENDINGS = ["，谢谢", "？？", "啊", "，急", "，在线等", "，麻烦了", "。。。", "!!"]
STORIES = ["我是一个老人家，不太会用手机，", "我家住在城东小区三栋，", "刚搬过来不太清楚你们的规矩，",
           "我问了好几个人都说不清楚，", "孩子不在家我自己弄不明白，", "上次打电话没打通，"]

# What a pinyin keyboard offers for the same sound: the first candidate a hurried resident taps.
HOMOPHONES = {"电": "店点", "费": "废飞", "户": "护互", "号": "好浩", "缴": "叫较", "交": "教焦", "表": "标",
              "停": "亭", "修": "休", "查": "茶", "账": "帐", "单": "担", "绑": "邦", "定": "订", "闸": "匝",
              "压": "鸭", "装": "庄", "申": "深", "请": "清", "充": "冲", "桩": "装", "价": "架", "阶": "街",
              "梯": "提", "票": "漂", "退": "推", "欠": "歉", "通": "同", "知": "只", "量": "亮", "度": "渡",
              "检": "捡", "费用": "废用", "投": "头", "诉": "素", "线": "现", "网": "往", "格": "个", "销": "消"}

SYNONYMS = [("怎么", "咋"), ("怎么", "如何"), ("怎么", "怎样"), ("什么", "啥"), ("电费", "电钱"), ("哪里", "哪儿"),
            ("为什么", "为啥"), ("可以", "能"), ("家里", "屋里"), ("停电", "断电"), ("交", "缴"), ("多少", "几多"),
            ("能不能", "可不可以"), ("想", "打算"), ("找谁", "找哪个"), ("要", "得"), ("申请", "办")]


def traditional(q, rng):
    return "".join(TRADITIONAL.get(c, c) for c in q)


def cantonese(q, rng):
    for plain, canto in CANTONESE_WORDS:
        if plain in q and rng.random() < 0.7:
            q = q.replace(plain, canto)
    return q + rng.choice(CANTONESE_ENDINGS)


def filler(q, rng):
    if rng.random() < 0.5:
        q = rng.choice(FILLER_OPENINGS) + q
    else:
        q = rng.choice(STORIES) + q
    return q + rng.choice(FILLER_ENDINGS) if rng.random() < 0.5 else q


def homophone(q, rng):
    spots = [i for i, c in enumerate(q) if c in HOMOPHONES]
    for i in rng.sample(spots, min(len(spots), rng.choice([1, 1, 2]))):
        q = q[:i] + rng.choice(HOMOPHONES[q[i]]) + q[i + 1:]
    return q


def synonym(q, rng):
    options = [(a, b) for a, b in SYNONYMS if a in q]
    for a, b in rng.sample(options, min(len(options), 2)):
        q = q.replace(a, b, 1)
    return q


RULES = [traditional, cantonese, filler, homophone, synonym]


def variants(q, count, rng):
    made = []
    for _ in range(20):
        if len(made) == count:
            break
        rules = rng.sample(RULES, rng.choice([1, 2, 2]))
        v = q
        for rule in rules:
            v = rule(v, rng)
        if v != q and v not in made:
            made.append(v)
    return made


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--tuning-share", type=float, default=0.5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    groups = []
    for line in WRITTEN.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        expect, q = fields[0], fields[1]
        near = len(fields) > 2 and fields[2] == "near"
        groups.append((expect, [q] + variants(q, 1 if expect == "none" else 2, rng), near))
    order = list(range(len(groups)))
    random.Random(args.seed).shuffle(order)
    tuning = set(order[:round(len(order) * args.tuning_share)])
    with OUTPUT.open("w", encoding="utf-8") as out:
        for g, (expect, questions, near) in enumerate(groups):
            for q in questions:
                line = {"q": q, "expect": expect, "part": "tuning" if g in tuning else "held-out", "group": g}
                if near:
                    line["nearMiss"] = True
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(groups)} groups, "
          f"{sum(len(qs) for _, qs, _ in groups)} questions (seed {args.seed})")


if __name__ == "__main__":
    main()
