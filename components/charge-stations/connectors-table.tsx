import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ScrollBox } from '@/components/layout/scroll-box';
import { formatNumber } from '@/lib/format';
import type { ConnectorBlueprint } from '@/lib/schemas/evse-blueprint';

/** An EVSE's connectors (a station's, or a template's blueprint); `extra` adds columns such as tariff codes. */
export function ConnectorsTable<C extends ConnectorBlueprint>({
  label,
  connectors,
  extra,
}: {
  label: string;
  connectors: C[];
  extra?: { header: string; cell: (connector: C) => ReactNode }[];
}) {
  const t = useTranslations('Connectors');
  const locale = useLocale();
  const power = (c: C) => {
    const values = { type: c.power_type, voltage: formatNumber(c.max_voltage, locale), amperage: formatNumber(c.max_amperage, locale) };
    return c.max_electric_power
      ? t('powerLineWithKw', { ...values, kw: formatNumber(c.max_electric_power / 1000, locale) })
      : t('powerLine', values);
  };
  return (
    <ScrollBox label={label}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            {[t('connector'), t('standard'), t('power')].map((header) => (
              <th key={header} scope="col" className="pr-4">
                {header}
              </th>
            ))}
            {extra?.map((column) => (
              <th key={column.header} scope="col" className="pr-4">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {connectors.map((c) => (
            <tr key={c.id}>
              <td className="pr-4">{c.id}</td>
              <td className="pr-4">{t('standardFormat', { standard: c.standard, format: c.format.toLowerCase() })}</td>
              <td className="pr-4 whitespace-nowrap">{power(c)}</td>
              {extra?.map((column) => (
                <td key={column.header} className="pr-4">
                  {column.cell(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
