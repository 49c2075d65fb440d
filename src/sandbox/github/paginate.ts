/** One page of a list and the `link` header pointing at its neighbours. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly link: string | undefined;
}

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

function positive(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return value !== null && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * Pages as GitHub does: `per_page` (default 30, at most 100) and `page` (from 1), with a `link`
 * header listing `prev`, `next`, `last` and `first` as they apply
 * (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api).
 */
export function paginate<T>(items: readonly T[], url: URL): Page<T> {
  const perPage = Math.min(positive(url.searchParams.get('per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const page = positive(url.searchParams.get('page'), 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const at = (target: number): string => {
    const next = new URL(url);
    next.searchParams.set('per_page', String(perPage));
    next.searchParams.set('page', String(target));
    return `<${next.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return { items: slice, link: links.length === 0 ? undefined : links.join(', ') };
}

/** The headers of a paged answer. */
export function pageHeaders(page: Page<unknown>): Record<string, string> {
  return page.link === undefined ? {} : { link: page.link };
}
