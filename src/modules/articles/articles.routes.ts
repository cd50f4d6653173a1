import type { AppDeps } from '../../app-deps';
import { idParams } from '../../http/schemas';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { writeContext } from '../../write-path/write-context';
import { can } from '../../core/roles';
import {
  articleCreate,
  articleListQuery,
  articlePage,
  articleUpdate,
  articleView,
  articleWithClaimsView,
  candidateList,
  candidateQuery,
} from './articles.schemas';
import * as service from './articles.service';

export function articleRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/articles',
      summary: 'List articles, newest first',
      roles: can.read,
      query: articleListQuery,
      response: { status: 200, description: 'A page of articles, without their bodies', schema: articlePage },
      handler: async ({ actor, query }, res) => {
        res.json(await service.listArticles(db, actor, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/articles',
      summary: 'Create an article',
      roles: can.write,
      body: articleCreate,
      response: { status: 201, description: 'The article as stored', schema: articleView },
      errors: { 409: 'An article (also a deleted one) already has this url' },
      handler: async (input, res) => {
        sendWrite(res, await service.createArticle(db, writeContext(input), input.body));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/articles/:id',
      summary: 'Get an article with its claims',
      roles: can.read,
      params: idParams,
      response: { status: 200, description: 'The article with its claims, oldest first', schema: articleWithClaimsView },
      handler: async ({ actor, params, req }, res) => {
        const article = await service.getArticle(db, actor, params.id);
        sendResource(req, res, article, article.version);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/articles/:id/candidates',
      summary: 'Rank the article’s sentences by check-worthiness',
      roles: can.read,
      params: idParams,
      query: candidateQuery,
      response: {
        status: 200,
        description: 'The sentences most worth checking, best first, each with a quote to POST as a claim unchanged',
        schema: candidateList,
      },
      handler: async ({ actor, params, query }, res) => {
        res.json(await service.listCandidates(db, actor, params.id, query.limit));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/articles/:id',
      summary: 'Change an article',
      roles: can.write,
      params: idParams,
      body: articleUpdate,
      ifMatch: true,
      response: { status: 200, description: 'The article as changed', schema: articleView },
      errors: { 409: 'Another article (also a deleted one) has this url', 422: 'The body cannot change while claims quote it' },
      handler: async (input, res) => {
        sendWrite(res, await service.updateArticle(db, writeContext(input), input.params.id, input.body));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/articles/:id',
      summary: 'Delete an article (soft delete)',
      roles: can.edit,
      params: idParams,
      ifMatch: true,
      response: { status: 204, description: 'Deleted' },
      handler: async (input, res) => {
        sendWrite(res, await service.deleteArticle(db, writeContext(input), input.params.id));
      },
    }),
  ];
}
