-- Similar claims (DESIGN §12): a claim's searchText also carries one token per quantity it states
-- (src/text/similar/index.ts quantityToken: 'qty' || kind || unit || value, '%' as 'pct', '.' as
-- 'p', '-' as 'm'), so the search index finds the claims that state an amount in any language.
-- Claims stored before get theirs here; the search triggers keep ClaimFts and SearchWord in step.
UPDATE "Claim" SET "searchText" = "searchText" || (
    SELECT group_concat(' qty' || lower(json_extract(q.value, '$.kind')) || lower(replace(json_extract(q.value, '$.unit'), '%', 'pct'))
        || replace(replace(CAST(json_extract(q.value, '$.value') AS TEXT), '.', 'p'), '-', 'm'), '')
    FROM json_each("Claim"."quantities") q
)
WHERE json_valid("quantities") AND json_array_length("quantities") > 0;
