-- A station's history is read along this key (station page, 24 h chart, day stats). History arrives
-- in time order for all stations at once, so one station's day of reports lies on ~1,440 different
-- heap pages; carrying the counts in the key's leaf pages makes that read a dozen adjacent pages,
-- index-only. Same key, same uniqueness, so ON CONFLICT and every plan keyed on it are unchanged.
ALTER TABLE "station_status"
  DROP CONSTRAINT "station_status_system_id_station_id_reported_at_pk",
  ADD CONSTRAINT "station_status_system_id_station_id_reported_at_pk"
    PRIMARY KEY ("system_id", "station_id", "reported_at")
    INCLUDE ("bikes", "ebikes", "docks", "is_installed", "is_renting", "is_returning");
