import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { Lang, LocalizedText } from '@workshop/catalog';

/** The page's language: "ko" on the Korean site, "en" everywhere else. */
export function useLang(): Lang {
  return useDocusaurusContext().i18n.currentLocale === 'ko' ? 'ko' : 'en';
}

/** Picks the text of the page's language. */
export function useText(): (text: LocalizedText) => string {
  const lang = useLang();
  return (text) => text[lang];
}

/** Formats US dollars the way each language writes them. */
export function formatUsd(value: number, lang: Lang, digits = 3): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Formats minutes as "1 h 40 min" / "1시간 40분". */
export function formatMinutes(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'ko') return [h ? `${h}시간` : '', m ? `${m}분` : ''].filter(Boolean).join(' ');
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}
