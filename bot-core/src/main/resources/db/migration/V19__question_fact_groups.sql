-- Questions on one fact (a decree's subject and its date, a target for 2025 and for 2030) share a group, the
-- question file's "Nhóm": a paper draws at most one question of a group (rules/PaperComposition).
ALTER TABLE questions ADD COLUMN fact_group text;
-- The item checks the drafting team looked at and accepted for this question, as written in the file's
-- "Ghi chú kiểm tra" column: kept so that the export gives the file back as it was imported.
ALTER TABLE questions ADD COLUMN check_notes text NOT NULL DEFAULT '';
