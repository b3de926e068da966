/**
 * What operators and benchmarks see of the gateway: alarms, counters (mirrored into the media driver by the agent),
 * the latency probe, the idle mode and configuration errors. Every class here may be used from any thread:
 * counts are atomic, and nothing here holds gateway state.
 */
package io.basis.gateway.ops;
