"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedDemo = seedDemo;
const unit_of_work_1 = require("../../write-path/unit-of-work");
const articles_schemas_1 = require("../articles/articles.schemas");
const articles_service_1 = require("../articles/articles.service");
const claims_schemas_1 = require("../claims/claims.schemas");
const claims_service_1 = require("../claims/claims.service");
const evidence_schemas_1 = require("../evidence/evidence.schemas");
const evidence_service_1 = require("../evidence/evidence.service");
const sources_schemas_1 = require("../sources/sources.schemas");
const sources_service_1 = require("../sources/sources.service");
const workspaces_service_1 = require("../workspaces/workspaces.service");
const demo_data_1 = require("./demo-data");
/**
 * Loads the demo article, its sources and claims into an empty workspace, in one transaction,
 * through the same service functions (validation, quote anchoring, audit) as the API.
 * Returns how many claims it loaded: 0 when the workspace already had claims.
 */
async function seedDemo(db, workspaceId) {
    if ((await (0, claims_service_1.countClaimsInWorkspace)(db.reader, workspaceId)) > 0)
        return 0;
    const result = await (0, unit_of_work_1.runWrite)(db, { actor: (0, workspaces_service_1.systemActor)(workspaceId), requestId: 'demo-seed' }, async (uow) => {
        if ((await (0, claims_service_1.countClaimsInWorkspace)(uow.tx, workspaceId)) > 0)
            return { status: 200, body: 0 };
        // Parsed by the API's own schemas: the demo obeys every rule a client's data does.
        const { bodyFile: _bodyFile, ...articleFields } = demo_data_1.demoArticle;
        const article = await (0, articles_service_1.insertArticle)(uow, articles_schemas_1.articleCreate.parse({ ...articleFields, body: (0, demo_data_1.readDemoBody)() }));
        const sourceIds = new Map();
        for (const { key, ...source } of demo_data_1.demoSources)
            sourceIds.set(key, (await (0, sources_service_1.insertSource)(uow, sources_schemas_1.sourceCreate.parse(source))).id);
        for (const { evidence, ...demo } of demo_data_1.demoClaims) {
            const claim = await (0, claims_service_1.insertClaim)(uow, claims_schemas_1.claimCreate.parse({ ...demo, articleId: article.id }));
            for (const { sourceKey, ...link } of evidence) {
                await (0, evidence_service_1.linkEvidence)(uow, claim.id, evidence_schemas_1.evidenceCreate.parse({ ...link, sourceId: sourceIds.get(sourceKey) }));
            }
        }
        return { status: 201, body: demo_data_1.demoClaims.length };
    });
    return result.body ?? 0;
}
//# sourceMappingURL=seed.js.map