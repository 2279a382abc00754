// Module resolve hook registered by node-server-runtime.mjs: 'server-only' as Next resolves it
// for server code (its `react-server` export, an empty module); every other import is untouched.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'server-only') return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
}
