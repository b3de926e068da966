/**
 * The FIX gateway process: {@link io.basis.gateway.Gateway} assembles it, {@link io.basis.gateway.GatewayMain} runs
 * it, and {@link io.basis.gateway.GatewayAgent} is the one thread that owns its state: it polls the engine's stream,
 * drains what QuickFIX/J's threads hand over ({@link io.basis.gateway.ExchangeInbound}) and drives every translator.
 * The packages below are layered without a cycle: {@code ops} (alarms, counters, probe), {@code link} (the engine
 * publication, the hand-off from QuickFIX/J), {@code session} (QuickFIX/J sessions, callbacks, dialects, routing) and
 * {@code journal}, then {@code order} and {@code marketdata}, then this package. Threads and what each owns:
 * {@code docs/architecture.md}, "Gateway threads".
 */
package io.basis.gateway;
