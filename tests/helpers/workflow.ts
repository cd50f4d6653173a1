import request from 'supertest';
import type { Express } from 'express';
import { bearer, unique, type Workspace } from './test-app';

export type Status = 'unverified' | 'in_review' | 'pending_approval' | 'published';

/** Drives one claim through the workflow as users would, and reads it back. */
export class ClaimFlow {
  id = '';
  version = 1;
  openReviewId: string | null = null;

  constructor(
    private readonly app: Express,
    private readonly ws: Workspace,
  ) {}

  async create(withEvidence = true, text = `ادعاء ${unique()}`): Promise<this> {
    const claim = await request(this.app).post('/v1/claims').set(bearer(this.ws.keys.checker)).send({ text, language: 'ar' }).expect(201);
    this.id = claim.body.id;
    this.version = 1;
    if (withEvidence) {
      const source = await request(this.app)
        .post('/v1/sources')
        .set(bearer(this.ws.keys.checker))
        .send({ url: `https://example.org/${unique()}`, title: 'مصدر', kind: 'news_report' })
        .expect(201);
      await request(this.app).post(`/v1/claims/${this.id}/evidence`).set(bearer(this.ws.keys.checker)).send({ sourceId: source.body.id, stance: 'refutes' }).expect(201);
    }
    return this;
  }

  async get() {
    const res = await request(this.app).get(`/v1/claims/${this.id}`).set(bearer(this.ws.keys.viewer)).expect(200);
    this.version = res.body.version;
    return res.body;
  }

  private track(res: request.Response) {
    if (res.status < 300 && res.headers.etag && res.body?.status) this.version = Number(JSON.parse(res.headers.etag));
    return res;
  }

  startReview(key = this.ws.keys.checker) {
    return request(this.app).patch(`/v1/claims/${this.id}`).set(bearer(key)).set('If-Match', `"${this.version}"`).send({ status: 'in_review' }).then((r) => this.track(r));
  }

  async propose(rating = 'false', key = this.ws.keys.checker) {
    const res = await request(this.app)
      .post(`/v1/claims/${this.id}/reviews`)
      .set(bearer(key))
      .set('If-Match', `"${this.version}"`)
      .send({ rating, summary: 'وزارة الطاقة تنفي الرقم' });
    if (res.status === 201) {
      this.openReviewId = res.body.id;
      await this.get();
    }
    return res;
  }

  publish(key = this.ws.keys.editor, body: Record<string, unknown> = {}, reviewId = this.openReviewId) {
    return request(this.app)
      .post(`/v1/claims/${this.id}/reviews/${reviewId}/publish`)
      .set(bearer(key))
      .set('If-Match', `"${this.version}"`)
      .send(body)
      .then((r) => this.track(r));
  }

  reject(key = this.ws.keys.editor, body: Record<string, unknown> = { decisionNote: 'المصدر غير كاف' }, reviewId = this.openReviewId) {
    return request(this.app)
      .post(`/v1/claims/${this.id}/reviews/${reviewId}/reject`)
      .set(bearer(key))
      .set('If-Match', `"${this.version}"`)
      .send(body)
      .then((r) => this.track(r));
  }

  reopen(key = this.ws.keys.editor, note = 'وثيقة جديدة من وزارة الطاقة تغيّر الرقم') {
    return request(this.app).post(`/v1/claims/${this.id}/reopen`).set(bearer(key)).set('If-Match', `"${this.version}"`).send({ note }).then((r) => this.track(r));
  }

  /** Brings a new claim to `status` along the ordinary path. */
  async reach(status: Status): Promise<this> {
    await this.create();
    if (status === 'unverified') return this;
    await this.startReview().then((r) => expectStatus(r, 200));
    if (status === 'in_review') return this;
    await this.propose().then((r) => expectStatus(r, 201));
    if (status === 'pending_approval') return this;
    await this.publish().then((r) => expectStatus(r, 200));
    return this;
  }
}

function expectStatus(res: request.Response, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}
