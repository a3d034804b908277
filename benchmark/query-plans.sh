#!/usr/bin/env bash
# Shows that the inbox, unread badge, thread and search queries are served by indexes at a
# clinic's scale: a throwaway PostgreSQL with Missive's own migrations, one practitioner with
# 100,000 messages over 5,000 threads (and 200,000 more messages of other practitioners), then
# EXPLAIN (ANALYZE, BUFFERS) of the SQL that Missive runs for each page.
#   benchmark/query-plans.sh [MESSAGES] > plans.txt
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
messages=${1:-100000}
threads=$((messages / 20))
port=${PLANS_PG_PORT:-15999}
bin=$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1)
[[ -n $bin ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
dir=$(mktemp -d /tmp/missive-plans.XXXXXX)
chown postgres: "$dir" 2>/dev/null || true
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
trap 'as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT

as_pg "$bin/initdb" --auth=trust -U postgres -D "$dir/data" >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=''" start >/dev/null
psql() { as_pg "$bin/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -c "create database missive"
mapfile -t migrations < <(printf '%s\n' "$root"/ejb/src/main/resources/db/migration/V*.sql | sort -V)
for migration in "${migrations[@]}"; do
  psql -d missive -f "$migration"
done

# Practitioner pr0 has $threads threads of 20 messages; pr1 and pr2 as many again between them.
psql -d missive -v prefix= -v threads="$threads" < "$root/benchmark/bulk-messages.sql"

explain() {
  echo "== $1"
  psql -d missive -c "explain (analyze, buffers, costs off, timing on) $2"
}
echo "Missive query plans: PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), $(date -u +%F), $(nproc) cores"
psql -d missive -At -c "select 'messages of pr0: ' || count(*) from message m join conversation c on c.id = m.conversation_id where c.practitioner_id = 'pr0'"
psql -d missive -At -c "select 'messages in all: ' || count(*) from message"

explain "inbox, first page of 20 (participant_inbox range scan)" "
select c.*, p.* from participant p join conversation c on c.id = p.conversation_id
where p.party_type = 'PRACTITIONER' and p.party_id = 'pr0'
order by p.last_activity desc, p.conversation_id offset 0 rows fetch first 20 rows only"
explain "inbox, page 50 by keyset (a next link: after the last thread of page 49)" "
select c.*, p.* from participant p join conversation c on c.id = p.conversation_id
where p.party_type = 'PRACTITIONER' and p.party_id = 'pr0'
  and (p.last_activity < now() - interval '3000 minutes'
       or (p.last_activity = now() - interval '3000 minutes' and p.conversation_id > 't0-1000'))
order by p.last_activity desc, p.conversation_id fetch first 20 rows only"
explain "inbox total (paging and _summary=count)" "
select count(p.id) from participant p where p.party_type = 'PRACTITIONER' and p.party_id = 'pr0'"
explain "unread threads (badge, unread=true&_summary=count)" "
select count(p.id) from participant p where p.party_type = 'PRACTITIONER' and p.party_id = 'pr0' and p.unread > 0"
explain "one thread's messages in order" "
select * from message m where m.conversation_id = 't0-42' and m.status in ('SENT', 'RETRACTED')
order by m.sent, m.id offset 0 rows fetch first 20 rows only"
explain "inbox text search (_content), the caller's threads only" "
select c.*, p.* from participant p join conversation c on c.id = p.conversation_id
where p.party_type = 'PRACTITIONER' and p.party_id = 'pr0'
  and (lower(c.topic) like '%zebra%' or exists (select 1 from message m where m.conversation_id = c.id
       and m.status = 'SENT' and lower(m.text) like '%zebra%'))
order by p.last_activity desc, p.conversation_id fetch first 20 rows only"
