// An import worker in a process of its own, for the restart test: runs import rounds until killed.
const { runImports } = await import('@/lib/services/imports');
for (;;) if (!(await runImports())) await new Promise((resolve) => setTimeout(resolve, 20));

export {};
