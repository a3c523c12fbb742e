// Temporal clean-up shared by the benchmarks that run the whole platform.

/**
 * Terminates every workflow still running in the client's namespace (the run's own, so nothing
 * else is touched): processes that wait for people would otherwise stay open in the server.
 */
export async function terminateRunningWorkflows(temporal, reason = 'benchmark finished') {
  const running = [];
  for await (const execution of temporal.workflow.list({ query: "ExecutionStatus = 'Running'" })) {
    running.push(execution.workflowId);
  }
  let terminated = 0;
  for (let i = 0; i < running.length; i += 10) {
    const results = await Promise.allSettled(
      running.slice(i, i + 10).map((id) => temporal.workflow.getHandle(id).terminate(reason)),
    );
    terminated += results.filter((r) => r.status === 'fulfilled').length;
  }
  return { terminated, running: running.length };
}
