// The fixed claim both baselines serve: shaped like GET /v1/claims/:id answers, about 1 KB.
export const claim = {
  id: '0199a3c4-0000-7000-8000-000000000001',
  articleId: '0199a3c4-0000-7000-8000-0000000000a1',
  text: 'قال وزير المالية إن نسبة البطالة في الأردن انخفضت إلى 12% عام 2023، وهي الأدنى منذ عقد.',
  language: 'ar',
  claimant: 'وزير المالية',
  claimDate: '2024-03-11T00:00:00.000Z',
  quote: {
    exact: 'قال وزير المالية إن نسبة البطالة في الأردن انخفضت إلى 12% عام 2023، وهي الأدنى منذ عقد.',
    prefix: 'في مؤتمر صحفي عقده اليوم، ',
    suffix: ' ولم يتسن التحقق من هذه',
    start: 412,
    end: 497,
  },
  quantities: [
    { text: '12%', value: 12, unit: '%', kind: 'percent' },
    { text: 'عام 2023', value: 2023, unit: 'year', kind: 'date' },
  ],
  status: 'unverified',
  verdict: null,
  version: 3,
  createdAt: '2025-11-29T11:45:21.916Z',
  updatedAt: '2025-11-29T11:52:03.120Z',
  tags: ['اقتصاد', 'وظائف'],
  evidence: [],
  verdictHistory: [],
};

/** Serialized once: "from memory". */
export const claimJson = Buffer.from(JSON.stringify(claim));
