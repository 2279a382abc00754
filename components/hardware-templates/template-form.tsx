'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { FieldErrorAt, SelectField, TextField } from '@/components/forms/fields';
import { valueOptions } from '@/components/forms/options';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFieldValues } from '@/components/forms/use-field-values';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import { CHARGER_TYPES, CONNECTOR_FORMATS, CONNECTOR_STANDARDS, POWER_TYPES } from '@/lib/domain/vocabulary';
import type { HardwareTemplate } from '@/lib/schemas/hardware-template';

const STANDARDS = valueOptions(CONNECTOR_STANDARDS);
const FORMATS = valueOptions(CONNECTOR_FORMATS);
const POWER = valueOptions(POWER_TYPES);
const CHARGERS = valueOptions(CHARGER_TYPES);

type ConnectorKey = 'id' | 'standard' | 'format' | 'power_type' | 'max_voltage' | 'max_amperage' | 'max_electric_power';
type ConnectorRow = { key: number } & Record<ConnectorKey, string>;
type EvseRow = { key: number; physical_reference: string; floor_level: string; capabilities: string; connectors: ConnectorRow[] };

let nextKey = 0;
const newConnector = (index: number): ConnectorRow => ({
  key: nextKey++,
  id: String(index + 1),
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: '400',
  max_amperage: '32',
  max_electric_power: '22000',
});
const newEvse = (): EvseRow => ({
  key: nextKey++,
  physical_reference: '',
  floor_level: '',
  capabilities: '',
  connectors: [newConnector(0)],
});

function rowsOf(template?: HardwareTemplate): EvseRow[] {
  if (!template) return [newEvse()];
  return template.evses.map((evse) => ({
    key: nextKey++,
    physical_reference: evse.physical_reference ?? '',
    floor_level: evse.floor_level ?? '',
    capabilities: evse.capabilities.join(','),
    connectors: evse.connectors.map((c) => ({
      key: nextKey++,
      id: c.id,
      standard: c.standard,
      format: c.format,
      power_type: c.power_type,
      max_voltage: String(c.max_voltage),
      max_amperage: String(c.max_amperage),
      max_electric_power: c.max_electric_power === null ? '' : String(c.max_electric_power),
    })),
  }));
}

/**
 * Create or edit a hardware template with its EVSE blueprint. Fields are named like the API's
 * JSON pointers (`evses.0.connectors.1.max_electric_power`), so each error lands on its field.
 */
export function TemplateForm({ action, template }: { action: FormAction; template?: HardwareTemplate }) {
  const t = useTranslations('HardwareTemplates');
  const tCommon = useTranslations('Common');
  const tForms = useTranslations('Forms');
  const bind = useFieldValues({
    name: template?.name ?? '',
    vendor: template?.vendor ?? '',
    model: template?.model ?? '',
    charger_type: template?.charger_type ?? 'AC',
    max_power_kw: template?.max_power_kw?.toString() ?? '',
  });
  const [evses, setEvses] = useState<EvseRow[]>(() => rowsOf(template));
  const editEvse = (i: number, change: (evse: EvseRow) => EvseRow) => setEvses((list) => list.map((e, k) => (k === i ? change(e) : e)));
  const editConnector = (i: number, j: number, key: ConnectorKey, value: string) =>
    editEvse(i, (e) => ({ ...e, connectors: e.connectors.map((c, k) => (k === j ? { ...c, [key]: value } : c)) }));

  return (
    <ActionForm action={action} label={template ? t('edit') : t('new')} className="space-y-4">
      <VersionFields target={template} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextField label={t('name')} required autoComplete="off" {...bind('name')} />
        <TextField label={t('vendor')} autoComplete="off" {...bind('vendor')} />
        <TextField label={t('model')} autoComplete="off" {...bind('model')} />
        <SelectField label={t('chargerType')} options={CHARGERS} {...bind('charger_type')} />
        <TextField label={t('maxPowerKw')} inputMode="decimal" {...bind('max_power_kw')} />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t('evsesCount', { count: evses.length })}</legend>
        {evses.map((evse, i) => (
          <fieldset key={evse.key} className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{t('evse', { number: i + 1 })}</legend>
            <input type="hidden" name={`evses.${i}.capabilities`} value={evse.capabilities} />
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <TextField
                name={`evses.${i}.physical_reference`}
                path={`/evses/${i}/physical_reference`}
                label={<Labelled prefix={t('evsePrefix', { number: i + 1 })}>{t('physicalReference')}</Labelled>}
                value={evse.physical_reference}
                onChange={(e) => editEvse(i, (row) => ({ ...row, physical_reference: e.target.value }))}
              />
              <TextField
                name={`evses.${i}.floor_level`}
                path={`/evses/${i}/floor_level`}
                label={<Labelled prefix={t('evsePrefix', { number: i + 1 })}>{t('floorLevel')}</Labelled>}
                value={evse.floor_level}
                onChange={(e) => editEvse(i, (row) => ({ ...row, floor_level: e.target.value }))}
              />
            </div>
            {evse.connectors.map((connector, j) => {
              const name = (key: string) => `evses.${i}.connectors.${j}.${key}`;
              const path = (key: string) => `/evses/${i}/connectors/${j}/${key}`;
              const prefix = t('connectorPrefix', { evse: i + 1, connector: j + 1 });
              const field = (key: ConnectorKey) => ({
                name: name(key),
                path: path(key),
                value: connector[key],
                onChange: (e: { target: { value: string } }) => editConnector(i, j, key, e.target.value),
              });
              return (
                <div key={connector.key} className="space-y-2 rounded bg-slate-50 p-2">
                  <p className="text-sm font-medium">{t('connector', { number: j + 1 })}</p>
                  <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
                    <TextField label={<Labelled prefix={prefix}>{t('id')}</Labelled>} {...field('id')} />
                    <SelectField label={<Labelled prefix={prefix}>{t('standard')}</Labelled>} options={STANDARDS} {...field('standard')} />
                    <SelectField label={<Labelled prefix={prefix}>{t('format')}</Labelled>} options={FORMATS} {...field('format')} />
                    <SelectField label={<Labelled prefix={prefix}>{t('powerType')}</Labelled>} options={POWER} {...field('power_type')} />
                    <TextField
                      label={<Labelled prefix={prefix}>{t('maxVoltage')}</Labelled>}
                      inputMode="numeric"
                      {...field('max_voltage')}
                    />
                    <TextField
                      label={<Labelled prefix={prefix}>{t('maxCurrent')}</Labelled>}
                      inputMode="numeric"
                      {...field('max_amperage')}
                    />
                    <TextField
                      label={<Labelled prefix={prefix}>{t('maxPowerW')}</Labelled>}
                      inputMode="numeric"
                      {...field('max_electric_power')}
                    />
                  </div>
                  {evse.connectors.length > 1 && (
                    <button
                      type="button"
                      className="text-sm text-red-800 underline"
                      onClick={() => editEvse(i, (row) => ({ ...row, connectors: row.connectors.filter((_, k) => k !== j) }))}
                    >
                      {t('removeConnector', { connector: j + 1, evse: i + 1 })}
                    </button>
                  )}
                </div>
              );
            })}
            <FieldErrorAt path={`/evses/${i}/connectors`} />
            <div className="flex flex-wrap gap-3">
              <button
                type="button"
                className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
                onClick={() => editEvse(i, (row) => ({ ...row, connectors: [...row.connectors, newConnector(row.connectors.length)] }))}
              >
                {t('addConnector', { number: i + 1 })}
              </button>
              <button
                type="button"
                className="rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-800"
                onClick={() => setEvses((list) => list.filter((_, k) => k !== i))}
              >
                {t('removeEvse', { number: i + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <FieldErrorAt path="/evses" />
        <button
          type="button"
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm"
          onClick={() => setEvses((list) => [...list, newEvse()])}
        >
          {t('addEvse')}
        </button>
      </fieldset>

      <SubmitButton pendingLabel={template ? tCommon('saving') : tForms('creating')}>
        {template ? t('save') : t('createTemplate')}
      </SubmitButton>
    </ActionForm>
  );
}

/** A short visible label whose accessible name also says which EVSE / connector it belongs to. */
function Labelled({ prefix, children }: { prefix: string; children: string }) {
  return (
    <>
      <span className="sr-only">{prefix}</span>
      {children}
    </>
  );
}
