'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { formInput, optionalText } from '@/lib/actions/form-input';
import { commissioningTestSchema } from '@/lib/portal/installer';
import { versionedRef, versionedTarget } from '@/lib/actions/versioned-target';
import { availabilitySchema, linkSchema, resetSchema, setTariffsSchema } from '@/lib/schemas/charge-station';
import {
  linkChargeStation,
  resetChargeStation,
  setAvailability,
  setTariffs,
  startTestRun,
  unlinkChargeStation,
} from '@/lib/services/charge-stations';

const refresh = (id: string) => revalidatePath(`/charge-stations/${id}`);

/** Desired availability of the station, or of one EVSE (`evse_uid`). */
export const setStationAvailability = defineAction({
  schema: versionedTarget(
    formInput(availabilitySchema, (f) => {
      const evse = optionalText(f.evse_uid);
      return { availability: f.availability, ...(evse ? { evse_uids: [evse] } : {}) };
    }),
  ),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await setAvailability({ ctx, id, input: body, expectedVersion: version });
    refresh(id);
  },
  success: (t) => t('Done.availabilitySaved'),
});

/** Tariff codes of every connector, or of one connector (`connector` = `<evse uid>/<connector id>`). */
export const setStationTariffs = defineAction({
  schema: versionedTarget(
    formInput(setTariffsSchema, (f) => {
      const tariff_ids = Array.isArray(f.tariff_ids) ? f.tariff_ids : [];
      const connector = optionalText(f.connector);
      if (!connector) return { tariff_ids };
      const slash = connector.indexOf('/');
      return { tariff_ids, connectors: [{ evse_uid: connector.slice(0, slash), connector_id: connector.slice(slash + 1) }] };
    }),
  ),
  run: async ({ ctx, input: { id, version, ...body } }) => {
    await setTariffs({ ctx, id, input: body, expectedVersion: version });
    refresh(id);
  },
  success: (t) => t('Done.tariffCodesSaved'),
});

export const linkStation = defineAction({
  schema: versionedTarget(formInput(linkSchema, (f) => ({ location_id: optionalText(f.location_id) }))),
  run: async ({ ctx, input }) => {
    await linkChargeStation({ ctx, id: input.id, locationId: input.location_id, expectedVersion: input.version });
    refresh(input.id);
  },
  success: (t) => t('Done.linkedToTheLocation'),
});

export const unlinkStation = defineAction({
  schema: versionedRef,
  run: async ({ ctx, input }) => {
    await unlinkChargeStation({ ctx, id: input.id, expectedVersion: input.version });
    refresh(input.id);
  },
  success: (t) => t('Done.unlinked'),
});

/** SOFT or HARD reset; waits a few seconds for the station's answer (its status goes back to the form). */
export const resetStation = defineAction({
  schema: z.object({ id: z.string().min(1) }).and(formInput(resetSchema, (f) => ({ type: f.type }))),
  run: async ({ ctx, input }) => {
    const command = await resetChargeStation({ ctx, id: input.id, input: { type: input.type } });
    refresh(input.id);
    return command;
  },
  success: (t) => t('Done.resetRequested'),
  data: (command) => ({ status: command.status }),
});

/** A commissioning run from the station's Test runs tab, with a charge on the chosen connector. */
export const runStationTest = defineAction({
  schema: commissioningTestSchema,
  run: async ({ ctx, input: { id, ...body } }) => {
    await startTestRun({ ctx, id, input: body });
    refresh(id);
  },
  success: (t) => t('Done.testStarted'),
});
