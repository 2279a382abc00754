'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { FieldErrorAt, TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import {
  describePrices,
  filledPriceTypes,
  isSimpleTariff,
  PRICE_FIELDS,
  pricePath,
  simplePrices,
  type OfferChoice,
} from '@/lib/view/tariffs';
import type { TenantChoice } from '@/lib/portal/tenant-choices';
import type { Tariff } from '@/lib/schemas/tariff';

type Props = {
  action: FormAction;
  /** Tenants a tariff may be offered to. */
  tenants: TenantChoice[];
  /** The tariff being edited; without it the form creates one. */
  tariff?: Tariff;
};

/**
 * Create or edit a tariff: code (on create), name, currency, the common prices as one element
 * and whom it is offered to. A tariff with restrictions or several elements keeps its prices
 * (edited through the API); the rest of it can still be changed here.
 */
export function TariffForm({ action, tenants, tariff }: Props) {
  const simple = !tariff || isSimpleTariff(tariff);
  const start =
    tariff && simple ? simplePrices(tariff) : { prices: { ENERGY: '', TIME: '', PARKING_TIME: '', FLAT: '' }, steps: {}, vat: '' };
  const [code, setCode] = useState('');
  const [name, setName] = useState(tariff?.name ?? '');
  const [currency, setCurrency] = useState(tariff?.currency ?? 'EUR');
  const [prices, setPrices] = useState(start.prices);
  const [vat, setVat] = useState(start.vat);
  const [offer, setOffer] = useState<OfferChoice>(tariff && tariff.tenant_ids.length > 0 ? 'chosen' : 'all');
  const [chosen, setChosen] = useState<string[]>(tariff?.tenant_ids ?? []);
  const filled = filledPriceTypes(prices);
  return (
    <ActionForm action={action} label={tariff ? 'Edit tariff' : 'New tariff'} className="space-y-4">
      <VersionFields target={tariff} />
      <div className="grid gap-3 sm:grid-cols-3">
        {!tariff && (
          <TextField
            name="id"
            label="Code"
            required
            autoComplete="off"
            hint="A–Z, 0–9, _ and -; cannot be changed later"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
        <TextField name="name" label="Name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          name="currency"
          label="Currency"
          required
          maxLength={3}
          hint="ISO 4217, e.g. EUR"
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
        />
      </div>

      {simple ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Prices (excluding VAT; leave empty what does not apply)</legend>
          <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {PRICE_FIELDS.map((field) => (
              <TextField
                key={field.type}
                name={`price_${field.type}`}
                label={`${field.label} (${field.unit})`}
                inputMode="decimal"
                path={pricePath(field.type, filled)}
                value={prices[field.type]}
                onChange={(e) => setPrices((p) => ({ ...p, [field.type]: e.target.value }))}
              />
            ))}
            <TextField
              name="vat"
              label="VAT %"
              inputMode="decimal"
              path={pricePath('ENERGY', filled, 'vat')}
              value={vat}
              onChange={(e) => setVat(e.target.value)}
            />
          </div>
          {Object.entries(start.steps).map(([type, step]) => (
            <input key={type} type="hidden" name={`step_${type}`} value={step} />
          ))}
          <FieldErrorAt path="/elements/0/price_components" fallback="Enter at least one price." />
        </fieldset>
      ) : (
        <div className="space-y-1 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="font-medium">Prices</p>
          <p>{describePrices(tariff!)}</p>
          <p className="text-slate-600">
            This tariff has time, day or usage restrictions; its prices are kept as they are (change them through the API).
          </p>
          <input type="hidden" name="elements_json" value={JSON.stringify(tariff!.elements)} />
        </div>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Offered to</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="offer" value="all" checked={offer === 'all'} onChange={() => setOffer('all')} />
            Every tenant
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="offer" value="chosen" checked={offer === 'chosen'} onChange={() => setOffer('chosen')} />
            Only the tenants chosen below
          </label>
        </div>
        {offer === 'chosen' && (
          <fieldset className="space-y-1 rounded border border-slate-200 p-2">
            <legend className="sr-only">Tenants</legend>
            <div className="flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
              {tenants.map((tenant) => (
                <label key={tenant.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="tenant_ids[]"
                    value={tenant.id}
                    checked={chosen.includes(tenant.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, tenant.id] : c.filter((id) => id !== tenant.id)))}
                  />
                  {tenant.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <FieldErrorAt path="/tenant_ids" />
      </fieldset>

      <SubmitButton pendingLabel={tariff ? 'Saving…' : 'Creating…'}>{tariff ? 'Save tariff' : 'Create tariff'}</SubmitButton>
    </ActionForm>
  );
}
