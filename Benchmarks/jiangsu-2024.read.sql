-- What `kaoping run Rules/jiangsu-2024.rules` reads: the evaluator's scan of each table (ScanQuery.select),
-- without the rowid ranges it splits them into. kaoping-raw-read steps through these rows on one thread.
SELECT t0."status", t0."kind", t0."accepted_at", t0."finished_at", t0."paused_days", t0."promised_days", t0."case_no", t0."channel", t0."window_type", t0."corrections", t0."appointment", t0."one_thing", t0."proxy_service", t0."off_hours", t0."center_id" FROM "cases" t0;
SELECT t0."name", t0."head_changed_at", t0."head_change_filed_at", t0."id" FROM "centers" t0;
SELECT t0."closed_at", t0."due_at", t0."id", t0."center_id", t0."received_at" FROM "complaints" t0;
SELECT t0."inspector_level", t0."severity", t0."id", t0."center_id", t0."inspected_at", t0."rectified_at" FROM "inspections" t0;
SELECT t0."system", t0."status", t0."last_sync_at", t0."sync_batches", t0."sync_failures", t0."center_id" FROM "integrations" t0;
SELECT j1."basic_code", j1."name", t0."name", t0."item_type", j1."item_type", t0."item_code", t0."changed_at", t0."change_reported_at", t0."center_id" FROM "items" t0 LEFT JOIN "catalog" j1 ON j1."basic_code" = t0."basic_code";
SELECT t0."rating", t0."is_default", t0."is_malicious", t0."replied_at", t0."rated_at", t0."review_no", t0."verified_at", t0."rectified_at", t0."revisited_at", t0."center_id" FROM "reviews" t0;
