/** Select options whose labels are the values themselves (vocabulary codes such as `AC_3_PHASE`). */
export const valueOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** A vocabulary code as people read it: `PARKING_GARAGE` → "Parking garage". */
export const inWords = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
