import type { ReactNode } from 'react';
import { ScrollBox } from '@/components/layout/scroll-box';
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
  return (
    <ScrollBox label={label}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            {['Connector', 'Standard', 'Power'].map((header) => (
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
              <td className="pr-4">
                {c.standard} ({c.format.toLowerCase()})
              </td>
              <td className="pr-4 whitespace-nowrap">
                {c.power_type}, {c.max_voltage} V / {c.max_amperage} A{c.max_electric_power ? ` / ${c.max_electric_power / 1000} kW` : ''}
              </td>
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
