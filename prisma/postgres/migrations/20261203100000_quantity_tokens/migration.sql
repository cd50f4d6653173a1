-- Similar claims (DESIGN §12): a claim's searchText also carries one token per quantity it states
-- (src/text/similar/index.ts quantityToken: 'qty' || kind || unit || value, '%' as 'pct', '.' as
-- 'p', '-' as 'm'), so the search index finds the claims that state an amount in any language.
-- Claims stored before get theirs here.
UPDATE "Claim" c SET "searchText" = c."searchText" || (
    SELECT string_agg(' qty' || lower(q->>'kind') || lower(replace(q->>'unit', '%', 'pct'))
        || replace(replace(q->>'value', '.', 'p'), '-', 'm'), '')
    FROM jsonb_array_elements(c."quantities") q
)
WHERE jsonb_typeof(c."quantities") = 'array' AND jsonb_array_length(c."quantities") > 0;
