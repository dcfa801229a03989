"""Replays fault reports through the app's HTTP API for bench/outage-detection.sh.

Usage: python3 bench/fault-storm.py PORT PLAN OUT RATE
PLAN: lines "phase<TAB>area<TAB>account<TAB>mobileLast4" in the order the reports are sent. Every line's resident signs
in (the demo switch returns the SMS code) and binds the account first; then the reports of each phase go out at RATE
a second, several at once, and OUT gets "phase area account sent done status ticketStatus linkedOutageId" per report
(epoch seconds).
"""
import concurrent.futures
import json
import sys
import threading
import time
import urllib.request

port, plan_file, out_file, rate = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
base = f"http://127.0.0.1:{port}"


def call(path, body, token=None, address="127.0.0.1"):
    headers = {"Content-Type": "application/json", "X-Forwarded-For": address}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, json.dumps(body).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def sign_in(i, line):
    phase, area, account, last4 = line
    mobile = "171%08d" % i
    address = "10.%d.%d.%d" % (i // 65536 % 256, i // 256 % 256, i % 256 or 1)
    status, sent = call("/api/v1/auth/sms-codes", {"mobile": mobile}, address=address)
    if "code" not in sent:
        raise SystemExit(f"asking a code for {mobile} answered {status}: {sent}")
    _, session = call("/api/v1/auth/sessions", {"mobile": mobile, "code": sent["code"]}, address=address)
    token = session["accessToken"]
    status, _ = call("/api/v1/me/accounts", {"accountNo": account, "mobileLast4": last4}, token, address)
    if status != 201:
        raise SystemExit(f"binding {account} answered {status}")
    return token


plan = [line.rstrip("\n").split("\t") for line in open(plan_file) if line.strip()]
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    tokens = list(pool.map(lambda pair: sign_in(*pair), enumerate(plan, 1)))
print(f"{len(tokens)} residents signed in, one account bound each", flush=True)

results = []
lock = threading.Lock()


def report(line, token, due):
    time.sleep(max(0.0, due - time.time()))
    sent = time.time()
    status, ticket = call(f"/api/v1/accounts/{line[2]}/repairs",
                          {"description": "突然停电了", "contactPhone": "13812345678"}, token)
    done = time.time()
    with lock:
        results.append((line[0], line[1], line[2], "%.6f" % sent, "%.6f" % done, str(status),
                        ticket.get("status", ""), str(ticket.get("linkedOutageId") or "")))


for phase in dict.fromkeys(line[0] for line in plan):
    reports = [(line, token) for line, token in zip(plan, tokens) if line[0] == phase]
    start = time.time() + 0.5
    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        for n, (line, token) in enumerate(reports):
            pool.submit(report, line, token, start + n / rate)
    print(f"{phase}: {len(reports)} reports in {time.time() - start:.1f} s", flush=True)
    time.sleep(2)

with open(out_file, "w") as out:
    for row in results:
        out.write("\t".join(row) + "\n")
