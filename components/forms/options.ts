/** Select options whose labels are the values themselves (vocabulary codes such as `AC_3_PHASE`). */
export const valueOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
