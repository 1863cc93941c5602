#!/usr/bin/env python3
"""Rough figures for the embedded store, for the README: a server must be running on --base.

Drives N letters through draft → submit → approve → sign → dispatch sequentially as the demo users,
and prints commands/s and p50/p95 dispatch latency for the first and the last tenth of the letters,
plus the inbox query time at the end. Not the benchmark harness (that is the measure-and-harden issue).
"""
import argparse, base64, http.cookiejar, json, statistics, time, urllib.request

OPENERS = {}

def call(base, user, method, path, body=None):
    # one session per user (as a browser keeps one): the password hash is checked once, not per request
    opener = OPENERS.setdefault(user, urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())))
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode("utf-8"))
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    req.add_header("Content-Type", "application/json")
    with opener.open(req) as r:
        return json.loads(r.read().decode("utf-8") or "null")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("-n", type=int, default=500)
    a = p.parse_args()
    director = next(x["id"] for x in call(a.base, "dga.officer", "GET", "/api/people") if x["username"] == "dga.director")
    letter = {"kind": "EXTERNAL", "subject": "ทดสอบ", "salutation": "เรียน",
              "to": [{"agencyCode": "นร ๐๕", "position": "เลขาธิการคณะรัฐมนตรี"}], "body": ["ข้อความ"],
              "closing": "ขอแสดงความนับถือ", "signatory": director, "ownerUnit": {"name": "ฝ่ายพัฒนาระบบ"}}
    rows = []
    for i in range(a.n):
        t0 = time.perf_counter()
        lid = call(a.base, "dga.officer", "POST", "/api/letters", letter)["id"]
        call(a.base, "dga.officer", "POST", f"/api/letters/{lid}/submit", {"approverId": director})
        call(a.base, "dga.director", "POST", f"/api/letters/{lid}/approve")
        call(a.base, "dga.director", "POST", f"/api/letters/{lid}/sign")
        t1 = time.perf_counter()
        call(a.base, "dga.clerk", "POST", f"/api/letters/{lid}/dispatch")
        t2 = time.perf_counter()
        rows.append((t2 - t0, t2 - t1))
    tenth = max(1, a.n // 10)
    for name, part in (("first", rows[:tenth]), ("last", rows[-tenth:])):
        total = sum(r[0] for r in part)
        d = sorted(r[1] * 1000 for r in part)
        print(f"{name} {len(part)} letters: {5 * len(part) / total:.1f} commands/s, dispatch p50 "
              f"{statistics.median(d):.1f} ms p95 {d[int(0.95 * (len(d) - 1))]:.1f} ms")
    t = time.perf_counter()
    inbox = call(a.base, "soc.clerk", "GET", "/api/inbox?size=50")
    print(f"inbox of {inbox['total']} letters: {1000 * (time.perf_counter() - t):.0f} ms")
    health = call(a.base, "dga.clerk", "GET", "/actuator/health")
    print("events stored:", health["components"]["eventProcessors"]["details"]["headPosition"])

if __name__ == "__main__":
    main()
