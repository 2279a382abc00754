/** The connector of the documentation's station and template examples: a 22 kW Type 2 socket. */
export const t2SocketExample = {
  id: '1',
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 400,
  max_amperage: 32,
  max_electric_power: 22000,
} as const;
