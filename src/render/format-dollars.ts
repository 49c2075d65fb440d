/** `$1,950.00`: dollars with cents and thousands separators, whatever the host's locale. */
export function formatDollars(amount: number): string {
  if (!Number.isFinite(amount)) return amount > 0 ? '$∞' : '—';
  const [whole = '0', cents = '00'] = Math.abs(amount).toFixed(2).split('.');
  return `${amount < 0 ? '-' : ''}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** `97.5 %`; `∞ %` for spend on a zero budget. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞ %';
  return `${(Math.round(ratio * 1000) / 10).toString()} %`;
}
