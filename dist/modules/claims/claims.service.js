"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.countClaimsInWorkspace = countClaimsInWorkspace;
exports.searchTextOf = searchTextOf;
exports.insertClaim = insertClaim;
exports.createClaim = createClaim;
exports.createClaims = createClaims;
exports.getClaim = getClaim;
exports.requireClaim = requireClaim;
exports.updateClaim = updateClaim;
exports.deleteClaim = deleteClaim;
exports.listClaims = listClaims;
exports.transitionClaim = transitionClaim;
exports.bulkTransition = bulkTransition;
const errors_1 = require("../../core/errors");
const pagination_1 = require("../../http/pagination");
const fold_1 = require("../../text/fold");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const zod_1 = require("zod");
const articles = __importStar(require("../articles/articles.repository"));
const evidence = __importStar(require("../evidence/evidence.repository"));
const evidence_views_1 = require("../evidence/evidence.views");
const reviews = __importStar(require("../reviews/reviews.repository"));
const reviews_views_1 = require("../reviews/reviews.views");
const claim_status_1 = require("./claim-status");
const claims = __importStar(require("./claims.repository"));
const claims_search_1 = require("./claims.search");
const quantities_1 = require("../../text/quantities");
const quote_anchor_1 = require("../../text/quote-anchor");
const claims_views_1 = require("./claims.views");
async function countClaimsInWorkspace(db, workspaceId) {
    return claims.countInWorkspace(db, workspaceId);
}
/** What a claim is searched by: its text, claimant and quote, folded (DESIGN §5). */
function searchTextOf(input) {
    return (0, fold_1.searchTerms)([input.text, input.claimant ?? '', input.quote?.exact ?? ''].join('\n')).join(' ');
}
/** Quantities of the text and quote, each value once, in order of appearance. */
function quantitiesOf(text, quoteExact) {
    // A claim's text is often its quote word for word: read it once.
    const found = [...(0, quantities_1.extractQuantities)(text), ...(quoteExact && quoteExact !== text ? (0, quantities_1.extractQuantities)(quoteExact) : [])];
    const seen = new Set();
    return found.filter((q) => {
        const key = `${q.kind}|${q.unit}|${q.value}`;
        return !seen.has(key) && Boolean(seen.add(key));
    });
}
function toDate(value) {
    return value ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null;
}
/** Article bodies looked up once per request, with an anchorer each. */
class ArticleTexts {
    sql;
    workspaceId;
    anchorers = new Map();
    constructor(sql, workspaceId) {
        this.sql = sql;
        this.workspaceId = workspaceId;
    }
    /** Loads the articles of many claims at once (a batch quotes hundreds of articles). */
    async preload(articleIds) {
        const missing = [...new Set(articleIds)].filter((id) => !this.anchorers.has(id));
        const bodies = await articles.findBodies(this.sql, this.workspaceId, missing);
        for (const id of missing) {
            const body = bodies.get(id);
            this.anchorers.set(id, body === undefined ? null : (0, quote_anchor_1.createAnchorer)(body));
        }
    }
    async anchorerFor(articleId) {
        if (!this.anchorers.has(articleId))
            await this.preload([articleId]);
        return this.anchorers.get(articleId) ?? null;
    }
}
/**
 * Checks a claim's references and anchors its quote; returns field errors instead of throwing,
 * so a batch can name every failing index.
 */
async function resolveClaim(texts, shape, anchor = true) {
    const errors = [];
    let quote = anchor ? null : shape.quote;
    if (shape.quote && !shape.articleId)
        errors.push({ path: 'quote', message: 'a quote needs the articleId of the article it quotes' });
    if (anchor && shape.articleId) {
        const anchor = await texts.anchorerFor(shape.articleId);
        if (!anchor)
            errors.push({ path: 'articleId', message: `no article with id ${shape.articleId}` });
        else if (shape.quote) {
            const anchored = anchor(shape.quote);
            if (anchored.ok)
                quote = anchored.quote;
            else
                errors.push({ path: 'quote', message: anchored.failure.message });
        }
    }
    if (errors.length > 0)
        return { errors };
    return {
        data: {
            articleId: shape.articleId,
            text: shape.text,
            searchText: searchTextOf({ text: shape.text, claimant: shape.claimant, quote }),
            language: shape.language,
            claimant: shape.claimant,
            claimDate: shape.claimDate,
            quote,
            quantities: shape.quantities ?? quantitiesOf(shape.text, quote?.exact),
            tags: shape.tags,
        },
    };
}
function shapeOf(input) {
    return {
        text: input.text,
        language: input.language,
        claimant: input.claimant ?? null,
        claimDate: toDate(input.claimDate),
        articleId: input.articleId ?? null,
        quote: input.quote ?? null,
        quantities: input.quantities,
        tags: input.tags ?? [],
    };
}
/** Creates a claim inside a unit of work, its quote anchored (the API's POST and the demo seed). */
async function insertClaim(uow, input) {
    const workspaceId = uow.actor.workspaceId;
    const resolved = await resolveClaim(new ArticleTexts(uow.sql, workspaceId), shapeOf(input));
    if ('errors' in resolved) {
        throw errors_1.AppError.unprocessable('The claim does not fit its article.', resolved.errors.map((e) => ({ ...e, path: `body.${e.path}` })));
    }
    const view = (0, claims_views_1.presentClaim)(await claims.insert(uow.sql, workspaceId, resolved.data));
    await uow.audit({ action: 'claim.create', entityType: 'claim', entityId: view.id, before: null, after: view });
    return view;
}
async function createClaim(db, context, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const view = await insertClaim(uow, input);
        return { status: 201, body: view, version: view.version, location: `/v1/claims/${view.id}` };
    });
}
/**
 * Up to 1,000 claims, all or nothing: every claim is checked (quotes included) before anything
 * is written, then all are written in one transaction. A failure names each failing index.
 */
async function createClaims(db, context, inputs) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const texts = new ArticleTexts(uow.sql, workspaceId);
        await texts.preload(inputs.flatMap((input) => (input.articleId ? [input.articleId] : [])));
        const prepared = [];
        const errors = [];
        for (const [index, input] of inputs.entries()) {
            const resolved = await resolveClaim(texts, shapeOf(input));
            if ('errors' in resolved)
                errors.push(...resolved.errors.map((e) => ({ path: `body.claims.${index}.${e.path}`, message: e.message })));
            else
                prepared.push(resolved.data);
        }
        if (errors.length > 0) {
            const indexes = [...new Set(errors.map((e) => Number(e.path.split('.')[2])))];
            throw errors_1.AppError.unprocessable(`${indexes.length} of ${inputs.length} claims cannot be stored (index ${indexes.join(', ')}); none was stored.`, errors);
        }
        const created = (await claims.insertMany(uow.sql, workspaceId, prepared)).map(claims_views_1.presentClaim);
        await uow.auditMany(created.map((view) => ({ action: 'claim.create', entityType: 'claim', entityId: view.id, before: null, after: view })));
        return { status: 201, body: { data: created } };
    });
}
/** A claim with its evidence and verdict history, read in one statement. */
async function getClaim(db, actor, id) {
    const found = await claims.findActiveWith(db.sql, actor.workspaceId, id, {
        evidence: evidence.evidenceColumn(db.sql, 'c'),
        verdictHistory: reviews.historyColumn(db.sql, 'c'),
    });
    if (!found)
        throw errors_1.AppError.notFound('claim', id);
    return {
        ...(0, claims_views_1.presentClaim)(found.row),
        evidence: evidence.fromColumn(found.extra.evidence).map(evidence_views_1.presentEvidence),
        verdictHistory: reviews.fromColumn(found.extra.verdictHistory).map(reviews_views_1.presentReview),
    };
}
/** A live claim of the workspace, or 404: for modules that hang things off claims. */
async function requireClaim(sql, workspaceId, id) {
    const row = await claims.findActive(sql, workspaceId, id);
    if (!row)
        throw errors_1.AppError.notFound('claim', id);
    return (0, claims_views_1.presentClaim)(row);
}
async function updateClaim(db, context, id, patch) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const { current, written: updated } = await uow.changeVersioned('claim', id, () => claims.findActive(uow.sql, workspaceId, id), async (current) => {
            if (patch.status !== undefined)
                (0, claim_status_1.assertPatchTransition)(current.status, patch.status);
            const textChanged = patch.text !== undefined || patch.quote !== undefined || patch.articleId !== undefined;
            const shape = {
                text: patch.text ?? current.text,
                language: patch.language ?? current.language,
                claimant: patch.claimant !== undefined ? patch.claimant : current.claimant,
                claimDate: patch.claimDate !== undefined ? toDate(patch.claimDate) : current.claimDate,
                articleId: patch.articleId !== undefined ? patch.articleId : current.articleId,
                // Moving a claim to another article drops a quote that was not re-sent: it quoted the old one.
                quote: patch.quote !== undefined ? patch.quote : patch.articleId !== undefined && patch.articleId !== current.articleId ? null : current.quote,
                // Quantities follow the text unless sent (DESIGN §3: extracted when the client sends none).
                quantities: patch.quantities ?? (textChanged ? undefined : current.quantities),
                tags: patch.tags ?? current.tags,
            };
            // Only a new quote or article is anchored again: an edit of tags must not fail because the
            // article was deleted since.
            const reanchor = patch.quote !== undefined || patch.articleId !== undefined;
            const resolved = await resolveClaim(new ArticleTexts(uow.sql, workspaceId), shape, reanchor);
            if ('errors' in resolved) {
                throw errors_1.AppError.unprocessable('The claim does not fit its article.', resolved.errors.map((e) => ({ ...e, path: `body.${e.path}` })));
            }
            const newTags = [...new Set(resolved.data.tags)].sort();
            return claims.updateIfVersion(uow.sql, workspaceId, id, current.version, {
                ...resolved.data,
                // Tags are rewritten only when they change (current.tags is sorted and unique).
                tags: newTags.join('\n') === current.tags.join('\n') ? undefined : newTags,
                ...(patch.status !== undefined ? { status: patch.status } : {}),
            });
        });
        const view = (0, claims_views_1.presentClaim)(updated);
        await uow.audit({ action: 'claim.update', entityType: 'claim', entityId: id, before: (0, claims_views_1.presentClaim)(current), after: view });
        return { status: 200, body: view, version: updated.version };
    });
}
async function deleteClaim(db, context, id) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const { current } = await uow.changeVersioned('claim', id, () => claims.findActive(uow.sql, workspaceId, id), (current) => claims.updateIfVersion(uow.sql, workspaceId, id, current.version, { deletedAt: new Date() }));
        await uow.audit({ action: 'claim.delete', entityType: 'claim', entityId: id, before: (0, claims_views_1.presentClaim)(current), after: null });
        return { status: 204 };
    });
}
const cursorSchema = zod_1.z.object({ sort: zod_1.z.enum(['updatedAt', 'createdAt']), tier: zod_1.z.number().int().min(0).max(3), at: zod_1.z.iso.datetime(), id: zod_1.z.string() });
/**
 * Lists claims newest first by `sort`. With `q`, matches come first by tier (phrase, all
 * terms, near), newest first within a tier; the cursor remembers the tier.
 */
async function listClaims(db, actor, query) {
    const after = (0, pagination_1.decodeCursor)(query.cursor, cursorSchema);
    if (after && after.sort !== query.sort) {
        throw errors_1.AppError.badRequest('This cursor belongs to another sort order.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
    }
    const filter = {
        status: query.status,
        verdict: query.verdict,
        articleId: query.articleId,
        claimant: query.claimant,
        tag: query.tag,
        language: query.language,
        updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
        createdAfter: query.createdAfter ? new Date(query.createdAfter) : undefined,
        createdBefore: query.createdBefore ? new Date(query.createdBefore) : undefined,
    };
    const position = after ? { at: new Date(after.at), id: after.id } : undefined;
    const tiers = query.q === undefined ? [{ tier: 0 }] : (0, claims_search_1.searchTiers)(db.sql, actor.workspaceId, (0, fold_1.searchTerms)(query.q));
    const rows = [];
    // Tiers are computed as the page needs them: leaving the loop early skips the rest.
    for await (const { tier, ids } of tiers) {
        if (after && tier > after.tier)
            continue;
        if (ids?.length === 0)
            continue;
        const need = query.limit + 1 - rows.length;
        const page = await claims.listPage(db.sql, actor.workspaceId, filter, query.sort, need, after && tier === after.tier ? position : undefined, ids);
        rows.push(...page.map((row) => ({ tier, row })));
        if (rows.length > query.limit)
            break;
    }
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows[pageRows.length - 1];
    return {
        data: pageRows.map(({ row }) => (0, claims_views_1.presentClaim)(row)),
        nextCursor: rows.length > query.limit && last
            ? (0, pagination_1.encodeCursor)({ sort: query.sort, tier: last.tier, at: last.row[query.sort].toISOString(), id: last.row.id })
            : null,
    };
}
/**
 * Moves a claim by a workflow action inside the caller's unit of work: checks If-Match, the
 * transition, writes and audits it.
 */
async function transitionClaim(uow, claimId, action, options = {}) {
    const workspaceId = uow.actor.workspaceId;
    const { current, written: updated } = await uow.changeVersioned('claim', claimId, () => claims.findActive(uow.sql, workspaceId, claimId), (current) => claims.updateIfVersion(uow.sql, workspaceId, claimId, current.version, {
        status: (0, claim_status_1.nextStatus)(current.status, action),
        ...(options.verdict !== undefined ? { verdict: options.verdict } : {}),
    }));
    const view = (0, claims_views_1.presentClaim)(updated);
    await uow.audit({ action: `claim.${action}`, entityType: 'claim', entityId: claimId, before: (0, claims_views_1.presentClaim)(current), after: view });
    return view;
}
/**
 * Moves many claims to `to` at once, all or nothing, one audit event per claim (e.g. 500 claims
 * from unverified to in_review). Only moves that need no review: starting a review, and reopening
 * a published claim (editors and admins).
 */
async function bulkTransition(db, context, ids, to) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const found = new Map((await claims.findManyActiveForUpdate(uow.sql, workspaceId, ids)).map((c) => [c.id, c]));
        const errors = [];
        const moves = [];
        for (const [index, id] of ids.entries()) {
            const claim = found.get(id);
            const path = `body.claimIds.${index}`;
            if (!claim) {
                errors.push({ path, message: `no claim with id ${id}` });
                continue;
            }
            const action = bulkActionFor(claim.status, to);
            if (!action)
                errors.push({ path, message: `a claim that is ${claim.status} cannot move to ${to} in bulk` });
            else if (action === 'reopen' && !['editor', 'admin'].includes(uow.actor.role))
                errors.push({ path, message: 'reopening a published claim needs an editor' });
            else
                moves.push({ claim, action });
        }
        if (errors.length > 0)
            throw errors_1.AppError.unprocessable(`${errors.length} of ${ids.length} claims cannot move to ${to}; none was moved.`, errors);
        // Both bulk actions end in `to`; the claims are locked, so one statement moves them all.
        const moved = (await claims.setStatusMany(uow.sql, moves.map((move) => move.claim), to)).map(claims_views_1.presentClaim);
        await uow.auditMany(moves.map(({ claim, action }, i) => ({ action: `claim.${action}`, entityType: 'claim', entityId: claim.id, before: (0, claims_views_1.presentClaim)(claim), after: moved[i] })));
        return { status: 200, body: { data: moved } };
    });
}
function bulkActionFor(from, to) {
    if (from === 'unverified' && to === 'in_review')
        return 'start_review';
    if (from === 'published' && to === 'in_review')
        return 'reopen';
    return undefined;
}
//# sourceMappingURL=claims.service.js.map