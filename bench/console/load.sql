-- Fills the read models with :accounts accounts and :payments payments of realistic shape, fast: indexes are
-- dropped, rows inserted set-wise, indexes rebuilt, then VACUUM ANALYZE (as autovacuum would) for the planner.
\set ON_ERROR_STOP on
CREATE TEMP TABLE saved_indexes AS
    SELECT indexname, indexdef FROM pg_indexes
    WHERE tablename IN ('accounts_read', 'payments_read') AND indexname NOT LIKE '%_pkey';
DO $$ DECLARE i record; BEGIN
    FOR i IN SELECT indexname FROM saved_indexes LOOP EXECUTE 'DROP INDEX ' || quote_ident(i.indexname); END LOOP;
END $$;
TRUNCATE accounts_read, payments_read;

INSERT INTO accounts_read (account_id, owner_id, currency, balance_cents, status, created_at, updated_at, version,
                           last_event_id, last_event_at, synced_at)
SELECT md5('account' || n)::uuid,
       md5('owner' || (n / 3))::uuid,
       (ARRAY['EUR','EUR','EUR','EUR','USD','USD','USD','GBP','GBP','CHF','JPY','SEK'])[1 + (hashint4(n) & 2147483647) % 12],
       ((hashint4(n * 7) & 2147483647) % 10000000) - 500000,
       CASE WHEN (hashint4(n * 3) & 2147483647) % 100 < 85 THEN 'active'
            WHEN (hashint4(n * 3) & 2147483647) % 100 < 95 THEN 'frozen' ELSE 'closed' END,
       timestamptz '2024-01-01' + ((hashint4(n * 5) & 2147483647) % 90000000) * interval '1 second',
       timestamptz '2026-06-01' + ((hashint4(n * 11) & 2147483647) % 14000000) * interval '1 second',
       1 + (hashint4(n) & 7),
       md5('account-event' || n)::uuid,
       timestamptz '2026-06-01' + ((hashint4(n * 11) & 2147483647) % 14000000) * interval '1 second',
       timestamptz '2026-06-01' + ((hashint4(n * 11) & 2147483647) % 14000000) * interval '1 second' + interval '40 milliseconds'
FROM generate_series(1, :accounts) AS n;

INSERT INTO payments_read (payment_id, account_id, amount_cents, currency, status, created_at, updated_at, version,
                           last_event_id, last_event_at, synced_at)
SELECT md5('payment' || n)::uuid,
       md5('account' || (1 + (hashint4(n * 13) & 2147483647) % :accounts))::uuid,
       100 + (hashint4(n * 17) & 2147483647) % 500000,
       (ARRAY['EUR','EUR','EUR','EUR','USD','USD','USD','GBP','GBP','CHF','JPY','SEK'])[1 + (hashint4(n * 19) & 2147483647) % 12],
       CASE WHEN (hashint4(n * 23) & 2147483647) % 100 < 70 THEN 'settled'
            WHEN (hashint4(n * 23) & 2147483647) % 100 < 85 THEN 'pending'
            WHEN (hashint4(n * 23) & 2147483647) % 100 < 93 THEN 'failed'
            WHEN (hashint4(n * 23) & 2147483647) % 100 < 96 THEN 'refund_requested' ELSE 'refunded' END,
       timestamptz '2024-01-01' + ((hashint4(n * 29) & 2147483647) % 90000000) * interval '1 second',
       timestamptz '2026-06-01' + ((hashint4(n * 31) & 2147483647) % 14000000) * interval '1 second',
       1 + (hashint4(n) & 3),
       md5('payment-event' || n)::uuid,
       timestamptz '2026-06-01' + ((hashint4(n * 31) & 2147483647) % 14000000) * interval '1 second',
       timestamptz '2026-06-01' + ((hashint4(n * 31) & 2147483647) % 14000000) * interval '1 second' + interval '40 milliseconds'
FROM generate_series(1, :payments) AS n;

DO $$ DECLARE i record; BEGIN
    FOR i IN SELECT indexdef FROM saved_indexes LOOP EXECUTE i.indexdef; END LOOP;
END $$;
VACUUM ANALYZE accounts_read;
VACUUM ANALYZE payments_read;
