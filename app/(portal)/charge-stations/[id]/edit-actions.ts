'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { formInput, nullableText, optionalNumber, optionalText, stringList } from '@/lib/actions/form-input';
import { versionedTarget } from '@/lib/actions/versioned-target';
import { chargeStationPatchSchema, configurationPatchSchema, maintenanceWindowSchema } from '@/lib/schemas/charge-station';
import {
  addMaintenanceWindow as addWindow,
  removeMaintenanceWindow as removeWindow,
  updateChargeStation,
  updateConfiguration,
} from '@/lib/services/charge-stations';

const refresh = (id: string) => revalidatePath(`/charge-stations/${id}`);

/** A `datetime-local` value (shown as UTC) as an RFC 3339 UTC timestamp; anything else goes to the schema as is. */
function utcTimestamp(value: unknown): unknown {
  const text = optionalText(value);
  return text && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text}:00Z` : text;
}

/** Identity and hardware: a merge patch of the fields the form shows. */
export const saveStationDetails = defineAction({
  schema: versionedTarget(
    formInput(chargeStationPatchSchema, (f) => ({
      name: nullableText(f.name),
      vendor: nullableText(f.vendor),
      model: nullableText(f.model),
      serial_number: nullableText(f.serial_number),
      firmware_version: nullableText(f.firmware_version),
      charger_type: optionalText(f.charger_type),
      access: nullableText(f.access),
      max_power_kw: optionalNumber(f.max_power_kw) ?? null,
    })),
  ),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateChargeStation({ ctx, id, body, mode: 'merge', expectedVersion: version });
    refresh(id);
  },
  success: (t) => t('Done.stationDetailsSaved'),
});

/** Remarks and custom groups (a new group name creates the group in the station's tenant). */
export const saveStationNotes = defineAction({
  schema: versionedTarget(
    formInput(chargeStationPatchSchema, (f) => ({ remarks: nullableText(f.remarks), custom_groups: stringList(f.custom_groups) })),
  ),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await updateChargeStation({ ctx, id, body, mode: 'merge', expectedVersion: version });
    refresh(id);
  },
  success: (t) => t('Done.remarksAndGroupsSaved'),
});

/** Sets one configuration key, or removes it when `remove` is sent (merge patch with null). */
export const saveConfigurationKey = defineAction({
  schema: versionedTarget(
    z.object({
      key: z.string().trim().min(1, 'enter a key').max(50),
      value: z.string().max(500).optional(),
      remove: z.string().optional(),
    }),
  ),
  run: async ({ ctx, input }) => {
    const patch = configurationPatchSchema.parse({ [input.key]: input.remove ? null : (input.value ?? '') });
    await updateConfiguration({ ctx, id: input.id, patch, expectedVersion: input.version });
    refresh(input.id);
  },
  success: (t) => t('Done.configurationSaved'),
});

/** Adds a maintenance window to those the station had at the version shown. */
export const addMaintenanceWindow = defineAction({
  schema: versionedTarget(
    formInput(maintenanceWindowSchema, (f) => ({
      starts_at: utcTimestamp(f.starts_at),
      ends_at: utcTimestamp(f.ends_at),
      reason: nullableText(f.reason),
    })),
  ),
  run: async ({ ctx, input: { id, version, ...window } }) => {
    await addWindow({ ctx, id, input: window, expectedVersion: version });
    refresh(id);
  },
  success: (t) => t('Done.maintenanceWindowAdded'),
});

export const removeMaintenanceWindow = defineAction({
  schema: versionedTarget(z.object({ index: z.coerce.number().int().min(0) })),
  run: async ({ ctx, input }) => {
    await removeWindow({ ctx, id: input.id, index: input.index, expectedVersion: input.version });
    refresh(input.id);
  },
  success: (t) => t('Done.maintenanceWindowRemoved'),
});
