#!/usr/bin/env bash
# The benchmark suite in one command: installs wrk when missing, then publishes the app in Release, loads a
# 1,000-action plan and measures every page with wrk (20 s per case at 1, 8 and 32 connections), the committee
# .docx, the .xlsx export and a 10,000-action import. Figures go to bench/results/ and are copied into README.
#
#   bench/run-suite.sh [--seconds N]    on SQLite, a new database file
#   bench/run-suite.sh --postgres [--seconds N]
#                                       on a throwaway PostgreSQL server (scripts/postgres-test-cluster.sh) holding
#                                       150 councils x 20 plans x 200 actions (600,000 actions) around the measured plan;
#                                       also writes the query plans to bench/results/query-plans-postgresql.md
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "==> Installing wrk"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi

if [ "${1:-}" = "--postgres" ]; then
  shift
  exec scripts/postgres-test-cluster.sh bash -c 'dotnet run -c Release --project bench/ServicePlan.Bench -- suite --postgres "$SERVICEPLAN_TEST_POSTGRES" --background 150x20x200 "$@"' suite "$@"
fi

dotnet run -c Release --project bench/ServicePlan.Bench -- suite "$@"
dotnet run -c Release --project bench/ServicePlan.Bench -- import --actions 10000
dotnet run -c Release --project bench/ServicePlan.Bench -- report --actions 1000
dotnet run -c Release --project bench/ServicePlan.Bench -- export --actions 1000
