-- The contract's section 4 definitions as table macros over the stg_ tables, installed as
-- temporary macros on every connection (etl.store.db.install_model), so one definition serves the
-- headline indicators, the pages' breakdowns and the exports.
-- d: the reference date (DATE); org: an organisation name, dir: a direction, svc: a service (each
-- matched ignoring case and surrounding spaces), NULL for everyone.

-- The "at D" predicates, each written once. Every macro below, the headline (etl/model/kpis.py), the
-- breakdowns (etl/model/breakdowns.py), the series (etl/model/queries.py) and the surveys compose these.
-- Ranges use coalesce so DuckDB can join on them as plain ranges (IEJoin).

-- employed at D: hire_date empty or <= D, and leave_date empty or > D
CREATE OR REPLACE TEMP MACRO employed_on(hire_date, leave_date, d) AS
    coalesce(hire_date, DATE '0001-01-01') <= d AND coalesce(leave_date, DATE '9999-12-31') > d;

-- a membership row current at D: joined_on <= D and (left_on empty or > D)
CREATE OR REPLACE TEMP MACRO membership_on(joined_on, left_on, d) AS
    joined_on <= d AND coalesce(left_on, DATE '9999-12-31') > d;

-- dated by D: on or before D, comparing by day (a session of D at 14:00 is held at D); sessions held,
-- contributions, action updates, budget spent and ideas all count this way
CREATE OR REPLACE TEMP MACRO dated_by(day, d) AS CAST(day AS DATE) <= d;

-- active in the 12 months before D: a day in (D - 365 days, D]
CREATE OR REPLACE TEMP MACRO in_last_12m(day, d) AS day > d - 365 AND day <= d;

-- planned in D's year: a day of D's calendar year (budget_planned_eur, the budget bars by category and group)
CREATE OR REPLACE TEMP MACRO in_year_of(day, d) AS year(day) = year(d);

-- in the period that starts on ``start`` (NULL: since the start of the data)
CREATE OR REPLACE TEMP MACRO in_period(day, start) AS start IS NULL OR CAST(day AS DATE) >= start;

-- the survey opened last on or before D (ties: last in file order): zero or one row
CREATE OR REPLACE TEMP MACRO latest_survey(d) AS TABLE
SELECT survey_id, invited FROM stg_surveys WHERE opened_on <= d ORDER BY opened_on DESC, _ord DESC LIMIT 1;

-- every dated fact of the data, one row per date, the one list of the dated tables: ``recorded`` is
-- false for a session nobody has attended yet (only registered people: planned, not a fact), true for
-- the rest (contributions, memberships joined and left, action updates, ideas, money spent, surveys).
-- The date picker spans them all (etl.model.queries.data_bounds); the app opens on the last recorded
-- one (etl.model.page_reads.reference_day)
CREATE OR REPLACE TEMP MACRO dated_days() AS TABLE
    SELECT s.date::DATE AS day, EXISTS (SELECT 1 FROM stg_attendance a
                                      WHERE a.session_id = s.session_id AND a.status <> 'registered') AS recorded
    FROM stg_sessions s
    UNION ALL SELECT date, true FROM stg_contributions
    UNION ALL SELECT joined_on, true FROM stg_members
    UNION ALL SELECT left_on, true FROM stg_members WHERE left_on IS NOT NULL
    UNION ALL SELECT as_of, true FROM stg_action_updates
    UNION ALL SELECT submitted_on, true FROM stg_ideas
    UNION ALL SELECT date, true FROM stg_budget WHERE spent_eur IS NOT NULL
    UNION ALL SELECT opened_on, true FROM stg_surveys;

-- scope matching: NULL wanted means everyone; else equal ignoring case and surrounding spaces
CREATE OR REPLACE TEMP MACRO scope_match(value, wanted) AS
    wanted IS NULL OR lower(trim(value)) = lower(trim(wanted));

-- one row per person with a membership current at D (with the role and group of each such row)
CREATE OR REPLACE TEMP MACRO memberships_at(d) AS TABLE
SELECT * FROM stg_members m WHERE membership_on(m.joined_on, m.left_on, d);

-- one row per person of the scope (O's people, employed at D or not), with employed / member at D
CREATE OR REPLACE TEMP MACRO people_at(d, org, dir := NULL, svc := NULL) AS TABLE
SELECT s.*,
       employed_on(s.hire_date, s.leave_date, d) AS employed,
       s.person_id IN (SELECT person_id FROM memberships_at(d)) AS member
FROM stg_staff s
WHERE scope_match(s.organisation, org) AND scope_match(s.direction, dir) AND scope_match(s.service, svc);

-- a person of the scope at D: anyone when no organisation, direction or service is given, else one
-- of people_at's (attendance, hours and who attended with whom are narrowed this way). DuckDB plans
-- both sides of the OR whatever the parameters: the subquery is empty for the whole network, else
-- it matched every row against every person (a network headline at 100x the demo: 0.50 -> 0.30 s)
CREATE OR REPLACE TEMP MACRO in_scope(person, d, org, dir, svc) AS
    org IS NULL AND dir IS NULL AND svc IS NULL
    OR person IN (SELECT person_id FROM people_at(d, org, dir := dir, svc := svc)
                  WHERE NOT (org IS NULL AND dir IS NULL AND svc IS NULL));

-- one row per attendance row of a session held at D (dates compare by day), for the scope's people;
-- hours_attended: the row's hours, else the session's duration, for attended rows only
CREATE OR REPLACE TEMP MACRO attendance_held(d, org, dir := NULL, svc := NULL) AS TABLE
SELECT a.session_id, a.person_id, a.status, a.hours,
       s.kind, s.title, s.date AS session_date, CAST(s.date AS DATE) AS session_day, s.group_id, s.theme,
       CASE WHEN a.status = 'attended' THEN coalesce(a.hours, s.duration_hours) END AS hours_attended
FROM stg_attendance a JOIN stg_sessions s USING (session_id)
WHERE dated_by(s.date, d)
  AND in_scope(a.person_id, d, org, dir, svc);

-- hours_lines for a query that already holds its attendance_held rows as `held` (a CTE): the headline
-- reads them for the attendance rate too, so the attendance x sessions x staff match runs once
CREATE OR REPLACE TEMP MACRO hours_lines_of(held, d, org, dir := NULL, svc := NULL) AS TABLE
SELECT person_id, session_day AS day, hours_attended AS hours, 'session' AS source, kind, group_id, theme
FROM query_table(held) WHERE status = 'attended'
UNION ALL
-- a contribution's theme is its group's (the lever the work serves)
SELECT c.person_id, c.date, c.hours, 'contribution', NULL, c.group_id, g.theme
FROM stg_contributions c LEFT JOIN stg_groups g USING (group_id)
WHERE dated_by(c.date, d)
  AND in_scope(c.person_id, d, org, dir, svc);

-- one row per line of time invested by D: attended session rows, then contributions dated <= D
-- (theme: the session's, or the contribution's group's)
CREATE OR REPLACE TEMP MACRO hours_lines(d, org, dir := NULL, svc := NULL) AS TABLE
WITH held AS (SELECT * FROM attendance_held(d, org, dir := dir, svc := svc))
SELECT * FROM hours_lines_of(held, d, org, dir := dir, svc := svc);

-- one row per action with its status and progress at D: the latest update dated <= D (ties: last in
-- file order); not_started when it has updates but none yet; its actions row when it has none
CREATE OR REPLACE TEMP MACRO action_status_at(d) AS TABLE
WITH latest AS (
    SELECT action_id, status, progress_pct FROM stg_action_updates WHERE dated_by(as_of, d)
    QUALIFY row_number() OVER (PARTITION BY action_id ORDER BY as_of DESC, _ord DESC) = 1
), updated AS (SELECT DISTINCT action_id FROM stg_action_updates)
SELECT a.* EXCLUDE (status, progress_pct),
       CASE WHEN l.action_id IS NOT NULL THEN l.status
            WHEN u.action_id IS NOT NULL THEN 'not_started' ELSE a.status END AS status,
       CASE WHEN l.action_id IS NOT NULL THEN l.progress_pct
            WHEN u.action_id IS NOT NULL THEN 0 ELSE a.progress_pct END AS progress_pct
FROM stg_actions a LEFT JOIN latest l USING (action_id) LEFT JOIN updated u USING (action_id);

-- late at D: due before D and neither done nor abandoned (status: the status at D)
CREATE OR REPLACE TEMP MACRO late_on(due_on, status, d) AS
    coalesce(due_on < d AND status NOT IN ('done', 'abandoned'), false);

-- progress (0–100) expected at D: the elapsed share of [start_on, due_on]; NULL without both dates
CREATE OR REPLACE TEMP MACRO expected_pct(start_on, due_on, d) AS
    CASE WHEN start_on IS NULL OR due_on IS NULL THEN NULL
         WHEN CAST(d AS DATE) >= due_on THEN 100.0
         WHEN CAST(d AS DATE) <= start_on THEN 0.0
         ELSE 100.0 * (CAST(d AS DATE) - start_on) / (due_on - start_on) END;

-- the status light at D: done green, abandoned grey, late red; otherwise actual progress (none: 0)
-- against the expected one: green within 10 points behind, amber within 25, red beyond; grey without dates
CREATE OR REPLACE TEMP MACRO status_light(start_on, due_on, progress_pct, status, d) AS
    CASE WHEN status = 'done' THEN 'green'
         WHEN status = 'abandoned' THEN 'grey'
         WHEN late_on(due_on, status, d) THEN 'red'
         WHEN expected_pct(start_on, due_on, d) IS NULL THEN 'grey'
         WHEN expected_pct(start_on, due_on, d) - coalesce(progress_pct, 0) <= 10 THEN 'green'
         WHEN expected_pct(start_on, due_on, d) - coalesce(progress_pct, 0) <= 25 THEN 'amber'
         ELSE 'red' END;

-- one row per session held at D
CREATE OR REPLACE TEMP MACRO sessions_held(d) AS TABLE
SELECT * FROM stg_sessions s WHERE dated_by(s.date, d);

-- one row per idea counted at D: submitted on or before D, or undated; retained: retained or implemented
CREATE OR REPLACE TEMP MACRO ideas_at(d) AS TABLE
SELECT i.*, i.status IN ('retained', 'implemented') AS retained
FROM stg_ideas i WHERE i.submitted_on IS NULL OR dated_by(i.submitted_on, d);

-- Working across directions (contract section 4, cross_direction_hours_share, and the transversality
-- and links breakdowns). A person's group is their staff direction, or their organisation when
-- by_org; people whose group is empty are left out and count as no other group either.

-- one row per attended row of a session held at D (everyone's) whose person has a group; across:
-- someone of another group attended the same session (the session holds two groups or more, and
-- the row's group is one of them, so min <> max says another is there). The sessions' groups are
-- aggregated once per session and joined back, not a window over the rows: at 100 times the demo
-- the whole network's share takes 0.13 s instead of 0.23 s
CREATE OR REPLACE TEMP MACRO session_groups_at(d, by_org) AS TABLE
WITH rows AS MATERIALIZED (
    SELECT a.session_id, a.person_id, a.session_day, a.hours_attended AS hours,
           CASE WHEN by_org THEN s.organisation ELSE s.direction END AS grp
    FROM attendance_held(d, NULL) a JOIN stg_staff s USING (person_id)
    WHERE a.status = 'attended' AND grp IS NOT NULL
),
sessions AS (SELECT session_id, min(grp) <> max(grp) AS across FROM rows GROUP BY session_id)
SELECT rows.*, sessions.across FROM rows JOIN sessions USING (session_id);

-- what the reads call: session_groups_at, which the read model fronts with the rows of its day
-- computed once (etl.publish.read_model.front_session_groups)
CREATE OR REPLACE TEMP MACRO session_groups(d, by_org) AS TABLE SELECT * FROM session_groups_at(d, by_org);

-- the session_groups rows of the scope's people (who else attended is judged among everyone)
CREATE OR REPLACE TEMP MACRO across_rows(d, by_org, org, dir := NULL, svc := NULL) AS TABLE
SELECT * FROM session_groups(d, by_org)
WHERE in_scope(person_id, d, org, dir, svc);

-- one row per participant of `lines` (a CTE of hours lines, as hours_invested counts them), the most
-- hours first: rank, n (the participants), hours, hours_share (the share of all hours that this
-- participant and those before carry): the effort curve, read by the headline and the training page
CREATE OR REPLACE TEMP MACRO effort_ranked(lines) AS TABLE
WITH per_person AS (SELECT person_id, sum(hours) AS hours FROM query_table(lines) GROUP BY person_id),
ranked AS (
    SELECT hours, row_number() OVER (ORDER BY hours DESC NULLS LAST, person_id) AS rank, count(*) OVER () AS n
    FROM per_person
)
SELECT rank, n, hours, sum(hours) OVER (ORDER BY rank) / nullif(sum(hours) OVER (), 0) AS hours_share FROM ranked;

-- one row: top_tenth_share, the share of the hours that the ceil(participants / 10) participants with
-- the most hours carry (null when no participant or no hour)
CREATE OR REPLACE TEMP MACRO top_tenth_of(lines) AS TABLE
SELECT max(hours_share) FILTER (WHERE rank <= ceil(n / 10)) AS top_tenth_share FROM effort_ranked(lines);
