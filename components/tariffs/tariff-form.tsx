'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
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
  const t = useTranslations('Tariffs');
  const tCommon = useTranslations('Common');
  const tForms = useTranslations('Forms');
  const locale = useLocale();
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
    <ActionForm action={action} label={tariff ? t('edit') : t('new')} className="space-y-4">
      <VersionFields target={tariff} />
      <div className="grid gap-3 sm:grid-cols-3">
        {!tariff && (
          <TextField
            name="id"
            label={t('code')}
            required
            autoComplete="off"
            hint={t('codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
        <TextField name="name" label={t('name')} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          name="currency"
          label={t('currency')}
          required
          maxLength={3}
          hint={t('currencyHint')}
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
        />
      </div>

      {simple ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t('pricesLegend')}</legend>
          <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {PRICE_FIELDS.map((field) => (
              <TextField
                key={field.type}
                name={`price_${field.type}`}
                label={t('priceLabel', { label: t(`field.${field.type}`), unit: t(`unit.${field.type}`) })}
                inputMode="decimal"
                path={pricePath(field.type, filled)}
                value={prices[field.type]}
                onChange={(e) => setPrices((p) => ({ ...p, [field.type]: e.target.value }))}
              />
            ))}
            <TextField
              name="vat"
              label={t('vatPercent')}
              inputMode="decimal"
              path={pricePath('ENERGY', filled, 'vat')}
              value={vat}
              onChange={(e) => setVat(e.target.value)}
            />
          </div>
          {Object.entries(start.steps).map(([type, step]) => (
            <input key={type} type="hidden" name={`step_${type}`} value={step} />
          ))}
          <FieldErrorAt path="/elements/0/price_components" fallback={t('atLeastOnePrice')} />
        </fieldset>
      ) : (
        <div className="space-y-1 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="font-medium">{t('prices')}</p>
          <p>{describePrices(tariff!, { locale, unit: (type) => t(`unit.${type}`), restricted: t('restricted') })}</p>
          <p className="text-slate-600">{t('restrictedNote')}</p>
          <input type="hidden" name="elements_json" value={JSON.stringify(tariff!.elements)} />
        </div>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('offeredTo')}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="offer" value="all" checked={offer === 'all'} onChange={() => setOffer('all')} />
            {t('everyTenant')}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="offer" value="chosen" checked={offer === 'chosen'} onChange={() => setOffer('chosen')} />
            {t('chosenTenants')}
          </label>
        </div>
        {offer === 'chosen' && (
          <fieldset className="space-y-1 rounded border border-slate-200 p-2">
            <legend className="sr-only">{t('tenants')}</legend>
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

      <SubmitButton pendingLabel={tariff ? tCommon('saving') : tForms('creating')}>{tariff ? t('save') : t('createTariff')}</SubmitButton>
    </ActionForm>
  );
}
