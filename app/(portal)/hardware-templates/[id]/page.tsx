import type { Metadata } from 'next';
import { ConnectorsTable } from '@/components/charge-stations/connectors-table';
import { EditAndDelete } from '@/components/forms/edit-and-delete';
import { TemplateForm } from '@/components/hardware-templates/template-form';
import { updatedRow } from '@/components/layout/detail-list';
import { DetailPage } from '@/components/layout/detail-page';
import { Panel } from '@/components/layout/panel';
import { canCpoWide } from '@/lib/auth/context';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { getHardwareTemplate } from '@/lib/services/hardware-templates';
import { deleteTemplateAction, replaceTemplateAction } from './actions';

export const metadata: Metadata = { title: 'Hardware template' };

type Props = { params: Promise<{ id: string }> };

const DELETE_CONSEQUENCE = 'Stations already made from this template keep their copy of it.';

export default async function HardwareTemplatePage({ params }: Props) {
  const { ctx, object: template } = await loadDetailPage(params, getHardwareTemplate);
  const rows: [string, string][] = [
    ['Vendor / model', [template.vendor, template.model].filter(Boolean).join(' ') || '—'],
    ['Charger type', `${template.charger_type}${template.max_power_kw ? `, ${template.max_power_kw} kW` : ''}`],
    ['EVSEs', String(template.evses.length)],
    updatedRow(template),
  ];
  return (
    <DetailPage title={template.name} rows={rows}>
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
      {canCpoWide(ctx, 'station:write') && (
        <EditAndDelete what="template" target={template} remove={deleteTemplateAction} consequence={DELETE_CONSEQUENCE}>
          <TemplateForm action={replaceTemplateAction} template={template} />
        </EditAndDelete>
      )}
    </DetailPage>
  );
}
