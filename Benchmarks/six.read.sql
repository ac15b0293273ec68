-- What `kaoping run Benchmarks/six.rules` reads: the evaluator's scan of each table (ScanQuery.select),
-- without the rowid ranges it splits them into. kaoping-raw-read steps through these rows on one thread.
SELECT t0."status", t0."kind", t0."accepted_at", t0."finished_at", t0."paused_days", t0."promised_days", t0."case_no", t0."channel", t0."center_id" FROM "cases" t0;
SELECT t0."inspector_level", t0."severity", t0."id", t0."center_id", t0."inspected_at", t0."rectified_at" FROM "inspections" t0;
SELECT t0."system", t0."status", t0."center_id" FROM "integrations" t0;
SELECT t0."rating", t0."is_default", t0."is_malicious", t0."verified_at", t0."rectified_at", t0."rated_at", t0."revisited_at", t0."review_no", t0."center_id" FROM "reviews" t0;
