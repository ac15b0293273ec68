-- The six indicators of Benchmarks/six.rules, written by hand as plain SQL for sqlite3: what an analyst
-- would write without Kaoping. One GROUP BY per table; then one row per assessed center and indicator:
--
--   center_code|indicator|population|measure        (measure is empty when it is NULL)
--
--   sqlite3 STORE < Benchmarks/reference.sql
--
-- It counts as Kaoping does (docs/rule-language.md, docs/data-format.md):
--   * the period 2024-01-01 .. 2024-12-31 selects event rows by their period column, in China time (UTC+8);
--   * days are China-time days, and working days follow the store's province-wide `calendar` rows;
--   * a row whose later time is before its earlier one (finished before accepted, rectified or revisited
--     before rated, rectified before inspected) is left out; Kaoping counts it under data_quality;
--   * over an empty population a rate is NULL and a count is 0.
-- The two large tables are read NOT INDEXED, in their own order: through their center_id index SQLite
-- would visit the rows in center order, a random page access per row, about twice as slow.
-- kaoping-bench checks, on every store it measures, that these rows agree with Kaoping's results.json.

WITH
-- The period as Unix seconds: [first instant, first instant after it).
period(start_at, end_at) AS (
  SELECT unixepoch('2024-01-01') - 8 * 3600, unixepoch('2025-01-01') - 8 * 3600
),

-- Every day of the calendar as a day number (days since 1970-01-01; the day of an instant t in China time is
-- (t + 8 hours) / 1 day), with n, the number of working days up to and including it. The working days in
-- (day a, day b] are then n(b) - n(a), and the 15th working day after day a is the working day whose n is
-- n(a) + 15.
day_number(day, is_workday, n) AS MATERIALIZED (
  SELECT unixepoch(day) / 86400, is_workday, sum(is_workday) OVER (ORDER BY day)
  FROM calendar
  WHERE region IS NULL
),

assessed AS MATERIALIZED (
  SELECT id, code FROM centers WHERE kind IN ('sub_center', 'onsite_point')
),

-- cases: 按时办结率 (timeliness) and 网上办件占比 (online).
case_counts AS MATERIALIZED (
  SELECT c.center_id,
    count(*) FILTER (WHERE c.status = 'finished' AND c.kind = 'promised') AS promised_finished,
    count(*) FILTER (
      WHERE c.status = 'finished' AND c.kind = 'promised'
        AND finished.n - accepted.n - c.paused_days <= c.promised_days
    ) AS on_time,
    count(*) FILTER (WHERE c.status <> 'voided') AS not_voided,
    count(*) FILTER (WHERE c.status <> 'voided' AND c.channel IN ('online', 'mobile')) AS online
  FROM cases c NOT INDEXED
  CROSS JOIN period p
  LEFT JOIN day_number accepted ON accepted.day = (c.accepted_at + 28800) / 86400
  LEFT JOIN day_number finished ON finished.day = (c.finished_at + 28800) / 86400
  WHERE c.accepted_at >= p.start_at AND c.accepted_at < p.end_at
    AND (c.finished_at IS NULL OR c.finished_at >= c.accepted_at)
  GROUP BY c.center_id
),

-- reviews: 差评闭环率 (review_closure) and 好评率 (good_reviews). A bad review is rated 1 or 2, given by the
-- rater (not by default) and not found malicious; it is closed when verified, rectified by the end of the
-- 15th working day after the day it was rated (rectify_days), and revisited.
review_counts AS MATERIALIZED (
  SELECT r.center_id,
    count(*) FILTER (WHERE r.rating <= 2 AND r.is_default = 0 AND r.is_malicious = 0) AS bad,
    count(*) FILTER (
      WHERE r.rating <= 2 AND r.is_default = 0 AND r.is_malicious = 0
        AND r.verified_at IS NOT NULL
        AND r.rectified_at IS NOT NULL AND (r.rectified_at + 28800) / 86400 <= due.day
        AND r.revisited_at IS NOT NULL
    ) AS closed,
    count(*) FILTER (WHERE r.is_default = 0 AND r.is_malicious = 0) AS active,
    count(*) FILTER (WHERE r.is_default = 0 AND r.is_malicious = 0 AND r.rating >= 3) AS good
  FROM reviews r NOT INDEXED
  CROSS JOIN period p
  LEFT JOIN day_number rated ON rated.day = (r.rated_at + 28800) / 86400
  LEFT JOIN day_number due ON due.is_workday = 1 AND due.n = rated.n + 15
  WHERE r.rated_at >= p.start_at AND r.rated_at < p.end_at
    AND (r.rectified_at IS NULL OR r.rectified_at >= r.rated_at)
    AND (r.revisited_at IS NULL OR r.revisited_at >= r.rated_at)
  GROUP BY r.center_id
),

-- integrations (a state table: no period): 一体化平台对接 (platform), 1 connected, 0.5 in progress, else 0.
platform_scores AS MATERIALIZED (
  SELECT center_id,
    count(*) AS systems,
    max(CASE status WHEN 'connected' THEN 1.0 WHEN 'in_progress' THEN 0.5 ELSE 0.0 END) AS score
  FROM integrations
  WHERE system = 'platform'
  GROUP BY center_id
),

-- inspections: 明察暗访 (conduct), points by the inspecting body's level times the severity.
inspection_deductions AS MATERIALIZED (
  SELECT i.center_id,
    count(*) AS findings,
    sum(
      CASE i.inspector_level WHEN 'province' THEN 2 WHEN 'city' THEN 1.5 ELSE 1 END
      * CASE i.severity WHEN 'serious' THEN 3 WHEN 'general' THEN 2 ELSE 1 END
    ) AS deduction
  FROM inspections i
  CROSS JOIN period p
  WHERE i.inspected_at >= p.start_at AND i.inspected_at < p.end_at
    AND (i.rectified_at IS NULL OR i.rectified_at >= i.inspected_at)
  GROUP BY i.center_id
)

SELECT a.code AS center_code, 'timeliness' AS indicator,
  coalesce(c.promised_finished, 0) AS population, c.on_time * 1.0 / nullif(c.promised_finished, 0) AS measure
FROM assessed a LEFT JOIN case_counts c ON c.center_id = a.id
UNION ALL
SELECT a.code, 'online', coalesce(c.not_voided, 0), c.online * 1.0 / nullif(c.not_voided, 0)
FROM assessed a LEFT JOIN case_counts c ON c.center_id = a.id
UNION ALL
SELECT a.code, 'review_closure', coalesce(r.bad, 0), r.closed * 1.0 / nullif(r.bad, 0)
FROM assessed a LEFT JOIN review_counts r ON r.center_id = a.id
UNION ALL
SELECT a.code, 'good_reviews', coalesce(r.active, 0), r.good * 1.0 / nullif(r.active, 0)
FROM assessed a LEFT JOIN review_counts r ON r.center_id = a.id
UNION ALL
SELECT a.code, 'platform', coalesce(s.systems, 0), s.score
FROM assessed a LEFT JOIN platform_scores s ON s.center_id = a.id
UNION ALL
SELECT a.code, 'conduct', coalesce(i.findings, 0), i.deduction
FROM assessed a LEFT JOIN inspection_deductions i ON i.center_id = a.id
ORDER BY center_code, indicator;
