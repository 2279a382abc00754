import { useLocale, useTranslations } from 'next-intl';
import { LanguageSwitch } from './language-switch';

/** The language switch, worded on the server (header and sign-in page). */
export function LanguageChoice({ action }: { action: (form: FormData) => Promise<void> }) {
  const t = useTranslations();
  return (
    <LanguageSwitch
      action={action}
      current={useLocale()}
      words={{ label: t('Shell.language'), names: { en: t('Language.en'), nl: t('Language.nl') } }}
    />
  );
}
