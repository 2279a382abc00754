import { nullableText, optionalNumber, optionalText, stringList, type FormFields } from '@/lib/actions/form-input';

const EVSE_FIELD = /^evses\.(\d+)\.([a-z_]+)$/;
const CONNECTOR_FIELD = /^evses\.(\d+)\.connectors\.(\d+)\.([a-z_]+)$/;
const NUMBER_FIELDS = new Set(['max_voltage', 'max_amperage', 'max_electric_power']);

type Row = Record<string, unknown>;

/**
 * The EVSE blueprint from fields named like the API's JSON pointers (`evses.0.connectors.1.standard`),
 * so an error at `/evses/0/connectors/1/max_electric_power` lands on the field that caused it.
 */
export function evsesOf(form: FormFields): Row[] {
  const evses: { fields: Row; connectors: Row[] }[] = [];
  const evse = (i: number) => (evses[i] ??= { fields: {}, connectors: [] });
  for (const [key, value] of Object.entries(form)) {
    const c = CONNECTOR_FIELD.exec(key);
    if (c) {
      const connectors = evse(Number(c[1])).connectors;
      const connector = (connectors[Number(c[2])] ??= {});
      connector[c[3]!] = NUMBER_FIELDS.has(c[3]!) ? optionalNumber(value) : optionalText(value);
      continue;
    }
    const e = EVSE_FIELD.exec(key);
    if (e) evse(Number(e[1])).fields[e[2]!] = value;
  }
  return [...evses].filter(Boolean).map(({ fields, connectors }) => ({
    ...(stringList(fields.capabilities).length ? { capabilities: stringList(fields.capabilities) } : {}),
    physical_reference: nullableText(fields.physical_reference),
    floor_level: nullableText(fields.floor_level),
    connectors: [...connectors]
      .filter(Boolean)
      .map((connector) => ({ ...connector, max_electric_power: connector.max_electric_power ?? null })),
  }));
}

/** The template form's strings as the API body (POST, or the full state for a PUT). */
export function templateBody(form: FormFields) {
  return {
    name: optionalText(form.name),
    vendor: nullableText(form.vendor),
    model: nullableText(form.model),
    charger_type: optionalText(form.charger_type),
    max_power_kw: optionalNumber(form.max_power_kw) ?? null,
    evses: evsesOf(form),
  };
}
