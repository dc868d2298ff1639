-- Every consumer batch rewrites each of its stations' rows (the latest status). At the default
-- fillfactor 100 a page has no room for the new version, so a quarter of those updates move the row
-- to another page and add a key entry: replaying 7 days of a 2,000-station city left the 2,000 rows
-- spread over 512–4,400 pages, read in full by every station list. With half of each page free the
-- new version stays on its page (HOT) and the old one is pruned: 84 pages, 99.9 % HOT updates, in a
-- replay-shaped test (450 batches updating all 2,000 rows). Applies to pages written from now on;
-- `VACUUM FULL stations` compacts an existing table (it holds a brief exclusive lock).
ALTER TABLE "stations" SET (fillfactor = 50);
