/** The address stations connect to, as the scripts print it. */
export function gatewayUrl(hostname: string, port: number): string {
  const host = ['0.0.0.0', '::'].includes(hostname) ? 'localhost' : hostname;
  return `ws://${host}:${port}/ocpp/{ocpp_id}`;
}
