import React from 'react';
import table from '../../../labs/prices.json';
import { catalog } from '../data/workshop';
import { formatUsd, useLang } from '../lib/i18n';

interface PriceFile {
  date: string;
  prices: Record<string, { usd: Record<string, number>; check: Record<string, { unverified?: { en: string; ko: string } }> }>;
}

/** Props of Price: a key of labs/prices.json and, optionally, how many units of it. */
export interface PriceProps {
  id: string;
  quantity?: number;
}

/** One price from the dated price table (labs/prices.json) in the catalog's Region, times a quantity; never a pasted number. */
export default function Price({ id, quantity = 1 }: PriceProps): React.JSX.Element {
  const lang = useLang();
  const prices = table as PriceFile;
  const region = catalog.pricing.region;
  const usd = prices.prices[id]?.usd[region];
  if (usd === undefined) throw new Error(`<Price id="${id}">: labs/prices.json has no such price for ${region}; use one of its keys.`);
  const total = usd * quantity;
  const unverified = prices.prices[id].check[region]?.unverified;
  const checked =
    lang === 'ko' ? `labs/prices.json, ${prices.date} 확인, ${region}` : `labs/prices.json, checked ${prices.date}, ${region}`;
  const title = unverified ? `${checked}. ${lang === 'ko' ? '확인되지 않은 가격' : 'Unconfirmed price'}: ${unverified[lang]}` : checked;
  return (
    <span title={title}>
      {quantity === 1 ? formatUsd(total, lang) : formatUsd(Math.round(total), lang, 2)}
      {unverified && <sup>*</sup>}
    </span>
  );
}
