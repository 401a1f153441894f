-- issue 18 (operations): filing_month.hist is cumulative — hist[d + 1] counts the items filed WITHIN d days of
-- handling (d = 0 … 365) and hist[367] all of them — so "share filed within N days" reads one element per row
-- (docs/adr/0088). V18_20's comment described per-day bins; no row was written in that form on a released build.
comment on column filing_month.hist is
    'cumulative: hist[d+1] = items filed within d days of handling (d = 0..365); hist[367] = all items';
