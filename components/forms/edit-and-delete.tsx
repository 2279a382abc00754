import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { sentence } from '@/components/forms/options';
import { Panel } from '@/components/layout/panel';
import type { FormAction } from '@/lib/actions/define-action';

type Props = {
  /** The object's kind in the user's language ("tariff", "tarief"): it names the panel and the delete button. */
  what: string;
  target: { id: string; version: number };
  remove: FormAction;
  /** What deleting it does, or when it is refused. */
  consequence: string;
  /** The edit form. */
  children: ReactNode;
};

/** The edit panel and the two-step delete under a catalog object's details, for those who may manage it. */
export function EditAndDelete({ what, target, remove, consequence, children }: Props) {
  const t = useTranslations('Forms');
  return (
    <>
      <Panel id={`edit-${what.replace(/\s+/g, '-')}`} title={sentence(t('editTitle', { what }))}>
        {children}
      </Panel>
      <ConfirmDelete action={remove} target={target} what={what} consequence={consequence} />
    </>
  );
}
