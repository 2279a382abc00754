import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ConnectorsTable } from '@/components/charge-stations/connectors-table';
import { EditAndDelete } from '@/components/forms/edit-and-delete';
import { TemplateForm } from '@/components/hardware-templates/template-form';
import { updatedRow } from '@/components/layout/detail-list';
import { DetailPage } from '@/components/layout/detail-page';
import { Panel } from '@/components/layout/panel';
import { canCpoWide } from '@/lib/auth/context';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { getHardwareTemplate } from '@/lib/services/hardware-templates';
import { formatNumber } from '@/lib/format';
import { deleteTemplateAction, replaceTemplateAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('HardwareTemplates');
  return { title: t('templateTitle') };
}

type Props = { params: Promise<{ id: string }> };

export default async function HardwareTemplatePage({ params }: Props) {
  const { ctx, object: template } = await loadDetailPage(params, getHardwareTemplate);
  const [t, locale] = await Promise.all([getTranslations('HardwareTemplates'), getLocale()]);
  const chargerType = template.max_power_kw
    ? t('chargerTypeValue', { type: template.charger_type, power: formatNumber(template.max_power_kw, locale) })
    : template.charger_type;
  const rows: [ReactNode, ReactNode][] = [
    [t('vendorModel'), [template.vendor, template.model].filter(Boolean).join(' ') || '—'],
    [t('chargerType'), chargerType],
    [t('evses'), formatNumber(template.evses.length, locale)],
    updatedRow(template),
  ];
  return (
    <DetailPage title={template.name} rows={rows}>
      <Panel id="blueprint" title={t('blueprint')} framed={false}>
        {template.evses.length === 0 && <p className="text-slate-500">{t('noEvses')}</p>}
        {template.evses.map((evse, i) => (
          <div key={i} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="font-medium">
              {evse.physical_reference
                ? t('evseWithReference', { number: i + 1, reference: evse.physical_reference })
                : t('evse', { number: i + 1 })}
            </p>
            <ConnectorsTable label={t('connectorsOf', { number: i + 1 })} connectors={evse.connectors} />
          </div>
        ))}
      </Panel>
      {canCpoWide(ctx, 'station:write') && (
        <EditAndDelete what={t('template')} target={template} remove={deleteTemplateAction} consequence={t('deleteConsequence')}>
          <TemplateForm action={replaceTemplateAction} template={template} />
        </EditAndDelete>
      )}
    </DetailPage>
  );
}
