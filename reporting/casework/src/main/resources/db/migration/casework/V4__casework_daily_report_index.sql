-- A scheduled daily report reads one day of a tenant's matches by matched_at; without this index
-- each report scans all of the tenant's matches.
CREATE INDEX matches_by_time ON casework.matches (tenant_id, matched_at);
