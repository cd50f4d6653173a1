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
exports.articleRoutes = articleRoutes;
const schemas_1 = require("../../http/schemas");
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const write_context_1 = require("../../write-path/write-context");
const roles_1 = require("../../core/roles");
const articles_schemas_1 = require("./articles.schemas");
const service = __importStar(require("./articles.service"));
function articleRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/articles',
            summary: 'List articles, newest first',
            roles: roles_1.can.read,
            query: articles_schemas_1.articleListQuery,
            response: { status: 200, description: 'A page of articles, without their bodies', schema: articles_schemas_1.articlePage },
            handler: async ({ actor, query }, res) => {
                res.json(await service.listArticles(db, actor, query));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/articles',
            summary: 'Create an article',
            roles: roles_1.can.write,
            body: articles_schemas_1.articleCreate,
            response: { status: 201, description: 'The article as stored', schema: articles_schemas_1.articleView },
            errors: { 409: 'An article (also a deleted one) already has this url' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.createArticle(db, (0, write_context_1.writeContext)(input), input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/articles/:id',
            summary: 'Get an article with its claims',
            roles: roles_1.can.read,
            params: schemas_1.idParams,
            response: { status: 200, description: 'The article with its claims, oldest first', schema: articles_schemas_1.articleWithClaimsView },
            handler: async ({ actor, params, req }, res) => {
                const article = await service.getArticle(db, actor, params.id);
                (0, respond_1.sendResource)(req, res, article, article.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'patch',
            path: '/v1/articles/:id',
            summary: 'Change an article',
            roles: roles_1.can.write,
            params: schemas_1.idParams,
            body: articles_schemas_1.articleUpdate,
            ifMatch: true,
            response: { status: 200, description: 'The article as changed', schema: articles_schemas_1.articleView },
            errors: { 409: 'Another article (also a deleted one) has this url', 422: 'The body cannot change while claims quote it' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.updateArticle(db, (0, write_context_1.writeContext)(input), input.params.id, input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'delete',
            path: '/v1/articles/:id',
            summary: 'Delete an article (soft delete)',
            roles: roles_1.can.edit,
            params: schemas_1.idParams,
            ifMatch: true,
            response: { status: 204, description: 'Deleted' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.deleteArticle(db, (0, write_context_1.writeContext)(input), input.params.id));
            },
        }),
    ];
}
//# sourceMappingURL=articles.routes.js.map