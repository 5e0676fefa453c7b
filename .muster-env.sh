cd /work/wt-roster
export MUSTER_PG_PORT=54413 MUSTER_TEST_PORT=5331
source scripts/postgres.sh
muster_db_ensure >/dev/null 2>&1
