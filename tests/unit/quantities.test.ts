import { readFileSync } from 'fs';
import { join } from 'path';
import { extractQuantities, type Quantity } from '../../src/text/quantities';

const money = (text: string, value: number, unit: string, range?: [number, number]): Quantity => ({
  text, value, unit, kind: 'money', ...(range ? { low: range[0], high: range[1] } : {}),
});
const count = (text: string, value: number, range?: [number, number]): Quantity => ({
  text, value, unit: '', kind: 'count', ...(range ? { low: range[0], high: range[1] } : {}),
});
const quantity = (text: string, value: number): Quantity => ({ text, value, unit: '', kind: 'quantity' });
const share = (text: string, value: number): Quantity => ({ text, value, unit: 'ratio', kind: 'share' });
const percent = (text: string, value: number): Quantity => ({ text, value, unit: 'percent', kind: 'percent' });
const year = (text: string, value: number): Quantity => ({ text, value, unit: 'year', kind: 'date' });
const date = (text: string, iso: string): Quantity => ({ text, value: Number(iso.slice(0, 4)), unit: 'date', kind: 'date', date: iso });
/** A day and month without a year: value 0, no `date`. */
const dayMonth = (text: string): Quantity => ({ text, value: 0, unit: 'date', kind: 'date' });

type Case = [behaviour: string, input: string, expected: Quantity[]];

const demoArticle: Case[] = [
  ['reads the dateline of the demo article as a full date, day first', '24/10/2018 - 20:17', [date('24/10/2018', '2018-10-24')]],
  [
    'reads "بمئات ملايين الدولارات" as a USD range without the clitic ب',
    'وسائل قتالية بمئات ملايين الدولارات',
    [money('مئات ملايين الدولارات', 1e8, 'USD', [1e8, 999_999_999])],
  ],
  ['reads an Arabic ordinal day with a doubled month name and no year', 'وفي الرابع عشر من أيار/ مايو الماضي، زار وفد أذري', [dayMonth('الرابع عشر من أيار/ مايو')]],
  ['reads "ثلاثة أيام" as the count 3, without the counted noun', 'مدة ثلاثة أيام في إسرائيل، من الأحد حتى الثلاثاء', [count('ثلاثة', 3)]],
  ['reads "من العام 2016" after a month as a year, keeping the year word', 'في كانون الأول/ ديسمبر من العام 2016', [year('العام 2016', 2016)]],
  ['reads "بقيمة 5 مليار دولار" as 5 billion USD', 'عقدت صفقة مع إسرائيل بقيمة 5 مليار دولار.', [money('5 مليار دولار', 5e9, 'USD')]],
  ['reads "في عام 1992" as a year', 'وتأسست العلاقات الدبلوماسية بين إسرائيل وأذربيجان في عام 1992، بعد وقت قصير', [year('عام 1992', 1992)]],
  ['reads "بثلثي النفط" as the share two-thirds', 'بتزويدها بثلثي النفط المستهلك في إسرائيل', [share('ثلثي', 0.6667)]],
];

const english: Case[] = [
  ['reads a dollar sign and a scale word', 'a deal worth $5 billion', [money('$5 billion', 5e9, 'USD')]],
  ['reads a glued "bn" after a currency symbol', 'Azerbaijan signed arms deals worth $5bn', [money('$5bn', 5e9, 'USD')]],
  ['reads "US$" as USD', 'a US$1.6bn contract', [money('US$1.6bn', 1.6e9, 'USD')]],
  ['reads a hyphenated fraction as a share', 'two-thirds of the oil consumed in Israel', [share('two-thirds', 0.6667)]],
  [
    'reads "hundreds of millions of dollars" as a USD range',
    'hundreds of millions of dollars of weapons over the last decade',
    [money('hundreds of millions of dollars', 1e8, 'USD', [1e8, 999_999_999])],
  ],
  ['reads a year after "since"', 'diplomatic relations since 1992', [year('1992', 1992)]],
  ['reads a decimal percentage', 'unemployment rose to 7.5%', [percent('7.5%', 7.5)]],
  ['reads a glued "m" after the euro sign as millions', 'a fine of €3.2m', [money('€3.2m', 3_200_000, 'EUR')]],
  ['reads a comma-grouped number as a count', '1,200 troops were deployed', [count('1,200', 1200)]],
  ['reads "a quarter" as a share', 'a quarter of voters stayed home', [share('a quarter', 0.25)]],
  ['reads a currency word after a scale', 'a loan of 3 million euros', [money('3 million euros', 3e6, 'EUR')]],
  ['reads "per cent" written as two words', 'inflation fell to 40 per cent', [percent('40 per cent', 40)]],
  ['reads "percent" as one word', 'support dropped by 12 percent', [percent('12 percent', 12)]],
  ['reads NIS before the amount as ILS', 'a budget of NIS 3 million', [money('NIS 3 million', 3e6, 'ILS')]],
  ['reads manat as AZN', 'a 20 million manat investment', [money('20 million manat', 2e7, 'AZN')]],
  ['reads the pound sign as GBP', 'a £2.4bn deficit', [money('£2.4bn', 2.4e9, 'GBP')]],
  ['reads "tens of thousands" as a range count', 'tens of thousands of protesters marched', [count('tens of thousands', 1e4, [1e4, 99_999])]],
  ['reads English number words as counts', 'three days of talks between the two countries', [count('three', 3), count('two', 2)]],
  ['reads "half a million" as an amount, not a share', 'half a million refugees', [count('half a million', 500_000)]],
  ['reads "a dozen" as 12', 'a dozen soldiers were wounded', [count('a dozen', 12)]],
  ['reads a full date, day first', 'The visit took place on 24 October 2018.', [date('24 October 2018', '2018-10-24')]],
  ['reads a full date, month first', 'on October 24, 2018, the chief of staff arrived', [date('October 24, 2018', '2018-10-24')]],
  ['reads an ISO date', 'published 2018-10-24', [date('2018-10-24', '2018-10-24')]],
  ['reads a day and month without a year as a date with value 0', 'the delegation arrived on 14 May', [dayMonth('14 May')]],
  ['reads a month and a year without a day as the year', 'Netanyahu visited Baku in December 2016', [year('2016', 2016)]],
  ['reads a fractional plain number as a quantity', 'the drone carries 2.5 tonnes', [quantity('2.5', 2.5)]],
  ['reads several quantities in order', 'In 2016, 40% of the 1,200 respondents', [year('2016', 2016), percent('40%', 40), count('1,200', 1200)]],
];

const arabic: Case[] = [
  ['reads Arabic-Indic digits with the Arabic percent sign', '٤٠٪ من الناخبين', [percent('٤٠٪', 40)]],
  ['reads Arabic-Indic digits with the Arabic thousands separator', 'نشر ٥٬٠٠٠ جندي', [count('٥٬٠٠٠', 5000)]],
  ['reads the Arabic decimal separator before a scale word', 'يبلغ عدد السكان ٥٫٥ مليون نسمة', [count('٥٫٥ مليون', 5_500_000)]],
  ['reads Persian digits', 'بلغ العدد ۱۲۰۰ شخص', [count('۱۲۰۰', 1200)]],
  ['reads "في المئة" as percent', 'ارتفعت البطالة إلى 40 في المئة', [percent('40 في المئة', 40)]],
  ['reads "بالمائة" as percent', 'انخفضت بنسبة ٤٠ بالمائة', [percent('٤٠ بالمائة', 40)]],
  ['reads a bare Arabic scale word as one of it', 'صفقة بقيمة مليار دولار', [money('مليار دولار', 1e9, 'USD')]],
  ['reads a dual scale word as two of it', 'قرض بقيمة ملياري دولار', [money('ملياري دولار', 2e9, 'USD')]],
  ['reads a plural scale after a number word, with a shekel currency', 'غرامة بثلاثة ملايين شيكل', [money('ثلاثة ملايين شيكل', 3e6, 'ILS')]],
  ['reads "شواقل" as ILS', 'تبرع بـ 50 ألف شواقل', [money('50 ألف شواقل', 50_000, 'ILS')]],
  ['reads يورو as EUR', 'استثمار 2.5 مليار يورو', [money('2.5 مليار يورو', 2.5e9, 'EUR')]],
  ['keeps "دولار أمريكي" in the text', 'منحة قدرها 5 ملايين دولار أمريكي', [money('5 ملايين دولار أمريكي', 5e6, 'USD')]],
  ['reads "عشرات الآلاف" as a range count', 'تظاهر عشرات الآلاف من المواطنين', [count('عشرات الآلاف', 1e4, [1e4, 99_999])]],
  ['reads "مئات الآلاف" as a range count', 'نزوح مئات الآلاف', [count('مئات الآلاف', 1e5, [1e5, 999_999])]],
  ['reads an accusative scale after a number as a multiplier', 'شارك 20 ألفا في المسيرة', [count('20 ألفا', 20_000)]],
  ['reads Arabic teens written as two words', 'استمرت خمسة عشر عاما', [count('خمسة عشر', 15)]],
  ['reads Arabic compound numbers with و', 'قتل خمسة وعشرون شخصا', [count('خمسة وعشرون', 25)]],
  ['reads "ونصف" after a scale as one half more', 'يعيش هناك مليون ونصف لاجئ', [count('مليون ونصف', 1_500_000)]],
  ['reads "نصف مليون" as an amount', 'استقبلت نصف مليون لاجئ', [count('نصف مليون', 500_000)]],
  ['reads "ثلاثة أرباع" as a share', 'صوت ثلاثة أرباع الأعضاء', [share('ثلاثة أرباع', 0.75)]],
  ['reads "ربع" with a clitic as a share', 'فاز بربع المقاعد', [share('ربع', 0.25)]],
  ['reads a year after "منذ"', 'العلاقات قائمة منذ 1992', [year('1992', 1992)]],
  ['reads a full Arabic date with a transliterated month', 'وصل في 24 أكتوبر 2018', [date('24 أكتوبر 2018', '2018-10-24')]],
  [
    'reads a full Arabic date with a two-word Levantine month and its doublet',
    'يوم ٢٤ تشرين الأول/ أكتوبر ٢٠١٨',
    [date('٢٤ تشرين الأول/ أكتوبر ٢٠١٨', '2018-10-24')],
  ],
];

const nothing: Case[] = [
  ['finds nothing in a sentence without numbers', 'The minister denied the report.', []],
  ['finds nothing in an Arabic sentence without numbers', 'زار وفد حكومي أذري البلاد بعيدا عن الأضواء', []],
  ['does not read ordinals as quantities', 'في زيارة رسمية تعد الأولى من نوعها، لأول مرة', []],
  ['does not read weekday names as numbers', 'من الأحد حتى الثلاثاء، ويوم الاثنين والخميس', []],
  ['does not read a decade or a century as a count', 'منذ مطلع سنوات تسعينيات القرن الماضي، في القرن التاسع عشر', []],
  ['skips clock times, URLs and ids', 'at 20:17 see https://example.com/2018/10/24/story-123 about the F-35, A320 and COVID-19', []],
  ['does not read "one" or "a" alone', 'one of the largest deals in a decade', []],
  ['does not read a definite fraction naming a period', 'في الربع الأول والنصف الثاني', []],
  ['does not read لست ("I am not") as six', 'لست متأكدا', []],
];

describe('extractQuantities', () => {
  it.each([...demoArticle, ...english, ...arabic, ...nothing])('%s: %s', (_behaviour, input, expected) => {
    expect(extractQuantities(input)).toEqual(expected);
  });

  it('reads every quantity of the demo article once, in order of appearance', () => {
    const body = readFileSync(join(__dirname, '../../src/modules/demo/article.ar.txt'), 'utf8');
    expect(extractQuantities(body)).toEqual([
      date('24/10/2018', '2018-10-24'),
      money('مئات ملايين الدولارات', 1e8, 'USD', [1e8, 999_999_999]),
      dayMonth('الرابع عشر من أيار/ مايو'),
      count('ثلاثة', 3),
      year('العام 2016', 2016),
      money('5 مليار دولار', 5e9, 'USD'),
      year('عام 1992', 1992),
      share('ثلثي', 0.6667),
    ]);
  });

  it('returns each text as an exact substring of the input', () => {
    const input = 'باعت إسرائيل بِمئات ملايين الدولارات، و٤٠٪ من النفط، و$5bn في 24 October 2018';
    for (const q of extractQuantities(input)) expect(input).toContain(q.text);
  });

  it('drops a repeated quantity but keeps the same number read differently', () => {
    expect(extractQuantities('في العام 2016 ثم في العام 2016 و2016 شخصا')).toEqual([year('العام 2016', 2016), count('2016', 2016)]);
  });

  it('returns an empty list for empty text', () => {
    expect(extractQuantities('')).toEqual([]);
  });
});
