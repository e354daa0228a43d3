-- AppDatabase.searchCityMatches("dortmund", limit 20) as twinning runs it, for
-- the sqlite3 side of `cities search dortmund` in Scripts/bench-compare.sh.
SELECT city.*, m.matched AS matchedName FROM (
  SELECT cid, MIN(r) AS rank, matched FROM (
    SELECT id AS cid, 0 AS r, NULL AS matched FROM city WHERE searchKey IN ('dortmund') OR asciiKey IN ('dortmund')
    UNION ALL SELECT cityId, 1, name FROM city_name WHERE key IN ('dortmund')
    UNION ALL SELECT id, 2, NULL FROM city WHERE (searchKey >= 'dortmund' AND searchKey < 'dortmund'||char(1114111)) OR (asciiKey >= 'dortmund' AND asciiKey < 'dortmund'||char(1114111))
    UNION ALL SELECT cityId, 3, name FROM city_name WHERE key >= 'dortmund' AND key < 'dortmund'||char(1114111)
    UNION ALL SELECT id, 4, NULL FROM city WHERE instr(searchKey, 'dortmund') > 0 OR instr(asciiKey, 'dortmund') > 0
  ) GROUP BY cid
) m JOIN city ON city.id = m.cid
ORDER BY m.rank / 2, city.population IS NULL, city.population DESC, city.name
LIMIT 20;
