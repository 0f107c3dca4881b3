"""Summarises an async-profiler profile in collapsed form (one 'thread;frame;...;frame count' line per stack,
root first, as scripts/profile.sh writes it) read from stdin: where the samples went.

Prints the samples by thread pool, then for the request threads (Tomcat's) the share by the innermost frame
of the project's own code, by what the stack is doing at the top (running, or which wait), and by top frame.
Virtual threads are invisible to async-profiler (it samples OS threads): a CPU profile shows their carriers
(ForkJoinPool-N-worker), and a wall-clock profile needs the API on platform threads
(SPRING_THREADS_VIRTUAL_ENABLED=false). In a wall-clock profile a request thread's samples are its time: running, waiting for Redis, for the
broker's confirm, for a lock, or idle in the pool between requests.
"""
import re
import sys
from collections import Counter

name = sys.argv[1] if len(sys.argv) > 1 else "profile"
pools, ours, doing, top = Counter(), Counter(), Counter(), Counter()
total = requests = 0

# What a request thread's stack is doing: the innermost frame that matches one of these names it.
DOING = [
    ("idle in the pool, between requests", r"TaskQueue\.(take|poll)|ThreadPoolExecutor\.getTask"),
    ("Redis round trip", r"redis\.clients\.jedis\.(Connection|Jedis|Pipeline)"),
    ("waiting for Redis (its script in the shared pipeline)", r"ScriptPipeline\.run"),
    ("waiting for the broker's confirm", r"GroupCommitPublisher\.await|ConfirmedPublisher\.awaitConfirm"),
    ("waiting in the API's admission queue", r"InFlightLimitFilter\.admitted"),
    ("waiting for its chat's send order lock", r"SendOrder\.inOrder"),
    ("reading the request / writing the answer (socket)", r"NioSocketWrapper\.(read|write|fill|doWrite)"),
    ("MySQL (JDBC)", r"org\.mariadb\.jdbc|com\.zaxxer\.hikari"),
]
DOING = [(label, re.compile(pattern)) for label, pattern in DOING]


def doing_of(innermost_first):
    for frame in innermost_first:
        for label, pattern in DOING:
            if pattern.search(frame):
                return label
    return "running (CPU or runnable) elsewhere"


for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        continue
    stack, _, count = line.rpartition(" ")
    count = int(count)
    frames = stack.split(";")
    thread = frames[0].strip("[]")
    pool = re.sub(r"\s*tid=\d+", "", thread)
    pool = re.sub(r"[-#]?\d+$", "", pool)
    pools[pool] += count
    total += count
    # Tomcat's platform threads, or the carriers of its virtual threads (async-profiler sees carriers only).
    if not re.search(r"tomcat-handler|http-nio-\d+-exec|ForkJoinPool-\d+-worker", thread, re.I):
        continue
    requests += count
    body = [frame.replace("/", ".") for frame in frames[1:]]
    innermost_first = list(reversed(body))
    top[innermost_first[0] if innermost_first else "?"] += count
    ours[next((f for f in innermost_first if f.startswith("dev.chatplatform.")), "(no project frame)")] += count
    doing[doing_of(innermost_first)] += count


def show(title, counter, n, of):
    print(f"## {title}")
    for key, count in counter.most_common(n):
        print(f"{100.0 * count / (of or 1):5.1f}%  {key}")
    print()


print(f"# {name}: {total} samples, {requests} of them on request threads")
print()
show("By thread pool (all samples)", pools, 15, total)
show("Request threads: what the stack is doing", doing, 12, requests)
show("Request threads: innermost project method on the stack (inclusive)", ours, 20, requests)
show("Request threads: top frame (self)", top, 20, requests)
