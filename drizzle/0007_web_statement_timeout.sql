-- The web role only runs reads that take milliseconds (BENCHMARKS.md: the slowest, the latest status
-- of 2,000 stations, 62 ms p95 on the slowest machine measured). 15 s is hundreds of times that, so
-- only a runaway query (a hostile parameter, a missing index, a lock wait) hits it, and it then fails
-- with 57014 instead of holding one of the pool's few connections for good.
-- Set per database (IN DATABASE), not on the cluster-wide role: migrations of two databases on one
-- server then never update the same pg_db_role_setting row at once, and each database keeps its own.
DO $$
BEGIN
  EXECUTE format('ALTER ROLE bikestream_web IN DATABASE %I SET statement_timeout = %L', current_database(), '15s');
  EXECUTE format('ALTER ROLE bikestream_web IN DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '30s');
END $$;
