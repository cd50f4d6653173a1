"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineRoute = defineRoute;
exports.routeHandler = routeHandler;
const errors_1 = require("../core/errors");
const etag_1 = require("./etag");
const problem_1 = require("./problem");
/** Declares a route; the type parameters flow from the schemas into the handler. */
function defineRoute(spec) {
    return spec;
}
/** NUL and lone surrogates: PostgreSQL refuses the first and would silently mangle the second. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /[\u0000\p{Cs}]/u;
/**
 * The path of the first string (key or value) that no database can store faithfully. Iterative:
 * a body nested thousands of levels deep must not overflow the stack.
 */
function findUnstorable(value, root) {
    const pending = [[value, root]];
    for (let next = pending.pop(); next; next = pending.pop()) {
        const [item, path] = next;
        if (typeof item === 'string') {
            if (UNSTORABLE.test(item))
                return path;
        }
        else if (item !== null && typeof item === 'object') {
            for (const [key, child] of Object.entries(item).reverse()) {
                if (UNSTORABLE.test(key))
                    return `${path}.${key}`;
                pending.push([child, `${path}.${key}`]);
            }
        }
    }
    return undefined;
}
function parsePart(schema, value, where) {
    if (!schema)
        return undefined;
    const unstorable = findUnstorable(value, where);
    if (unstorable) {
        throw errors_1.AppError.badRequest('Text may not contain NUL characters or unpaired UTF-16 surrogates.', [
            { path: unstorable, message: 'contains a NUL character or an unpaired surrogate' },
        ]);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
        throw errors_1.AppError.badRequest(`The ${where} does not match the schema.`, (0, problem_1.zodToFieldErrors)(parsed.error, where));
    }
    return parsed.data;
}
/** The handler chain of one route after authentication: role, validation, then the handler. */
function routeHandler(spec) {
    return async function handleRoute(req, res) {
        const actor = req.actor;
        if (spec.roles !== 'public' && (!actor || !spec.roles.includes(actor.role))) {
            throw errors_1.AppError.forbidden(`${spec.method.toUpperCase()} ${spec.path} needs one of the roles: ${spec.roles.join(', ')}.`);
        }
        let ifMatch;
        if (spec.ifMatch) {
            ifMatch = (0, etag_1.parseIfMatch)(req.get('if-match'));
            if (ifMatch === undefined)
                throw errors_1.AppError.preconditionRequired();
        }
        const hasBody = req.body !== undefined;
        if (!spec.body && hasBody && Object.keys(req.body).length > 0) {
            throw errors_1.AppError.badRequest('This route takes no body.');
        }
        const input = {
            params: parsePart(spec.params, req.params, 'params'),
            query: parsePart(spec.query, req.query, 'query'),
            body: parsePart(spec.body, hasBody ? req.body : undefined, 'body'),
            actor: actor,
            ifMatch,
            requestId: String(req.id),
            idempotencyKey: req.get('idempotency-key'),
            req,
        };
        await spec.handler(input, res);
    };
}
//# sourceMappingURL=route.js.map