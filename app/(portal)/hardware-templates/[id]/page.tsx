import type { Metadata } from 'next';
import { TemplateForm } from '@/components/hardware-templates/template-form';
import { DetailList } from '@/components/layout/detail-list';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { canCpoWide } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { orNotFound } from '@/lib/portal/or-not-found';
import { getHardwareTemplate } from '@/lib/services/hardware-templates';
import { deleteTemplateAction, replaceTemplateAction } from './actions';
import { ConnectorsTable } from '@/components/charge-stations/connectors-table';
import { Panel } from '@/components/layout/panel';
import { formatTimestamp } from '@/lib/format';

export const metadata: Metadata = { title: 'Hardware template' };

type Props = { params: Promise<{ id: string }> };

export default async function HardwareTemplatePage({ params }: Props) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const template = await orNotFound(() => getHardwareTemplate({ ctx, id }));
  const mayManage = canCpoWide(ctx, 'station:write');
  const rows: [string, string][] = [
    ['Vendor / model', [template.vendor, template.model].filter(Boolean).join(' ') || '—'],
    ['Charger type', `${template.charger_type}${template.max_power_kw ? `, ${template.max_power_kw} kW` : ''}`],
    ['EVSEs', String(template.evses.length)],
    ['Updated', `${formatTimestamp(template.updated_at)} (version ${template.version})`],
  ];
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{template.name}</h1>
      <DetailList rows={rows} />
      <Panel id="blueprint" title="EVSE blueprint" framed={false}>
        {template.evses.length === 0 && <p className="text-slate-500">No EVSEs.</p>}
        {template.evses.map((evse, i) => (
          <div key={i} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="font-medium">
              EVSE {i + 1}
              {evse.physical_reference ? ` — ${evse.physical_reference}` : ''}
            </p>
            <ConnectorsTable label={`Connectors of EVSE ${i + 1}`} connectors={evse.connectors} />
          </div>
        ))}
      </Panel>
      {mayManage && (
        <>
          <Panel id="edit-template" title="Edit template">
            <TemplateForm action={replaceTemplateAction} template={template} />
          </Panel>
          <ConfirmDelete
            action={deleteTemplateAction}
            id={template.id}
            version={template.version}
            what="template"
            consequence="Stations already made from this template keep their copy of it."
          />
        </>
      )}
    </article>
  );
}
