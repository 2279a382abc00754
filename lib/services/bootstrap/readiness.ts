// Shared through globalThis: the launcher sets it, the Next.js bundle (a separate module copy) reads it.
const holder = globalThis as typeof globalThis & { __clmReady?: boolean };

export const markReady = () => {
  holder.__clmReady = true;
};
export const isReady = () => holder.__clmReady === true;
