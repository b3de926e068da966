/**
 * The gateway's links between threads and to the engine: {@link io.basis.gateway.link.FixHandOff}, the lock-free
 * queue through which QuickFIX/J's threads hand every message to the gateway agent, and
 * {@link io.basis.gateway.link.EnginePublisher}, the agent's own publication to the engine with its backlog; the
 * {@link io.basis.gateway.link.InstrumentDirectory} of what the engine defined. Only the hand-off's offer methods
 * run on QuickFIX/J's socket and timer threads; everything else belongs to the gateway agent.
 */
package io.basis.gateway.link;
