/** Select options whose labels are the values themselves (vocabulary codes such as `AC_3_PHASE`). */
export const valueOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** A vocabulary code as people read it: `PARKING_GARAGE` → "Parking garage". */
export const inWords = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/** A message that may start with an object's kind (Dutch puts the verb last: "tarief verwijderen…") starts with a capital. */
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
