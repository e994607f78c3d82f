-- The contract's section 4 definitions as table macros over the stg_ tables, installed as
-- temporary macros on every connection (etl.db.install_model), so one definition serves the
-- headline indicators, the pages' breakdowns and the exports.
-- d: the reference date (DATE); org: an organisation name, dir: a direction (both matched
-- ignoring case and surrounding spaces), NULL for everyone.

-- one row per person of the scope (O's people, employed at D or not), with employed / member at D
CREATE OR REPLACE TEMP MACRO people_at(d, org, dir := NULL) AS TABLE
SELECT s.*,
       (s.hire_date IS NULL OR s.hire_date <= d) AND (s.leave_date IS NULL OR s.leave_date > d) AS employed,
       s.person_id IN (SELECT m.person_id FROM stg_members m
                       WHERE m.joined_on <= d AND (m.left_on IS NULL OR m.left_on > d)) AS member
FROM stg_staff s
WHERE (org IS NULL OR lower(trim(s.organisation)) = lower(trim(org)))
  AND (dir IS NULL OR lower(trim(s.direction)) = lower(trim(dir)));

-- one row per attendance row of a session held at D (dates compare by day), for the scope's people;
-- hours_attended: the row's hours, else the session's duration, for attended rows only
CREATE OR REPLACE TEMP MACRO attendance_held(d, org, dir := NULL) AS TABLE
SELECT a.session_id, a.person_id, a.status, a.hours,
       s.kind, s.title, s.date AS session_date, CAST(s.date AS DATE) AS session_day, s.group_id, s.theme,
       CASE WHEN a.status = 'attended' THEN coalesce(a.hours, s.duration_hours) END AS hours_attended
FROM stg_attendance a JOIN stg_sessions s USING (session_id)
WHERE CAST(s.date AS DATE) <= d
  AND (org IS NULL AND dir IS NULL OR a.person_id IN (SELECT person_id FROM people_at(d, org, dir := dir)));

-- one row per line of time invested by D: attended session rows, then contributions dated <= D
CREATE OR REPLACE TEMP MACRO hours_lines(d, org, dir := NULL) AS TABLE
SELECT person_id, session_day AS day, hours_attended AS hours, 'session' AS source, kind, group_id
FROM attendance_held(d, org, dir := dir) WHERE status = 'attended'
UNION ALL
SELECT c.person_id, c.date, c.hours, 'contribution', NULL, c.group_id
FROM stg_contributions c
WHERE c.date <= d
  AND (org IS NULL AND dir IS NULL OR c.person_id IN (SELECT person_id FROM people_at(d, org, dir := dir)));

-- one row per action with its status and progress at D: the latest update dated <= D (ties: last in
-- file order); not_started when it has updates but none yet; its actions row when it has none
CREATE OR REPLACE TEMP MACRO action_status_at(d) AS TABLE
WITH latest AS (
    SELECT action_id, status, progress_pct FROM stg_action_updates WHERE as_of <= d
    QUALIFY row_number() OVER (PARTITION BY action_id ORDER BY as_of DESC, _ord DESC) = 1
), updated AS (SELECT DISTINCT action_id FROM stg_action_updates)
SELECT a.* EXCLUDE (status, progress_pct),
       CASE WHEN l.action_id IS NOT NULL THEN l.status
            WHEN u.action_id IS NOT NULL THEN 'not_started' ELSE a.status END AS status,
       CASE WHEN l.action_id IS NOT NULL THEN l.progress_pct
            WHEN u.action_id IS NOT NULL THEN 0 ELSE a.progress_pct END AS progress_pct
FROM stg_actions a LEFT JOIN latest l USING (action_id) LEFT JOIN updated u USING (action_id);
