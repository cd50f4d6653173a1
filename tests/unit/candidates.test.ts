import { readFileSync } from 'fs';
import { join } from 'path';
import { CANDIDATE_REASONS, QUOTE_CONTEXT, rankCandidates, splitSentences, type Candidate } from '../../src/text/candidates';
import { findRepeats } from '../../src/text/candidates/repeats';
import { scoreSentence } from '../../src/text/candidates/score';
import { keywordLookup } from '../../src/text/candidates/lexicon';
import { createAnchorer } from '../../src/text/quote-anchor';
import { searchTerms } from '../../src/text/fold';

const seed = readFileSync(join(__dirname, '../../src/modules/demo/article.ar.txt'), 'utf8');

/** Reference definition of a span: code points [start, end) of `text`. */
const codePoints = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');

/** The sentence texts of `body`, each checked against its offsets. */
function texts(body: string, language = 'ar'): string[] {
  return splitSentences(body, language).map((s) => {
    expect(codePoints(body, s.start, s.end)).toBe(s.text);
    expect(body.slice(s.unitStart, s.unitEnd)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    return s.text;
  });
}

describe('splitSentences: where a sentence does not end', () => {
  it('keeps decimal numbers whole', () => {
    expect(texts('The economy grew 2.5 percent last year. Prices rose.', 'en')).toEqual(['The economy grew 2.5 percent last year.', 'Prices rose.']);
    expect(texts('بلغ النمو 2.5 في المئة العام الماضي. وارتفعت الأسعار.')).toEqual(['بلغ النمو 2.5 في المئة العام الماضي.', 'وارتفعت الأسعار.']);
  });

  it('keeps abbreviations and titles with what follows', () => {
    expect(texts('The U.S. President met Dr. Smith and Mr. Jones in Washington. They talked.', 'en')).toEqual([
      'The U.S. President met Dr. Smith and Mr. Jones in Washington.',
      'They talked.',
    ]);
    expect(texts('قال د. أحمد خليل إن الوضع صعب. وأضاف أنه متفائل.')).toEqual(['قال د. أحمد خليل إن الوضع صعب.', 'وأضاف أنه متفائل.']);
  });

  it('keeps dates whole', () => {
    expect(texts('وصل الوفد في 24/10/2018 إلى البلاد. وغادر في 26.10.2018 بعد لقاءات كثيرة.')).toEqual([
      'وصل الوفد في 24/10/2018 إلى البلاد.',
      'وغادر في 26.10.2018 بعد لقاءات كثيرة.',
    ]);
  });

  it('keeps a quotation with the sentence that reports it («…» and "…")', () => {
    expect(texts('وقال الوزير: «الاقتصاد قوي. والنمو مستمر» ثم غادر القاعة. وانتهى اللقاء بعد ذلك.')).toEqual([
      'وقال الوزير: «الاقتصاد قوي. والنمو مستمر» ثم غادر القاعة.',
      'وانتهى اللقاء بعد ذلك.',
    ]);
    expect(texts('He said "We won. They lost." and left the room. Then he came back.', 'en')).toEqual([
      'He said "We won. They lost." and left the room.',
      'Then he came back.',
    ]);
  });

  it('ends a sentence after a quotation that ends with its own sentence mark, as ICU does', () => {
    expect(texts('وقال الوزير: «الاقتصاد قوي!» وغادر القاعة بعد ذلك.')).toEqual(['وقال الوزير: «الاقتصاد قوي!»', 'وغادر القاعة بعد ذلك.']);
  });

  it('does not let an unclosed quotation mark swallow the rest of the line', () => {
    expect(texts('قال «إن الوضع صعب. وأضاف أنه متفائل جدا.')).toEqual(['قال «إن الوضع صعب.', 'وأضاف أنه متفائل جدا.']);
  });
});

describe('splitSentences: where a sentence ends', () => {
  it('splits on . ! ? ؟ ؛ and line breaks, and trims each span to exact offsets', () => {
    const body = '  قال الوزير إن النمو بلغ 5%.  هل هذا صحيح؟ نعم هو كذلك؛ والأرقام تؤكد ذلك! Is it true? Yes it is.\r\nسطر جديد بلا نقطة في آخره\nوسطر ثالث هنا   ';
    expect(texts(body)).toEqual([
      'قال الوزير إن النمو بلغ 5%.',
      'هل هذا صحيح؟',
      'نعم هو كذلك؛',
      'والأرقام تؤكد ذلك!',
      'Is it true?',
      'Yes it is.',
      'سطر جديد بلا نقطة في آخره',
      'وسطر ثالث هنا',
    ]);
    const [first] = splitSentences(body, 'ar');
    expect(first).toMatchObject({ start: 2, end: 29, terminated: true, question: false, kind: 'sentence' });
  });

  it('counts offsets in code points when the body holds astral characters', () => {
    const body = '😀 صفقة بقيمة 5 مليار دولار. 𝕏 ثم شيء آخر حدث.';
    const spans = splitSentences(body, 'ar');
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [0, 27],
      [28, 45],
    ]);
    expect(spans.map((s) => codePoints(body, s.start, s.end))).toEqual(['😀 صفقة بقيمة 5 مليار دولار.', '𝕏 ثم شيء آخر حدث.']);
  });

  it('splits standfirst bullets that share a line', () => {
    expect(texts('*زيارة الوزير رسالة واضحة *العلاقات وثيقة منذ سنوات. * إسرائيل باعت أسلحة بملايين الدولارات')).toEqual([
      'زيارة الوزير رسالة واضحة',
      'العلاقات وثيقة منذ سنوات.',
      'إسرائيل باعت أسلحة بملايين الدولارات',
    ]);
  });

  it('cuts a run longer than MAX_SENTENCE at a space', () => {
    const body = `${'كلمة '.repeat(400)}نهاية.`;
    const spans = splitSentences(body, 'ar');
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) expect(s.unitEnd - s.unitStart).toBeLessThanOrEqual(1000);
    expect(spans.map((s) => s.text).join(' ')).toBe(body.trim());
  });
});

describe('splitSentences: headlines, captions and datelines', () => {
  const kinds = (body: string, language = 'ar') => splitSentences(body, language).map((s) => [s.kind, s.text]);

  it('labels a date-and-time stamp line a dateline', () => {
    expect(kinds('24/10/2018 - 20:17\nالأربعاء 24 أكتوبر 2018\nUpdated: Oct 24, 2018 8:17 PM\nقال الوزير إن الوضع صعب.')).toEqual([
      ['dateline', '24/10/2018 - 20:17'],
      ['dateline', 'الأربعاء 24 أكتوبر 2018'],
      ['dateline', 'Updated: Oct 24, 2018 8:17 PM'],
      ['sentence', 'قال الوزير إن الوضع صعب.'],
    ]);
  });

  it('cuts a dateline off the first sentence of the body, and only there', () => {
    expect(kinds('القدس - قال الوزير إن الوضع صعب. غزة - مدينة على البحر وهي كبيرة.')).toEqual([
      ['sentence', 'قال الوزير إن الوضع صعب.'],
      ['sentence', 'غزة - مدينة على البحر وهي كبيرة.'],
    ]);
    expect(kinds('Israel sends envoy\nJERUSALEM (Reuters) — Israel said on Monday it would send an envoy.', 'en')).toEqual([
      ['headline', 'Israel sends envoy'],
      ['sentence', 'Israel said on Monday it would send an envoy.'],
    ]);
  });

  it('labels photo captions and credits', () => {
    expect(kinds('صادِقوف يصافح آيزنكوت (تصوير الجيش الإسرائيلي)\nPhoto: the minister at the airport\nProtesters gather in the square (AFP)')).toEqual([
      ['caption', 'صادِقوف يصافح آيزنكوت (تصوير الجيش الإسرائيلي)'],
      ['caption', 'Photo: the minister at the airport'],
      ['caption', 'Protesters gather in the square (AFP)'],
    ]);
  });

  it('labels a short line without a final sentence mark a headline, and drops one- and two-word labels', () => {
    expect(kinds('رئيس الأركان الأذري في البلاد لأول مرة: الهدف إبرام صفقات سلاح\nالتعليقات\nوصل الوفد أمس.')).toEqual([
      ['headline', 'رئيس الأركان الأذري في البلاد لأول مرة: الهدف إبرام صفقات سلاح'],
      ['sentence', 'وصل الوفد أمس.'],
    ]);
  });
});

describe('scoreSentence', () => {
  const reasonsOf = (text: string) => scoreSentence({ text, kind: 'sentence', question: false }).reasons;

  it('matches Arabic cue words after folding and without their proclitics', () => {
    const isAttribution = keywordLookup(['أكد']);
    const lookup = (word: string) => searchTerms(word).every(isAttribution);
    expect(['أكد', 'اكد', 'وأكد', 'فأكد', 'أَكَّدَ', 'وبأكد'].map(lookup)).toEqual([true, true, true, true, true, true]);
    expect(['مؤكد', 'تأكيد', 'كد'].map(lookup)).toEqual([false, false, false]);
    expect(reasonsOf('وأكد الوزير أن الوضع مستقر في المنطقة كلها.')).toContain('attribution');
    expect(reasonsOf('واكد الوزير ان الوضع مستقر في المنطقه كلها.')).toContain('attribution');
    expect(reasonsOf('وفقًا لتقارير مختلفة، باعت الشركة أسلحة للجيش.')).toEqual(expect.arrayContaining(['attribution', 'source']));
    expect(reasonsOf('هذه هي الصفقة الأكبر في تاريخ البلدين حتى الآن.')).toContain('comparison');
    expect(reasonsOf('زار الوفد البلاد لأول مرة في تاريخ العلاقات بينهما.')).toContain('comparison');
  });

  it('does not read the month كانون الأول as "the first"', () => {
    expect(reasonsOf('زار الرئيس البلاد في كانون الأول/ ديسمبر من العام 2016 مع وفد.')).not.toContain('comparison');
  });

  it('reads English signals', () => {
    expect(reasonsOf('According to the World Bank, growth was more than 2.5 percent in 2019.')).toEqual(['quantity', 'year', 'attribution', 'comparison', 'source']);
  });

  it('lowers questions, opinions, headlines and short sentences', () => {
    const plain = scoreSentence({ text: 'قال الوزير إن الصفقة بلغت 5 مليار دولار هذا العام.', kind: 'sentence', question: false });
    const asked = scoreSentence({ text: 'هل بلغت الصفقة 5 مليار دولار هذا العام حقا؟', kind: 'sentence', question: true });
    const headline = scoreSentence({ text: 'قال الوزير إن الصفقة بلغت 5 مليار دولار هذا العام', kind: 'headline', question: false });
    const opinion = scoreSentence({ text: 'قال الوزير إنه يجب أن تبلغ الصفقة 5 مليار دولار.', kind: 'sentence', question: false });
    expect(asked.reasons).toContain('question');
    expect(headline.reasons).toContain('headline');
    expect(opinion.reasons).toContain('opinion');
    for (const lower of [asked, headline, opinion]) expect(lower.score).toBeLessThan(plain.score);
    expect(scoreSentence({ text: 'بلغت 5 مليار دولار.', kind: 'sentence', question: false }).reasons).toContain('short');
  });
});

describe('findRepeats', () => {
  it('flags a sentence most of whose words another, longer sentence holds', () => {
    expect(findRepeats([['a', 'b', 'c', 'd', 'e'], ['x', 'a', 'b', 'c', 'd', 'y'], ['a', 'b', 'q', 'r', 's']])).toEqual([true, false, false]);
    expect(findRepeats([['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']])).toEqual([false, true]); // the later twin
  });
});

/**
 * The seed article's sentences, labelled by hand: check-worthy means a specific statement of
 * fact that a desk could verify against records or sources and that matters to readers
 * (ClaimBuster's "check-worthy factual sentence"). Not check-worthy: headlines and standfirst
 * points that the body restates, opinions and analysis, intentions, vague assessments, common
 * knowledge, and trivial detail (ClaimBuster's "unimportant factual"). Matched by how they start.
 */
const LABELS: { startsWith: string; checkWorthy: boolean; why: string }[] = [
  { startsWith: 'رئيس الأركان الأذري في البلاد لأول مرة', checkWorthy: false, why: 'headline (twice); the body states it with context' },
  { startsWith: 'زيارة صادِقوف تعد رسالة', checkWorthy: false, why: 'standfirst point, and an opinion (a message to Iran)' },
  { startsWith: 'أذربيجان حافظت على علاقات وثيقة', checkWorthy: false, why: 'standfirst point that a body sentence restates' },
  { startsWith: 'إسرائيل باعت لأذربيجان', checkWorthy: false, why: 'standfirst point; the body sentence carries the attribution' },
  { startsWith: 'في زيارة رسمية تعد الأولى من نوعها', checkWorthy: true, why: 'the first official visit of its kind: a record' },
  { startsWith: 'وأشار الموقع الإلكتروني', checkWorthy: false, why: 'the aim of a visit: an intention, not a fact' },
  { startsWith: 'وقالت الصحيفة إن زيارة', checkWorthy: false, why: 'analysis (a message to Iran) and vague "close relations"' },
  { startsWith: 'يشار الى أن إسرائيل باعت', checkWorthy: true, why: 'arms sales worth hundreds of millions of dollars in a decade' },
  { startsWith: 'وفي الرابع عشر من أيار', checkWorthy: true, why: 'a dated visit, timed with the US embassy opening' },
  { startsWith: 'وبحسب صحيفة "هآرتس"', checkWorthy: true, why: 'who the delegation was; the first governmental economic meeting' },
  { startsWith: 'ومكث الوفد الأذري', checkWorthy: false, why: 'how many days a delegation stayed: true or not, unimportant' },
  { startsWith: 'وكان هدف اللقاء', checkWorthy: true, why: 'Netanyahu visited Azerbaijan in December 2016' },
  { startsWith: 'وفي نيسان/ أبريل الماضي، كشف', checkWorthy: true, why: 'a video showed Israeli-developed weapons in use' },
  { startsWith: 'وظهر بشريط مصوّر', checkWorthy: true, why: 'names the makers (IAI, Rafael) of the weapons shown' },
  { startsWith: 'وكانت وسائل إعلامية عالمية', checkWorthy: true, why: 'Israel sells radar systems and drones to Azerbaijan' },
  { startsWith: 'كما تجدر الإشارة', checkWorthy: true, why: 'Azerbaijan used an Israeli Harop drone in Nagorno-Karabakh' },
  { startsWith: 'وكان الرئيس الأذري', checkWorthy: true, why: 'a $5 billion deal, stated by the president' },
  { startsWith: 'وكانت تقارير سابقة', checkWorthy: true, why: 'an Iron Dome purchase' },
  { startsWith: 'كما أشارت تقارير أخرى', checkWorthy: true, why: 'purchases of radars and drones' },
  { startsWith: 'كما لفتت "هآرتس"', checkWorthy: true, why: 'the Mossad moved the nuclear archive through Azerbaijan' },
  { startsWith: 'يشار إلى أن إسرائيل تولي', checkWorthy: false, why: 'a vague assessment ("strategic importance")' },
  { startsWith: 'وتعتبر المزود الرئيس', checkWorthy: true, why: 'the main energy supplier and a central arms buyer' },
  { startsWith: 'ولفتت "هآرتس" إلى أن أذربيجان تتمتع', checkWorthy: true, why: 'a main source of oil for Israel, through Turkey' },
  { startsWith: 'وفي المقابل، تزود إسرائيل', checkWorthy: false, why: 'vague ("many weapons"), restating the arms sales' },
  { startsWith: 'وتأسست العلاقات الدبلوماسية', checkWorthy: true, why: 'diplomatic relations since 1992' },
  { startsWith: 'حيت تملك إسرائيل سفارة', checkWorthy: true, why: 'an embassy in Baku, no Azerbaijani ambassador yet' },
  { startsWith: 'وتحد أذربيجان من الجنوب', checkWorthy: false, why: 'geography anyone can see on a map' },
  { startsWith: 'فيما تعتمد إسرائيل على أذربيجان', checkWorthy: true, why: 'two-thirds of the oil Israel consumes' },
];

function labelOf(candidate: Candidate) {
  const found = LABELS.filter((l) => candidate.text.startsWith(l.startsWith));
  if (found.length !== 1) throw new Error(`expected one label for «${candidate.text}», found ${found.length}`);
  return found[0] as (typeof LABELS)[number];
}

const precisionAt = (ranked: Candidate[], k: number) => ranked.slice(0, k).filter((c) => labelOf(c).checkWorthy).length / k;

describe('rankCandidates on the seed article', () => {
  const ranked = rankCandidates(seed, 'ar');

  it('labels every candidate, and offers no dateline or caption', () => {
    for (const candidate of ranked) labelOf(candidate);
    expect(ranked.some((c) => c.text.startsWith('24/10/2018') || c.text.includes('(تصوير'))).toBe(false);
  });

  it('ranks the demo claims with quantities and a year near the top', () => {
    const rankOf = (snippet: string) => ranked.findIndex((c) => c.text.includes(snippet) && !c.reasons.includes('headline')) + 1;
    const ranks = ['5 مليار دولار', 'بثلثي النفط', 'بمئات ملايين الدولارات', 'في عام 1992'].map(rankOf);
    for (const rank of ranks) expect(rank).toBeGreaterThanOrEqual(1);
    for (const rank of ranks) expect(rank).toBeLessThanOrEqual(6);
  });

  it('reaches P@5 = 1.0 and P@10 = 0.9 against the labelled set (in reading order: 0.0 and 0.3)', () => {
    const p5 = precisionAt(ranked, 5);
    const p10 = precisionAt(ranked, 10);
    const base = LABELS.filter((l) => l.checkWorthy).length / LABELS.length;
    const inReadingOrder = [...ranked].sort((a, b) => a.quote.start - b.quote.start);
    console.info(
      `candidates on the seed article: P@5 = ${p5.toFixed(2)}, P@10 = ${p10.toFixed(2)} ` +
        `(reading order: P@5 = ${precisionAt(inReadingOrder, 5).toFixed(2)}, P@10 = ${precisionAt(inReadingOrder, 10).toFixed(2)}; ` +
        `share of check-worthy labels ${base.toFixed(2)})`,
    );
    expect(p5).toBeGreaterThanOrEqual(1.0);
    expect(p10).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every candidate a quote that the anchorer verifies as is, with at most 32 code points of context', () => {
    const anchor = createAnchorer(seed);
    for (const { text, quote } of ranked) {
      expect(quote.exact).toBe(text);
      expect(anchor(quote)).toEqual({ ok: true, quote });
      for (const context of [quote.prefix, quote.suffix]) {
        if (context === undefined) continue;
        expect(context.length).toBeGreaterThan(0);
        expect(Array.from(context).length).toBeLessThanOrEqual(QUOTE_CONTEXT);
      }
    }
  });

  it('scores in [0, 1] with known reasons, best first', () => {
    for (const c of ranked) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      for (const reason of c.reasons) expect(CANDIDATE_REASONS).toContain(reason);
    }
    expect(ranked.map((c) => c.score)).toEqual([...ranked.map((c) => c.score)].sort((a, b) => b - a));
  });

  it('names the claim anchored inside a sentence, preferring the largest overlap', () => {
    const top = ranked[0] as Candidate;
    const inside = { id: 'inside', start: top.quote.start + 5, end: top.quote.end - 5 };
    const touching = { id: 'touching', start: top.quote.end - 2, end: top.quote.end + 40 };
    const [first] = rankCandidates(seed, 'ar', { limit: 1, claims: [touching, inside] });
    expect(first?.claimId).toBe('inside');
    const elsewhere = { id: 'elsewhere', start: top.quote.end + 1, end: top.quote.end + 10 };
    expect(rankCandidates(seed, 'ar', { limit: 1, claims: [elsewhere] })[0]?.claimId).toBeNull();
  });

  it('quotes verify in a body with astral characters and no context on the edges', () => {
    const body = '𝕏 قال الرئيس إن الصفقة بلغت 5 مليار دولار.';
    const [only] = rankCandidates(body, 'ar');
    expect(only?.quote).toEqual({ exact: body, start: 0, end: Array.from(body).length });
    expect(createAnchorer(body)(only?.quote as Candidate['quote']).ok).toBe(true);
  });
});
