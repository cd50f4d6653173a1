import { foldForSearch, searchTerms } from './fold';

/**
 * Words that make a claimant an organisation rather than a person (ClaimReview's
 * `itemReviewed.author` is one or the other), in Arabic and English, folded as search folds them.
 * Claimants are free text ("وزير المالية", "a viral Facebook post", "unnamed reports"): a person's
 * title stays a Person ("the finance minister"); a body, an outlet or a post is an Organization.
 */
const ORGANISATION_WORDS = [
  // English
  'ministry', 'government', 'department', 'council', 'party', 'bank', 'agency', 'company', 'corporation', 'office',
  'authority', 'committee', 'union', 'association', 'army', 'police', 'newspaper', 'channel', 'tv', 'radio', 'news',
  'post', 'tweet', 'page', 'account', 'website', 'reports', 'media', 'campaign', 'advert', 'organisation', 'organization',
  'institute', 'university', 'parliament', 'commission',
  // Arabic
  'وزاره', 'حكومه', 'الحكومه', 'الوزاره', 'مجلس', 'حزب', 'بنك', 'البنك', 'هيئه', 'الهيئه', 'شركه', 'الشركه', 'وكاله', 'الوكاله',
  'نقابه', 'جمعيه', 'صحيفه', 'قناه', 'اذاعه', 'منشور', 'تغريده', 'صفحه', 'حساب', 'موقع', 'تقارير', 'وسائل', 'البرلمان', 'برلمان',
  'الجيش', 'جيش', 'الشرطه', 'البلديه', 'بلديه', 'جامعه', 'معهد', 'لجنه', 'حمله',
].map(foldForSearch);
const ORGANISATION = new Set(ORGANISATION_WORDS);

/**
 * `Organization` when the claimant names a body, an outlet or a post, else `Person`.
 * @example claimantKind('منشور على فيسبوك') === 'Organization'; claimantKind('إلهام علييف') === 'Person'
 */
export function claimantKind(claimant: string): 'Person' | 'Organization' {
  return searchTerms(claimant).some((word) => ORGANISATION.has(word)) ? 'Organization' : 'Person';
}
