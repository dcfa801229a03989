-- dashboard_rebuild drops its scratch table "if exists": PostgreSQL's notice that it did not exist reached the
-- application's log as a warning on every refresh.
alter function dashboard_rebuild(text) set client_min_messages = warning;
